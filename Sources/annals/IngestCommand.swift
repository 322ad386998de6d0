import AnnalsExtract
import AnnalsLog
import AnnalsSync
import ArgumentParser
import Foundation

/// `annals ingest PATH...`: record readouts from files and folders, once each.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Record readouts (files, or folders of *.txt searched recursively) in the log, with their facts.",
        discussion: """
            Idempotent: a file whose name and bytes the log already holds appends nothing; changed \
            bytes under a known name are recorded as a revision. Bad files are skipped with their \
            reason and the others still land; the exit status is 1 when anything was skipped.
            """)

    /// Readouts per commit, and the longest a batch stays open (so readers see progress).
    static let batchSize = 250
    static let batchTime = Duration.seconds(1)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("Readout files or folders.", valueName: "path")) var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one readout file or folder, e.g. `annals ingest seeds`") }
    }

    /// A folder gives its readouts named relative to it; a file gives itself, named by its file name.
    static func candidates(_ argument: String) throws -> (root: String, names: [String], skipped: [SkippedEntry]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) || isSymbolicLink(argument) else {
            throw CLIError.input("\(argument): no such file or folder")
        }
        if isDirectory.boolValue && !isSymbolicLink(argument) {
            do {
                let scan = try FolderScanner(root: argument).scan()
                return (argument, scan.entries.map(\.relativePath), scan.skipped)
            } catch {
                throw CLIError.input("\(argument): \(error.reason)")
            }
        }
        let url = URL(fileURLWithPath: argument)
        let name = url.lastPathComponent
        if !FileNameRules.isCandidate(name) {
            return (url.deletingLastPathComponent().path, [], [SkippedEntry(relativePath: name, error: .invalidPath)])
        }
        return (url.deletingLastPathComponent().path, [name], [])
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    func run() throws {
        do {
            let settings = try database.settings()
            let extractor = try loadExtractor(lexicon: nil)
            let log = try openLog(settings, access: .readWrite)
            let pipeline = try Pipeline(log: log, extractor: extractor)
            var ingested = 0, unchanged = 0, skipped = 0, seen = 0
            func skip(_ name: String, _ reason: String) {
                skipped += 1
                output("skipped \(name): \(reason)")
            }
            for argument in paths {
                let (root, names, skips) = try Self.candidates(argument)
                for entry in skips { skip(entry.relativePath, entry.error.reason) }
                let loader = ReadoutLoader(root: root, maximumSize: settings.maxReadoutBytes)
                // Reading and extraction need no database: another thread does them a bounded
                // distance ahead while this one records (same order, same facts).
                let extractor = pipeline.recorder.extractor
                let prefetcher = Prefetcher(count: names.count, capacity: FolderReconciler.prefetchCapacity) { index in
                    let state = loader.load(names[index])
                    guard case let .readout(readout) = state else { return PrefetchedFile(name: names[index], state: state) }
                    return PrefetchedFile(name: names[index], state: state, extracted: extractor.extractFacts(from: readout))
                }
                defer { prefetcher.finish() }
                // Readouts commit in batches (see `writeInBatches`); each is a savepoint of its
                // own, and a crash loses only the open batch, which the next `ingest` takes in again.
                try log.writeInBatches(count: names.count, size: Self.batchSize, time: Self.batchTime) { _ in
                    guard let file = prefetcher.next() else { return false }
                    let name = file.name
                    seen += 1
                    if names.count >= 1000 && seen % 1000 == 0 {
                        FileHandle.standardError.write(Data("… \(seen)/\(names.count) files\n".utf8))
                    }
                    switch file.state {
                    case .missing: skip(name, "vanished before it could be read")
                    case let .skipped(reason), let .retry(reason): skip(name, reason)
                    case let .readout(readout):
                        switch try pipeline.recorder.record(readout, extracted: file.extracted) {
                        case .unchanged: unchanged += 1
                        case .redacted: skip(name, "these bytes were redacted; they are not taken in again")
                        default: ingested += 1
                        }
                    }
                    return true
                }
            }
            output("ingested \(ingested), unchanged \(unchanged), skipped \(skipped)")
            if skipped > 0 { throw ExitCode.failure }
        }
    }
}
