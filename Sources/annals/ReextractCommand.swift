import AnnalsLog
import AnnalsSync
import ArgumentParser

/// `annals reextract`: derive the facts again from the stored texts with the current extractor.
struct ReextractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reextract",
        abstract: "Run the current extractor on every live source's stored text and append the difference.",
        discussion: """
            Facts the new extractor no longer finds are retracted and new ones asserted, attributed \
            to the new extractor version, so the log shows what changed because the tool changed. \
            Running it twice appends nothing the second time.
            """)

    @OptionGroup var database: DatabaseOptions
    @Flag(name: .long, help: "Print the difference and append nothing.") var dryRun = false

    func run() throws {
        do {
            let settings = try database.settings()
            let extractor = try loadExtractor(lexicon: nil)
            let log = try openLog(settings, access: .readWrite)
            let pipeline = try Pipeline(log: log, extractor: extractor)
            var changed = 0, unchanged = 0, asserted = 0, retracted = 0
            try StoredTexts.forEachActive(in: log) { readout in
                if let diff = try pipeline.recorder.reextract(readout, dryRun: dryRun) {
                    changed += 1
                    asserted += diff.asserted
                    retracted += diff.retracted
                    output("\(readout.name): \(diff.asserted) facts new, \(diff.retracted) retracted, \(diff.kept) unchanged")
                } else {
                    unchanged += 1
                }
            }
            let verb = dryRun ? "would change" : "changed"
            output("\(verb) \(changed) sources (\(asserted) facts asserted, \(retracted) retracted), \(unchanged) unchanged")
        }
    }
}
