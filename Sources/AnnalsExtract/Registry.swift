/// The people one readout names, so later mentions ("Xi said", "President Ruto", "the Azerbaijani
/// President") resolve to the full name, country and title an earlier mention gave.
struct Registry: Sendable {
    struct Entry: Sendable {
        var name: String
        var words: [UInt64]
        var country: String?
        var title: String?
        var role: Lexicon.Title.Role?
        var mentions: Int
    }

    private(set) var entries: [Entry] = []
    /// Entries by each of their words, so lookups do not scan every entry.
    private var byWord: [UInt64: [Int]] = [:]
    /// A readout names a few dozen people; past this, names are noise and not remembered.
    static let capacity = 2000

    private func candidates(_ words: [UInt64]) -> [Int] {
        var result: [Int] = []
        for word in words { result += (byWord[word] ?? []).prefix(64) }
        return result
    }

    /// Hashes of a name's words as the tokenizer hashes them (initials left out), read straight
    /// from its bytes: names are compared often and are short.
    static func words(of name: String) -> [UInt64] {
        var result: [UInt64] = []
        var hash = Tokenizer.fnvOffset
        var length = 0
        var bytes = Array(name.utf8)
        bytes.append(0x20)
        var i = 0
        while i < bytes.count {
            var b = bytes[i]
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { b = 0x27; i += 2 }
            if b == 0x20 || b == 0x2C || b == 0x2E {
                if length > 1 { result.append(hash) }
                hash = Tokenizer.fnvOffset
                length = 0
            } else {
                hash = (hash ^ UInt64(Tokenizer.lower(b))) &* Tokenizer.fnvPrime
                if b & 0xC0 != 0x80 { length += 1 }
            }
            i += 1
        }
        return result
    }

    /// Whether two names are the same person by the scorer's rule: same last word, and one's
    /// words all among the other's ("Shehbaz Sharif" and "Muhammad Shehbaz Sharif").
    static func samePerson(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        // "Claudia Sheinbaum" and "Claudia Sheinbaum Pardo": a second family name added.
        if a.count >= 2, b.count >= 2, a.count != b.count {
            let (short, long) = a.count < b.count ? (a, b) : (b, a)
            if Array(long.prefix(short.count)) == short { return true }
        }
        guard let la = a.last, let lb = b.last, la == lb else { return false }
        let sa = Set(a), sb = Set(b)
        return sa.isSubset(of: sb) || sb.isSubset(of: sa)
    }

    mutating func add(_ mention: PersonMention, lexicon: Lexicon) {
        guard let name = mention.name else { return }
        let words = mention.words.isEmpty ? Registry.words(of: name) : mention.words
        guard words.count >= 2 else { return }
        // Same words but different offices ("King Abdullah II", "Crown Prince Al Hussein bin
        // Abdullah II") are different people.
        if let index = candidates(words).first(where: { i in
            Registry.samePerson(entries[i].words, words) && (entries[i].title == nil || mention.title == nil || entries[i].title == mention.title)
        }) {
            var entry = entries[index]
            entry.mentions += 1
            if words.count > entry.words.count { entry.name = name; entry.words = words }
            if entry.country == nil { entry.country = mention.country }
            if entry.title == nil { entry.title = mention.title }
            if entry.role == nil { entry.role = mention.role }
            entries[index] = entry
            return
        }
        var entry = Entry(name: name, words: words, country: mention.country, title: mention.title, role: mention.role, mentions: 1)
        let tokens = Tokenizer.tokenize(Array(name.utf8))
        if let known = lexicon.people.longestMatch(in: tokens, from: 0), known.end == tokens.count {
            if entry.country == nil { entry.country = known.value.country }
            if entry.title == nil { entry.title = known.value.title }
        }
        if entry.role == nil, let title = entry.title { entry.role = lexicon.titles.singleWordOrPhrase(title)?.role }
        guard entries.count < Registry.capacity else { return }
        for word in Set(words) { byWord[word, default: []].append(entries.count) }
        entries.append(entry)
    }

    /// The entry for a full or partial name, if one matches it.
    func find(_ name: String) -> Entry? {
        let words = Registry.words(of: name)
        let near = candidates(words)
        if let exact = near.first(where: { entries[$0].name == name }) { return entries[exact] }
        if words.count == 1 { return lookup(word: words[0]) }
        return near.first { Registry.samePerson(entries[$0].words, words) }.map { entries[$0] }
    }

    /// The one person a single word (a surname or given name) refers to.
    func lookup(word: UInt64) -> Entry? {
        var best: Entry?
        for index in (byWord[word] ?? []).prefix(64) {
            let entry = entries[index]
            if let current = best, current.mentions >= entry.mentions { continue }
            best = entry
        }
        return best
    }

    /// The one person of `country` with `title` ("the Azerbaijani President").
    func find(country: String, title: String) -> Entry? {
        let hits = entries.filter { $0.country == country && $0.title == title }
        return hits.count == 1 ? hits[0] : nil
    }

    /// Completes a mention: the full name for a surname ("Xi", "President Ruto"), the person for a
    /// title and country ("the Azerbaijani President"), and the country and title other mentions
    /// or the lexicon give. Returns false for a lone word that names no one the readout knows.
    func complete(_ person: inout PersonMention, lexicon: Lexicon) -> Bool {
        if person.isReference {
            guard let name = person.name, let known = find(name) else { return false }
            person.name = known.name
            person.isReference = false
        }
        if let name = person.name, let known = find(name) {
            person.name = known.name
            if person.country == nil { person.country = known.country }
            if person.title == nil { person.title = known.title }
            if person.role == nil { person.role = known.role }
        } else if person.name != nil, person.words.count == 1, let word = person.words.first {
            // "President Xi" never named in full: the one well-known person of that name
            // ("Xi Jinping"); where several share it ("Biden"), the name stays as written and
            // takes the country they share.
            let known = lexicon.people(withNameWord: word)
            if known.count == 1 {
                person.name = known[0].name
                person.words = Registry.words(of: known[0].name)
                if person.title == nil { person.title = known[0].title }
            }
            let countries = Set(known.compactMap(\.country))
            if person.country == nil, countries.count == 1 { person.country = countries.first }
        } else if person.name == nil, let country = person.country {
            // "the Azerbaijani President", "the Colombian head of State": the one leader of that
            // country the readout names.
            if let title = person.title, let known = find(country: country, title: title) {
                person.name = known.name
            } else if person.role != .official {
                let leaders = entries.filter { $0.country == country && ($0.role == .headOfState || $0.role == .headOfGovernment || $0.role == .leader) }
                if leaders.count == 1 { person.name = leaders[0].name; person.title = person.title ?? leaders[0].title }
            }
        }
        return true
    }
}
