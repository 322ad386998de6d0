@testable import AnnalsSync
import Foundation
import Glibc
import Testing

/// The loader holds back a file modified within its quiet period: a writer that rewrites a file
/// in place and pauses between writes must not have its half-written bytes recorded.
struct ReadoutLoaderTests {
    @Test func aFreshlyModifiedFileIsRetriedUntilQuiet() throws {
        let folder = try TempFolder()
        try folder.write("a.txt", "President Xi Jinping met Ilham Aliyev.\n")
        let patient = ReadoutLoader(root: folder.path, maximumSize: 1 << 20, quietPeriod: .seconds(30))
        guard case let .retry(reason) = patient.load("a.txt") else {
            Issue.record("a file written just now should be retried")
            return
        }
        #expect(reason.contains("quiet"))
        // Without a quiet period (annals ingest), the same file is read at once.
        let eager = ReadoutLoader(root: folder.path, maximumSize: 1 << 20)
        guard case .readout = eager.load("a.txt") else {
            Issue.record("without a quiet period the file is read")
            return
        }
    }

    @Test func aFileKnownCompleteIsReadWithoutWaitingForTheQuietPeriod() throws {
        let folder = try TempFolder()
        try folder.write(".a.txt.tmp", "President Xi Jinping met Ilham Aliyev.\n")
        try folder.rename(".a.txt.tmp", "a.txt")  // the watcher reports it in renamedIn
        let patient = ReadoutLoader(root: folder.path, maximumSize: 1 << 20, quietPeriod: .seconds(30))
        guard case .readout = patient.load("a.txt", knownComplete: true) else {
            Issue.record("a file that arrived by rename is complete and read at once")
            return
        }
        guard case .retry = patient.load("a.txt") else {
            Issue.record("the same file, not known complete, waits for the quiet period")
            return
        }
    }

    @Test(arguments: [-3600, 3600])
    func anOldOrFutureModificationTimeIsReadAtOnce(offsetSeconds: Int) throws {
        let folder = try TempFolder()
        try folder.write("a.txt", "President Xi Jinping met Ilham Aliyev.\n")
        var times = [timespec(tv_sec: time(nil) + offsetSeconds, tv_nsec: 0), timespec(tv_sec: time(nil) + offsetSeconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, folder.full("a.txt"), &times, 0) == 0)
        let loader = ReadoutLoader(root: folder.path, maximumSize: 1 << 20, quietPeriod: .seconds(30))
        guard case .readout = loader.load("a.txt") else {
            Issue.record("mtime \(offsetSeconds) s away from now should not hold the file back")
            return
        }
    }
}
