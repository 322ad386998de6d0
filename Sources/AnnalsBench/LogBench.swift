import AnnalsLog
import AnnalsProjections
import Foundation

/// The measurements of the real log, on the same workload as `RawSQLite`.
enum LogBench {
    /// Appends the workload through `EventLog.append(_:expecting:within:)`, `batch` events per call
    /// (one transaction each), with the expected version of every stream in the batch checked;
    /// returns seconds.
    static func append(_ workload: Workload, into path: String, batch: Int) throws -> Timing {
        let log = try EventLog(path: path)
        // Build the batches and their expectations before the clock starts: callers have their
        // events in hand when they append.
        var batches: [([NewEvent], [String: ExpectedVersion])] = []
        var seen: [String: Int64] = [:]
        for first in stride(from: 0, to: workload.events.count, by: batch) {
            var events: [NewEvent] = []
            events.reserveCapacity(batch)
            var expecting: [String: ExpectedVersion] = [:]
            for event in workload.events[first..<min(first + batch, workload.events.count)] {
                if expecting[event.stream] == nil {
                    let current = seen[event.stream, default: 0]
                    expecting[event.stream] = current == 0 ? .noStream : .exact(current)
                }
                seen[event.stream] = event.version
                events.append(NewEvent(stream: event.stream, type: event.type, schema: 1, validOn: event.validOn,
                                       payload: event.payload))
            }
            batches.append((events, expecting))
        }
        let start = Timing.now()
        for (events, expecting) in batches {
            try log.append(events, expecting: expecting)
        }
        return Timing.now() - start
    }

    /// Streams the whole log through `forEachEvent`, decoding nothing but touching every payload
    /// byte (as the raw scan does); returns (seconds, events).
    static func scan(_ path: String) throws -> (seconds: Double, events: Int, checksum: UInt64) {
        let log = try EventLog(path: path, access: .readOnly)
        let start = monotonicSeconds()
        var count = 0
        var sum: UInt64 = 0
        try log.forEachEvent { event in
            count += 1
            if let payload = event.payload {
                payload.withUnsafeBufferPointer { sum &+= byteSum($0.baseAddress!, $0.count) }
            }
        }
        return (monotonicSeconds() - start, count, sum)
    }

    /// Rebuilds every projection from the log at `path` with the projections' own `Replay` (a
    /// fresh temporary store, payloads decoded, the same code `annals replay` runs), and returns
    /// (seconds of the rebuild, events, CPU seconds of the whole run). The comparison with live
    /// tables that follows the rebuild is not in `seconds` (the benchmark's log has no live read
    /// models); the CPU seconds cover the whole `run`.
    static func replay(_ path: String) throws -> (seconds: Double, events: Int, cpu: Double)? {
        let log = try EventLog(path: path, access: .readOnly)
        let start = Timing.now()
        let report = try Replay(log: log).run()
        let cpu = (Timing.now() - start).cpu
        FileHandle.standardError.write(Data(("annals-bench: replay rebuilt " + report.projections.map { "\($0.name) \($0.rows) rows" }
            .joined(separator: ", ") + "\n").utf8))
        return (report.seconds, Int(report.events), cpu)
    }

    static let replayPendingReason = "projections' Replay is not available in this build"

    /// Returns a closure that loads one stream through `events(inStream:)` and gives the seconds taken.
    static func streamReader(_ path: String) throws -> (String) throws -> Double {
        let log = try EventLog(path: path, access: .readOnly)
        return { stream in
            let start = monotonicSeconds()
            let events = try log.events(inStream: stream)
            let seconds = monotonicSeconds() - start
            precondition(events.count == Workload.eventsPerStream, "stream \(stream) has \(events.count) events")
            return seconds
        }
    }
}
