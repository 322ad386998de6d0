import Glibc

/// Lists the candidate readouts under a root, recursively, without following links.
///
/// Entries are examined with `fstatat(AT_SYMLINK_NOFOLLOW)` and subfolders opened with
/// `openat(O_NOFOLLOW)`, so a link (to a file or a folder, inside or outside the root) is
/// reported as skipped, never read or descended. Hidden entries (`.*`) are neither listed,
/// descended nor reported. Output is sorted by relative path.
public struct FolderScanner: Sendable {
    /// The watched folder.
    public let root: String
    /// Folders nested deeper than this are reported as skipped rather than descended.
    public let maxDepth: Int

    public init(root: String, maxDepth: Int = 32) {
        self.root = root
        self.maxDepth = maxDepth
    }

    /// Scans the whole root.
    ///
    /// - throws: ``FileReadError`` when the root itself cannot be opened.
    public func scan() throws(FileReadError) -> FolderScan {
        try scan(under: "")
    }

    /// Scans one subfolder (`""` for the root); paths in the result stay relative to the root.
    public func scan(under folder: String) throws(FileReadError) -> FolderScan {
        try scan(under: folder, visitingFolders: { _ in })
    }

    /// Scans `folder`, calling `visit` with each folder's relative path just before listing it
    /// (the inotify watcher adds its watch there, so no file can land unseen in between).
    func scan(under folder: String, visitingFolders visit: (String) -> Void) throws(FileReadError) -> FolderScan {
        if !folder.isEmpty, !FileNameRules.isSafeRelativePath(folder) { throw .invalidPath }
        let fd = try POSIX.openFolder(root: root, components: folder.split(separator: "/"))
        var result = FolderScan()
        walk(fd, folder: folder, depth: 0, visit: visit, into: &result)
        result.entries.sort { $0.relativePath < $1.relativePath }
        result.skipped.sort { $0.relativePath < $1.relativePath }
        return result
    }

    /// Lists one open folder (taking ownership of `fd`) and descends its subfolders.
    private func walk(_ fd: Int32, folder: String, depth: Int, visit: (String) -> Void, into result: inout FolderScan) {
        visit(folder)
        guard let stream = fdopendir(fd) else {
            close(fd)
            return
        }
        defer { closedir(stream) }
        var subfolders: [String] = []
        while let entry = readdir(stream) {
            let raw = UnsafeRawPointer(entry).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
                .assumingMemoryBound(to: CChar.self)
            guard let name = String(validatingCString: raw) else {
                let lossy = String(decoding: UnsafeBufferPointer(start: raw, count: strlen(raw)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !lossy.hasPrefix(".") {
                    result.skipped.append(SkippedEntry(relativePath: FileNameRules.join(folder, lossy), error: .nameNotUTF8))
                }
                continue
            }
            // Hidden entries (and "." and "..") are not ours: not listed, not descended, not reported.
            if name.hasPrefix(".") { continue }
            let path = FileNameRules.join(folder, name)
            let info: stat
            do {
                info = try POSIX.lstat(in: fd, name)
            } catch {
                if error != .vanished, FileNameRules.isCandidate(path) {
                    result.skipped.append(SkippedEntry(relativePath: path, error: error))
                }
                continue
            }
            switch FileKind(mode: info.st_mode) {
            case .regular:
                if FileNameRules.isCandidate(path) {
                    result.entries.append(FolderEntry(
                        relativePath: path, size: Int64(info.st_size),
                        mtimeNanoseconds: POSIX.mtimeNanoseconds(info), inode: UInt64(info.st_ino)))
                }
            case .directory:
                if FileNameRules.isCandidate(path) {
                    result.skipped.append(SkippedEntry(relativePath: path, error: .notRegularFile(.directory)))
                }
                subfolders.append(name)
            case .symbolicLink:
                // Whatever its name: a link is never followed, and the log should say so.
                result.skipped.append(SkippedEntry(relativePath: path, error: .symbolicLink))
            case let kind:
                if FileNameRules.isCandidate(path) {
                    result.skipped.append(SkippedEntry(relativePath: path, error: .notRegularFile(kind)))
                }
            }
        }
        for name in subfolders {
            let path = FileNameRules.join(folder, name)
            guard depth < maxDepth else {
                result.skipped.append(SkippedEntry(relativePath: path, error: .nestedTooDeep))
                continue
            }
            let child = POSIX.retrying { openat(fd, name, POSIX.folderFlags) }
            guard child >= 0 else {
                let error = POSIX.openFailure(in: fd, name, errno: errno)
                if error != .vanished {
                    result.skipped.append(SkippedEntry(relativePath: path, error: error))
                }
                continue
            }
            walk(child, folder: path, depth: depth + 1, visit: visit, into: &result)
        }
    }
}
