import Foundation
import Testing

/// `annals` copied alone to a folder with no `config/` anywhere above it, run from another such
/// folder with no ANNALS_LEXICON or ANNALS_CONFIG, as after `install annals /usr/local/bin`: it
/// uses the lexicon compiled into it and behaves like the binary in the checkout.
@Suite(.serialized)
struct StandaloneBinaryTests {
    static let seed = AnnalsBinary.repository + "/seeds/000_5751e5ebe8d99155.txt"

    /// A copy of the built `annals` in a fresh temporary folder, run with the checkout's
    /// lexicon and config out of reach.
    static func standalone() throws -> (annals: AnnalsBinary, binFolder: String) {
        let bin = NSTemporaryDirectory() + "annals-standalone-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let copy = bin + "/annals"
        try FileManager.default.copyItem(atPath: AnnalsBinary.locate(), toPath: copy)
        let annals = try AnnalsBinary(executable: copy)
        annals.unsetEnvironment = ["ANNALS_LEXICON", "ANNALS_CONFIG", "ANNALS_DB"]
        for folder in [bin, annals.directory] {
            #expect(lexiconAbove(folder) == nil, "a config/lexicon above \(folder) would hide what this test checks")
        }
        return (annals, bin)
    }

    /// The first `config/lexicon` in `folder` or its ancestors, as `Lexicon.locateDefaultDirectory` looks.
    static func lexiconAbove(_ folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).resolvingSymlinksInPath()
        while true {
            let candidate = url.path + "/config/lexicon/countries.tsv"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    @Test func extractPrintsTheSameFactsAsInTheCheckout() throws {
        let (standalone, bin) = try Self.standalone()
        defer { try? FileManager.default.removeItem(atPath: bin) }
        let alone = try standalone.run("extract", Self.seed, "--json")
        #expect(alone.status == 0, "\(alone.stderr)")
        let envelope = try #require(try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any])
        let facts = try #require(envelope["facts"] as? [[String: Any]])
        #expect(facts.contains { $0["type"] as? String == "partnership" && $0["level"] as? String == "strategic partnership" })

        // Same extractor version (it carries the lexicon's fingerprint), same facts, same ids.
        let inCheckout = try AnnalsBinary().run("extract", Self.seed, "--json")
        #expect(inCheckout.status == 0)
        #expect(alone.stdout == inCheckout.stdout)
    }

    @Test func queriesADatabaseIngestedInTheCheckoutWithoutARebuild() throws {
        let checkout = try AnnalsBinary()
        try checkout.copySeeds()
        let database = checkout.path("annals.sqlite")
        let ingest = try checkout.run("ingest", "seeds", "--db", database)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let expected = try checkout.run("relations", "AZ", "CN", "--json", "--db", database)
        #expect(expected.status == 0)

        let (standalone, bin) = try Self.standalone()
        defer { try? FileManager.default.removeItem(atPath: bin) }
        let relations = try standalone.run("relations", "Azerbaijan", "CN", "--json", "--db", database)
        #expect(relations.status == 0, "\(relations.stderr)")
        // The stored read models were built with the checkout's ranking; the built-in lexicon
        // has the same one, so they are current: no temporary rebuild, no note.
        #expect(!relations.stderr.contains("temporary rebuild"), "\(relations.stderr)")
        #expect(relations.stderr.isEmpty, "\(relations.stderr)")
        #expect(relations.stdout == expected.stdout)
        #expect(relations.stdout.contains("comprehensive strategic partnership"))

        let status = try standalone.run("status", "--db", database)
        #expect(status.stdout.contains("lexicon:   built-in"), "\(status.stdout)")
        #expect(try checkout.run("status", "--db", database).stdout.contains("lexicon:   " + AnnalsBinary.repository + "/config/lexicon"))
    }

    @Test func ingestAndTheDaemonWorkWithTheBuiltInLexicon() throws {
        let (standalone, bin) = try Self.standalone()
        defer { try? FileManager.default.removeItem(atPath: bin) }
        try standalone.copySeeds()
        let ingest = try standalone.run("ingest", "seeds", "--db", "annals.sqlite")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("ingested"))
        let daemon = try standalone.run("daemon", "--once", "--watch", "seeds", "--db", "daemon.sqlite")
        #expect(daemon.status == 0, "\(daemon.stderr)")
        for database in ["annals.sqlite", "daemon.sqlite"] {
            let relations = try standalone.run("relations", "AZ", "CN", "--json", "--db", database)
            #expect(relations.status == 0 && relations.stderr.isEmpty, "\(database): \(relations.stderr)")
            #expect(relations.stdout.contains("comprehensive strategic partnership"), "\(database)")
        }
    }

    @Test func anExplicitLexiconThatCannotBeReadIsStillAnError() throws {
        let (standalone, bin) = try Self.standalone()
        defer { try? FileManager.default.removeItem(atPath: bin) }
        let extract = try standalone.run("extract", Self.seed, "--json", "--lexicon", "/nonexistent/lexicon")
        #expect(extract.status == 1)
        #expect(extract.stdout.isEmpty)
        #expect(extract.stderr.contains("lexicon directory /nonexistent/lexicon cannot be read"), "\(extract.stderr)")

        try standalone.copySeeds()
        let ingest = try standalone.run("ingest", "seeds", "--db", "annals.sqlite", environment: ["ANNALS_LEXICON": "/nonexistent/lexicon"])
        #expect(ingest.status == 2)
        #expect(ingest.stderr.contains("lexicon directory /nonexistent/lexicon cannot be read"), "\(ingest.stderr)")
        // Refused before the database is touched: no empty annals.sqlite left behind.
        #expect(!FileManager.default.fileExists(atPath: standalone.path("annals.sqlite")))
        let daemon = try standalone.run("daemon", "--once", "--watch", "seeds", "--db", "daemon.sqlite",
                                        environment: ["ANNALS_LEXICON": "/nonexistent/lexicon"])
        #expect(daemon.status == 2)
        #expect(!FileManager.default.fileExists(atPath: standalone.path("daemon.sqlite")))
    }
}
