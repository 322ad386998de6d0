import Foundation

extension Lexicon {
    /// Loads the lexicon from `directory` (the files of `requiredFiles`, and `optionalFiles` where present).
    ///
    /// - throws: `LexiconError` naming the directory, the missing file, or the file and line at fault.
    public static func load(directory: String) throws(LexiconError) -> Lexicon {
        try load(from: .directory(directory))
    }

    /// Loads the lexicon from a directory or from the copy built into this binary.
    ///
    /// - throws: `LexiconError` naming the directory, the missing file, or the file and line at fault.
    public static func load(from source: LexiconSource) throws(LexiconError) -> Lexicon {
        try Lexicon(files: try source.files(), directory: source.label)
    }

    /// Finds the lexicon directory to use when none is given.
    ///
    /// In order: `$ANNALS_LEXICON`; `config/lexicon` in the working directory; then
    /// `config/lexicon` beside the executable and in up to 5 of its ancestors (the executable's
    /// path resolved through `/proc/self/exe` where it exists), so `.build/release/annals` finds
    /// the package's lexicon from any working directory. Nil when there is none;
    /// `LexiconSource.locateDefault` then falls back to the lexicon built into the binary.
    public static func locateDefaultDirectory(executablePath: String?) -> String? {
        let fm = FileManager.default
        func isLexicon(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: path + "/countries.tsv", isDirectory: &isDirectory) && !isDirectory.boolValue
        }
        if let env = ProcessInfo.processInfo.environment["ANNALS_LEXICON"], !env.isEmpty {
            return env
        }
        let cwd = fm.currentDirectoryPath + "/config/lexicon"
        if isLexicon(cwd) { return cwd }
        var candidates: [String] = []
        if let resolved = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { candidates.append(resolved) }
        if let executablePath {
            let absolute = executablePath.hasPrefix("/") ? executablePath : fm.currentDirectoryPath + "/" + executablePath
            candidates.append(URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path)
            candidates.append(absolute)
        }
        for executable in candidates {
            var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0...5 {
                let path = directory.path + "/config/lexicon"
                if isLexicon(path) { return path }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }
}
