import AnnalsLog
import ArgumentParser

/// `annals checkpoint`: print the head to keep outside the database.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Record and print the log's head as SEQ:HASH, to store outside the database.",
        discussion: "Later, `annals verify --expect SEQ:HASH` proves the log still holds that head and nothing was cut or rewritten.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "A note kept with the checkpoint (ticket, reason).") var note: String?

    func run() throws {
        do {
            let log = try openLog(try database.settings(), access: .readWrite)
            guard let entry = try Checkpoints.take(in: log, note: note) else {
                throw CLIError.input("the log is empty: nothing to anchor yet")
            }
            output("\(entry.head.seq):\(entry.head.hash)")
            output("taken at \(entry.takenAt); keep this line outside the database and check it with `annals verify --expect \(entry.head.seq):\(entry.head.hash)`")
        }
    }
}
