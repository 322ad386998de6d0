import AnnalsSync
import Testing

struct FileNameRulesTests {
    @Test(arguments: [
        ("a.txt", true), ("A.TXT", true), ("sub/dir/b.Txt", true), ("2025-01-03 readout.txt", true),
        (".hidden.txt", false), (".git/a.txt", false), ("sub/.drafts/a.txt", false), (".txt", false),
        ("a.txt~", false), ("a.txt.swp", false), ("a.tmp", false), ("a.txt.part", false),
        ("a.TXT.PART", false), ("notes.txt.TMP", false), ("a.md", false), ("txt", false),
        ("a.txt/", false), ("/a.txt", false), ("../a.txt", false), ("a/../b.txt", false),
        ("a//b.txt", false), ("./a.txt", false), ("", false),
    ])
    func candidates(path: String, expected: Bool) {
        #expect(FileNameRules.isCandidate(path) == expected)
    }

    @Test(arguments: [
        ("a.txt", true), ("a/b/c.txt", true), ("..a.txt", true), ("", false), ("/etc/passwd", false),
        ("..", false), ("a/..", false), ("a/./b.txt", false), ("a//b", false), ("a/", false), ("a\0b", false),
    ])
    func safeRelativePaths(path: String, expected: Bool) {
        #expect(FileNameRules.isSafeRelativePath(path) == expected)
    }

    @Test func hiddenAndTemporaryParts() {
        #expect(FileNameRules.isHidden("a/.b/c.txt"))
        #expect(!FileNameRules.isHidden("a/b.c/d.txt"))
        #expect(FileNameRules.isTemporary("sub/x.txt~"))
        #expect(!FileNameRules.isTemporary("sub.tmp/x.txt"))
        #expect(FileNameRules.join("", "a.txt") == "a.txt")
        #expect(FileNameRules.join("s/t", "a.txt") == "s/t/a.txt")
    }
}
