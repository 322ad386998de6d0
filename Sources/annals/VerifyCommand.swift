import AnnalsLog
import ArgumentParser

/// `annals verify`: recompute the chain and every payload digest.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the hash chain and payload digests; exit 1 naming the first bad seq.",
        discussion: """
            A chain alone cannot see its tail cut off: keep the head that `annals checkpoint` prints \
            somewhere else and pass it back with --expect SEQ:HASH.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("A head recorded earlier; the log must still hold it unchanged.", valueName: "SEQ:HASH"))
    var expect: String?

    func validate() throws {
        if let expect, Self.parseHead(expect) == nil {
            throw ValidationError("--expect takes SEQ:HASH as `annals checkpoint` prints it, e.g. 42:9f86d081…")
        }
    }

    static func parseHead(_ text: String) -> LogHead? {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0, parts[1].count == 64,
              parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return LogHead(seq: seq, hash: parts[1].lowercased(), recordedAt: nil)
    }

    func run() throws {
        do {
            let settings = try database.settings()
            let log = try openLog(settings, access: .readOnly)
            let anchor = expect.flatMap(Self.parseHead)
            let report = try log.verify(expect: anchor)
            let triggers = try log.database.integer(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('events_no_update', 'events_no_delete', 'events_append_continues_chain')")
            if let problem = report.problem {
                printError("verify failed at \(problem)")
                throw ExitCode.failure
            }
            if triggers < 3 {
                printError("verify failed: the append-only triggers were dropped from \(settings.databasePath) (the chain itself verifies)")
                throw ExitCode.failure
            }
            var line = "ok: \(report.events) events"
            if report.redacted > 0 { line += ", \(report.redacted) redacted" }
            line += ", head \(report.head.map { "\($0.seq):\($0.hash)" } ?? "none (empty log)")"
            if let anchor { line += ", contains anchored head \(anchor.seq)" }
            output(line)
            if let last = try Checkpoints.last(in: log) {
                output("last checkpoint: \(last.head) taken \(last.takenAt)")
            }
        }
    }
}
