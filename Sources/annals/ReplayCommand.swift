import AnnalsProjections
import ArgumentParser
import Foundation

/// `annals replay`: rebuild every projection from the log and prove the live state equal.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild every read model from the log into a temporary database and compare digests with the live ones.",
        discussion: "Exit 0 when every digest is equal; 1 naming the projection and its first differing row otherwise.")

    @Option(name: .customLong("known-at"), help: "Rebuild the state as the log knew it after this seq or time (the digest of the past).")
    var knownAt: String?
    @Flag(help: "Print the report as JSON.") var json = false
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let log = try database.openForReading()
        let seq = try knownAt.map { try QueryArguments.knownAt($0, in: log) }
        let report = try Replay(log: log, ranking: Vocabulary.ranking).run(knownAt: seq) { done, total in
            if !json && total > 0 {
                FileHandle.standardError.write(Data("\rreplaying \(done)/\(total) events".utf8))
            }
        }
        if !json { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if json {
            try Output.json(report)
        } else {
            print("replayed \(report.events) events in \(String(format: "%.3f", report.seconds)) s (\(Int(report.eventsPerSecond)) events/s)")
            Output.table(["PROJECTION", "ROWS", "REPLAYED", "LIVE", ""], report.projections.map { p in
                [p.name, "\(p.rows)", String(p.digest.prefix(16)), p.live.map { String($0.prefix(16)) } ?? "-",
                 p.equal.map { $0 ? "equal" : "DIFFERENT" } ?? ""]
            })
            print("overall  \(report.overall)")
            if let live = report.liveOverall { print("live     \(live)") }
            if let note = report.note { print("note: \(note)") }
            for p in report.projections where p.equal == false {
                print("\(p.name) differs: \(p.firstDifference ?? "digest differs")")
            }
        }
        if seq != nil && report.liveOverall == nil { return }
        if !report.equal { throw ExitCode.failure }
    }
}
