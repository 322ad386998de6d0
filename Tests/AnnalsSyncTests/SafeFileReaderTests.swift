import AnnalsSync
import Foundation
import Glibc
import Synchronization
import Testing

struct SafeFileReaderTests {
    @Test func readsARegularFileWithItsMetadata() throws {
        let folder = try TempFolder()
        try folder.mkdir("sub/deeper")
        try folder.write("sub/deeper/a.txt", "The ministers met.\n")
        let contents = try SafeFileReader(root: folder.path).read("sub/deeper/a.txt")
        let info = folder.lstat("sub/deeper/a.txt")
        #expect(contents.bytes == Array("The ministers met.\n".utf8))
        #expect(contents.size == 19)
        #expect(contents.inode == UInt64(info.st_ino))
        #expect(contents.mtimeNanoseconds == Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    @Test func refusesLinksToFilesInsideAndOutside() throws {
        let folder = try TempFolder()
        let outside = try TempFolder()
        try folder.write("real.txt")
        try outside.write("secret.txt", "Confidential.\n")
        try folder.symlink("inside.txt", to: "real.txt")
        try folder.symlink("outside.txt", to: outside.full("secret.txt"))
        try folder.symlink("dangling.txt", to: "missing.txt")
        try folder.symlink("loop.txt", to: "loop.txt")
        let reader = SafeFileReader(root: folder.path)
        for name in ["inside.txt", "outside.txt", "dangling.txt", "loop.txt"] {
            #expect(throws: FileReadError.symbolicLink) { try reader.read(name) }
        }
        #expect(FileReadError.symbolicLink.reason == "symbolic link")
    }

    @Test func refusesAFolderLinkOnTheWay() throws {
        let folder = try TempFolder()
        let outside = try TempFolder()
        try outside.write("secret.txt")
        try folder.symlink("away", to: outside.path)
        #expect(throws: FileReadError.symbolicLink) { try SafeFileReader(root: folder.path).read("away/secret.txt") }
    }

    @Test(.timeLimit(.minutes(1)))
    func refusesAFIFOWithoutBlocking() throws {
        let folder = try TempFolder()
        try folder.mkfifo("pipe.txt")
        let started = ContinuousClock.now
        #expect(throws: FileReadError.notRegularFile(.fifo)) { try SafeFileReader(root: folder.path).read("pipe.txt") }
        #expect(ContinuousClock.now - started < .seconds(5), "a FIFO must never block the reader")
        #expect(FileReadError.notRegularFile(.fifo).reason == "FIFO")
    }

    @Test func refusesASocket() throws {
        let folder = try TempFolder()
        try folder.makeSocket("sock.txt")
        #expect(throws: FileReadError.notRegularFile(.socket)) { try SafeFileReader(root: folder.path).read("sock.txt") }
    }

    @Test func refusesAFolderNamedLikeAReadout() throws {
        let folder = try TempFolder()
        try folder.mkdir("x.txt")
        #expect(throws: FileReadError.notRegularFile(.directory)) { try SafeFileReader(root: folder.path).read("x.txt") }
    }

    /// Root bypasses permission bits (CAP_DAC_OVERRIDE), so as root mode 000 is still readable;
    /// anyone else gets "permission denied". Both are correct behaviour for the reader.
    @Test func modeZeroIsPermissionDeniedUnlessRoot() throws {
        let folder = try TempFolder()
        try folder.write("locked.txt", "Locked.\n", mode: 0o000)
        chmod(folder.full("locked.txt"), 0o000)
        let reader = SafeFileReader(root: folder.path)
        if geteuid() == 0 {
            #expect(try reader.read("locked.txt").bytes == Array("Locked.\n".utf8))
        } else {
            #expect(throws: FileReadError.permissionDenied) { try reader.read("locked.txt") }
        }
    }

    @Test func refusesFilesOverTheLimit() throws {
        let folder = try TempFolder()
        try folder.write("ten.txt", "0123456789")
        try folder.write("eleven.txt", "0123456789A")
        let reader = SafeFileReader(root: folder.path, sizeLimit: 10)
        #expect(try reader.read("ten.txt").size == 10)
        #expect(throws: FileReadError.tooLarge(size: 11, limit: 10)) { try reader.read("eleven.txt") }
        #expect(FileReadError.tooLarge(size: 11, limit: 10).reason.hasPrefix("too large"))
    }

    @Test(arguments: ["../etc/passwd", "sub/../../x.txt", "/etc/passwd", "", "./a.txt", "a//b.txt", ".."])
    func refusesUnsafePaths(path: String) throws {
        let folder = try TempFolder()
        #expect(throws: FileReadError.invalidPath) { try SafeFileReader(root: folder.path).read(path) }
    }

    @Test func reportsAVanishedFile() throws {
        let folder = try TempFolder()
        let reader = SafeFileReader(root: folder.path)
        #expect(throws: FileReadError.vanished) { try reader.read("gone.txt") }
        #expect(throws: FileReadError.vanished) { try reader.read("no/such/folder.txt") }
        #expect(FileReadError.vanished.reason == "vanished before it could be read")
    }

    /// A writer appends while we read: the size moves between the fstat and the end of the read.
    /// The writer gets a thread of its own so a busy cooperative pool cannot starve it.
    @Test func detectsAFileStillBeingWritten() throws {
        let folder = try TempFolder()
        try folder.write("growing.txt", String(repeating: "x", count: 256 * 1024))
        let path = folder.full("growing.txt")
        let control = Mutex((started: false, done: false))
        let writer = Thread {
            let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            defer { close(fd) }
            var byte: UInt8 = 0x79
            let until = ContinuousClock.now + .seconds(3)
            while ContinuousClock.now < until, !control.withLock({ $0.done }) {
                _ = write(fd, &byte, 1)
                control.withLock { $0.started = true }
            }
        }
        writer.start()
        defer { control.withLock { $0.done = true } }
        while !control.withLock({ $0.started }) { usleep(1000) }
        let reader = SafeFileReader(root: folder.path)
        var sawIt = false
        let until = ContinuousClock.now + .seconds(2)
        while !sawIt, ContinuousClock.now < until {
            do { _ = try reader.read("growing.txt") } catch { sawIt = error == .stillBeingWritten && error.isRetryable }
        }
        #expect(sawIt)
    }
}
