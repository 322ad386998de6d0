import AnnalsLog
import AnnalsSync
import ArgumentParser
import Foundation
import Logging
import Synchronization

/// `annals daemon`: keep the log in sync with the watched folder, at start-up and live.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Watch a folder and keep the log in sync with it: new, changed, renamed and deleted readouts.",
        discussion: """
            At start-up the folder is compared with the log (new files added, changed ones revised, \
            missing ones withdrawn, moved ones renamed); then inotify (or polling) keeps it in sync \
            live. History is never rewritten. SIGTERM or SIGINT stops it after the transaction in \
            flight. One daemon per database: a second one refuses to start and names the first.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("The folder to watch (default: sources.watch in config/annals.toml, seeds).", valueName: "dir"))
    var watch: String?
    @Option(name: .long, help: ArgumentHelp("Poll every this many seconds instead of using inotify.", valueName: "seconds"))
    var poll: Double?
    @Option(name: .long, help: ArgumentHelp("How long a file written in place must be quiet before it is read (renamed-in files go at once).", valueName: "ms"))
    var settle: Int?
    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical (default: daemon.log_level).")
    var logLevel: String?
    @Flag(name: .long, help: "Reconcile the folder once and exit (for scripts and cron).")
    var once = false

    func validate() throws {
        if let poll, poll <= 0 { throw ValidationError("--poll takes a positive number of seconds") }
        if let settle, settle < 0 { throw ValidationError("--settle takes a number of milliseconds, 0 or more") }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level is one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        var settings = try Self.loadSettings(database)
        if let watch { settings.watchFolder = watch }
        if let poll { settings.pollSeconds = poll }
        if let settle { settings.settleMilliseconds = settle }
        if let logLevel { settings.logLevel = logLevel }
        let level = Logger.Level(rawValue: settings.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "annals.daemon")
        let daemon = try Daemon(settings: settings, logger: logger)
        try await daemon.run(once: once)
    }

    static func loadSettings(_ option: DatabaseOptions) throws -> Settings {
        try option.settings()
    }
}
