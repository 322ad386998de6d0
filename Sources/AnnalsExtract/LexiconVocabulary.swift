import Foundation

/// The part of the lexicon that queries and read models need: country names (to read a user's
/// `Azerbaijan` as `AZ` and print codes as names) and the ranking of partnership levels (to
/// tell an upgrade from a downgrade).
///
/// Read from the same `countries.tsv` and `ranks.tsv` the extractor uses, so a level or country
/// a user adds there is known everywhere; and without compiling the extractor's phrase tables, so
/// a query process starts fast.
public struct LexiconVocabulary: Sendable {
    /// Code → common English name.
    public let countryNames: [String: String]
    /// Every name and demonym by which a country can be given (`People's Republic of China`,
    /// `Chinese`) → its code.
    public let countryAliases: [String: String]
    /// Canonical level → rank (higher is closer).
    public let levelRanks: [String: Int]

    /// Reads `countries.tsv` and `ranks.tsv` from a lexicon directory.
    public static func load(directory: String) throws(LexiconError) -> LexiconVocabulary {
        try load(from: .directory(directory))
    }

    /// Reads `countries.tsv` and `ranks.tsv` from a lexicon directory or the built-in lexicon.
    ///
    /// - throws: `LexiconError` naming the missing or unreadable file, or the file and line at fault.
    public static func load(from source: LexiconSource) throws(LexiconError) -> LexiconVocabulary {
        func rows(_ name: String, fields: ClosedRange<Int>) throws(LexiconError) -> [LexiconRow] {
            guard let text = try source.text(of: name) else { throw .missingFile(path: source.path(of: name)) }
            return try LexiconRow.parse(text, path: source.path(of: name), fields: fields)
        }
        var names: [String: String] = [:]
        var aliases: [String: String] = [:]
        for row in try rows("countries.tsv", fields: 4...4) {
            let code = row.fields[0]
            let variants = row.variants(1)
            if names[code] == nil, let first = variants.first { names[code] = first }
            for alias in variants + row.variants(2) where aliases[alias] == nil { aliases[alias] = code }
        }
        var ranks: [String: Int] = [:]
        for row in try rows("ranks.tsv", fields: 2...2) {
            guard let rank = Int(row.fields[1]) else {
                throw .malformed(path: row.path, line: row.line, reason: "rank '\(row.fields[1])' is not a whole number")
            }
            ranks[row.fields[0]] = rank
        }
        return LexiconVocabulary(countryNames: names, countryAliases: aliases, levelRanks: ranks)
    }
}
