import ArgumentParser

/// The `annals` command: the record of diplomacy, kept in an append-only log.
@main
struct AnnalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "Keep the record of diplomacy: readouts in, an append-only hash-chained log of facts out.",
        version: "0.1.0",
        subcommands: [
            DaemonCommand.self, IngestCommand.self, ExtractCommand.self,
            RelationsCommand.self, HistoryCommand.self, MeetingsCommand.self, DocumentsCommand.self,
            PeopleCommand.self, SourcesCommand.self, ExplainCommand.self,
            LogCommand.self, VerifyCommand.self, CheckpointCommand.self, ReplayCommand.self,
            ExportCommand.self, ImportCommand.self, ReextractCommand.self, RedactCommand.self, StatusCommand.self,
        ]
    )
}
