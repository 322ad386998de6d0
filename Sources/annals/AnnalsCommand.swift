import ArgumentParser

/// The `annals` command: the record of diplomacy, kept in an append-only log.
@main
struct AnnalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "Keep the record of diplomacy: readouts in, an append-only hash-chained log of facts out.",
        version: "0.1.0",
        subcommands: [ExtractCommand.self]
    )
}
