/// Documents signed, issued, adopted or exchanged: each titled document its own fact, an unnamed
/// batch one fact with its count, documents signed elsewhere or earlier left out.
enum DocumentPatterns {
    static let verbs = W.set("signed signs inked issued issues adopted adopts exchanged concluded initialled initialed ratified ratifies released subscribed accepted")
    static let nouns = W.set("signing exchange subscription adoption")
    static let signingStarts = W.set("signed signs inked issued issues adopted adopts exchanged concluded initialled initialed ratified ratifies released subscribed accepted signing exchange subscription adoption")
    static let complementStarts = W.set("on of between for regarding concerning to about")
    static let titleStops = W.set("which that setting signed was were during witnessed issued adopted exchanged with as setting outlining aimed")
    static let absorbers = W.set("including among between such")
    static let witnessed = W.set("witnessed")
    static let bystanderVerbs = W.set("welcomed welcome welcomes hailed applauded noted appreciated praised expect expected forward")
    static let conjoinedVerbs = W.set("witnessed agreed discussed")
    static let headsOfState = W.set("state presidents leaders")
    static let premiers = W.set("premiers")
    static let ministers = Tokenizer.hash("ministers"), prime = Tokenizer.hash("prime")
    static let departments = W.set("departments ministries agencies")
    static let hadWords = W.set("had previously earlier already")
    static let afterBackground = W.set("during earlier previously last")
    static let qualifiers = WordMap<String>([
        Tokenizer.hash("over"): "more than", Tokenizer.hash("nearly"): "nearly", Tokenizer.hash("almost"): "nearly",
        Tokenizer.hash("about"): "about", Tokenizer.hash("around"): "about", Tokenizer.hash("some"): "about",
        Tokenizer.hash("approximately"): "about", Tokenizer.hash("roughly"): "about", Tokenizer.hash("than"): "more than",
    ].map { ($0.key, $0.value) })

    struct Head {
        var first: Int
        var end: Int
        var kind: Lexicon.DocumentKind
    }

    static func find(_ s: Assembly) -> [Fact] {
        let a = s.a
        var facts: [Fact] = []
        var listIntro: Int?
        for index in a.sentences.indices where !a.sentences[index].isHeadline {
            let sentence = a.sentences[index]
            if sentence.isListItem, let intro = listIntro {
                if let fact = listItem(s, index, intro: intro) { merge(fact, into: &facts) }
                continue
            }
            listIntro = nil
            let triggers = signingTriggers(a, index)
            guard let trigger = triggers.first else { continue }
            let heads = findHeads(a, index)
            guard !heads.isEmpty else { continue }
            if a.text.mark(sentence.end - 1) == 0x3A, index + 1 < a.sentences.count, a.sentences[index + 1].isListItem {
                listIntro = index
                continue
            }
            var consumedUntil = sentence.first
            var batchSeen = -1
            var batchFact: Int?
            var previousBatchEnd = -1
            for head in heads where head.first >= consumedUntil && triggers.contains(where: { isLinked(a.text, head, to: $0, in: sentence) }) {
                // "14 agreements and memoranda of understanding": one batch, named twice.
                if head.kind.isBatch, previousBatchEnd >= 0, head.first - previousBatchEnd <= 2,
                   (previousBatchEnd..<head.first).allSatisfy({ a.text.isWord($0, W.and) || a.text.mark($0) == 0x2C }) {
                    previousBatchEnd = head.end
                    continue
                }
                if head.kind.isBatch { previousBatchEnd = head.end }
                var fact = Fact(type: "document", evidence: [a.evidence(index)])
                fact.kind = head.kind.kind
                fact.date = s.day(index)?.iso
                let (count, qualifier, numberFirst) = number(a.text, before: head.first, from: sentence.first)
                var titleEnd = head.end
                if head.kind.isBatch || count != nil && count != 1 {
                    fact.count = count
                    fact.countQualifier = qualifier
                    batchSeen = head.end
                    titleEnd = clauseEnd(a.text, from: head.end, limit: sentence.end)
                    fact.fields = fields(a, from: head.end, to: titleEnd)
                } else {
                    guard isNamedDocument(a.text, head, from: sentence.first) else { continue }
                    if batchSeen >= 0, absorbed(a.text, from: batchSeen, to: head.first) {
                        consumedUntil = title(a.text, head, limit: sentence.end).end
                        continue
                    }
                    fact.count = 1
                    let title = title(a.text, head, limit: sentence.end)
                    titleEnd = title.end
                    if title.titled { fact.title = a.text.string(title.first, title.end) }
                    fact.fields = fields(a, from: head.end, to: titleEnd)
                }
                consumedUntil = titleEnd
                fact.parties = s.parties(index, from: numberFirst ?? head.first, to: titleEnd)
                fact.signedBy = signedBy(s, index, trigger: trigger)
                if fact.fields?.isEmpty == true { fact.fields = nil }
                guard fact.parties?.count == 2 else { continue }
                // Unnamed batches of one sentence ("Belt and Road cooperation documents and
                // cooperation documents in such areas as ...") are one fact.
                if head.kind.isBatch, fact.count == nil, let existing = batchFact {
                    facts[existing].fields = ((facts[existing].fields ?? []) + (fact.fields ?? [])).uniqued()
                    continue
                }
                let before = facts.count
                merge(fact, into: &facts)
                if head.kind.isBatch, fact.count == nil, facts.count > before { batchFact = facts.count - 1 }
            }
        }
        return facts
    }

    /// The first signing verb or noun of the sentence that reports a signing now (not intended,
    /// not recalled from an earlier visit); nil where there is none.
    static func signingTrigger(_ a: Analysis, _ index: Int) -> Int? { signingTriggers(a, index).first }

    /// Every signing verb or noun of the sentence; none where the signing is recalled.
    static func signingTriggers(_ a: Analysis, _ index: Int) -> [Int] {
        let sentence = a.sentences[index]
        let text = a.text
        var found: [Int] = []
        for k in sentence.first..<sentence.end {
            let h = text.tokens[k].hash
            guard signingStarts.contains(h) else { continue }
            let isVerb = verbs.contains(h)
            // "witnessed the signing of"; not "welcomed the signing of" (someone else's, or to come).
            let isNoun = nouns.contains(h) && text.isWord(k + 1, W.of)
                && !(max(sentence.first, k - 3)..<k).contains(where: { text.isAny($0, bystanderVerbs) })
            guard isVerb || isNoun else { continue }
            if isVerb, MeetingPatterns.isUnrealised(text, before: k, from: sentence.first) { continue }
            if isVerb, text.isAny(k - 1, hadWords) { return [] }
            // "signed during Premier Li's official visit ... in June", "signed at the time".
            if isVerb {
                var j = k + 1
                var steps = 0
                while j < sentence.end, steps < 7 {
                    if text.isAny(j, afterBackground), steps < 3 { return [] }
                    if text.isWord(j, W.at), text.isWord(j + 1, W.the), text.isWord(j + 2, W.time) { return [] }
                    // "signed by the United States, the European Union, Angola, ...": not these two.
                    if steps == 0, text.isWord(j, W.by) {
                        let signers = Set(a.actors[index].countries.filter { $0.first > j && $0.first - j < 25 }.map(\.code))
                        if signers.count >= 3 { return [] }
                    }
                    if text.isWord(j, W.in_), let date = DateResolver.parse(text, at: j + 1, limit: sentence.end) {
                        switch date.expression {
                        case .year, .month, .vague: return []
                        default: break
                        }
                    }
                    j += 1
                    steps += 1
                }
            }
            found.append(k)
        }
        return found
    }

    static func findHeads(_ a: Analysis, _ index: Int) -> [Head] {
        let sentence = a.sentences[index]
        var heads: [Head] = []
        var k = sentence.first
        while k < sentence.end {
            guard a.lexicon.documents.mayStart(a.text.tokens[k].hash),
                  let match = a.lexicon.documents.longestMatch(in: a.text.tokens, from: k, limit: sentence.end) else { k += 1; continue }
            heads.append(Head(first: k, end: match.end, kind: match.value))
            k = match.end
        }
        return heads
    }

    static let determiners = W.set("a an the this its their one another each")
    /// Head nouns that start another document after "and" ("... and an agreement on ...").
    static let headWords = W.set("agreement agreements memorandum memoranda protocol protocols treaty declaration statement plan programme program documents document")
    static let batchModifiers = W.set("cooperation and new other more key important major government business commercial trade investment framework sectoral specific")

    /// A single document is named by a determiner or a capitalised title ("a memorandum of
    /// understanding", "the Joint Statement"), not a verb ("helped to plan").
    static func isNamedDocument(_ text: Text, _ head: Head, from start: Int) -> Bool {
        if text.tokens[head.first].isCapitalized { return true }
        var k = head.first - 1
        var steps = 0
        while k >= start, steps < 4 {
            if text.isAny(k, determiners) { return true }
            if text.tokens[k].kind != .word || text.isWord(k, W.to) || text.isWord(k, W.and) { return false }
            k -= 1
            steps += 1
        }
        return false
    }

    /// Whether the signing verb governs the document: within a short span of it, either way.
    static func isLinked(_ text: Text, _ head: Head, to trigger: Int, in sentence: Sentence) -> Bool {
        let lower = min(head.first, trigger), upper = max(head.first, trigger)
        guard upper - lower <= 30 else { return false }
        for k in lower..<upper where text.mark(k) == 0x3B { return false }
        return true
    }

    /// "20", "more than 30", "nearly 20", "three" before a head (over its modifiers).
    static func number(_ text: Text, before first: Int, from start: Int) -> (Int?, String?, Int?) {
        var k = first - 1
        var steps = 0
        while k >= start, steps < 5 {
            let t = text.tokens[k]
            if t.kind == .punct { break }
            var value: Int?
            if t.kind == .number { value = text.integer(k) } else { value = W.numberWords[t.hash] }
            if let value {
                var qualifier: String?
                var numberFirst = k
                if let q = qualifiers[text.hash(k - 1)] {
                    qualifier = q
                    numberFirst = k - 1
                    if text.hash(k - 1) == Tokenizer.hash("than") { numberFirst = k - 2 }
                } else if text.isWord(k - 1, W.to), text.hash(k - 2) == Tokenizer.hash("close") {
                    qualifier = "nearly"
                    numberFirst = k - 2
                }
                return (value, qualifier, numberFirst)
            }
            if t.hash == W.the || t.hash == W.of || t.hash == W.and && steps == 0 { break }
            if t.hash == W.a || t.hash == W.an { return (1, nil, k) }
            // Only modifiers stand between a number and its noun ("23 bilateral cooperation
            // documents"); a verb or a subject ends the search ("the two sides signed documents").
            if !t.isCapitalized, !batchModifiers.contains(t.hash), !t.hasHyphen {
                let bytes = text.bytes
                let last = bytes[t.end - 1] | 0x20, penult = t.length > 2 ? bytes[t.end - 2] | 0x20 : 0
                let adjective = (penult == 0x61 && last == 0x6C) || (penult == 0x76 && last == 0x65) || (penult == 0x69 && last == 0x63) || (penult == 0x72 && last == 0x79)
                if !adjective { break }
            }
            k -= 1
            steps += 1
        }
        return (nil, nil, nil)
    }

    /// The end of a batch's clause: "in areas such as X, Y and Z" runs to the sentence's end or
    /// to "and witnessed"/";".
    static func clauseEnd(_ text: Text, from: Int, limit: Int) -> Int {
        var k = from
        while k < limit {
            if text.mark(k) == 0x3B || text.mark(k) == 0x28 { return k }
            if text.isWord(k, W.and), text.isAny(k + 1, verbs) || text.isAny(k + 1, witnessed) { return k }
            k += 1
        }
        return limit
    }

    /// A single document's title: capitalised words before the head, the head, and its
    /// complement ("on ...", "between ... and ...") up to the clause's end.
    static func title(_ text: Text, _ head: Head, limit: Int) -> (first: Int, end: Int, titled: Bool) {
        var first = head.first
        let capitalized = text.tokens[head.first].isCapitalized
        if capitalized {
            var k = head.first - 1
            while k >= 0, text.tokens[k].isCapitalized || text.isWord(k, W.and) && k > 0 && text.tokens[k - 1].isCapitalized,
                  text.tokens[k].kind == .word, !text.isWord(k, W.the) {
                first = k
                k -= 1
            }
            if text.isWord(first, W.and) { first += 1 }
        }
        var end = head.end
        guard end < limit, text.isAny(end, complementStarts) else { return (first, end, capitalized) }
        var k = end + 1
        while k < limit {
            let t = text.tokens[k]
            if t.kind == .punct, t.mark != 0x27, t.mark != 0x2D, t.mark != Token.possessive, !(t.mark == 0x2E && k + 1 < limit && text.tokens[k + 1].kind == .number) { break }
            if text.isAny(k, titleStops) { break }
            if t.hash == W.and {
                let next = k + 1
                if text.isAny(next, verbs) || text.isAny(next, conjoinedVerbs) { break }
                if text.isWord(next, W.a) || text.isWord(next, W.an) { break }
                if next < limit, text.tokens[next].kind == .word, !text.tokens[next].isCapitalized,
                   text.isAny(next, headWords) { break }
            }
            k += 1
            end = k
        }
        return (first, end, true)
    }

    /// Whether a titled document stands in a counted batch: "..., among them the Protocol ...".
    static func absorbed(_ text: Text, from: Int, to: Int) -> Bool {
        for k in from..<to where text.isAny(k, absorbers) { return true }
        return false
    }

    static func fields(_ a: Analysis, from: Int, to: Int) -> [String]? {
        var found: [String] = []
        var k = from
        while k < to {
            if a.lexicon.areas.mayStart(a.text.tokens[k].hash), let match = a.lexicon.areas.longestMatch(in: a.text.tokens, from: k, limit: to) {
                if !found.contains(match.value) { found.append(match.value) }
                k = match.end
            } else {
                k += 1
            }
        }
        return found.isEmpty ? nil : found.sorted()
    }

    /// Who signed, where the subject says: heads of state, heads of government, ministers, departments.
    static func signedBy(_ s: Assembly, _ index: Int, trigger: Int) -> String? {
        let text = s.a.text
        guard DocumentPatterns.verbs.contains(text.tokens[trigger].hash) else { return nil }
        let first = s.a.sentences[index].first
        for k in stride(from: trigger - 1, through: max(first, trigger - 8), by: -1) {
            let h = text.tokens[k].hash
            if headsOfState.contains(h) { return "heads of state" }
            if premiers.contains(h) || h == ministers && text.isWord(k - 1, prime) { return "heads of government" }
            if h == ministers { return "ministers" }
            if departments.contains(h) { return "relevant departments" }
        }
        let persons = s.a.actors[index].persons.filter { $0.end <= trigger }
        if let role = persons.last?.role ?? persons.last.flatMap({ s.a.registry.find($0.name ?? "")?.role }) {
            if role == .headOfState { return "heads of state" }
            if role == .headOfGovernment { return "heads of government" }
        }
        return nil
    }

    /// A bulleted document under "Documents were exchanged:": the item is its title.
    static func listItem(_ s: Assembly, _ index: Int, intro: Int) -> Fact? {
        let a = s.a
        let sentence = a.sentences[index]
        guard let head = findHeads(a, index).first else { return nil }
        var first = sentence.first
        if Sentences.isEnumerator(a.text, first) { first += 2 }
        while first < sentence.end, a.text.tokens[first].kind == .punct { first += 1 }
        var end = sentence.end
        while end > first, a.text.tokens[end - 1].kind == .punct { end -= 1 }
        guard first < end else { return nil }
        var fact = Fact(type: "document", evidence: [a.text.evidence(a.text.tokens[first].start, a.text.tokens[end - 1].end)])
        fact.kind = head.kind.kind
        fact.count = 1
        fact.title = a.text.string(first, end)
        fact.date = s.day(intro)?.iso
        fact.parties = s.parties(index)
        if fact.parties?.count != 2 { fact.parties = s.parties(intro) }
        fact.fields = fields(a, from: head.end, to: end)
        guard fact.parties?.count == 2 else { return nil }
        return fact
    }

    /// One fact per document: an untitled mention ("a joint statement") joins a titled one of the
    /// same kind and day; the same title, or the same batch, is one document.
    static func merge(_ fact: Fact, into facts: inout [Fact]) {
        let isBatch = fact.count != 1
        let index = facts.firstIndex { other in
            guard other.kind == fact.kind, other.date == fact.date, other.parties == fact.parties else { return false }
            if isBatch { return other.count == fact.count && other.count != nil && other.countQualifier == fact.countQualifier }
            guard other.count == 1 else { return false }
            if let t1 = other.title, let t2 = fact.title { return t1.lowercased() == t2.lowercased() }
            return true
        }
        guard let index else { facts.append(fact); return }
        facts[index].evidence += fact.evidence
        if facts[index].title == nil { facts[index].title = fact.title }
        if facts[index].signedBy == nil { facts[index].signedBy = fact.signedBy }
        if facts[index].fields == nil { facts[index].fields = fact.fields }
    }
}
