import AnnalsExtract
import ArgumentParser
import Foundation

/// `annals extract FILE... [--json] [--lexicon DIR]`: facts of readouts, without touching the log.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the facts of readouts, each with the quotes that support it.",
        discussion: """
            With --json, prints one FACTS.md envelope per file as a line of JSON. A file that is \
            missing, unreadable, empty, binary, not UTF-8 or too large is reported on standard \
            error; the other files are still processed and the exit status is 1.
            """
    )

    @Argument(help: "Readout files (plain UTF-8 text).")
    var files: [String] = []

    @Flag(help: "Print one JSON envelope per file (JSON lines).")
    var json = false

    @Flag(help: .hidden)
    var trace = false

    /// Extracts each file this many times (output once): for scripts/bench-extract.py, which
    /// measures the extractor rather than process start-up and argument parsing.
    @Option(name: .customLong("repeat"), help: .hidden)
    var repetitions: Int = 1

    @Option(help: "The lexicon directory (default: $ANNALS_LEXICON, ./config/lexicon, config/lexicon beside the executable, else the lexicon built into it).")
    var lexicon: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Please give at least one readout file.") }
    }

    func run() throws {
        let loaded: Lexicon
        do {
            loaded = try Lexicon.load(from: lexicon.map { LexiconSource.directory($0) } ?? Vocabulary.source)
        } catch {
            FileHandle.standardError.write(Data("annals extract: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let extractor = Extractor(lexicon: loaded)
        var failed = false
        var output = ""
        for path in files {
            let readout: Readout
            switch ReadoutFile.read(path) {
            case let .success(value): readout = value
            case let .failure(problem):
                FileHandle.standardError.write(Data("annals extract: \(path): \(problem.reason)\n".utf8))
                failed = true
                continue
            }
            if trace { output += extractor.trace(readout) }
            var extraction = extractor.extract(readout)
            for _ in 1..<max(1, repetitions) { extraction = extractor.extract(readout) }
            output += json ? extraction.jsonLine() + "\n" : ExtractCommand.describe(extraction)
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if failed { throw ExitCode.failure }
    }

    /// The readable form: one line per fact with its fields, then its quotes with offsets.
    static func describe(_ e: Extraction) -> String {
        var out = "\(e.source)  published \(e.published ?? "unknown")  \(e.facts.count) fact\(e.facts.count == 1 ? "" : "s")\n"
        for f in e.facts {
            var parts: [String] = [f.type]
            if let d = f.date { parts.append(d) }
            if let p = f.participants { parts.append(p.map { "\($0.name) (\($0.country ?? "?"))" }.joined(separator: ", ")) }
            if let v = f.format { parts.append(v) }
            if let v = f.city { parts.append("in \(v)") }
            if let v = f.level { parts.append(v) }
            if let v = f.action { parts.append(v) }
            if let v = f.kind { parts.append(v) }
            if f.type == "document" { parts.append("count " + (f.countQualifier.map { $0 + " " } ?? "") + (f.count.map(String.init) ?? "unknown")) }
            if let v = f.title { parts.append("\"\(v)\"") }
            if let v = f.parties { parts.append(v.joined(separator: "-")) }
            if let v = f.persons { parts.append(v.joined(separator: ", ")) }
            if let h = f.holder, let s = f.stance { parts.append("\(h) \(s) \(f.target ?? "")") }
            if let v = f.areas { parts.append(v.joined(separator: ", ")) }
            out += "  " + parts.joined(separator: "  ") + "\n"
            for ev in f.evidence { out += "      [\(ev.start), \(ev.end)) \u{201C}\(ev.quote)\u{201D}\n" }
        }
        return out
    }
}

/// Reads a file into a `Readout`, refusing it with a reason a user can act on.
enum ReadoutFile {
    struct Problem: Error { var reason: String }

    static func read(_ path: String) -> Result<Readout, Problem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Problem(reason: "no such file"))
        }
        if isDirectory.boolValue { return .failure(Problem(reason: "is a directory, not a readout")) }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > Readout.defaultMaximumSize {
            return .failure(Problem(reason: ReadoutError.tooLarge(name: path, size: size, limit: Readout.defaultMaximumSize).reason))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(Problem(reason: "cannot be read (permission denied?)"))
        }
        do {
            return .success(try Readout(name: (path as NSString).lastPathComponent, bytes: [UInt8](data)))
        } catch {
            return .failure(Problem(reason: error.reason))
        }
    }
}
