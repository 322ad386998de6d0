import Foundation

/// Where a lexicon is read from: a directory of lexicon files, or the copy of the package's
/// `config/lexicon` compiled into this binary.
///
/// The directory wins whenever there is one (an explicit `--lexicon`, `$ANNALS_LEXICON`,
/// `./config/lexicon`, or `config/lexicon` beside the executable), so editing a file there takes
/// effect without a rebuild; the built-in copy makes a binary installed alone work like one in
/// its checkout. Both read the same texts, so the same files give the same `Lexicon.fingerprint`
/// (and the same level ranking) whichever way they were found.
public enum LexiconSource: Sendable, Equatable, CustomStringConvertible {
    /// A directory holding `Lexicon.requiredFiles` (and any of `Lexicon.optionalFiles`).
    case directory(String)
    /// The files of `config/lexicon` as they were when this binary was built.
    case builtIn

    /// The lexicon to use when none is given: the directory `Lexicon.locateDefaultDirectory`
    /// finds, else the built-in one.
    ///
    /// A directory named by `$ANNALS_LEXICON` is returned even when it does not exist, so that
    /// loading it fails with its name rather than quietly using another lexicon.
    public static func locateDefault(executablePath: String?) -> LexiconSource {
        Lexicon.locateDefaultDirectory(executablePath: executablePath).map { .directory($0) } ?? .builtIn
    }

    /// The directory path, or `built-in (the lexicon compiled into this binary)`.
    public var description: String {
        switch self {
        case let .directory(path): return path
        case .builtIn: return "built-in (the lexicon compiled into this binary)"
        }
    }

    /// How error messages name file `name` of this source.
    func path(of name: String) -> String {
        switch self {
        case let .directory(path): return path + "/" + name
        case .builtIn: return "built-in lexicon/" + name
        }
    }

    /// The prefix of `path(of:)`, for `Lexicon(files:directory:)`.
    var label: String {
        switch self {
        case let .directory(path): return path
        case .builtIn: return "built-in lexicon"
        }
    }

    /// The text of lexicon file `name`, or nil when the source has no such file.
    ///
    /// - throws: `LexiconError.unreadableFile` when the file exists but is not readable UTF-8.
    public func text(of name: String) throws(LexiconError) -> String? {
        switch self {
        case .builtIn:
            return EmbeddedLexicon.text(of: name)
        case .directory:
            let path = path(of: name)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else {
                throw .unreadableFile(path: path)
            }
            return text
        }
    }

    /// Every file a lexicon reads (`Lexicon.requiredFiles` and the `optionalFiles` present), by name.
    ///
    /// - throws: `LexiconError` naming the directory that cannot be read, the required file
    ///   that is missing, or the file that is not UTF-8.
    public func files() throws(LexiconError) -> [String: String] {
        if case let .directory(path) = self {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .unreadableDirectory(path: path)
            }
        }
        var files: [String: String] = [:]
        for name in Lexicon.requiredFiles + Lexicon.optionalFiles {
            guard let text = try text(of: name) else {
                if Lexicon.requiredFiles.contains(name) { throw .missingFile(path: path(of: name)) }
                continue
            }
            files[name] = text
        }
        return files
    }

    /// The names of the files compiled into this binary (every `.tsv` and `.txt` of
    /// `config/lexicon` at build time), for tests that compare them with the directory.
    public static var builtInFileNames: [String] { EmbeddedLexicon.names }
}
