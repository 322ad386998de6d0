import AnnalsProjections
import Foundation

/// Printing for the query commands: JSON for programs, aligned text tables for people.
enum Output {
    /// Prints `value` as pretty JSON with sorted keys, through its hand-written writer.
    ///
    /// The bytes are `JSONEncoder`'s (the overload below) at a fraction of the cost: the query
    /// answers run to tens of megabytes. Overload resolution picks it over the `Encodable` one
    /// for every type with a writer (the more constrained generic wins).
    static func json<T: PrettyJSONWritable>(_ value: T) throws(CLIError) {
        var bytes = PrettyJSONWriter.encode(value)
        bytes.append(0x0A)
        try writeToStandardOutput(bytes)
    }

    /// Prints `value` as pretty JSON with sorted keys, for the rare outputs without a writer.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Writes `bytes` to stdout in as few `write` calls as the kernel allows.
    ///
    /// `print` of a many-megabyte `String` goes through stdio in small pieces; this hands the
    /// whole buffer over at once. Whatever `print` left in stdio's buffer is flushed first so the
    /// order on stdout stays as written. A refused write (a full disk) is an error, so a
    /// researcher's `> meetings.json` is never silently cut short.
    static func writeToStandardOutput(_ bytes: [UInt8]) throws(CLIError) {
        fflush(nil)
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            guard var next = buffer.baseAddress else { return nil }
            var left = buffer.count
            while left > 0 {
                let written = write(STDOUT_FILENO, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                next += written
                left -= written
            }
            return nil
        }
        if let failure {
            throw .output("could not write the answer to standard output: \(String(cString: strerror(failure)))")
        }
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
