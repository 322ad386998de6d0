/// Who met: the principals named before and after a meeting verb.
extension MeetingPatterns {
    static let heads = W.set("heads")
    static let stateOrGovernment = W.set("state government")

    /// "The two leaders", "the two heads of state", "both sides" right before the verb.
    static func isGroupSubject(_ text: Text, before trigger: Int, from first: Int) -> Bool {
        var k = trigger - 1
        while k > first, text.tokens[k].kind == .word, !text.tokens[k].isCapitalized,
              text.tokens[k].hash == Tokenizer.hash("then") || text.tokens[k].hash == W.also { k -= 1 }
        if text.isAny(k, stateOrGovernment), text.isWord(k - 1, W.of), text.isAny(k - 2, heads) { k -= 2 }
        return k > first && text.isAny(k, groupNouns) && text.isAny(k - 1, two)
    }

    /// The principals named before the verb: the nearest person, with one joined to it by "and".
    static func subjects(_ a: Analysis, _ index: Int, before trigger: Int) -> [Participant] {
        let all = a.actors[index].persons
        let persons = all[..<all.countEnding(atOrBefore: trigger)]
        let text = a.text
        // "the two presidents held a meeting": the people the sentence names.
        if trigger >= 2, text.isAny(trigger - 1, groupNouns), text.isAny(trigger - 2, two) {
            let named = a.actors[index].persons.filter { $0.name != nil }
            var result: [Participant] = []
            for p in named.map({ participant(a, $0) }) where !result.contains(where: { samePerson($0, p) }) { result.append(p) }
            if result.count >= 2 { return Array(result.prefix(2)) }
        }
        if let last = persons.last {
            guard trigger - last.end <= 15 else { return [] }
            for k in last.end..<trigger where text.isAny(k, clauseBreak) { return [] }
            var result = [participant(a, last)]
            if persons.count >= 2 {
                let previous = persons[persons.count - 2]
                if joined(text, previous.end, last.first) { result.insert(participant(a, previous), at: 0) }
            }
            return result
        }
        // "The US, Russia, and Switzerland met": countries as the sides (not for "discussed").
        if text.isAny(trigger, discussed) { return [] }
        let countries = a.actors[index].countries.filter { $0.end <= trigger && !$0.inCompound && $0.form == .name }
        guard countries.count >= 2 else { return [] }
        return countries.map { Participant(name: a.lexicon.countryName($0.code) ?? $0.code, country: $0.code, title: nil) }
    }

    /// Whether tokens `[from, to)` only join two names: "and", "and his Australian counterpart", ",".
    static func joined(_ text: Text, _ from: Int, _ to: Int) -> Bool {
        guard to > from, to - from <= 6 else { return false }
        var sawAnd = false
        for k in from..<to {
            let h = text.tokens[k].hash
            if h == W.and { sawAnd = true; continue }
            if h == W.his || h == W.her || h == W.their || h == W.the || text.tokens[k].mark == 0x2C || text.tokens[k].isPossessive { continue }
            if text.tokens[k].isCapitalized { continue }
            return false
        }
        return sawAnd
    }

    static func objects(_ a: Analysis, _ index: Int, after end: Int, mode: ObjectMode) -> [Participant] {
        let text = a.text
        let sentence = a.sentences[index]
        var start = end
        switch mode {
        case .none: return []
        case .with:
            var k = end
            var steps = 0
            while k < sentence.end, steps < 10, !text.isWord(k, W.with), !(text.isWord(k, W.on) && k == end) {
                if text.mark(k) == 0x2E || text.mark(k) == 0x3B { return [] }
                k += 1
                steps += 1
            }
            guard text.isWord(k, W.with) || text.isWord(k, W.on) else { return [] }
            start = k + 1
            // "held a welcoming ceremony for X ... and then held talks with him": the people the
            // sentence named before.
            if text.isAny(start, pronouns) {
                var named: [Participant] = []
                for p in a.actors[index].persons where p.end <= end && p.name != nil {
                    let candidate = participant(a, p)
                    if !named.contains(where: { samePerson($0, candidate) }) { named.append(candidate) }
                }
                return Array(named.prefix(2))
            }
        case .direct, .received, .hosted, .called: break
        case .between:
            // "the negotiations of A with B", "talks between A and B".
            let all = a.actors[index].persons
            let after = all[all.firstIndex(startingAtOrAfter: end)...]
            guard let first = after.prefix(while: { $0.first - end <= 3 }).first(where: { $0.name != nil }) else { return [] }
            let beyond = all[all.firstIndex(startingAtOrAfter: first.end)...]
            guard let second = beyond.prefix(while: { $0.first - first.end <= 4 }).first(where: { $0.name != nil }) else { return [] }
            return [participant(a, first), participant(a, second)]
        }
        let window = mode == .received ? 12 : (mode == .called ? 1 : 3)
        // "received a special message from President X": a one-way message, not a meeting.
        if mode == .received || mode == .hosted {
            var k = start
            while k < min(sentence.end, start + 4) {
                if text.isAny(k, oneWay) { return [] }
                if text.tokens[k].kind == .punct { break }
                k += 1
            }
        }
        let all = a.actors[index].persons
        let persons = all[all.firstIndex(startingAtOrAfter: start)...]
        guard let first = persons.first, first.first - start <= window else {
            let countries = a.actors[index].countries
            if mode == .with,
               let country = countries[countries.firstIndex(startingAtOrAfter: start)...].prefix(while: { $0.first - start <= 2 }).first {
                return [Participant(name: a.lexicon.countryName(country.code) ?? country.code, country: country.code, title: nil)]
            }
            return []
        }
        if mode == .with || mode == .received {
            if text.isWord(first.first - 1, W.whom) { return [] }
        }
        if mode == .hosted, text.mark(first.end) == Token.possessive { return [] }
        if first.name == nil && first.country == nil { return [] }
        var result = [participant(a, first)]
        if let next = persons.dropFirst().first, joined(text, first.end, next.first) { result.append(participant(a, next)) }
        return result
    }

    static func participant(_ a: Analysis, _ mention: PersonMention) -> Participant {
        if let name = mention.name {
            return Participant(name: name, country: mention.country, title: mention.title)
        }
        if mention.country == nil { return Participant(name: "", country: nil, title: mention.title) }
        let country = mention.country ?? ""
        return Participant(name: a.lexicon.countryName(country) ?? country, country: mention.country, title: mention.title)
    }

    static func samePerson(_ a: Participant, _ b: Participant) -> Bool {
        a.name == b.name || Registry.samePerson(Registry.words(of: a.name), Registry.words(of: b.name))
    }
}
