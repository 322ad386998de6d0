import AnnalsExtract
import AnnalsLog
import AnnalsProjections
import ArgumentParser
import Foundation

/// The settings every command runs with: built-in defaults, then `config/annals.toml`, then the
/// environment (`ANNALS_DB`), then flags.
struct Settings {
    var databasePath = "annals.sqlite"
    var watchFolder = "seeds"
    var synchronous = EventLog.Options.Synchronous.normal
    var busyTimeoutMilliseconds: Int32 = 5000
    var maxReadoutBytes = Readout.defaultMaximumSize
    var settleMilliseconds = 50
    var pollSeconds = 0.0
    var logLevel = "info"
    /// The config file that was read, if any.
    var configPath: String?

    /// Finds the config file: `ANNALS_CONFIG`, else `config/annals.toml` in the working directory,
    /// else beside the executable or above it (a built binary inside the repository).
    static func locateConfig() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["ANNALS_CONFIG"], !explicit.isEmpty { return explicit }
        let local = FileManager.default.currentDirectoryPath + "/config/annals.toml"
        if FileManager.default.fileExists(atPath: local) { return local }
        for directory in executableAncestors() {
            let candidate = directory + "/config/annals.toml"
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The executable's folder and up to five folders above it.
    static func executableAncestors() -> [String] {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return [] }
        var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
        var out: [String] = []
        for _ in 0..<6 {
            out.append(url.path)
            url = url.deletingLastPathComponent()
        }
        return out
    }

    /// Loads the settings; `database` is the `--db` flag, if given.
    static func load(database: String? = nil) throws -> Settings {
        var settings = Settings()
        if let path = locateConfig() {
            let file: ConfigFile
            do { file = try ConfigFile(path: path) } catch { throw CLIError.config("\(error)") }
            settings.configPath = path
            if let value = file["log.database"] { settings.databasePath = value }
            if let value = file["sources.watch"] { settings.watchFolder = value }
            if let value = file["log.synchronous"] {
                guard let mode = EventLog.Options.Synchronous(rawValue: value.uppercased()) else {
                    throw CLIError.config("\(path): log.synchronous must be \"normal\" or \"full\", not \"\(value)\"")
                }
                settings.synchronous = mode
            }
            do {
                if let value = try file.integer("log.busy_timeout_ms", path: path) { settings.busyTimeoutMilliseconds = Int32(clamping: value) }
                if let value = try file.integer("sources.max_readout_bytes", path: path) { settings.maxReadoutBytes = value }
                if let value = try file.integer("daemon.settle_ms", path: path) { settings.settleMilliseconds = value }
                if let value = try file.integer("daemon.poll_seconds", path: path) { settings.pollSeconds = Double(value) }
            } catch { throw CLIError.config("\(error)") }
            if let value = file["daemon.log_level"] { settings.logLevel = value }
        }
        if let value = ProcessInfo.processInfo.environment["ANNALS_DB"], !value.isEmpty { settings.databasePath = value }
        if let database { settings.databasePath = database }
        return settings
    }

    /// The log's options, with the read models' migrations: every file Annals opens holds both.
    var logOptions: EventLog.Options {
        ProjectedLog.options(EventLog.Options(synchronous: synchronous, busyTimeoutMilliseconds: busyTimeoutMilliseconds))
    }
}

extension DatabaseOptions {
    /// Every setting, with this `--db` winning over the environment and the config file.
    func settings() throws -> Settings { try Settings.load(database: path) }
}
