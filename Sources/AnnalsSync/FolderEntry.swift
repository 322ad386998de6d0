/// One candidate readout found by a scan: where it is and what identifies its current version.
public struct FolderEntry: Sendable, Hashable {
    /// Path under the root, `/` between subfolders.
    public let relativePath: String
    /// `st_size` in bytes.
    public let size: Int64
    /// `st_mtim` in nanoseconds since the epoch.
    public let mtimeNanoseconds: Int64
    /// `st_ino`: a rename keeps it, an editor's atomic save changes it.
    public let inode: UInt64

    public init(relativePath: String, size: Int64, mtimeNanoseconds: Int64, inode: UInt64) {
        self.relativePath = relativePath
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.inode = inode
    }
}
