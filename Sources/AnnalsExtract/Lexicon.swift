import AnnalsDigest

/// The words the extractor knows: countries, titles, partnership levels, document and ceremony
/// kinds, cooperation areas, cities, well-known people.
///
/// It is data in `config/lexicon/` (tab-separated lines that users extend without rebuilding),
/// loaded once and shared read-only; its `fingerprint` goes into the extractor's version, so a
/// changed lexicon shows in every fact it produced.
public struct Lexicon: Sendable {
    /// A country (or the EU) as the lexicon lists it.
    struct Country: Sendable {
        var code: String
        var name: String
    }

    enum CountryForm: UInt8, Sendable { case name, demonym, capital }

    struct CountryPhrase: Sendable {
        var code: String
        var form: CountryForm
    }

    struct Title: Sendable {
        enum Role: String, Sendable { case headOfState = "head-of-state", headOfGovernment = "head-of-government", leader, official, honorific }
        var canonical: String
        var role: Role
    }

    struct DocumentKind: Sendable {
        var kind: String
        var isBatch: Bool
    }

    struct City: Sendable {
        var name: String
        var code: String
    }

    struct Person: Sendable {
        var name: String
        var country: String?
        var title: String?
    }

    /// The files a lexicon directory must hold; `cities.tsv` and `people.tsv` are optional.
    public static let requiredFiles = ["countries.tsv", "titles.tsv", "levels.tsv", "ranks.tsv", "documents.tsv",
                                       "ceremonies.tsv", "areas.tsv", "nonname-words.txt"]
    public static let optionalFiles = ["cities.tsv", "people.tsv", "venues.tsv"]

    var countries: [String: Country] = [:]
    var countryPhrases = PhraseTable<CountryPhrase>()
    var titles = PhraseTable<Title>()
    var levelPhrases = PhraseTable<String>()
    var documents = PhraseTable<DocumentKind>()
    var ceremonies = PhraseTable<String>()
    var areas = PhraseTable<String>()
    var cities = PhraseTable<City>()
    /// Venues to the city they are in ("White House" is in Washington).
    var venues = PhraseTable<City>()
    var people = PhraseTable<Person>()
    /// The lexicon's people (indices into `people.values`, in order) by the hash of each word of
    /// their name, so "President Xi" finds "Xi Jinping" with one lookup, not a pass over everyone.
    var peopleByNameWord: [UInt64: [Int]] = [:]
    var nonNameWords = WordSet([])
    private var ranks: [String: Int] = [:]
    private var capitals: [String: String] = [:]

    /// The canonical partnership levels, lowest rank first (ties in file order).
    public private(set) var levels: [String] = []

    /// A short hash of every file's name and contents: changes whenever the lexicon does.
    public let fingerprint: String

    /// The rank of a canonical level (higher is closer), or nil for a level the lexicon lacks.
    ///
    /// Projections compare ranks to tell an upgrade from a downgrade.
    public func rank(ofLevel level: String) -> Int? { ranks[level] }

    /// The capital of a country code (the first listed), or nil.
    func capital(of code: String) -> String? { capitals[code] }

    /// The common English name of a country code ("CN" is "China"), or nil.
    public func countryName(_ code: String) -> String? { countries[code]?.name }

    /// Builds a lexicon from file contents keyed by file name (as `load` reads them), for tests
    /// and embedders; `directory` only labels error messages.
    public init(files: [String: String], directory: String = "lexicon") throws(LexiconError) {
        for name in Lexicon.requiredFiles where files[name] == nil {
            throw .missingFile(path: directory + "/" + name)
        }
        var digest = SHA256()
        for name in files.keys.sorted() {
            digest.update(name)
            digest.update([0])
            digest.update(files[name] ?? "")
            digest.update([0])
        }
        fingerprint = String(Hex.encode(digest.finalize()).prefix(12))
        func rows(_ name: String, fields: ClosedRange<Int>) throws(LexiconError) -> [LexiconRow] {
            guard let text = files[name] else { return [] }
            return try LexiconRow.parse(text, path: directory + "/" + name, fields: fields)
        }
        try loadCountries(try rows("countries.tsv", fields: 4...4))
        for row in try rows("titles.tsv", fields: 3...3) {
            guard let role = Title.Role(rawValue: row.fields[2]) else {
                throw .malformed(path: row.path, line: row.line, reason: "unknown role '\(row.fields[2])' (head-of-state, head-of-government, leader, official, honorific)")
            }
            titles.insert(row.fields[0], Title(canonical: row.fields[1], role: role), rule: .any)
        }
        for row in try rows("ranks.tsv", fields: 2...2) {
            guard let rank = Int(row.fields[1]) else {
                throw .malformed(path: row.path, line: row.line, reason: "rank '\(row.fields[1])' is not a whole number")
            }
            if ranks[row.fields[0]] == nil { levels.append(row.fields[0]) }
            ranks[row.fields[0]] = rank
        }
        levels = levels.enumerated().sorted { (ranks[$0.element] ?? 0, $0.offset) < (ranks[$1.element] ?? 0, $1.offset) }.map(\.element)
        for row in try rows("levels.tsv", fields: 2...2) {
            guard ranks[row.fields[1]] != nil else {
                throw .malformed(path: row.path, line: row.line, reason: "level '\(row.fields[1])' is not ranked in ranks.tsv")
            }
            levelPhrases.insert(row.fields[0], row.fields[1], rule: .any)
        }
        for row in try rows("documents.tsv", fields: 3...3) {
            guard row.fields[2] == "one" || row.fields[2] == "many" else {
                throw .malformed(path: row.path, line: row.line, reason: "number must be 'one' or 'many', not '\(row.fields[2])'")
            }
            documents.insert(row.fields[0], DocumentKind(kind: row.fields[1], isBatch: row.fields[2] == "many"),
                             rule: CaseRule.implied(by: row.fields[0], names: false))
        }
        for row in try rows("ceremonies.tsv", fields: 2...2) { ceremonies.insert(row.fields[0], row.fields[1], rule: .any) }
        for row in try rows("areas.tsv", fields: 2...2) { areas.insert(row.fields[0], row.fields[1], rule: .any) }
        for row in try rows("cities.tsv", fields: 2...2) {
            try Lexicon.checkCode(row.fields[1], row)
            cities.insert(row.fields[0], City(name: row.fields[0], code: row.fields[1]), rule: .capitalized)
        }
        for row in try rows("venues.tsv", fields: 3...3) {
            try Lexicon.checkCode(row.fields[2], row)
            venues.insert(row.fields[0], City(name: row.fields[1], code: row.fields[2]), rule: .capitalized)
        }
        for row in try rows("people.tsv", fields: 3...3) {
            let country = row.fields[1] == "-" ? nil : row.fields[1]
            if let country { try Lexicon.checkCode(country, row) }
            people.insert(row.fields[0], Person(name: row.fields[0], country: country, title: row.fields[2] == "-" ? nil : row.fields[2]),
                          rule: .capitalized)
        }
        nonNameWords = WordSet(try rows("nonname-words.txt", fields: 1...1).map { Tokenizer.hash($0.fields[0]) })
        countryPhrases.compile()
        titles.compile()
        levelPhrases.compile()
        documents.compile()
        ceremonies.compile()
        areas.compile()
        cities.compile()
        venues.compile()
        people.compile()
        for (index, person) in people.values.enumerated() {
            for word in Set(Registry.words(of: person.name)) { peopleByNameWord[word, default: []].append(index) }
        }
    }

    /// The people whose name has `word` (a `Registry.words` hash) among its words, in file order.
    func people(withNameWord word: UInt64) -> [Person] {
        (peopleByNameWord[word] ?? []).map { people.values[$0] }
    }

    private mutating func loadCountries(_ rows: [LexiconRow]) throws(LexiconError) {
        for row in rows {
            let code = row.fields[0]
            try Lexicon.checkCode(code, row)
            let names = row.variants(1)
            guard let first = names.first else {
                throw .malformed(path: row.path, line: row.line, reason: "country \(code) has no name")
            }
            if countries[code] == nil { countries[code] = Country(code: code, name: first) }
            for name in names {
                countryPhrases.insert(name, CountryPhrase(code: code, form: .name), rule: CaseRule.implied(by: name, names: true))
            }
            for demonym in row.variants(2) {
                countryPhrases.insert(demonym, CountryPhrase(code: code, form: .demonym), rule: .capitalized)
            }
            // "Peking=Beijing": another spelling of a city; otherwise each capital is itself.
            for capital in row.variants(3) {
                if capitals[code] == nil { capitals[code] = String(capital.split(separator: "=").last ?? Substring(capital)) }
                let parts = capital.split(separator: "=", maxSplits: 1).map { String($0).trimmedSpaces }
                countryPhrases.insert(parts[0], CountryPhrase(code: code, form: .capital), rule: .capitalized)
                cities.insert(parts[0], City(name: parts.count == 2 ? parts[1] : parts[0], code: code), rule: .capitalized)
            }
        }
    }

    private static func checkCode(_ code: String, _ row: LexiconRow) throws(LexiconError) {
        let bytes = Array(code.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else {
            throw .malformed(path: row.path, line: row.line, reason: "'\(code)' is not a two-letter upper-case country code")
        }
    }
}

/// One data line of a lexicon file: tab-separated fields, with where it came from.
struct LexiconRow: Sendable {
    var path: String
    var line: Int
    var fields: [String]

    /// The `|`-separated variants of field `index`; "-" stands for none.
    func variants(_ index: Int) -> [String] {
        fields[index] == "-" ? [] : fields[index].utf8.split(separator: UInt8(ascii: "|"))
            .map { String(decoding: $0, as: UTF8.self).trimmedSpaces }.filter { !$0.isEmpty }
    }

    /// Splits `text` into rows, skipping blank lines and `#` comments; a row whose field count is
    /// outside `fields`, or with an empty field, is an error naming the file and line.
    static func parse(_ text: String, path: String, fields: ClosedRange<Int>) throws(LexiconError) -> [LexiconRow] {
        // Split on bytes, not Characters: "\r\n" is one Character, so a Character split would
        // leave a CRLF file as one line; and grapheme breaking is most of a query process's
        // start-up when every command reads the lexicon.
        var rows: [LexiconRow] = []
        var number = 0
        for raw in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            var line = raw[...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) || line.first == UInt8(ascii: "#") { continue }
            let parts = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self).trimmedSpaces }
            guard fields.contains(parts.count) else {
                let want = fields.lowerBound == fields.upperBound ? "\(fields.lowerBound)" : "\(fields.lowerBound) to \(fields.upperBound)"
                throw .malformed(path: path, line: number, reason: "expected \(want) tab-separated field\(want == "1" ? "" : "s"), found \(parts.count)")
            }
            if let empty = parts.firstIndex(where: { $0.isEmpty }) {
                throw .malformed(path: path, line: number, reason: "field \(empty + 1) is empty (write - for none)")
            }
            rows.append(LexiconRow(path: path, line: number, fields: parts))
        }
        return rows
    }
}

extension String {
    var trimmedSpaces: String {
        let space = UInt8(ascii: " ")
        guard utf8.first == space || utf8.last == space else { return self }
        var bytes = utf8[...]
        while bytes.first == space { bytes = bytes.dropFirst() }
        while bytes.last == space { bytes = bytes.dropLast() }
        return String(bytes) ?? self
    }
}
