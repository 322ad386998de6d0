import AnnalsProjections
import Foundation

/// Printing for the query commands: JSON for programs, aligned text tables for people.
enum Output {
    /// Prints `value` as pretty JSON with sorted keys.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Prints rows under headers, columns padded to their widest cell (the last column is not padded).
    static func table(_ headers: [String], _ rows: [[String]]) {
        let all = [headers] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        for row in all {
            var cells: [String] = []
            for (i, cell) in row.enumerated() {
                cells.append(i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0))
            }
            print(cells.joined(separator: "  "))
        }
    }

    /// Says on stderr when answers come from a temporary rebuild because the tables are stale.
    static func noteIfStale(_ queries: Queries) -> Queries {
        if queries.rebuiltBecauseStale {
            FileHandle.standardError.write(Data("note: the read models in this file are missing or behind the log; answered from a temporary rebuild (open it for writing, e.g. with the daemon, to catch them up)\n".utf8))
        }
        return queries
    }

    /// `Azerbaijan (AZ)`-style naming for messages.
    static func country(_ code: String) -> String { "\(Vocabulary.countries.name(for: code)) (\(code))" }
}
