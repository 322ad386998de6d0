import Foundation
import Testing
@testable import AnnalsExtract

/// Loading, errors, ranks and discovery of the lexicon in config/lexicon.
struct LexiconTests {
    static func files() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in Lexicon.requiredFiles + Lexicon.optionalFiles {
            files[name] = try String(contentsOfFile: Support.packageRoot + "/config/lexicon/" + name, encoding: .utf8)
        }
        return files
    }

    @Test func loadsThePackageLexicon() {
        let lexicon = Support.lexicon
        #expect(lexicon.countryName("AZ") == "Azerbaijan")
        #expect(lexicon.countryName("US") == "United States")
        #expect(lexicon.fingerprint.count == 12)
        #expect(lexicon.rank(ofLevel: "comprehensive strategic partnership")! > lexicon.rank(ofLevel: "strategic partnership")!)
        #expect(lexicon.rank(ofLevel: "community with a shared future") == lexicon.levels.map { lexicon.rank(ofLevel: $0)! }.max())
        #expect(lexicon.rank(ofLevel: "eternal friendship") == nil)
    }

    @Test func coversTheUnitedNations() {
        // 193 member states, plus observers and the usual others.
        #expect(Support.lexicon.countries.count >= 195)
    }

    @Test(arguments: [
        ("countries.tsv", "CN\tChina\n", "countries.tsv:1: expected 4 tab-separated fields, found 2"),
        ("titles.tsv", "# comment\nPresident\tPresident\tboss\n", "titles.tsv:2: unknown role 'boss'"),
        ("levels.tsv", "great partnership\tgreat partnership\n", "levels.tsv:1: level 'great partnership' is not ranked"),
        ("ranks.tsv", "partnership\tfirst\n", "ranks.tsv:1: rank 'first' is not a whole number"),
        ("countries.tsv", "China\tChina\tChinese\tBeijing\n", "countries.tsv:1: 'China' is not a two-letter"),
        ("areas.tsv", "trade\t\n", "areas.tsv:1: field 2 is empty"),
    ])
    func malformedFileNamesFileAndLine(file: String, contents: String, message: String) throws {
        var files = try LexiconTests.files()
        files[file] = contents
        do {
            _ = try Lexicon(files: files, directory: "lex")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("lex/" + message))
        }
    }

    @Test func missingFileIsNamed() throws {
        var files = try LexiconTests.files()
        files["levels.tsv"] = nil
        #expect(throws: LexiconError.missingFile(path: "lex/levels.tsv")) { try Lexicon(files: files, directory: "lex") }
        #expect(throws: LexiconError.unreadableDirectory(path: "/nonexistent/lexicon")) { try Lexicon.load(directory: "/nonexistent/lexicon") }
    }

    @Test func windowsLineEndingsReadLikeUnixOnes() throws {
        // An analyst who edits a lexicon file on Windows saves CRLF; every row must still count.
        var files = try LexiconTests.files()
        files["countries.tsv"] = files["countries.tsv"]!.replacingOccurrences(of: "\n", with: "\r\n")
        files["ranks.tsv"] = files["ranks.tsv"]!.replacingOccurrences(of: "\n", with: "\r\n")
        let crlf = try Lexicon(files: files)
        #expect(crlf.countries.count == Support.lexicon.countries.count)
        #expect(crlf.countryName("AZ") == "Azerbaijan")
        #expect(crlf.rank(ofLevel: "strategic partnership") == Support.lexicon.rank(ofLevel: "strategic partnership"))
    }

    @Test func fingerprintFollowsTheContents() throws {
        var files = try LexiconTests.files()
        let before = try Lexicon(files: files).fingerprint
        files["areas.tsv"]! += "hydrogen\thydrogen\n"
        #expect(try Lexicon(files: files).fingerprint != before)
        #expect(Extractor(lexicon: try Lexicon(files: files)).version.hasPrefix("annals-extract/1.0.0+"))
    }

    @Test func discoversTheLexiconFromTheBuiltExecutable() {
        let executable = Support.packageRoot + "/.build/release/annals"
        let found = Lexicon.locateDefaultDirectory(executablePath: executable)
        #expect(found != nil)
        #expect(found.map { FileManager.default.fileExists(atPath: $0 + "/countries.tsv") } == true)
    }
}
