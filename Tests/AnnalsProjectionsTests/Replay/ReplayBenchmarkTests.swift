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

    @Test(.enabled(if: readouts > 0)) func replayKeepsUpWithARawScan() throws {
        let db = try TemporaryLog()
        let codes = ["AZ", "KZ", "KE", "PK", "FR", "RU", "VN", "US", "ID", "AU", "PE", "ZA", "MX", "GE", "MY", "LB", "IQ", "SY", "MM", "CH"]
        var generator = SystemRandomNumberGenerator()
        let text = String(repeating: "On the afternoon of July 3, 2024 local time, President Xi Jinping met with the visiting president. ", count: 20)
        let started = Date()
        for n in 0..<ReplayBenchmarkTests.readouts {
            let other = codes[n % codes.count]
            let date = String(format: "20%02d-%02d-%02d", 15 + n % 11, 1 + n % 12, 1 + (n / 12) % 28)
            let person = "Leader Number\(n % 2000)"
            let evidence: [[String: Any]] = [["quote": "President Xi Jinping met with the visiting president", "start": 40, "end": 92]]
            var facts: [[String: Any]] = [
                Gold.meeting(date, [(person, other, "President"), Gold.xi], city: "Beijing"),
                Gold.partnership("CN", other, LevelRanking.canonicalOrder[Int.random(in: 0..<18, using: &generator)], date),
                Gold.document("agreement", ["CN", other].sorted(), date, count: n % 30),
                Gold.document("joint statement", ["CN", other].sorted(), date, count: 1, title: "Joint Statement \(n)"),
                ["type": "attendance", "persons": ["Wang Yi", "Cai Qi"], "date": date],
                ["type": "position", "holder": "CN", "stance": "supports-sovereignty", "target": other],
                ["type": "cooperation", "parties": ["CN", other].sorted(), "areas": ["trade", "investment"]],
                ["type": "ceremony", "kind": "banquet", "date": date, "host": "Xi Jinping", "guest": person],
                ["type": "ceremony", "kind": "welcoming ceremony", "date": date, "host": "Xi Jinping", "guest": person],
            ]
            for i in facts.indices { facts[i]["evidence"] = evidence }
            try db.appendReadout("bench/\(n).txt", text: text, facts: facts)
        }
        let ingest = Date().timeIntervalSince(started)
        let events = try db.log.count()

        let scanStarted = Date()
        var bytes = 0
        try db.log.forEachEvent { bytes += $0.payload?.count ?? 0 }
        let scan = Date().timeIntervalSince(scanStarted)

        let report = try Replay(log: db.log).run()
        print("""
            bench: \(ReplayBenchmarkTests.readouts) readouts, \(events) events; ingest with projector \(String(format: "%.1f", ingest)) s \
            (\(Int(Double(events) / ingest)) events/s); raw scan \(Int(Double(events) / scan)) events/s; \
            replay \(Int(report.eventsPerSecond)) events/s (\(String(format: "%.2f", report.eventsPerSecond / (Double(events) / scan)))× scan); \
            max RSS \(ReplayBenchmarkTests.maxRSSMegabytes()) MB; equal \(report.equal)
            """)
        #expect(report.equal)
    }

    static func maxRSSMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss / 1024)
    }
}
