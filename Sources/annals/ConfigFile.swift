import Foundation

/// The small TOML subset `config/annals.toml` uses: `[section]` headers and `key = value` lines
/// with strings, integers and booleans, `#` comments. Enough for flat settings, and no
/// dependency to build; anything else is an error naming the file and line.
struct ConfigFile {
    /// Values by `section.key`.
    private(set) var values: [String: String] = [:]

    struct ParseError: Error, CustomStringConvertible {
        let path: String
        let line: Int
        let reason: String
        var description: String { "\(path):\(line): \(reason)" }
    }

    init() {}

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(path: path, line: 0, reason: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ParseError(path: path, line: 0, reason: "is not UTF-8")
        }
        var section = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = ConfigFile.stripComment(String(rawLine)).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw ParseError(path: path, line: index + 1, reason: "a section header looks like [name]")
                }
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ParseError(path: path, line: index + 1, reason: "expected `key = value`")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !value.isEmpty else {
                throw ParseError(path: path, line: index + 1, reason: "expected `key = value`")
            }
            if value.hasPrefix("\"") {
                guard value.count >= 2, value.hasSuffix("\"") else {
                    throw ParseError(path: path, line: index + 1, reason: "unterminated string")
                }
                value = String(value.dropFirst().dropLast())
            } else if Int(value) == nil && value != "true" && value != "false" {
                throw ParseError(path: path, line: index + 1, reason: "a value is a \"string\", a whole number, true or false")
            }
            values[section.isEmpty ? key : section + "." + key] = value
        }
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (offset, character) in line.enumerated() {
            if character == "\"" { inString.toggle() }
            if character == "#" && !inString { return String(line.prefix(offset)) }
        }
        return line
    }

    subscript(key: String) -> String? { values[key] }

    func integer(_ key: String, path: String) throws -> Int? {
        guard let text = values[key] else { return nil }
        guard let number = Int(text) else { throw ParseError(path: path, line: 0, reason: "\(key) must be a whole number") }
        return number
    }
}
