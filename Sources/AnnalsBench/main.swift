import AnnalsDigest
import AnnalsLog
import Foundation

/// annals-bench: the log-level measurements of issue 11 on the fixed workload, printed as one
/// JSON object on stdout (progress on stderr). `scripts/bench` runs it and adds the CLI figures.
let usage = """
    usage: annals-bench COMMAND [--events N] [--seed S] [--runs R] [--batch B] [--dir DIR] [--db FILE] [--lookups K]

    commands:
      workload      generate the workload and describe it (--out FILE.jsonl also writes it, one event a line)
      raw-insert    prepared INSERTs through the C API with the SHA-256 chain -> raw_insert_rows_per_s
                    (--log-schema: into the log's own table, triggers included, to price them;
                     --peer-shape: eventsourcing's table shape, no digests, to explain the peer's speed)
      append        EventLog.append, B events per call, interleaved with raw-insert runs (--no-baseline: alone)
                    -> append_events_per_s, append_ratio_to_raw
      raw-scan      every row in seq order, every payload byte, C API -> raw_scan_rows_per_s
      replay        replay_events_per_s (pending projections) and log_scan_events_per_s (forEachEvent)
      stream-read   p50/p99 ms of events(inStream:) for one 100-event stream, beside the C API
      all           everything above in one run
      hash          SHA-256 alone over the workload's payloads and chain rows -> hash_mb_per_s (where the time goes)

    defaults: --events 200000 --seed 11 --runs 3 --batch 1000 --dir a new folder under /tmp --lookups 500
    raw-scan, replay and stream-read read --db when given (an Annals log of the workload), else build one.
    """

struct Options {
    var command = ""
    var events = 200_000
    var seed: UInt64 = 11
    var runs = 3
    var batch = 1_000
    var dir: String?
    var db: String?
    var out: String?
    var lookups = 500
    var keep = false
    var noBaseline = false
    var logSchema = false
    var peerShape = false
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var rest = arguments.makeIterator()
    func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("annals-bench: \(message)\n\n\(usage)\n".utf8))
        exit(64)
    }
    func value(_ flag: String) -> String {
        guard let v = rest.next() else { fail("\(flag) needs a value") }
        return v
    }
    func number(_ flag: String) -> Int {
        guard let n = Int(value(flag)), n > 0 else { fail("\(flag) needs a positive whole number") }
        return n
    }
    while let argument = rest.next() {
        switch argument {
        case "--events": options.events = number(argument)
        case "--seed": options.seed = UInt64(number(argument))
        case "--runs": options.runs = number(argument)
        case "--batch": options.batch = number(argument)
        case "--lookups": options.lookups = number(argument)
        case "--dir": options.dir = value(argument)
        case "--db": options.db = value(argument)
        case "--out": options.out = value(argument)
        case "--keep": options.keep = true
        case "--no-baseline": options.noBaseline = true
        case "--log-schema": options.logSchema = true
        case "--peer-shape": options.peerShape = true
        case "-h", "--help", "help": print(usage); exit(0)
        case _ where argument.hasPrefix("-"): fail("unknown option \(argument)")
        default:
            guard options.command.isEmpty else { fail("unexpected argument \(argument)") }
            options.command = argument
        }
    }
    guard ["workload", "raw-insert", "append", "raw-scan", "replay", "stream-read", "all", "hash"].contains(options.command) else {
        fail(options.command.isEmpty ? "missing command" : "unknown command \(options.command)")
    }
    return options
}

func progress(_ message: String) {
    FileHandle.standardError.write(Data("annals-bench: \(message)\n".utf8))
}

func removeDatabase(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
}

/// Runs the requested measurements and returns the report.
final class Bench {
    let options: Options
    let dir: String
    private var cachedWorkload: Workload?
    private var logDatabase: String?
    var report = JSONObject()

    init(options: Options) throws {
        self.options = options
        if let dir = options.dir {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            self.dir = dir
        } else {
            var template = Array("/tmp/annals-bench.XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
            self.dir = String(cString: made)
        }
        logDatabase = options.db
    }

    var workload: Workload {
        get throws {
            if let cachedWorkload { return cachedWorkload }
            let start = monotonicSeconds()
            let made = try Workload(events: options.events, seed: options.seed)
            progress(String(format: "workload: %d events over %d streams, %.0f bytes per payload on average, made in %.1f s",
                            made.events.count, made.streams.count,
                            Double(made.payloadBytes) / Double(made.events.count), monotonicSeconds() - start))
            cachedWorkload = made
            return made
        }
    }

    func describeWorkload() throws {
        let w = try workload
        var object = JSONObject()
        object.set("events", w.events.count)
        object.set("streams", w.streams.count)
        object.set("seed", Int(w.seed))
        object.set("payload_mean_bytes", Double(w.payloadBytes) / Double(w.events.count))
        object.set("payload_bytes", w.payloadBytes)
        object.set("fingerprint_sha256", w.fingerprint)
        report.set("workload", object)
        if let out = options.out { try writeJSONLines(w, to: out) }
    }

    /// One event a line: `{"stream","version","type","valid_on","payload"}` with the payload as a
    /// JSON object, for the peer benchmark to append the very same events.
    func writeJSONLines(_ w: Workload, to path: String) throws {
        guard let file = fopen(path, "w") else { throw CocoaError(.fileWriteNoPermission) }
        defer { fclose(file) }
        for event in w.events {
            let head = #"{"stream":"\#(event.stream)","version":\#(event.version),"type":"\#(event.type)","valid_on":"\#(event.validOn)","payload":"#
            fputs(head, file)
            event.payload.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, file) }
            fputs("}\n", file)
        }
        progress("wrote \(w.events.count) events to \(path)")
    }

    /// Rows per second of wall time and of CPU time.
    func rawInsertOnce(_ run: Int) throws -> (wall: Double, cpu: Double) {
        let w = try workload
        let path = "\(dir)/raw-\(run).sqlite"
        removeDatabase(path)
        let t = options.peerShape
            ? try RawSQLite.insertPeerShape(w, into: path, batch: options.batch)
            : try RawSQLite.insert(w, into: path, batch: options.batch, recordedAt: Timestamp.now(),
                                   logSchema: options.logSchema)
        if !options.keep { removeDatabase(path) }
        let rate = Double(w.events.count) / t.wall, cpuRate = Double(w.events.count) / t.cpu
        progress(String(format: "raw-insert run %d: %.0f rows/s (%.2f s; %.0f rows per CPU second)", run, rate, t.wall, cpuRate))
        return (rate, cpuRate)
    }

    func appendOnce(_ run: Int, keep: Bool) throws -> (wall: Double, cpu: Double) {
        let w = try workload
        let path = "\(dir)/log-\(run).sqlite"
        removeDatabase(path)
        let t = try LogBench.append(w, into: path, batch: options.batch)
        if keep { logDatabase = path } else { removeDatabase(path) }
        let rate = Double(w.events.count) / t.wall, cpuRate = Double(w.events.count) / t.cpu
        progress(String(format: "append run %d: %.0f events/s (%.2f s; %.0f events per CPU second)", run, rate, t.wall, cpuRate))
        return (rate, cpuRate)
    }

    func measureRawInsert() throws {
        let runs = try (1...options.runs).map { try rawInsertOnce($0) }
        report.set("raw_insert_rows_per_s", Sample(runs: runs.map(\.wall)), digits: 0)
        report.set("raw_insert_rows_per_cpu_s", Sample(runs: runs.map(\.cpu)), digits: 0)
    }

    /// Raw and log runs alternate, so a burst of load from another process hits both alike.
    func measureAppend() throws {
        var raw: [(wall: Double, cpu: Double)] = [], log: [(wall: Double, cpu: Double)] = []
        for run in 1...options.runs {
            if !options.noBaseline { raw.append(try rawInsertOnce(run)) }
            log.append(try appendOnce(run, keep: run == options.runs && logDatabase == nil))
        }
        let logSample = Sample(runs: log.map(\.wall)), logCPU = Sample(runs: log.map(\.cpu))
        report.set("append_events_per_s", logSample, digits: 0)
        report.set("append_events_per_cpu_s", logCPU, digits: 0)
        if options.noBaseline { return }
        let rawSample = Sample(runs: raw.map(\.wall)), rawCPU = Sample(runs: raw.map(\.cpu))
        report.set("raw_insert_rows_per_s", rawSample, digits: 0)
        report.set("raw_insert_rows_per_cpu_s", rawCPU, digits: 0)
        report.set("append_ratio_to_raw", logSample.median / rawSample.median, digits: 3)
        report.set("append_ratio_to_raw_paired", Sample(runs: zip(log, raw).map { $0.wall / $1.wall }), digits: 3)
        report.set("append_ratio_to_raw_cpu", logCPU.median / rawCPU.median, digits: 3)
    }

    /// The log the read measurements use: `--db`, or the last append run's, or a fresh one.
    func databaseForReading() throws -> String {
        if let logDatabase { return logDatabase }
        progress("building a log of the workload to read")
        _ = try appendOnce(0, keep: true)
        return logDatabase!
    }

    /// Whole-log passes until at least half a second has gone by, so a 50k-row scan (tens of
    /// milliseconds) is not one scheduler tick's worth of noise; returns the totals.
    func repeatedScan(_ pass: () throws -> (Double, Int)) throws -> (seconds: Double, rows: Int, passes: Int) {
        var seconds = 0.0, rows = 0, passes = 0
        repeat {
            let (s, n) = try pass()
            seconds += s; rows += n; passes += 1
        } while seconds < 0.5
        return (seconds, rows, passes)
    }

    func measureRawScan() throws {
        let path = try databaseForReading()
        var rates: [Double] = []
        var cpuRates: [Double] = []
        for run in 1...options.runs {
            let start = Timing.now()
            let (seconds, rows, passes) = try repeatedScan { let (s, n, _) = try RawSQLite.scan(path); return (s, n) }
            cpuRates.append(Double(rows) / (Timing.now() - start).cpu)
            rates.append(Double(rows) / seconds)
            progress(String(format: "raw-scan run %d: %.0f rows/s (%d passes, %d rows, %.2f s)", run, rates.last!, passes, rows, seconds))
        }
        report.set("raw_scan_rows_per_s", Sample(runs: rates), digits: 0)
        report.set("raw_scan_rows_per_cpu_s", Sample(runs: cpuRates), digits: 0)
    }

    func measureReplay() throws {
        let path = try databaseForReading()
        var rates: [Double] = []
        for run in 1...options.runs {
            let (seconds, events, passes) = try repeatedScan { let (s, n, _) = try LogBench.scan(path); return (s, n) }
            rates.append(Double(events) / seconds)
            progress(String(format: "log-scan run %d: %.0f events/s (%d passes, %d events, %.2f s)", run, rates.last!, passes, events, seconds))
        }
        let scan = Sample(runs: rates)
        report.set("log_scan_events_per_s", scan, digits: 0)

        var replayRates: [Double] = [], replayCPURates: [Double] = []
        for run in 1...options.runs {
            guard let (seconds, events, cpu) = try LogBench.replay(path) else { break }
            replayRates.append(Double(events) / seconds)
            replayCPURates.append(Double(events) / cpu)
            progress(String(format: "replay run %d: %.0f events/s (%.0f events per CPU second)", run, replayRates.last!,
                            replayCPURates.last!))
        }
        if replayRates.isEmpty {
            report.set("replay_events_per_s", nil as Double?)
            report.set("replay_events_per_s_reason", LogBench.replayPendingReason)
        } else {
            report.set("replay_events_per_s", Sample(runs: replayRates), digits: 0)
            report.set("replay_events_per_cpu_s", Sample(runs: replayCPURates), digits: 0)
        }
    }

    func measureStreamRead() throws {
        let path = try databaseForReading()
        let w = try workload
        var rng = SplitMix64(seed: options.seed ^ 0x5EED)
        let readLog = try LogBench.streamReader(path)
        let readRaw = try RawSQLite.streamReader(path)
        var p50: [Double] = [], p99: [Double] = [], rawP50: [Double] = [], rawP99: [Double] = []
        for run in 1...options.runs {
            var logTimes: [Double] = [], rawTimes: [Double] = []
            for _ in 0..<options.lookups {
                let stream = rng.pick(w.streams)
                logTimes.append(try readLog(stream) * 1000)
                rawTimes.append(readRaw(stream) * 1000)
            }
            p50.append(percentile(logTimes, 50)); p99.append(percentile(logTimes, 99))
            rawP50.append(percentile(rawTimes, 50)); rawP99.append(percentile(rawTimes, 99))
            progress(String(format: "stream-read run %d: p50 %.3f ms, p99 %.3f ms (C API p50 %.3f ms)", run, p50.last!, p99.last!, rawP50.last!))
        }
        report.set("stream_read_p50_ms", Sample(runs: p50), digits: 3)
        report.set("stream_read_p99_ms", Sample(runs: p99), digits: 3)
        report.set("raw_stream_read_p50_ms", Sample(runs: rawP50), digits: 3)
        report.set("raw_stream_read_p99_ms", Sample(runs: rawP99), digits: 3)
    }

    /// SHA-256 alone: each payload's digest, then the chain hash over 32 bytes and a ~200-byte
    /// row, as both insert paths do per event; shows the hash's share of an insert.
    func measureHash() throws {
        let w = try workload
        var rates: [Double] = [], perEvent: [Double] = []
        let row = [UInt8](repeating: UInt8(ascii: "x"), count: 200)
        let prev = [UInt8](repeating: 0, count: 32)
        for run in 1...options.runs {
            var bytes = 0
            var check: UInt8 = 0
            let start = monotonicSeconds()
            for event in w.events {
                check ^= SHA256.hash(event.payload)[0]
                var hasher = SHA256()
                hasher.update(prev)
                hasher.update(row)
                check ^= hasher.finalize()[0]
                bytes += event.payload.count + 232
            }
            let seconds = monotonicSeconds() - start
            blackHole(check)
            rates.append(Double(bytes) / 1e6 / seconds)
            perEvent.append(seconds / Double(w.events.count) * 1e6)
            progress(String(format: "hash run %d: %.1f MB/s, %.2f µs per event", run, rates.last!, perEvent.last!))
        }
        report.set("hash_mb_per_s", Sample(runs: rates), digits: 1)
        report.set("hash_us_per_event", Sample(runs: perEvent), digits: 2)
    }

    func finish() {
        if !options.keep, options.db == nil, let logDatabase { removeDatabase(logDatabase) }
        if options.dir == nil && !options.keep { rmdir(dir) }
    }
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
do {
    let bench = try Bench(options: options)
    var meta = JSONObject()
    meta.set("events", options.events)
    meta.set("seed", Int(options.seed))
    meta.set("runs", options.runs)
    meta.set("batch", options.batch)
    meta.set("sqlite_version", Database.sqliteVersion)
    bench.report.set("bench", meta)
    switch options.command {
    case "workload": try bench.describeWorkload()
    case "raw-insert": try bench.measureRawInsert()
    case "append": try bench.measureAppend()
    case "raw-scan": try bench.measureRawScan()
    case "replay": try bench.measureReplay()
    case "stream-read": try bench.measureStreamRead()
    case "hash": try bench.measureHash()
    default:
        try bench.describeWorkload()
        try bench.measureAppend()
        try bench.measureRawScan()
        try bench.measureReplay()
        try bench.measureStreamRead()
    }
    bench.finish()
    print(bench.report.text)
} catch {
    FileHandle.standardError.write(Data("annals-bench: \(error)\n".utf8))
    exit(1)
}
