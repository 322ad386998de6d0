import Foundation

/// Runs the built `annals` executable as a user would, in a scratch folder of its own.
///
/// Output goes to files rather than pipes, so a command that prints a lot can never block on a
/// full pipe while the test waits for it to exit (the trap STYLE.md warns of).
final class AnnalsBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The scratch folder: the working directory of every run.
    let directory: String
    let executable: String
    /// Environment variables removed from every run (a run's own `environment` still sets them).
    var unsetEnvironment: Set<String> = []
    private var children: [Process] = []

    /// - parameter executable: the `annals` to run; by default the one built beside the tests.
    init(executable: String? = nil) throws {
        directory = NSTemporaryDirectory() + "annals-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.executable = executable ?? AnnalsBinary.locate()
    }

    deinit {
        for child in children where child.isRunning { child.terminate() }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The `annals` built beside the test bundle (`.build/<config>/annals`).
    static func locate() -> String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("annals").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("annals").path
    }

    /// The repository root (for `seeds/` and `config/`).
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path(name))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func copySeeds(to folder: String = "seeds") throws {
        try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: AnnalsBinary.repository + "/seeds") where name.hasSuffix(".txt") {
            try FileManager.default.copyItem(atPath: AnnalsBinary.repository + "/seeds/" + name, toPath: path(folder + "/" + name))
        }
    }

    private func makeProcess(_ arguments: [String], environment: [String: String]) -> (Process, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["ANNALS_CONFIG"] = AnnalsBinary.repository + "/config/annals.toml"
        env["ANNALS_LEXICON"] = AnnalsBinary.repository + "/config/lexicon"
        env.removeValue(forKey: "ANNALS_DB")
        for key in unsetEnvironment { env.removeValue(forKey: key) }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let id = UUID().uuidString
        let out = path(".out-\(id)"), err = path(".err-\(id)")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardInput = FileHandle.nullDevice
        return (process, out, err)
    }

    /// Runs `annals ARGUMENTS` to completion.
    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
        try run(arguments: arguments, environment: environment)
    }

    func run(arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = makeProcess(arguments, environment: environment)
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        return Result(status: process.terminationStatus,
                      stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// Runs `annals ARGUMENTS` with its standard output sent to `target` (e.g. `/dev/full`).
    func run(arguments: [String], stdoutTo target: String) throws -> Result {
        let (process, out, err) = makeProcess(arguments, environment: [:])
        process.standardOutput = FileHandle(forWritingAtPath: target)
        try process.run()
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: out); try? FileManager.default.removeItem(atPath: err) }
        return Result(status: process.terminationStatus, stdout: "",
                      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
    }

    /// A long-running `annals` (the daemon); its stderr is collected in `log`.
    final class Background {
        let process: Process
        let stderrPath: String
        init(process: Process, stderrPath: String) {
            self.process = process
            self.stderrPath = stderrPath
        }
        var log: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

        /// Sends a signal and waits for the exit, up to `seconds`; returns the exit status.
        func stop(signal: Int32 = SIGTERM, within seconds: Double = 5) -> Int32? {
            kill(process.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            return process.isRunning ? nil : process.terminationStatus
        }
    }

    func start(_ arguments: String..., environment: [String: String] = [:]) throws -> Background {
        let (process, _, err) = makeProcess(arguments, environment: environment)
        try process.run()
        children.append(process)
        return Background(process: process, stderrPath: err)
    }

    /// Polls `condition` every 20 ms until it holds or `seconds` pass.
    func waitFor(_ seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }
}
