import Foundation
import Testing

/// `reextract`: a changed lexicon changes the facts, appended as a difference, once.
@Suite(.serialized)
struct ReextractTests {
    @Test func aNewLexiconAppendsTheDifferenceOnce() throws {
        let annals = try AnnalsBinary()
        try annals.copySeeds()
        try annals.run("ingest", "seeds")
        let unchanged = try annals.run("reextract")
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains("changed 0 sources"))

        // A user drops banquets from the lexicon: the banquet fact is no longer supported.
        let lexicon = annals.path("lexicon")
        try FileManager.default.copyItem(atPath: AnnalsBinary.repository + "/config/lexicon", toPath: lexicon)
        let ceremonies = try String(contentsOfFile: lexicon + "/ceremonies.tsv", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasSuffix("\tbanquet") }.joined(separator: "\n")
        try Data(ceremonies.utf8).write(to: URL(fileURLWithPath: lexicon + "/ceremonies.tsv"))
        let environment = ["ANNALS_LEXICON": lexicon]

        let dry = try annals.run("reextract", "--dry-run", environment: environment)
        #expect(dry.stdout.contains("would change 1 sources"), "\(dry.stdout)\(dry.stderr)")
        let before = try annals.run("log", "--json").stdout.split(separator: "\n").count
        let first = try annals.run("reextract", environment: environment)
        #expect(first.stdout.contains("changed 1 sources"), "\(first.stdout)\(first.stderr)")
        let log = try annals.run("log", "--json").stdout
        #expect(log.split(separator: "\n").count > before)
        #expect(log.contains("\"type\":\"SourceReextracted\""))
        #expect(log.contains("re-extracted by annals-extract/"))
        let second = try annals.run("reextract", environment: environment)
        #expect(second.stdout.contains("changed 0 sources"))
        #expect(try annals.run("log", "--json").stdout.split(separator: "\n").count == log.split(separator: "\n").count)
        #expect(try annals.run("replay").status == 0)
        #expect(try annals.run("verify").status == 0)
    }
}
