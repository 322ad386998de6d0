import Glibc

/// Reads one readout under the watched root by relative path, refusing anything but a settled
/// regular file.
///
/// The folder is a boundary: links are never followed (every component is opened with
/// `O_NOFOLLOW`, so a file swapped for a link after the event is refused too), a FIFO never
/// blocks us (`O_NONBLOCK`, and its type is checked before the open), nothing larger than
/// ``sizeLimit`` is read, and a file whose size or mtime moves during the read is reported as
/// ``FileReadError/stillBeingWritten`` so the caller retries after the settle window.
public struct SafeFileReader: Sendable {
    /// 8 MiB: a readout is a page or two of text; anything near this is a mistake.
    public static let defaultSizeLimit: Int64 = 8 << 20

    /// The watched folder.
    public let root: String
    /// Files larger than this many bytes are refused as too large.
    public let sizeLimit: Int64

    /// A reader for files under `root`.
    public init(root: String, sizeLimit: Int64 = SafeFileReader.defaultSizeLimit) {
        self.root = root
        self.sizeLimit = sizeLimit
    }

    /// Reads `relativePath` (components separated by `/`, no `.` or `..`).
    ///
    /// - throws: ``FileReadError``; its `reason` is what to log after `skipped NAME: `.
    public func read(_ relativePath: String) throws(FileReadError) -> FileContents {
        guard FileNameRules.isSafeRelativePath(relativePath) else { throw .invalidPath }
        let components = relativePath.split(separator: "/")
        let name = String(components[components.count - 1])
        let folder = try POSIX.openFolder(root: root, components: components.dropLast())
        defer { close(folder) }

        // Classify before opening: a device or FIFO is refused without being touched.
        let listed = try POSIX.lstat(in: folder, name)
        try check(listed)

        let fd = POSIX.retrying { openat(folder, name, POSIX.fileFlags) }
        guard fd >= 0 else { throw POSIX.openFailure(in: folder, name, errno: errno) }
        defer { close(fd) }
        // Swapped between the lstat and the open? O_NOFOLLOW caught links; this catches the rest.
        let opened = try POSIX.fstat(fd)
        try check(opened)

        let bytes = try readAll(fd)
        let closing = try POSIX.fstat(fd)
        guard Int64(bytes.count) == Int64(opened.st_size),
              closing.st_size == opened.st_size,
              POSIX.mtimeNanoseconds(closing) == POSIX.mtimeNanoseconds(opened)
        else { throw .stillBeingWritten }
        return FileContents(
            bytes: bytes, size: Int64(opened.st_size),
            mtimeNanoseconds: POSIX.mtimeNanoseconds(opened), inode: UInt64(opened.st_ino))
    }

    /// Refuses anything but a regular file within the size limit.
    private func check(_ info: stat) throws(FileReadError) {
        let kind = FileKind(mode: info.st_mode)
        if kind == .symbolicLink { throw .symbolicLink }
        guard kind == .regular else { throw .notRegularFile(kind) }
        guard Int64(info.st_size) <= sizeLimit else { throw .tooLarge(size: Int64(info.st_size), limit: sizeLimit) }
    }

    /// Reads to end of file, stopping with ``FileReadError/tooLarge(size:limit:)`` past the limit
    /// (the file grew after the fstat).
    private func readAll(_ fd: Int32) throws(FileReadError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                POSIX.retrying { Glibc.read(fd, buffer.baseAddress, buffer.count) }
            }
            if count < 0 { throw FileReadError.from(errno: errno) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if Int64(bytes.count) > sizeLimit {
                throw .tooLarge(size: Int64(bytes.count), limit: sizeLimit)
            }
        }
    }
}
