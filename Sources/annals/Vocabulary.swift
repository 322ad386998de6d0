import AnnalsExtract
import AnnalsProjections

/// The countries and level ranking every command uses, read once from the lexicon in `config/`
/// (the same files the extractor reads), so writers and readers rank levels alike; the built-in
/// tables stand in only when no lexicon can be found.
enum Vocabulary {
    static let lexicon: LexiconVocabulary? = Lexicon.locateDefaultDirectory(executablePath: nil)
        .flatMap { try? LexiconVocabulary.load(directory: $0) }

    static let countries: Countries = lexicon.map { Countries(names: $0.countryNames, aliases: $0.countryAliases) } ?? .builtIn

    static let ranking: LevelRanking = lexicon.map { LevelRanking(ranks: $0.levelRanks) } ?? .standard
}
