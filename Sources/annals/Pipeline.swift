import AnnalsExtract
import AnnalsLog
import AnnalsProjections
import AnnalsSync
import Foundation

/// The writer's parts wired together: the log, the extractor with its lexicon, and the read
/// models, which move in the same transaction as every append.
struct Pipeline {
    let log: EventLog
    let projector: Projector
    let recorder: SourceRecorder

    init(log: EventLog, settings: Settings, lexicon: String? = nil) throws {
        self.log = log
        self.projector = try Pipeline.makeReadModels(log: log)
        let extractor = try loadExtractor(lexicon: lexicon)
        self.recorder = SourceRecorder(log: log, extractor: LexiconFactExtractor(extractor: extractor), readModels: projector)
    }

    /// A projector over the log's own file, caught up to the head (with a progress line when
    /// a read model is behind or was rebuilt because its code changed).
    static func makeReadModels(log: EventLog) throws -> Projector {
        let projector = try Projector(log: log, store: log.database, ranking: Vocabulary.ranking)
        var reported = false
        try projector.catchUp { done, total in
            guard total >= 10_000 else { return }
            reported = true
            FileHandle.standardError.write(Data("\rupdating read models: \(done)/\(total) events".utf8))
        }
        if reported { FileHandle.standardError.write(Data("\n".utf8)) }
        return projector
    }

    /// Brings the read models up to the log's head.
    static func catchUpReadModels(log: EventLog) throws {
        _ = try makeReadModels(log: log)
    }
}

extension Projector: ReadModelUpdating {}

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
