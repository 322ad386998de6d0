import AnnalsExtract
import AnnalsProjections

/// The countries and level ranking every command uses, read once from the lexicon (the same
/// files the extractor reads), so writers and readers rank levels alike.
///
/// The lexicon is the directory `LexiconSource.locateDefault` finds, else the one built into the
/// binary, whose fingerprint and ranking equal those of `config/lexicon` it was built from: an
/// installed binary reads a database ingested in the checkout without finding its read models
/// stale. A directory that fails to load is reported once and the built-in lexicon used instead,
/// since a query needs only countries and ranks; the writers refuse such a directory
/// (`loadExtractor`).
enum Vocabulary {
    /// Where this process's lexicon comes from (a directory, or built in).
    static let source = LexiconSource.locateDefault(executablePath: CommandLine.arguments.first)

    static let lexicon: LexiconVocabulary? = load()

    static let countries: Countries = lexicon.map { Countries(names: $0.countryNames, aliases: $0.countryAliases) } ?? .builtIn

    static let ranking: LevelRanking = lexicon.map { LevelRanking(ranks: $0.levelRanks) } ?? .standard

    /// The vocabulary of `source`, else of the built-in lexicon, else nil (a binary built from a
    /// broken config/lexicon: AnnalsProjections' own small tables then stand in).
    private static func load() -> LexiconVocabulary? {
        do {
            return try LexiconVocabulary.load(from: source)
        } catch {
            guard source != .builtIn else {
                printError("\(error); using the small built-in country and level tables")
                return nil
            }
            printError("\(error); using the built-in lexicon instead")
            do {
                return try LexiconVocabulary.load(from: .builtIn)
            } catch {
                printError("\(error); using the small built-in country and level tables")
                return nil
            }
        }
    }
}
