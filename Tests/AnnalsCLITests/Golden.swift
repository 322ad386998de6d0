import Foundation
import Testing

/// Compares output with a file under Golden/; `ANNALS_UPDATE_GOLDEN=1` rewrites the file.
func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)").path
    if ProcessInfo.processInfo.environment["ANNALS_UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}
