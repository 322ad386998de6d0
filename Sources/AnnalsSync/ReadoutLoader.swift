import AnnalsExtract
import Glibc

/// Reads a name under the watched folder into a validated `Readout`, or says why not.
///
/// Joins the folder boundary (`SafeFileReader`: no links followed, no FIFOs opened, size
/// bounded, files still being written noticed) to readout validation (UTF-8, no NUL, not empty).
public struct ReadoutLoader: Sendable {
    public let reader: SafeFileReader
    public let maximumSize: Int
    /// A file modified less than this long ago is reported as ``FolderReconciler/FileState/retry(_:)``.
    ///
    /// A writer that rewrites a file in place (`cp`, `>`, an editor without atomic saves) may
    /// pause between writes; a read in that pause sees a stable but partial file that the
    /// size-and-mtime check during the read cannot tell from a finished one. The daemon passes
    /// its settle window here, so a file is read only once it has been quiet that long. A
    /// modification time in the future (clock skew) does not hold a file back, and neither does
    /// `knownComplete` (see ``load(_:knownComplete:)``).
    public let quietPeriod: Duration

    public init(root: String, maximumSize: Int, quietPeriod: Duration = .zero) {
        self.reader = SafeFileReader(root: root, sizeLimit: Int64(maximumSize))
        self.maximumSize = maximumSize
        self.quietPeriod = quietPeriod
    }

    /// What the file at `relativePath` holds now, as the reconciler sees it.
    public func load(_ relativePath: String) -> FolderReconciler.FileState {
        load(relativePath, knownComplete: false)
    }

    /// What the file at `relativePath` holds now.
    ///
    /// - Parameter knownComplete: the file arrived by rename (``FolderChangeBatch/renamedIn``),
    ///   so its writer finished before the name appeared: read it without waiting for
    ///   ``quietPeriod``. Its mtime is usually only milliseconds old (written, then renamed at
    ///   once), and waiting would add a whole settle window to every drop. The read itself
    ///   still refuses bytes that change under it.
    public func load(_ relativePath: String, knownComplete: Bool) -> FolderReconciler.FileState {
        guard FileNameRules.isCandidate(relativePath) else { return .missing }
        let contents: FileContents
        do {
            contents = try reader.read(relativePath)
        } catch {
            switch error {
            case .vanished: return .missing
            case .stillBeingWritten: return .retry(error.reason)
            case let .tooLarge(size, limit):
                return .skipped(ReadoutError.tooLarge(name: relativePath, size: Int(size), limit: Int(limit)).reason)
            default: return .skipped(error.reason)
            }
        }
        if quietPeriod > .zero, !knownComplete {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let age = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - contents.mtimeNanoseconds
            let quiet = quietPeriod.components.seconds * 1_000_000_000 + quietPeriod.components.attoseconds / 1_000_000_000
            if age >= 0, age < quiet {
                return .retry("modified \(age / 1_000_000) ms ago; read once it has been quiet for \(quiet / 1_000_000) ms")
            }
        }
        do {
            return .readout(try Readout(name: relativePath, bytes: contents.bytes, maximumSize: maximumSize))
        } catch {
            return .skipped(error.reason)
        }
    }
}
