import Glibc

/// The few system calls the folder layer makes, with `EINTR` retried and `errno` mapped.
///
/// Everything under the root is reached with `openat`/`fstatat` relative to a folder descriptor
/// opened with `O_NOFOLLOW`, so a folder swapped for a symbolic link is refused, not followed.
enum POSIX {
    /// Flags for folders below the root: never follow a link, never leak into a child process.
    static let folderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
    /// Flags for readouts: never follow a link, never block on a FIFO, never leak.
    static let fileFlags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC

    /// Opens the root (following it if the configured path is itself a link: the operator chose
    /// it), then each of `components` with `O_NOFOLLOW`. The caller closes the result.
    static func openFolder(root: String, components: some Sequence<Substring>) throws(FileReadError) -> Int32 {
        var fd = retrying { open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw FileReadError.from(errno: errno) }
        for component in components {
            let next = retrying { openat(fd, String(component), folderFlags) }
            guard next >= 0 else {
                let error = openFailure(in: fd, String(component), errno: errno)
                close(fd)
                throw error
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// What a failed `openat(name, O_NOFOLLOW...)` means. Linux answers `ELOOP` for a link
    /// opened as a file but `ENOTDIR` for one opened with `O_DIRECTORY`, so look at the entry.
    static func openFailure(in folder: Int32, _ name: String, errno code: Int32) -> FileReadError {
        guard code == ENOTDIR || code == ELOOP, let info = try? lstat(in: folder, name) else {
            return FileReadError.from(errno: code)
        }
        return FileKind(mode: info.st_mode) == .symbolicLink ? .symbolicLink : FileReadError.from(errno: code)
    }

    /// `fstatat(folder, name, AT_SYMLINK_NOFOLLOW)`: the entry itself, links not followed.
    static func lstat(in folder: Int32, _ name: String) throws(FileReadError) -> stat {
        var info = stat()
        guard retrying({ fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else {
            throw FileReadError.from(errno: errno)
        }
        return info
    }

    /// `fstat` of an open descriptor.
    static func fstat(_ fd: Int32) throws(FileReadError) -> stat {
        var info = stat()
        guard Glibc.fstat(fd, &info) == 0 else { throw FileReadError.from(errno: errno) }
        return info
    }

    /// Runs `call` again while it fails with `EINTR`.
    static func retrying<T: BinaryInteger>(_ call: () -> T) -> T {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    /// `st_mtim` in nanoseconds since the epoch.
    static func mtimeNanoseconds(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// The wall clock in nanoseconds since the epoch, comparable with ``mtimeNanoseconds(_:)``.
    static func nowNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// `strerror` as a Swift string.
    static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}
