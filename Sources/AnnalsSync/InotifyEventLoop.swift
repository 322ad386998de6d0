import Glibc
import Logging

/// The inotify descriptor, the table of watched folders and the batch being collected.
///
/// `@unchecked Sendable` by confinement: ``InotifyWatcher`` touches it only in its `init`
/// (adding the first watches), then hands it to its thread, which alone uses it until it exits.
final class InotifyEventLoop: @unchecked Sendable, WatcherLoop {
    let root: String
    let fd: Int32
    let logger: Logger
    private let scanner: FolderScanner
    private var folderOfWatch: [Int32: String] = [:]
    private var watchOfFolder: [String: Int32] = [:]
    private var pending: PendingChanges
    private var limitLogged = false

    /// Opens inotify and watches `root` and every visible subfolder.
    init(root: String, timing: PendingChanges.Timing, logger: Logger) throws(FolderWatchError) {
        self.root = root
        pending = PendingChanges(timing: timing)
        self.logger = logger
        self.scanner = FolderScanner(root: root)
        fd = inotify_init1(O_NONBLOCK | O_CLOEXEC)  // IN_NONBLOCK and IN_CLOEXEC share these values
        guard fd >= 0 else { throw .unavailable(errno: errno) }
        // The root may be a link the operator configured, so no IN_DONT_FOLLOW here.
        let wd = inotify_add_watch(fd, root, InotifyEvent.folderMask)
        guard wd >= 0 else {
            let code = errno
            close(fd)
            throw code == ENOSPC || code == ENOMEM ? .unavailable(errno: code) : .rootUnusable(.from(errno: code))
        }
        register(wd, folder: "")
        watchTree(under: "", reportingFiles: false, at: .now)
    }

    /// Reads events until `wake` is signalled, yielding each batch once its paths are ready.
    func run(wake: WakePipe, continuation: AsyncStream<FolderChangeBatch>.Continuation) {
        defer {
            if let batch = pending.takeBatch() { continuation.yield(batch) }
            continuation.finish()
            close(fd)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeoutMilliseconds())
            if ready < 0, errno != EINTR {
                logger.info("inotify poll failed; watcher stopped", metadata: ["sync.error": "\(POSIX.describe(errno: errno))"])
                return
            }
            if fds[1].revents != 0 { return }
            if fds[0].revents != 0 { drain(into: buffer) }
            if let batch = pending.takeBatch(ifDueAt: .now) {
                continuation.yield(batch)
            }
        }
    }

    /// Closes the descriptor of a watcher stopped before it ever ran.
    func closeUnstarted() {
        close(fd)
    }

    /// Milliseconds until the pending batch is due (rounded up), or a second when none is.
    private func timeoutMilliseconds() -> Int32 {
        guard let due = pending.deadline else { return 1000 }
        let left = ContinuousClock.now.duration(to: due)
        if left <= .zero { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(min(1000, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }

    /// Reads until the non-blocking descriptor is empty (or 64 buffers, so a flood cannot hold
    /// back a due batch or a stop), handling each event.
    private func drain(into buffer: UnsafeMutableRawBufferPointer) {
        for _ in 0..<64 {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN {
                    logger.info("inotify read failed", metadata: ["sync.error": "\(POSIX.describe(errno: errno))"])
                }
                return
            }
            if count == 0 { return }
            // Events read together were all queued by now: one instant for all of them, so
            // they become ready together however long handling them takes on a busy machine.
            let now = ContinuousClock.now
            for event in InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) {
                handle(event, at: now)
            }
        }
    }

    private func handle(_ event: InotifyEvent, at now: ContinuousClock.Instant) {
        if event.has(InotifyEvent.queueOverflow) {
            logger.info("inotify queue overflowed; full rescan", metadata: ["sync.root": "\(root)"])
            pending.noteRescan(at: now)
            watchTree(under: "", reportingFiles: false, at: now)
            return
        }
        if event.has(InotifyEvent.ignored) {
            unregister(event.wd)
            return
        }
        guard let folder = folderOfWatch[event.wd] else { return }
        if event.has(InotifyEvent.deleteSelf) || event.has(InotifyEvent.moveSelf) {
            // A subfolder's own departure is handled through its parent's event.
            if folder.isEmpty {
                logger.info("watched folder was deleted or moved; full rescan", metadata: ["sync.root": "\(root)"])
                pending.noteRescan(at: now)
            }
            return
        }
        guard let name = event.name, !name.isEmpty else { return }
        let path = FileNameRules.join(folder, name)
        if event.has(InotifyEvent.isDirectory) {
            handleFolder(event, path: path, at: now)
        } else if FileNameRules.isCandidate(path) {
            handleFile(event, path: path, at: now)
        }
    }

    private func handleFolder(_ event: InotifyEvent, path: String, at now: ContinuousClock.Instant) {
        guard !FileNameRules.isHidden(path) else { return }
        if event.has(InotifyEvent.create) || event.has(InotifyEvent.movedTo) {
            // Files may have landed before the watch existed: scan what is already there.
            watchTree(under: path, reportingFiles: true, at: now)
            if FileNameRules.isCandidate(path) { pending.noteWritten(path, at: now) }  // a folder named x.txt: log its skip
        } else if event.has(InotifyEvent.movedFrom) {
            // Which readouts it took away is not in the event: let the reconciler compare.
            logger.info("subfolder moved away; full rescan", metadata: ["sync.folder": "\(path)"])
            unwatchTree(under: path)
            pending.noteRescan(at: now)
        } else if event.has(InotifyEvent.delete) {
            unwatchTree(under: path)  // its files were deleted (and reported) one by one first
        }
    }

    private func handleFile(_ event: InotifyEvent, path: String, at now: ContinuousClock.Instant) {
        if event.has(InotifyEvent.movedTo) {
            // A rename is atomic: the name appears with its final bytes (the recommended drop).
            pending.noteMovedIn(path, cookie: event.cookie, at: now)
        } else if event.has(InotifyEvent.closeWrite) {
            pending.noteWritten(path, at: now)
        } else if event.has(InotifyEvent.movedFrom) {
            // Kept for its IN_MOVED_TO (same cookie, queued right after it), so both names of a
            // rename within the folder leave in one batch.
            pending.noteRemoved(path, cookie: event.cookie, at: now)
        } else if event.has(InotifyEvent.delete) {
            pending.noteRemoved(path, at: now)
        } else if event.has(InotifyEvent.create) {
            // A regular file is reported at IN_CLOSE_WRITE, when complete. Links, FIFOs and
            // sockets never get one, and neither does a hard link: report those now.
            guard let info = try? lstat(path) else { return }
            if FileKind(mode: info.st_mode) != .regular || info.st_nlink > 1 {
                pending.noteWritten(path, at: now)
            }
        }
    }

    /// Watches `folder` and every visible subfolder below it (each watch added before the folder
    /// is listed), optionally reporting the candidate files found as changed.
    private func watchTree(under folder: String, reportingFiles: Bool, at now: ContinuousClock.Instant) {
        let scan: FolderScan
        do {
            scan = try scanner.scan(under: folder) { addWatch($0, at: now) }
        } catch {
            if error != .vanished {
                logger.info("cannot scan folder", metadata: ["sync.folder": "\(folder)", "sync.error": "\(error.reason)"])
            }
            return
        }
        guard reportingFiles else { return }
        // Found by listing, not by an event: they may still be being written, so they settle.
        for entry in scan.entries { pending.noteWritten(entry.relativePath, at: now) }
        for skip in scan.skipped where FileNameRules.isCandidate(skip.relativePath) {
            pending.noteWritten(skip.relativePath, at: now)
        }
    }

    private func addWatch(_ folder: String, at now: ContinuousClock.Instant) {
        guard !folder.isEmpty else { return }  // the root's watch is added once, in init
        let mask = InotifyEvent.folderMask | InotifyEvent.dontFollow
        let wd = inotify_add_watch(fd, root + "/" + folder, mask)
        guard wd < 0 else {
            register(wd, folder: folder)
            return
        }
        let code = errno
        switch code {
        case ENOENT, ENOTDIR, ELOOP:
            return  // gone or swapped for a link since it was listed: nothing to watch
        case ENOSPC where limitLogged:
            pending.noteRescan(at: now)
        default:
            // Once for the watch limit (swift-log: libraries warn only for one-time conditions).
            if code == ENOSPC { limitLogged = true }
            logger.log(level: code == ENOSPC ? .warning : .info, "cannot watch subfolder; its changes need a full rescan", metadata: [
                "sync.folder": "\(folder)",
                "sync.error": "\(code == ENOSPC ? "inotify watch limit reached (fs.inotify.max_user_watches)" : POSIX.describe(errno: code))",
            ])
            pending.noteRescan(at: now)
        }
    }

    private func register(_ wd: Int32, folder: String) {
        if let previous = folderOfWatch[wd], previous != folder, watchOfFolder[previous] == wd {
            watchOfFolder[previous] = nil  // the same folder under a new name
        }
        folderOfWatch[wd] = folder
        watchOfFolder[folder] = wd
    }

    private func unregister(_ wd: Int32) {
        guard let folder = folderOfWatch.removeValue(forKey: wd) else { return }
        if watchOfFolder[folder] == wd { watchOfFolder[folder] = nil }
    }

    /// Drops the watches of `folder` and everything below it.
    private func unwatchTree(under folder: String) {
        let prefix = folder + "/"
        for (path, wd) in watchOfFolder where path == folder || path.hasPrefix(prefix) {
            inotify_rm_watch(fd, wd)
            unregister(wd)
        }
    }

    private func lstat(_ path: String) throws(FileReadError) -> stat {
        let components = path.split(separator: "/")
        let folder = try POSIX.openFolder(root: root, components: components.dropLast())
        defer { close(folder) }
        return try POSIX.lstat(in: folder, String(components[components.count - 1]))
    }
}
