import AnnalsLog
import AnnalsSync
import ArgumentParser
import Foundation

/// `annals redact`: erase a readout recorded by mistake, keeping the fact that it was erased.
struct RedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Erase a mistaken readout's text and facts from the log without breaking the chain.",
        discussion: """
            TARGET is a source name (its stored texts and every fact derived from them go), seq:N \
            (one event) or a fact id. One PayloadRedacted event records what went, its digests, who \
            and why; the payloads are emptied in the same transaction. `verify` still passes; the \
            same bytes are not taken in again while the file stays in the folder.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("A source name, seq:N, or a fact id.", valueName: "target")) var target: String
    @Option(name: .long, help: "Why (kept in the log).") var reason: String
    @Option(name: .long, help: "Who (kept in the log; default: $USER).") var by: String?
    @Flag(name: .long, help: "Do not ask for confirmation.") var yes = false
    @Flag(name: .long, help: "List what would be erased, and change nothing.") var dryRun = false

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why") }
    }

    func run() throws {
        do {
            let settings = try database.settings()
            let log = try openLog(settings, access: dryRun ? .readOnly : .readWrite)
            let redactor = Redactor(log: log, readModels: dryRun ? nil : try Pipeline.makeReadModels(log: log))
            let plan: Redactor.Plan
            do { plan = try redactor.plan(target) } catch let error as Redactor.RedactError {
                throw CLIError.input(error.description)
            }
            output("\(dryRun ? "would erase" : "erasing") \(plan.targets.count) payloads\(plan.source.map { " of \($0)" } ?? ""):")
            for target in plan.targets { output("  seq \(target.seq)  \(target.type)  sha256 \(target.digest)") }
            if dryRun { return }
            if !yes {
                guard isatty(STDIN_FILENO) != 0 else {
                    throw CLIError.input("redaction cannot be undone; confirm with --yes when not at a terminal")
                }
                print("Erase these for good? The log keeps that they were erased, by whom and why. [y/N] ", terminator: "")
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    output("nothing erased")
                    return
                }
            }
            let who = by ?? ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            let event = try redactor.redact(plan, reason: reason, by: who)
            output("redacted: seq \(event.seq) PayloadRedacted by \(who): \(reason)")
        }
    }
}
