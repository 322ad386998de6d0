import Foundation
import Testing

/// A small version of scripts/hostile-folder-test: bad files among good readouts, the daemon
/// running. One skip line per bad file with its reason, every good readout once, the daemon up.
@Suite(.serialized)
struct HostileFolderTests {
    @Test func badFilesAreSkippedOnceAndGoodOnesRecordedOnce() throws {
        let annals = try AnnalsBinary()
        let watched = annals.path("watched")
        try FileManager.default.createDirectory(atPath: watched, withIntermediateDirectories: true)
        let daemon = try annals.start("daemon", "--watch", "watched", "--settle", "20")
        #expect(annals.waitFor { daemon.log.contains("watching") }, "\(daemon.log)")

        func drop(_ name: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
            let temp = watched + "/.\(name).tmp"
            #expect(FileManager.default.createFile(atPath: temp, contents: Data(bytes)))
            #expect(chmod(temp, mode) == 0)
            #expect(rename(temp, watched + "/" + name) == 0)
        }
        var good: [String] = []
        for day in 1...20 {
            let name = "good-\(day).txt"
            try drop(name, Array(DaemonTests.readout(day: day).utf8))
            good.append(name)
            switch day {
            case 2: try drop("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF])
            case 4: try drop("empty.txt", [])
            case 6: try drop("latin1.txt", Array("Le Pr".utf8) + [0xE9] + Array("sident a re".utf8) + [0xE7, 0x75, 0x0A])
            case 8: #expect(mkfifo(watched + "/fifo.txt", 0o644) == 0)
            case 10: #expect(symlink("/nonexistent/readout.txt", watched + "/dangling.txt") == 0)
            case 12:
                #expect(symlink("loop-b.txt", watched + "/loop-a.txt") == 0)
                #expect(symlink("loop-a.txt", watched + "/loop-b.txt") == 0)
            case 14: try FileManager.default.createDirectory(atPath: watched + "/x.txt", withIntermediateDirectories: false)
            case 16: try drop("big.txt", [UInt8](repeating: 0x61, count: 10 * 1024 * 1024 + 1))
            case 18: try drop("mode000.txt", Array(DaemonTests.readout(day: 25, guest: "Mehriban Aliyeva").utf8), mode: 0)
            default: break
            }
        }
        // Root reads a mode-000 file like any other: then it is a good readout, not a skip.
        let root = geteuid() == 0
        if root { good.append("mode000.txt") }
        var bad = ["binary.txt": "binary", "empty.txt": "empty", "latin1.txt": "not UTF-8", "fifo.txt": "FIFO",
                   "dangling.txt": "symbolic link", "loop-a.txt": "symbolic link", "loop-b.txt": "symbolic link",
                   "x.txt": "directory", "big.txt": "too large"]
        if !root { bad["mode000.txt"] = "permission denied" }

        func sources() throws -> [String: String] {
            let result = try annals.run("sources", "--json")
            let list = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
            var out: [String: String] = [:]
            for record in list { if let name = record["name"] as? String { out[name] = record["state"] as? String } }
            return out
        }
        #expect(try annals.waitFor(30) { try Set(sources().keys) == Set(good) }, "\(daemon.log)")
        #expect(annals.waitFor(5) { bad.keys.allSatisfy { daemon.log.contains("skipped \($0):") } }, "\(daemon.log)")
        #expect(daemon.process.isRunning)

        let lines = daemon.log.split(separator: "\n")
        for (name, reason) in bad {
            let skips = lines.filter { $0.contains("skipped \(name):") }
            #expect(skips.count == 1, "\(name): \(skips)")
            #expect(skips.first?.contains(reason) == true, "\(name): \(skips)")
        }
        let log = try annals.run("log", "--json").stdout
        for name in good {
            #expect(log.components(separatedBy: "\"stream\":\"source/\(name)\",\"stream_version\":1,\"type\":\"SourceAdded\"").count == 2, "\(name)")
        }
        #expect(daemon.stop() == 0, "\(daemon.log)")
        #expect(try annals.run("verify").status == 0)
    }
}
