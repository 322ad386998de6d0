import AnnalsSync
import Testing

struct FolderScannerTests {
    @Test func listsNestedCandidatesSortedAndReportsEachSkipOnce() throws {
        let folder = try TempFolder()
        let outside = try TempFolder()
        try outside.write("secret.txt")
        try folder.mkdir("b/d")
        try folder.mkdir(".git")
        try folder.mkdir("x.txt")
        for name in ["z.txt", "a.txt", "b/c.txt", "b/d/e.TXT", "x.txt/inner.txt"] { try folder.write(name) }
        for name in ["notes.md", ".hidden.txt", "draft.txt.part", "draft.txt~", ".git/config.txt"] { try folder.write(name) }
        try folder.symlink("link.txt", to: "a.txt")
        try folder.symlink("away.txt", to: outside.full("secret.txt"))
        try folder.symlink("linked-folder", to: "b")
        try folder.symlink("outside-folder", to: outside.path)
        try folder.symlink(".hidden-link.txt", to: "a.txt")
        try folder.mkfifo("pipe.txt")
        try folder.mkfifo("pipe.other")
        try folder.makeSocket("sock.txt")

        let scanner = FolderScanner(root: folder.path)
        let scan = try scanner.scan()
        #expect(scan.entries.map(\.relativePath) == ["a.txt", "b/c.txt", "b/d/e.TXT", "x.txt/inner.txt", "z.txt"])
        #expect(scan.skipped.map(\.description) == [
            "skipped away.txt: symbolic link",
            "skipped link.txt: symbolic link",
            "skipped linked-folder: symbolic link",
            "skipped outside-folder: symbolic link",
            "skipped pipe.txt: FIFO",
            "skipped sock.txt: socket",
            "skipped x.txt: directory",
        ])
        #expect(try scanner.scan() == scan)
    }

    @Test func entriesCarrySizeMtimeAndInode() throws {
        let folder = try TempFolder()
        try folder.write("a.txt", "12345")
        let entry = try #require(try FolderScanner(root: folder.path).scan().entries.first)
        let info = folder.lstat("a.txt")
        #expect(entry == FolderEntry(
            relativePath: "a.txt", size: 5,
            mtimeNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino)))
    }

    @Test func scansOneSubfolderWithRootRelativePaths() throws {
        let folder = try TempFolder()
        try folder.mkdir("s/t")
        try folder.write("top.txt")
        try folder.write("s/t/a.txt")
        #expect(try FolderScanner(root: folder.path).scan(under: "s").entries.map(\.relativePath) == ["s/t/a.txt"])
    }

    @Test func aMissingRootThrows() throws {
        let folder = try TempFolder()
        #expect(throws: FileReadError.vanished) { try FolderScanner(root: folder.full("missing")).scan() }
        #expect(throws: FileReadError.invalidPath) { try FolderScanner(root: folder.path).scan(under: "../x") }
    }
}
