import AnnalsLog
import AnnalsProjections
import Foundation
import Testing

/// Replay speed against a raw scan of the events table, and the writer's memory, on a synthetic
/// log. Runs only with `ANNALS_BENCH_READOUTS=N` set (use a release build):
/// `ANNALS_BENCH_READOUTS=20000 swift test -c release --filter ReplayBenchmark`.
@Suite(.serialized)
struct ReplayBenchmarkTests {
    static let readouts = Int(ProcessInfo.processInfo.environment["ANNALS_BENCH_READOUTS"] ?? "") ?? 0
    /// `ANNALS_BENCH_NO_PROJECTOR=1`: append without the projector, for the log's own ingest rate.
    static let withoutProjector = ProcessInfo.processInfo.environment["ANNALS_BENCH_NO_PROJECTOR"] == "1"

    @Test(.enabled(if: readouts > 0)) func replayKeepsUpWithARawScan() throws {
        let db = try TemporaryLog()
        let codes = ["AZ", "KZ", "KE", "PK", "FR", "RU", "VN", "US", "ID", "AU", "PE", "ZA", "MX", "GE", "MY", "LB", "IQ", "SY", "MM", "CH"]
        let text = String(repeating: "On the afternoon of July 3, 2024 local time, President Xi Jinping met with the visiting president. ", count: 20)
        let started = Date()
        let evidence = #""evidence":[{"quote":"President Xi Jinping met with the visiting president","start":40,"end":92}]"#
        for n in 0..<ReplayBenchmarkTests.readouts {
            let other = codes[n % codes.count]
            let pair = ["CN", other].sorted()
            let parties = "[\"\(pair[0])\",\"\(pair[1])\"]"
            let date = String(format: "20%02d-%02d-%02d", 15 + n % 11, 1 + n % 12, 1 + (n / 12) % 28)
            let person = "Leader Number\(n % 2000)"
            let name = "bench/\(n).txt"
            // Levels climb with the years (ladders of six steps, as real pairs have), and
            // readouts arrive in no particular date order.
            let level = LevelRanking.canonicalOrder[(n % 11) / 2]
            let common = #""source":"\#(name)","extractor":"bench/1","date":"\#(date)",\#(evidence)"#
            let facts: [(String, String)] = [
                ("MeetingHeld", #"{"id":"\#(n)-m","type":"meeting",\#(common),"format":"talks","city":"Beijing","participants":[{"name":"\#(person)","country":"\#(other)","title":"President"},{"name":"Xi Jinping","country":"CN","title":"President"}]}"#),
                ("PartnershipEstablished", #"{"id":"\#(n)-p","type":"partnership",\#(common),"parties":\#(parties),"level":"\#(level)","action":"established"}"#),
                ("DocumentSigned", #"{"id":"\#(n)-d","type":"document",\#(common),"kind":"agreement","parties":\#(parties),"count":\#(n % 30)}"#),
                ("DocumentSigned", #"{"id":"\#(n)-j","type":"document",\#(common),"kind":"joint statement","parties":\#(parties),"count":1,"title":"Joint Statement \#(n)"}"#),
                ("OfficialsAttended", #"{"id":"\#(n)-a","type":"attendance",\#(common),"persons":["Cai Qi","Wang Yi"]}"#),
                ("PositionStated", #"{"id":"\#(n)-s","type":"position",\#(common),"holder":"CN","stance":"supports-sovereignty","target":"\#(other)"}"#),
                ("CooperationAgreed", #"{"id":"\#(n)-c","type":"cooperation",\#(common),"parties":\#(parties),"areas":["investment","trade"]}"#),
                ("CeremonyHeld", #"{"id":"\#(n)-b","type":"ceremony",\#(common),"kind":"banquet","host":"Xi Jinping","guest":"\#(person)"}"#),
                ("CeremonyHeld", #"{"id":"\#(n)-w","type":"ceremony",\#(common),"kind":"welcoming ceremony","host":"Xi Jinping","guest":"\#(person)"}"#),
            ]
            var events = [SourceEvents.added(EventBuilder.sourceContent(name, text: text))]
            for (type, payload) in facts {
                events.append(NewEvent(stream: "relation/\(pair[0])-\(pair[1])", type: type, validOn: date, payload: Array(payload.utf8)))
            }
            if ReplayBenchmarkTests.withoutProjector { try db.log.append(events, expecting: [:]) } else { try db.append(events) }
        }
        let ingest = Date().timeIntervalSince(started)
        if let keep = ProcessInfo.processInfo.environment["ANNALS_TEST_KEEP_DB"], !FileManager.default.fileExists(atPath: keep) {
            try db.log.database.execute("VACUUM INTO '\(keep)'")
        }
        let events = try db.log.count()

        let scanStarted = Date()
        var bytes = 0
        try db.log.forEachEvent { bytes += $0.payload?.count ?? 0 }
        let scan = Date().timeIntervalSince(scanStarted)

        let report = try Replay(log: db.log).run()
        print("""
            bench: \(ReplayBenchmarkTests.readouts) readouts, \(events) events; ingest \(ReplayBenchmarkTests.withoutProjector ? "without" : "with") projector \(String(format: "%.1f", ingest)) s \
            (\(Int(Double(events) / ingest)) events/s); raw scan \(Int(Double(events) / scan)) events/s; \
            replay \(Int(report.eventsPerSecond)) events/s (\(String(format: "%.2f", report.eventsPerSecond / (Double(events) / scan)))× scan); \
            max RSS \(ReplayBenchmarkTests.maxRSSMegabytes()) MB; equal \(report.equal)
            """)
        #expect(report.equal || ReplayBenchmarkTests.withoutProjector)
    }

    static func maxRSSMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss / 1024)
    }
}
