import Foundation
import Testing
import AnnalsExtract

/// The lexicon compiled into the binary by the EmbedLexicon plugin is config/lexicon, byte for
/// byte: same files, same fingerprint, same countries and levels. If the plugin stopped running,
/// embedded a stale copy, or escaped a character wrongly, these fail.
struct EmbeddedLexiconTests {
    static let directory = Support.packageRoot + "/config/lexicon"

    @Test func builtInFilesAreTheFilesOfConfigLexicon() throws {
        let disk = try LexiconSource.directory(Self.directory).files()
        let builtIn = try LexiconSource.builtIn.files()
        #expect(builtIn.keys.sorted() == disk.keys.sorted())
        for (name, text) in disk {
            // Bytes, not String ==, which would let a canonically equivalent but different text pass.
            #expect(builtIn[name]?.utf8.elementsEqual(text.utf8) == true, "built-in \(name) differs from config/lexicon")
        }
    }

    @Test func everyDataFileOfConfigLexiconIsEmbeddedAndRead() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.directory)
            .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }.sorted()
        #expect(LexiconSource.builtInFileNames == onDisk,
                "a file added to or removed from config/lexicon is embedded after SwiftPM replans: touch Package.swift")
        // A file added to config/lexicon that Lexicon does not read is probably a mistake.
        #expect(Set(onDisk) == Set(Lexicon.requiredFiles + Lexicon.optionalFiles))
    }

    @Test func builtInLexiconHasTheFingerprintCountriesAndLevelsOfTheDirectory() throws {
        let builtIn = try Lexicon.load(from: .builtIn)
        let disk = try Lexicon.load(directory: Self.directory)
        #expect(builtIn.fingerprint == disk.fingerprint)
        #expect(builtIn.levels == disk.levels)
        #expect(builtIn.levels.map { builtIn.rank(ofLevel: $0) } == disk.levels.map { disk.rank(ofLevel: $0) })
        #expect(builtIn.countryName("AZ") == "Azerbaijan")
        #expect(Extractor(lexicon: builtIn).version == Extractor(lexicon: disk).version)

        let vocabulary = try LexiconVocabulary.load(from: .builtIn)
        let diskVocabulary = try LexiconVocabulary.load(directory: Self.directory)
        #expect(vocabulary.countryNames == diskVocabulary.countryNames)
        #expect(vocabulary.countryAliases == diskVocabulary.countryAliases)
        #expect(vocabulary.levelRanks == diskVocabulary.levelRanks)
        #expect(vocabulary.countryNames.count >= 195)
    }

    @Test func aDirectoryIsFoundBeforeTheBuiltInLexicon() {
        // From the package (this test's executable is under .build), a directory always wins.
        let source = LexiconSource.locateDefault(executablePath: Support.packageRoot + "/.build/release/annals")
        #expect(source != .builtIn)
        #expect(LexiconSource.builtIn.description == "built-in (the lexicon compiled into this binary)")
        #expect(LexiconSource.directory("/etc/annals/lexicon").description == "/etc/annals/lexicon")
    }

    @Test func aMissingDirectoryIsAnErrorNotTheBuiltInLexicon() {
        #expect(throws: LexiconError.unreadableDirectory(path: "/nonexistent/lexicon")) {
            try Lexicon.load(from: .directory("/nonexistent/lexicon"))
        }
        #expect(throws: LexiconError.missingFile(path: "/nonexistent/lexicon/countries.tsv")) {
            try LexiconVocabulary.load(from: .directory("/nonexistent/lexicon"))
        }
    }
}
