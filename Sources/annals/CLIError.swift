import AnnalsLog
import ArgumentParser
import Foundation

/// Errors of the commands themselves; `AnnalsCommand.status(for:)` maps them to exit codes (1 for
/// bad input, 2 for a configuration that cannot be used or an answer that could not be written).
enum CLIError: Error, CustomStringConvertible {
    case config(String)
    case input(String)
    /// Standard output refused the answer (a full disk, an I/O error): a truncated file must not
    /// pass for a complete one.
    case output(String)

    var description: String {
        switch self {
        case let .config(message), let .input(message), let .output(message): return message
        }
    }
}

/// Prints `annals: message` on stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("annals: " + message + "\n").utf8))
}

/// Opens the log as `settings` say; read-only commands never create a file.
func openLog(_ settings: Settings, access: EventLog.Access) throws -> EventLog {
    try EventLog(path: settings.databasePath, access: access, options: settings.logOptions)
}

/// Writes to stdout without buffering surprises between print and FileHandle.
func output(_ line: String) { print(line) }
