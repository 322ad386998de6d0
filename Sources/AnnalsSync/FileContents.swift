/// The bytes of one readout as ``SafeFileReader`` read them, with the metadata they were read at.
public struct FileContents: Sendable, Hashable {
    /// The whole file.
    public let bytes: [UInt8]
    /// `st_size`, equal to `bytes.count` (a mismatch is reported as still being written).
    public let size: Int64
    /// `st_mtim` in nanoseconds since the epoch.
    public let mtimeNanoseconds: Int64
    /// `st_ino`: with size and mtime, what the polling watcher compares.
    public let inode: UInt64

    public init(bytes: [UInt8], size: Int64, mtimeNanoseconds: Int64, inode: UInt64) {
        self.bytes = bytes
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.inode = inode
    }
}
