import AnnalsLog
import ArgumentParser
import Foundation

/// Errors of the commands themselves, mapped to exit codes in one place: 1 for a failed check or
/// bad input to a query, 2 for a database or configuration that cannot be used.
enum CLIError: Error, CustomStringConvertible {
    case config(String)
    case input(String)

    var description: String {
        switch self {
        case let .config(message), let .input(message): return message
        }
    }
}

/// Prints `annals: message` on stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("annals: " + message + "\n").utf8))
}

/// Runs a command body, turning our typed errors into one clear line and an exit code instead
/// of ArgumentParser's generic "Error:" and exit 1.
func runReportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as LogError {
        printError(error.description)
        if case .conflict = error { throw ExitCode.failure }
        throw ExitCode(2)
    } catch let error as DatabaseError {
        printError(error.description)
        throw ExitCode(2)
    } catch let error as CLIError {
        printError(error.description)
        if case .config = error { throw ExitCode(2) }
        throw ExitCode.failure
    }
}

/// Opens the log as `settings` say; read-only commands never create a file.
func openLog(_ settings: Settings, access: EventLog.Access) throws -> EventLog {
    try EventLog(path: settings.databasePath, access: access, options: settings.logOptions)
}

/// Writes to stdout without buffering surprises between print and FileHandle.
func output(_ line: String) { print(line) }
