import Foundation
import Glibc

/// A fresh folder under /tmp for one test, removed when the value is released.
///
/// Writes go through open/write/close so inotify sees `IN_CLOSE_WRITE` on the final name
/// (Foundation's `createFile` writes a temporary file and renames it).
final class TempFolder {
    let path: String

    init() throws {
        var template = Array("/tmp/annals-sync-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func full(_ relative: String) -> String { path + "/" + relative }

    func write(_ relative: String, _ text: String = "A readout.\n", mode: mode_t = 0o644) throws {
        let fd = open(full(relative), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw POSIXError(.EIO)
        }
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: full(relative), withIntermediateDirectories: true)
    }

    func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(full(from), full(to)) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: full(relative))
    }

    /// A link at `relative` whose target is `target`, verbatim (relative or absolute).
    func symlink(_ relative: String, to target: String) throws {
        guard Glibc.symlink(target, full(relative)) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    func mkfifo(_ relative: String) throws {
        guard Glibc.mkfifo(full(relative), 0o644) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    /// A Unix-domain socket file at `relative` (bound, then its descriptor closed; the file stays).
    func makeSocket(_ relative: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(full(relative).utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }

    func lstat(_ relative: String) -> stat {
        var info = stat()
        _ = Glibc.lstat(full(relative), &info)
        return info
    }
}
