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

    /// Wires `extractor` to `log`. Load the extractor (`loadExtractor`) before opening the log,
    /// so a broken lexicon stops the writer before it creates or touches the database.
    init(log: EventLog, extractor: Extractor) throws {
        self.log = log
        self.projector = try Pipeline.makeReadModels(log: log)
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

/// Loads the lexicon: `lexicon` (a directory) when given, else `Vocabulary.source` (ANNALS_LEXICON,
/// ./config/lexicon, config/lexicon beside the binary, or the one built into it).
func loadExtractor(lexicon: String?) throws -> Extractor {
    let source = lexicon.map { LexiconSource.directory($0) } ?? Vocabulary.source
    do {
        return Extractor(lexicon: try Lexicon.load(from: source))
    } catch {
        throw CLIError.config("\(error) (fix it, or point ANNALS_LEXICON at a lexicon directory)")
    }
}
