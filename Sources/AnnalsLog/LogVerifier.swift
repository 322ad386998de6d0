import AnnalsDigest

/// Recomputes the whole chain and every payload digest, and checks the sequences.
///
/// A hash chain alone cannot see its tail cut off; `expect` (a head stored outside the
/// database, from `annals checkpoint`) closes that gap.
public struct LogVerifier {
    /// What verification found.
    public struct Report: Sendable, Equatable {
        /// Events read.
        public var events: Int64 = 0
        /// Events whose payload a redaction emptied.
        public var redacted: Int64 = 0
        /// The last event read.
        public var head: LogHead?
        /// The first problem, nil when the log verifies.
        public var problem: Problem?

        public var isValid: Bool { problem == nil }
    }

    /// The first thing wrong, with the seq where it was found.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var seq: Int64
        public var reason: String
        public var description: String { "seq \(seq): \(reason)" }
    }

    public init() {}

    /// Verifies a stream of events in seq order, stopping at the first problem.
    ///
    /// - Parameter expect: a head recorded earlier; the log must still hold it, unchanged.
    public func verify(_ forEach: ((RecordedEvent) throws -> Void) throws -> Void, expect: LogHead? = nil) rethrows -> Report {
        var report = Report()
        var previous: RecordedEvent?
        var streamVersions: [String: Int64] = [:]
        var emptied: [Int64] = []
        var redactionTargets = Set<Int64>()
        var anchorSeen = false
        struct Stop: Error {}
        do {
            try forEach { event in
                report.events += 1
                func fail(_ reason: String) throws -> Never {
                    report.problem = Problem(seq: event.seq, reason: reason)
                    throw Stop()
                }
                let expectedSeq = (previous?.seq ?? 0) + 1
                if event.seq != expectedSeq {
                    try fail("gap in seq: expected \(expectedSeq) after \(previous?.seq ?? 0), found \(event.seq) (events were deleted)")
                }
                let expectedPrev = previous?.hash ?? HashChain.genesis
                if event.prevHash != expectedPrev {
                    try fail("prev_hash does not match the hash of seq \(expectedSeq - 1)")
                }
                if let payload = event.payload {
                    if SHA256.hex(payload) != event.payloadSHA256 {
                        try fail("payload does not match payload_sha256 (the payload was changed)")
                    }
                } else {
                    emptied.append(event.seq)
                }
                if HashChain.expectedHash(of: event) != event.hash {
                    try fail("hash does not match the row (a column was changed)")
                }
                let version = streamVersions[event.stream, default: 0] + 1
                if event.streamVersion != version {
                    try fail("stream \(event.stream) jumps from version \(version - 1) to \(event.streamVersion)")
                }
                streamVersions[event.stream] = version
                if event.type == "PayloadRedacted", let payload = event.payload {
                    redactionTargets.formUnion(RedactionTargets.parse(payload))
                }
                if let expect, event.seq == expect.seq {
                    anchorSeen = true
                    if event.hash != expect.hash {
                        try fail("the anchored head \(expect) does not match: the log now has hash \(event.hash) at that seq (history was rewritten)")
                    }
                }
                report.head = LogHead(seq: event.seq, hash: event.hash, recordedAt: event.recordedAt)
                previous = event
            }
        } catch is Stop {
            return report
        }
        for seq in emptied where !redactionTargets.contains(seq) {
            report.problem = Problem(seq: seq, reason: "payload is empty but no PayloadRedacted event names it")
            return report
        }
        report.redacted = Int64(emptied.count)
        if let expect, !anchorSeen {
            let last = report.head?.seq ?? 0
            report.problem = Problem(seq: last, reason: "the log ends at seq \(last) but the anchored head is at seq \(expect.seq): events were cut off the end")
        }
        return report
    }
}

/// Reads the `targets` array (seqs) of a `PayloadRedacted` payload without a full JSON decode.
enum RedactionTargets {
    static func parse(_ payload: [UInt8]) -> [Int64] {
        let key = Array("\"targets\"".utf8)
        guard let start = payload.firstRange(of: key)?.upperBound else { return [] }
        var index = start
        while index < payload.count, payload[index] != UInt8(ascii: "[") { index += 1 }
        var out: [Int64] = []
        var current: Int64 = -1
        while index < payload.count, payload[index] != UInt8(ascii: "]") {
            let byte = payload[index]
            if byte >= 48 && byte <= 57 {
                current = (current < 0 ? 0 : current) * 10 + Int64(byte - 48)
            } else if current >= 0 {
                out.append(current)
                current = -1
            }
            index += 1
        }
        if current >= 0 { out.append(current) }
        return out
    }
}

extension EventLog {
    /// Verifies this log, optionally against an anchored head.
    public func verify(expect: LogHead? = nil) throws -> LogVerifier.Report {
        try LogVerifier().verify({ body in try forEachEvent(body) }, expect: expect)
    }
}
