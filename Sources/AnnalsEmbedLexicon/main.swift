import Foundation

// annals-embed-lexicon OUTPUT FILE...: writes OUTPUT, a Swift source declaring
// `EmbeddedLexicon.text(of:)` with the text of each FILE (by its last path component) as a string
// literal. Run by the EmbedLexicon build-tool plugin on config/lexicon; not meant for users.
//
// The texts are single-line literals with every character outside printable ASCII escaped, so
// the compiler keeps them byte for byte (no indentation stripping or line-ending normalisation
// as in multi-line literals) and the embedded lexicon has the same fingerprint as the files.
// A `switch` returning literals costs nothing at start-up: nothing is built until a file is asked for.

/// `text` as the inside of a Swift string literal.
func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case " "..."~": out.unicodeScalars.append(scalar)
        default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
    return out
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("annals-embed-lexicon: \(message)\n".utf8))
    exit(1)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let outputPath = arguments.first else { fail("usage: annals-embed-lexicon OUTPUT FILE...") }
var cases = ""
var names: [String] = []
for path in arguments.dropFirst() {
    let name = URL(fileURLWithPath: path).lastPathComponent
    // Read exactly as `Lexicon.load(directory:)` reads, so both give the same text.
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8 text; fix it to build") }
    names.append(name)
    cases += "        case \"\(escaped(name))\": return \"\(escaped(text))\"\n"
}
let source = """
    // Generated at build time by annals-embed-lexicon (the EmbedLexicon plugin) from config/lexicon.
    // Do not edit: edit config/lexicon and rebuild.

    /// The package's lexicon files as they were when this binary was built.
    enum EmbeddedLexicon {
        /// The names of the embedded files, sorted.
        static let names: [String] = [\(names.map { "\"\(escaped($0))\"" }.joined(separator: ", "))]

        /// The text of the embedded file `name`, or nil when config/lexicon had no such file.
        static func text(of name: String) -> String? {
            switch name {
    \(cases)        default: return nil
            }
        }
    }

    """
do {
    // Only replace the file when it changes, so an unchanged lexicon recompiles nothing.
    if let existing = FileManager.default.contents(atPath: outputPath), existing == Data(source.utf8) { exit(0) }
    try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
} catch {
    fail("cannot write \(outputPath): \(error.localizedDescription)")
}
