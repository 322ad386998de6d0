import Foundation
import Testing
@testable import AnnalsExtract

/// The regression corpus: every fixture readout (and the seeds) extracted, evidence checked byte
/// for byte, and F1 against the fixtures' gold computed with score.py's matching rules.
struct CorpusTests {
    static let fixtures: [String] = Support.fixturesDirectory().map(Support.readouts(in:)) ?? []
    static let seeds: [String] = Support.readouts(in: Support.packageRoot + "/seeds")

    @Test func fixturesArePresent() {
        #expect(CorpusTests.fixtures.count >= 20)
    }

    @Test(arguments: CorpusTests.fixtures + CorpusTests.seeds)
    func evidenceQuotesTheFileBytes(path: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        let extraction = Support.extractor.extract(try Readout(name: (path as NSString).lastPathComponent, bytes: bytes))
        #expect(Support.evidenceIsExact(extraction, bytes: bytes), "\(path)")
        // Extraction is deterministic: the same bytes give the same JSON.
        let again = Support.extractor.extract(try Readout(name: (path as NSString).lastPathComponent, bytes: bytes))
        #expect(again.jsonLine() == extraction.jsonLine())
    }

    @Test func fixturesScoreAtLeastNinetyPercentF1() throws {
        var matched = 0, gold = 0, predicted = 0
        var report: [String] = []
        for path in CorpusTests.fixtures {
            let goldPath = String(path.dropLast(4)) + ".gold.json"
            guard let goldData = FileManager.default.contents(atPath: goldPath) else { continue }
            let goldJSON = try #require(try JSONSerialization.jsonObject(with: goldData) as? [String: Any])
            let bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
            let line = Support.extractor.extract(try Readout(name: (path as NSString).lastPathComponent, bytes: bytes)).jsonLine()
            let predictedJSON = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let result = Scoring.count(gold: goldJSON["facts"] as? [[String: Any]] ?? [],
                                       predicted: predictedJSON["facts"] as? [[String: Any]] ?? [])
            matched += result.matched
            gold += result.gold
            predicted += result.predicted
            report += result.misses.map { "\((path as NSString).lastPathComponent): \($0)" }
        }
        let precision = predicted == 0 ? 0 : Double(matched) / Double(predicted)
        let recall = gold == 0 ? 0 : Double(matched) / Double(gold)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        #expect(gold > 0)
        #expect(f1 >= 0.90, "F1 \(f1) (P \(precision), R \(recall)); \(report.joined(separator: "; "))")
    }
}
