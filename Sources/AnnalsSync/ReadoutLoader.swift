import AnnalsExtract

/// Reads a name under the watched folder into a validated `Readout`, or says why not.
///
/// Joins the folder boundary (`SafeFileReader`: no links followed, no FIFOs opened, size
/// bounded, files still being written noticed) to readout validation (UTF-8, no NUL, not empty).
public struct ReadoutLoader: Sendable {
    public let reader: SafeFileReader
    public let maximumSize: Int

    public init(root: String, maximumSize: Int) {
        self.reader = SafeFileReader(root: root, sizeLimit: Int64(maximumSize))
        self.maximumSize = maximumSize
    }

    /// What the file at `relativePath` holds now, as the reconciler sees it.
    public func load(_ relativePath: String) -> FolderReconciler.FileState {
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
        do {
            return .readout(try Readout(name: relativePath, bytes: contents.bytes, maximumSize: maximumSize))
        } catch {
            return .skipped(error.reason)
        }
    }
}
