import AnnalsExtract
import AnnalsLog
import AnnalsProjections
import AnnalsSync

/// The writer's parts wired together: the log, the extractor with its lexicon, the read models.
struct Pipeline {
    let log: EventLog
    let recorder: SourceRecorder

    init(log: EventLog, settings: Settings) throws {
        self.log = log
        let extractor = try loadExtractor(lexicon: nil)
        self.recorder = SourceRecorder(log: log, extractor: LexiconFactExtractor(extractor: extractor), readModels: nil)
    }
}

/// Loads the lexicon (`--lexicon`, else ANNALS_LEXICON, ./config/lexicon, or beside the binary).
func loadExtractor(lexicon: String?) throws -> Extractor {
    guard let directory = lexicon ?? Lexicon.locateDefaultDirectory(executablePath: nil) else {
        throw CLIError.config("cannot find the lexicon (config/lexicon); run from the repository, or set ANNALS_LEXICON")
    }
    do {
        return Extractor(lexicon: try Lexicon.load(directory: directory))
    } catch {
        throw CLIError.config("\(error)")
    }
}
