/// Which names in the watched folder are candidate readouts, and which relative paths are safe.
///
/// A candidate is a `*.txt` file (any case) that is neither hidden (no path component starts
/// with `.`) nor temporary (`*~`, `*.swp`, `*.tmp`, `*.part`): editors and downloaders write
/// those first and rename them to the real name when done, which is when we want to see them.
/// Relative paths use `/` between subfolders and never contain `.`, `..` or empty components.
public enum FileNameRules {
    /// The extension a readout must have, compared case-insensitively.
    public static let readoutExtension = ".txt"
    /// Suffixes of temporary names, compared case-insensitively.
    public static let temporarySuffixes = ["~", ".swp", ".tmp", ".part"]

    /// True when `relativePath` names a file the daemon should read.
    public static func isCandidate(_ relativePath: String) -> Bool {
        guard isSafeRelativePath(relativePath), !isHidden(relativePath) else { return false }
        let name = lastComponent(of: relativePath).lowercased()
        guard !isTemporary(name) else { return false }
        return name.hasSuffix(readoutExtension) && name.count > readoutExtension.count
    }

    /// True when any component of `relativePath` starts with `.` (`.git/x.txt`, `a/.draft.txt`).
    public static func isHidden(_ relativePath: String) -> Bool {
        relativePath.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// True when the last component of `path` has a temporary suffix (`x.txt~`, `x.txt.part`).
    public static func isTemporary(_ path: String) -> Bool {
        let name = lastComponent(of: path).lowercased()
        return temporarySuffixes.contains { name.hasSuffix($0) }
    }

    /// True for a non-empty relative path with no `.`, `..` or empty component, no leading `/`
    /// and no NUL byte: the only paths ``SafeFileReader`` will open.
    public static func isSafeRelativePath(_ relativePath: String) -> Bool {
        guard !relativePath.isEmpty, !relativePath.utf8.contains(0) else { return false }
        return relativePath.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }

    /// Joins a relative folder (`""` for the root) and a name with `/`.
    public static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    /// The text after the last `/`.
    static func lastComponent(of path: String) -> Substring {
        path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
    }
}
