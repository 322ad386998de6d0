import Foundation
import Testing

/// Issue 5's scenario on a database built by `annals ingest seeds`, through the real extractor.
@Suite(.serialized)
struct QueryCommandsTests {
    func json(_ result: AnnalsBinary.Result) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func theAzerbaijanChinaLadderInValidAndTransactionTime() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        let now = json(try annals.run("relations", "AZ", "CN", "--json"))
        #expect(now.first?["level"] as? String == "comprehensive strategic partnership")
        #expect(now.first?["since"] as? String == "2025-04-23")
        let ladder = (now.first?["ladder"] as? [[String: Any]]) ?? []
        #expect(ladder.map { $0["level"] as? String } == ["strategic partnership", "comprehensive strategic partnership"])
        #expect(ladder.map { $0["since"] as? String } == ["2024-07-03", "2025-04-23"])
        #expect(ladder.map { $0["source"] as? String } == ["000_5751e5ebe8d99155.txt", "002_f615c0baa5c69549.txt"])

        let endOf2024 = json(try annals.run("relations", "Azerbaijan", "china", "--as-of", "2024-12-31", "--json"))
        #expect(endOf2024.first?["level"] as? String == "strategic partnership")
        let before = try annals.run("relations", "AZ", "CN", "--as-of", "2024-07-02")
        #expect(before.status == 0)
        #expect(before.stdout.contains("No partnership level recorded"))

        // The last seq of the first readout's transaction: the second readout's SourceAdded is next.
        let log = try annals.run("log", "--json").stdout.split(separator: "\n")
        let secondSource = try #require(log.firstIndex { $0.contains("\"stream\":\"source/002_f615c0baa5c69549.txt\"") && $0.contains("SourceAdded") })
        let knownAt = json(try annals.run("relations", "AZ", "CN", "--known-at", String(secondSource), "--json"))
        #expect(knownAt.first?["level"] as? String == "strategic partnership")

        let fact = try #require(ladder.last?["fact"] as? String)
        let explain = try annals.run("explain", fact)
        #expect(explain.stdout.contains("The two heads of state announced the creation of a complete strategic partnership between China and Azerbaijan."))
    }

    @Test func anAnswerThatCannotBeWrittenFailsLoudly() throws {
        // `annals meetings --json > out.json` on a full disk must not exit 0 with half a file.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        for command in [["meetings", "--json"], ["relations", "--json"], ["sources", "--json"], ["meetings"], ["log"]] {
            let result = try annals.run(arguments: command, stdoutTo: "/dev/full")
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains("could not write the answer to standard output"), "\(command)")
        }
    }

    @Test func anotherAgencysReadoutOfTheSameMeetingIsASecondSource() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.write("seeds/tass_astana.txt", """
            Published: 4 July 2024
            ASTANA, July 3 (TASS) -- Chinese President Xi Jinping and President of Azerbaijan Ilham Aliyev held a meeting \
            in Astana on Wednesday on the sidelines of the SCO summit, the Chinese Foreign Ministry said.
            """)
        let ingest = try annals.run("ingest", "seeds")
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        let meetings = json(try annals.run("meetings", "--json")).filter { $0["date"] as? String == "2024-07-03" }
        #expect(meetings.count == 1)
        #expect(Set((meetings.first?["sources"] as? [String]) ?? []) == ["000_5751e5ebe8d99155.txt", "tass_astana.txt"])
    }

    @Test func badQueryInputIsAClearErrorNotAnEmptySuccess() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        for (arguments, message) in [
            (["relations", "XX", "CN"], "unknown country"),
            (["meetings", "--from", "2024-13-45"], "2024-13-45"),
            (["explain", "f-0000000000000000"], "f-0000000000000000"),
        ] {
            let result = try annals.run(arguments: arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("annals: "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}
