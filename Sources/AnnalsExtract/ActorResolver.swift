/// A country named in the text: by name, demonym or capital, or as part of a compound ("China-Kenya").
struct CountryMention: Sendable {
    var first: Int
    var end: Int
    var code: String
    var form: Lexicon.CountryForm
    /// One half of a hyphenated pair ("Azerbaijan-China", "Russian-Vietnamese").
    var inCompound: Bool
}

/// A person named in the text, with what the mention says of their title and country.
struct PersonMention: Sendable {
    /// The whole mention, title and country phrases included.
    var first: Int
    var end: Int
    /// The name as the readout gives it (honorifics dropped); nil for "Iraq's national security advisor".
    var name: String?
    var country: String?
    var title: String?
    var role: Lexicon.Title.Role?
    /// A single capitalised word with no title ("Xi said"): a person only if the readout names
    /// someone of that name in full; `Registry.complete` resolves or drops it.
    var isReference = false
    /// Hashes of the name's words (initials left out), for matching names without re-reading them.
    var words: [UInt64] = []
}

/// The actors of one sentence.
struct Actors: Sendable {
    var persons: [PersonMention] = []
    var countries: [CountryMention] = []
}

/// Finds people and countries in a sentence: titles with names ("Chinese President Xi Jinping",
/// "President of the Republic of Azerbaijan Ilham Aliyev"), names with appositions ("Li Qiang,
/// Premier of the State Council of ..."), later mentions by surname ("Xi said") through the
/// readout's `Registry`, and countries by name, demonym, capital or compound.
struct ActorResolver: Sendable {
    let text: Text
    let lexicon: Lexicon

    static let particles = W.set("bin binti bint ibn al el van von de da der den dos del du la le")
    /// Capitalised short words that may open a name right after a title ("General Secretary To Lam").
    static let nameOpeners = W.set("to an do la le de da ma ho lo he")
    static let placePrepositions = W.set("at in from into near outside inside")

    func scan(_ from: Int, _ to: Int) -> Actors {
        var actors = Actors()
        let tokens = text.tokens
        var i = from
        while i < to {
            let token = tokens[i]
            if token.kind == .punct { i += 1; continue }
            var preCountry: (String, Int)?
            var cursor = i
            if token.isCapitalized, lexicon.countryPhrases.mayStart(token.hash),
               let match = lexicon.countryPhrases.longestMatch(in: tokens, from: i, limit: to) {
                var after = match.end
                if text.mark(after) == Token.possessive { after += 1 }
                // "U.S. Treasury Secretary Janet Yellen": a department word or two before the title.
                var skip = after
                while skip < min(to, after + 2), tokens[skip].isCapitalized, lexicon.nonNameWords.contains(tokens[skip].hash),
                      lexicon.titles.longestMatch(in: tokens, from: skip, limit: to, accept: { $0.role != .honorific }) == nil { skip += 1 }
                if skip > after, lexicon.titles.longestMatch(in: tokens, from: skip, limit: to, accept: { $0.role != .honorific }) != nil { after = skip }
                if lexicon.titles.longestMatch(in: tokens, from: after, limit: to, accept: { $0.role != .honorific }) != nil {
                    preCountry = (match.value.code, match.value.form == .capital ? 1 : 0)
                    actors.countries.append(CountryMention(first: i, end: match.end, code: match.value.code, form: match.value.form, inCompound: false))
                    cursor = after
                } else {
                    actors.countries.append(CountryMention(first: i, end: match.end, code: match.value.code, form: match.value.form, inCompound: false))
                    i = match.end
                    continue
                }
            } else if token.hasHyphen, token.isCapitalized, compound(i, into: &actors.countries) {
                i += 1
                continue
            }
            if let person = titled(at: cursor, limit: to, country: preCountry?.0, first: i) {
                actors.persons.append(person)
                i = max(person.end, i + 1)
                continue
            }
            if preCountry != nil { i = cursor; continue }
            if token.kind == .word, token.isCapitalized, let person = bare(at: i, limit: to) {
                actors.persons.append(person)
                i = max(person.end, i + 1)
                continue
            }
            i += 1
        }
        return actors
    }

    /// Records both halves of "China-Kenya" / "Russian-Vietnamese" when each is a country.
    private func compound(_ i: Int, into countries: inout [CountryMention]) -> Bool {
        let token = text.tokens[i]
        var parts: [UInt64] = []
        var hash = Tokenizer.fnvOffset
        for index in token.start..<token.end {
            let byte = text.bytes[index]
            if byte == 0x2D {
                parts.append(hash)
                hash = Tokenizer.fnvOffset
            } else {
                hash = (hash ^ UInt64(Tokenizer.lower(byte))) &* Tokenizer.fnvPrime
            }
        }
        parts.append(hash)
        guard parts.count == 2 else { return false }
        guard let left = lexicon.countryPhrases.singleWord(parts[0]), let right = lexicon.countryPhrases.singleWord(parts[1]),
              left.code != right.code else { return false }
        countries.append(CountryMention(first: i, end: i + 1, code: left.code, form: left.form, inCompound: true))
        countries.append(CountryMention(first: i, end: i + 1, code: right.code, form: right.form, inCompound: true))
        return true
    }

    /// Whether token `i` may be a word of a person's name.
    func isNameWord(_ i: Int, limit: Int) -> Bool {
        let token = text.tokens[i]
        guard token.kind == .word else { return false }
        // "el-Sisi", "al-Assad": a lower-case article joined to a capitalised name.
        if !token.isCapitalized {
            guard token.hasHyphen, let dash = text.bytes[token.start..<token.end].firstIndex(of: 0x2D), dash - token.start <= 3,
                  dash + 1 < token.end, text.bytes[dash + 1] >= 0x41, text.bytes[dash + 1] <= 0x5A else { return false }
            return true
        }
        if lexicon.nonNameWords.contains(token.hash) || W.months[token.hash] != nil || W.weekdays[token.hash] != nil { return false }
        // "Vietnam-New Zealand", "China-Africa": a country joined to something is no name.
        if token.hasHyphen, let dash = text.bytes[token.start..<token.end].firstIndex(of: 0x2D) {
            var h = Tokenizer.fnvOffset
            for b in text.bytes[token.start..<dash] { h = (h ^ UInt64(Tokenizer.lower(b))) &* Tokenizer.fnvPrime }
            if lexicon.countryPhrases.singleWord(h) != nil { return false }
        }
        if token.isAllCaps, token.length > 4, !(i + 1 < limit && text.tokens[i + 1].isCapitalized && !text.tokens[i + 1].isAllCaps) { return false }
        // "G20", "APEC 2024": no digits in a person's name.
        for index in token.start..<token.end where Tokenizer.isDigit(text.bytes[index]) { return false }
        if lexicon.cities.mayStart(token.hash), lexicon.cities.longestMatch(in: text.tokens, from: i, limit: limit) != nil { return false }
        if lexicon.countryPhrases.mayStart(token.hash), lexicon.countryPhrases.longestMatch(in: text.tokens, from: i, limit: limit) != nil { return false }
        if lexicon.titles.mayStart(token.hash),
           lexicon.titles.longestMatch(in: text.tokens, from: i, limit: limit, accept: { $0.role != .honorific }) != nil { return false }
        return true
    }

    /// A name as parsed, before the country is known (which decides the order of its words).
    struct ParsedName {
        var end: Int
        var words: [String]
        var hashes: [UInt64]
        /// Written family name first in capitals ("KISHIDA Fumio", "YOON Suk Yeol").
        var capsFamilyFirst: Bool
        /// An honorific stood before it ("Mr Sugiono"): a person even when one word long.
        var honorific: Bool

        /// Countries whose names English writes family name first, as the text does.
        static let familyFirst: Set<String> = ["CN", "KR", "KP", "VN", "TW", "HK", "MO", "KH", "MN", "SG"]

        /// The name in "Given Family" order: a capitalised family name moves last (title-cased)
        /// unless the country writes family names first.
        func composed(country: String?) -> (name: String, hashes: [UInt64]) {
            var words = self.words, hashes = self.hashes
            if capsFamilyFirst {
                words[0] = words[0].prefix(1) + words[0].dropFirst().lowercased()
                if !ParsedName.familyFirst.contains(country ?? "") {
                    words.append(words.removeFirst())
                    if !hashes.isEmpty { hashes.append(hashes.removeFirst()) }
                }
            }
            return (words.joined(separator: " "), hashes)
        }
    }

    /// A name at `start`: capitalised words, initials ("R.", "Ma."), particles ("bin"),
    /// honorifics skipped ("Datuk Seri").
    func name(at start: Int, limit: Int, afterTitle: Bool) -> ParsedName? {
        var i = start
        var words: [String] = []
        var end = start
        var firstWord = -1
        var hashes: [UInt64] = []
        var honorific = false
        let tokens = text.tokens
        while i < limit {
            if let match = lexicon.titles.longestMatch(in: tokens, from: i, limit: limit, accept: { $0.role == .honorific }) {
                var after = match.end
                if text.mark(after) == 0x2E { after += 1 }
                if after < limit, isNameWord(after, limit: limit) || words.isEmpty && tokens[after].isCapitalized {
                    i = after
                    if words.isEmpty { honorific = true }
                    continue
                }
                break
            }
            let isWord = isNameWord(i, limit: limit)
                // "January Makamba": a month or opener word right after a title, before a name.
                || words.isEmpty && (afterTitle || honorific) && tokens[i].isCapitalized && tokens[i].kind == .word
                    && (W.months[tokens[i].hash] != nil || ActorResolver.nameOpeners.contains(tokens[i].hash))
                    && i + 1 < limit && isNameWord(i + 1, limit: limit)
            if isWord {
                // An initial or short form: "Joseph R. Biden", "S. Jaishankar", "Ma. Theresa Lazaro".
                if tokens[i].length <= 2 || tokens[i].length == 1, text.mark(i + 1) == 0x2E, i + 2 < limit, isNameWord(i + 2, limit: limit) {
                    words.append(text.word(i) + ".")
                    if tokens[i].length > 1 { hashes.append(tokens[i].hash) }
                    i += 2
                    continue
                }
                if firstWord < 0 { firstWord = i }
                words.append(text.word(i))
                if tokens[i].length > 1 { hashes.append(tokens[i].hash) }
                i += 1
                end = i
                continue
            }
            // "bin Zayed", "von der Leyen": particles, one or two, before a name word.
            if !words.isEmpty, text.isAny(i, ActorResolver.particles), i + 1 < limit,
               isNameWord(i + 1, limit: limit) || text.isAny(i + 1, ActorResolver.particles) && i + 2 < limit && isNameWord(i + 2, limit: limit) {
                words.append(text.word(i))
                hashes.append(tokens[i].hash)
                i += 1
                continue
            }
            break
        }
        while let last = words.last, last.hasSuffix(".") || text.isAny(end - 1, ActorResolver.particles) {
            if !last.hasSuffix("."), !hashes.isEmpty { hashes.removeLast() }
            words.removeLast()
            end -= 1
        }
        guard !words.isEmpty, end > start else { return nil }
        let caps = words.count >= 2 && firstWord >= 0 && tokens[firstWord].isAllCaps && !words[0].hasSuffix(".") && !tokens[end - 1].isAllCaps
        return ParsedName(end: end, words: words, hashes: hashes, capsFamilyFirst: caps, honorific: honorific)
    }

    /// A country phrase after "of": "of the Republic of Azerbaijan", "of the Communist Party of
    /// Vietnam Central Committee", "of the State Council of the People's Republic of China".
    /// Returns the end and the country named in it, if any.
    func complement(at start: Int, limit: Int) -> (end: Int, country: String?)? {
        let tokens = text.tokens
        guard text.isWord(start, W.of) || text.isWord(start, W.in_) || text.isWord(start, W.for_)
            || text.isWord(start, W.at) && text.isWord(start + 1, W.the) else { return nil }
        var i = start + 1
        var country: String?
        var consumed = false
        var end = start
        while i < limit {
            if tokens[i].isCapitalized, lexicon.countryPhrases.mayStart(tokens[i].hash),
               let match = lexicon.countryPhrases.longestMatch(in: tokens, from: i, limit: limit) {
                if country == nil { country = match.value.code }
                i = match.end
                end = i
                consumed = true
                continue
            }
            let h = tokens[i].hash
            // "of the Republic of Korea to Viet Nam": an ambassador's host country is part of the title.
            if h == W.the || h == W.of || h == W.and || h == W.for_ || tokens[i].isPossessive || h == W.to && country != nil {
                i += 1
                continue
            }
            // "(CPV)": an acronym in brackets inside the body's name.
            if tokens[i].mark == 0x28, i + 2 < limit, tokens[i + 1].isAllCaps, tokens[i + 2].mark == 0x29 {
                i += 3
                end = i
                continue
            }
            // A month or short word opening the name ends the phrase: "... Cooperation January Makamba".
            if W.months[h] != nil, i + 1 < limit, isNameWord(i + 1, limit: limit) { break }
            if tokens[i].kind == .word, tokens[i].isCapitalized, lexicon.nonNameWords.contains(h),
               !(ActorResolver.nameOpeners.contains(h) && i + 1 < limit && isNameWord(i + 1, limit: limit)) {
                i += 1
                end = i
                consumed = true
                continue
            }
            if tokens[i].mark == 0x2C, i + 1 < limit, tokens[i + 1].isCapitalized, lexicon.nonNameWords.contains(tokens[i + 1].hash),
               !lexicon.titles.mayStart(tokens[i + 1].hash) {
                i += 1
                continue
            }
            break
        }
        return consumed ? (end, country) : nil
    }

    /// A title with what follows it: "President of Kazakhstan Kassym-Jomart Tokayev",
    /// "Vice President of the People's Republic of China, Mr Han Zheng", "Premier Li".
    private func titled(at start: Int, limit: Int, country preset: String?, first: Int) -> PersonMention? {
        let tokens = text.tokens
        guard start < limit, lexicon.titles.mayStart(tokens[start].hash),
              let match = lexicon.titles.longestMatch(in: tokens, from: start, limit: limit, accept: { $0.role != .honorific }) else { return nil }
        var person = PersonMention(first: first, end: match.end, name: nil, country: preset,
                                   title: match.value.canonical == "-" ? nil : match.value.canonical, role: match.value.role)
        var i = match.end
        if let complement = complement(at: i, limit: limit) {
            if person.country == nil { person.country = complement.country }
            i = complement.end
        }
        // "his Saudi counterpart Prince Faisal ...", "Deputy Prime Minister and Foreign Minister X".
        while i < limit {
            var k = i
            if text.isWord(k, W.and) { k += 1 }
            guard let next = lexicon.titles.longestMatch(in: tokens, from: k, limit: limit, accept: { $0.role != .honorific }) else { break }
            if person.title == nil, next.value.canonical != "-" { person.title = next.value.canonical; person.role = next.value.role }
            i = next.end
            if let complement = complement(at: i, limit: limit) {
                if person.country == nil { person.country = complement.country }
                i = complement.end
            }
        }
        var j = i
        if text.mark(j) == 0x2C { j += 1 }
        // "Prime Minister of Australia, the Hon. Scott Morrison".
        if text.isWord(j, W.the), j + 1 < limit,
           lexicon.titles.longestMatch(in: tokens, from: j + 1, limit: limit, accept: { $0.role == .honorific }) != nil { j += 1 }
        if j < limit, let found = name(at: j, limit: limit, afterTitle: true) {
            i = found.end
            if text.mark(i) == 0x2C, text.isWord(i + 1, W.jr) || text.isWord(i + 1, W.sr) { i += 2; if text.mark(i) == 0x2E { i += 1 } }
            if text.isWord(i, W.of), let after = complement(at: i, limit: limit), let country = after.country {
                if person.country == nil { person.country = country }
                i = after.end
            }
            // ", Crown Prince and Prime Minister," after the name: more of the same person.
            if text.mark(i) == 0x2C, i + 1 < limit,
               let more = lexicon.titles.longestMatch(in: tokens, from: i + 1, limit: limit, accept: { $0.role != .honorific }) {
                i = more.end
                while text.isWord(i, W.and), let next = lexicon.titles.longestMatch(in: tokens, from: i + 1, limit: limit, accept: { $0.role != .honorific }) { i = next.end }
                if let complement = complement(at: i, limit: limit) {
                    if person.country == nil { person.country = complement.country }
                    i = complement.end
                }
            }
            let composed = found.composed(country: person.country)
            person.name = composed.name
            person.words = composed.hashes
            person.end = i
        } else {
            person.end = i
            // A bare title ("Prime Minister held talks") is kept only where it may stand for a
            // principal the readout names elsewhere; leaders' titles only.
            if person.country == nil, person.role == .official || person.role == nil || person.title == nil { return nil }
        }
        return person
    }

    /// A name without a title before it: "Ilham Aliyev said", "Cai Qi and Wang Yi", "Xi said",
    /// with an apposition where one follows ("Li Qiang, Premier of the State Council of ...").
    private func bare(at start: Int, limit: Int) -> PersonMention? {
        // "at Qasr Al Watan", "in Kuantan Industrial Park": a place, not a person.
        if start > 0, text.isAny(start - 1, ActorResolver.placePrepositions) || start > 1 && text.isWord(start - 1, W.the) && text.isAny(start - 2, ActorResolver.placePrepositions) { return nil }
        guard let found = name(at: start, limit: limit, afterTitle: false) else { return nil }
        var person = PersonMention(first: start, end: found.end, name: nil, country: nil, title: nil, role: nil)
        var i = found.end
        var hasApposition = false
        if text.mark(i) == 0x2C, i + 1 < limit,
           let title = lexicon.titles.longestMatch(in: text.tokens, from: i + 1, limit: limit, accept: { $0.role != .honorific }) {
            person.title = title.value.canonical == "-" ? nil : title.value.canonical
            person.role = title.value.role
            hasApposition = true
            i = title.end
            if let complement = complement(at: i, limit: limit) {
                person.country = complement.country
                i = complement.end
            }
            person.end = i
        } else if text.isWord(i, W.of), let after = complement(at: i, limit: limit), let country = after.country {
            person.country = country
            person.end = after.end
        }
        if found.words.count < 2, !found.honorific, !hasApposition { person.isReference = true }
        let composed = found.composed(country: person.country)
        person.name = composed.name
        person.words = composed.hashes
        return person
    }
}
