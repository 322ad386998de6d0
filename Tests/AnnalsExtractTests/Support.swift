import Foundation
@testable import AnnalsExtract

/// Shared test fixtures: the package's lexicon, an extractor over it, and paths in the package.
enum Support {
    /// The package root, found from this file's path (Tests/AnnalsExtractTests/Support.swift).
    static let packageRoot: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let lexicon: Lexicon = {
        do {
            return try Lexicon.load(directory: packageRoot + "/config/lexicon")
        } catch {
            fatalError("the package lexicon does not load: \(error)") // a bug in the repository, not input
        }
    }()

    static let extractor = Extractor(lexicon: lexicon)

    static func extract(_ text: String, name: String = "test.txt") throws -> Extraction {
        try extractor.extract(Readout(name: name, bytes: Array(text.utf8)))
    }

    static func analysis(_ text: String) -> Analysis {
        Analysis(bytes: Array(text.utf8), lexicon: lexicon)
    }

    /// Every `[start, end)` of every fact's evidence holds exactly its quote.
    static func evidenceIsExact(_ extraction: Extraction, bytes: [UInt8]) -> Bool {
        for fact in extraction.facts {
            guard !fact.evidence.isEmpty else { return false }
            for e in fact.evidence {
                guard e.start >= 0, e.start < e.end, e.end <= bytes.count else { return false }
                guard Array(bytes[e.start..<e.end]) == Array(e.quote.utf8) else { return false }
            }
        }
        return true
    }

    /// Readout files (`*.txt`) in a directory, sorted.
    static func readouts(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { directory + "/" + $0 }
    }

    static func fixturesDirectory() -> String? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.appendingPathComponent("readouts").path
    }
}
