import AnnalsExtract
import AnnalsLog
import AnnalsProjections
import AnnalsSync
import ArgumentParser
import Foundation

/// The `annals` command: the record of diplomacy, kept in an append-only log.
@main
struct AnnalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "Keep the record of diplomacy: readouts in, an append-only hash-chained log of facts out.",
        discussion: """
            Start with `annals ingest seeds` (or `annals daemon`), then ask: `annals relations AZ CN`, \
            `annals meetings`, `annals explain ID`. Exit status: 0 success; 1 a failed check, bad input \
            to a query, or skipped files; 2 a database or configuration that cannot be used; 64 usage.
            """,
        version: "0.1.0",
        subcommands: [
            DaemonCommand.self, IngestCommand.self, ExtractCommand.self,
            RelationsCommand.self, HistoryCommand.self, MeetingsCommand.self, DocumentsCommand.self,
            PeopleCommand.self, SourcesCommand.self, ExplainCommand.self,
            LogCommand.self, VerifyCommand.self, CheckpointCommand.self, ReplayCommand.self,
            ExportCommand.self, ImportCommand.self, ReextractCommand.self, RedactCommand.self, StatusCommand.self,
        ]
    )

    /// Runs the chosen command and maps every error to one line and an exit status, in one place.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            // Tables and lines go through stdio: a write that failed (a full disk under `>`)
            // shows only here, as the final flush failing again, and must not end in exit 0
            // with a cut-short file.
            if fflush(nil) != 0 {
                throw CLIError.output("could not write the answer to standard output: \(String(cString: strerror(errno)))")
            }
        } catch {
            // ArgumentParser's own errors (help, usage, ExitCode) keep its formatting and codes.
            guard let status = status(for: error) else { exit(withError: error) }
            Foundation.exit(status)
        }
    }

    /// Prints one of our errors as `annals: …` and returns the status to exit with; nil for the
    /// errors ArgumentParser reports itself.
    static func status(for error: Error) -> Int32? {
        switch error {
        case let error as LogError:
            printError(error.description)
            if case .conflict = error { return 1 }
            return 2
        case let error as DatabaseError:
            printError(error.description)
            return 2
        case let error as ProjectionError:
            printError(error.description)
            return 2
        case let error as LexiconError:
            printError(error.description)
            return 2
        case let error as CLIError:
            printError(error.description)
            if case .input = error { return 1 }
            return 2
        case let error as QueryError:
            printError(error.description)
            return 1
        case let error as DaemonLock.LockError:
            printError(error.description)
            return 1
        default:
            return nil
        }
    }
}
