/// Partnership levels: established where the text announces, creates, upgrades or elevates to a
/// level; referenced where it names a level that already holds (or was reached in the past).
enum PartnershipPatterns {
    static let establish = W.set("establish established establishes establishing establishment upgrade upgraded upgrades upgrading elevate elevated elevates elevating elevation raise raised raises raising lift lifted lifts lifting creation create created creates creating forge forged forging")
    static let agreed = W.set("agreed decided resolved")
    /// Verbs whose new level follows "to" ("elevated relations to a ..."); their direct object is
    /// the level left behind ("elevating the comprehensive strategic partnership").
    static let raising = W.set("upgrade upgraded upgrades upgrading elevate elevated elevates elevating elevation raise raised raises raising lift lifted lifts lifting")
    static let building = W.set("build built building")
    static let into = Tokenizer.hash("into")
    static let up = Tokenizer.hash("up"), set = Tokenizer.hash("set")

    struct Mention {
        var first: Int
        var end: Int
        var level: String
        var trigger: Int?
    }

    static func find(_ s: Assembly) -> [Fact] {
        let a = s.a
        let text = a.text
        var facts: [Fact] = []
        for index in a.sentences.indices where !a.sentences[index].isHeadline {
            let sentence = a.sentences[index]
            var mentions: [Mention] = []
            var k = sentence.first
            while k < sentence.end {
                guard a.lexicon.levelPhrases.mayStart(text.tokens[k].hash),
                      let match = a.lexicon.levelPhrases.longestMatch(in: text.tokens, from: k, limit: sentence.end) else { k += 1; continue }
                if match.value == "community with a shared future", !isBilateralCommunity(s, index, match.end, first: k) { k = match.end; continue }
                mentions.append(Mention(first: k, end: match.end, level: match.value, trigger: trigger(text, before: k, from: sentence.first)))
                k = match.end
            }
            for (position, mention) in mentions.enumerated() {
                var action = "referenced"
                var trigger = mention.trigger
                if let t = trigger, raising.contains(text.tokens[t].hash) {
                    // The new level is the first one after "to": "elevate relations ... to a
                    // community ..., building on the partnership" raises only the community.
                    let to = ((t + 1)..<mention.first).last { text.isWord($0, W.to) || text.isWord($0, into) }
                    if let to {
                        if mentions.contains(where: { $0.first > to && $0.first < mention.first }) { trigger = nil }
                    } else {
                        trigger = nil
                    }
                }
                if trigger == nil, mention.level == "community with a shared future" {
                    trigger = (max(sentence.first, mention.first - 6)..<mention.first).last { text.isAny($0, building) }
                }
                if let t = trigger {
                    if isUnrealised(text, before: t, from: sentence.first) { continue }
                    if !isFrom(text, mention.first) && !isBackground(a, index, t, mention.first, mention.end) { action = "established" }
                }
                var fact = Fact(type: "partnership", evidence: [a.evidence(index)])
                fact.level = mention.level
                fact.action = action
                fact.date = s.day(index)?.iso
                fact.parties = s.parties(index, from: mention.trigger ?? max(sentence.first, mention.first - 4), to: min(sentence.end, mention.end + 12))
                if action == "established" {
                    let rank = a.lexicon.rank(ofLevel: mention.level) ?? 0
                    let others = mentions.enumerated().filter { $0.offset != position && $0.element.level != mention.level }
                    if let from = others.first(where: { isFrom(text, $0.element.first) }) {
                        fact.previousLevel = from.element.level
                    } else if let lower = others.first(where: { (a.lexicon.rank(ofLevel: $0.element.level) ?? 0) < rank }) {
                        fact.previousLevel = lower.element.level
                    }
                }
                guard fact.parties?.count == 2 else { continue }
                merge(fact, into: &facts)
            }
        }
        // The level an upgrade left behind is its `previous_level`, not a fact of its own; a level
        // named where nothing dates it holds as of the readout's date.
        let left = Set(facts.compactMap { f in f.action == "established" ? f.previousLevel.map { ($0 + "|" + (f.parties ?? []).joined(separator: "-")) } : nil })
        facts.removeAll { $0.action != "established" && left.contains(($0.level ?? "") + "|" + ($0.parties ?? []).joined(separator: "-")) }
        for index in facts.indices where facts[index].date == nil && facts[index].action == "referenced" { facts[index].date = a.published?.iso }
        return facts
    }

    /// One fact per pair and level: a later "established" upgrades an earlier "referenced".
    static func merge(_ fact: Fact, into facts: inout [Fact]) {
        guard let existing = facts.firstIndex(where: { $0.parties == fact.parties && $0.level == fact.level }) else {
            facts.append(fact)
            return
        }
        facts[existing].evidence += fact.evidence
        if facts[existing].action != "established", fact.action == "established" {
            facts[existing].action = "established"
            facts[existing].date = fact.date
            facts[existing].previousLevel = fact.previousLevel
        }
        if facts[existing].date == nil { facts[existing].date = fact.date }
    }

    /// The verb or noun of establishing within the clause before a level, if any.
    static func trigger(_ text: Text, before first: Int, from start: Int) -> Int? {
        var k = first - 1
        var steps = 0
        while k >= start, steps < 22 {
            let t = text.tokens[k]
            if t.mark == 0x3B || t.mark == 0x2E { return nil }
            if establish.contains(t.hash) { return k }
            if t.hash == set, text.isWord(k + 1, up) { return k }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// "will establish", "ready to elevate"; "agreed to elevate" is a decision taken, so it counts.
    static func isUnrealised(_ text: Text, before t: Int, from start: Int) -> Bool {
        var k = t - 1
        var steps = 0
        while k >= start, steps < 3 {
            if text.isWord(k, W.to), text.isAny(k - 1, agreed) { return false }
            if text.isAny(k, W.unrealised) { return true }
            k -= 1
            steps += 1
        }
        return false
    }

    /// "from a Strategic Partnership to ...": the level left behind.
    static func isFrom(_ text: Text, _ first: Int) -> Bool {
        var k = first - 1
        if text.isWord(k, W.a) || text.isWord(k, W.an) || text.isWord(k, W.the) { k -= 1 }
        return text.isWord(k, W.from)
    }

    /// Whether the establishing is recalled rather than reported: "since", "in 2013", "ago",
    /// "a decade after", a month or year named around it.
    static func isBackground(_ a: Analysis, _ index: Int, _ trigger: Int, _ first: Int, _ end: Int) -> Bool {
        let sentence = a.sentences[index]
        let text = a.text
        // The clause before the verb ("Since the two countries elevated ..."), back to a comma.
        var lower = trigger
        while lower > sentence.first, text.mark(lower - 1) != 0x2C, text.mark(lower - 1) != 0x3B { lower -= 1 }
        // Between verb and level, only what follows the last "to": "from the Strategic
        // Partnership concluded in 2009 to a ..." recalls the old level, not the new one.
        var middle = trigger + 1
        for k in (trigger + 1)..<max(trigger + 1, first) where text.isWord(k, W.to) || text.isWord(k, PartnershipPatterns.into) { middle = k }
        // After the level, to the end of its clause: "... for the new era in May".
        var upper = end
        while upper < sentence.end, upper < end + 10, text.mark(upper) != 0x2C, text.mark(upper) != 0x3B, text.mark(upper) != 0x2E { upper += 1 }
        let ranges = [lower..<trigger, middle..<first, end..<upper]
        for range in ranges where !range.isEmpty {
            for k in range where text.isAny(k, W.background) { return true }
            for mention in a.dates[index] where mention.first < range.upperBound && mention.end > range.lowerBound {
                switch mention.expression {
                case .year, .month, .vague: return true
                default: continue
                }
            }
        }
        return false
    }

    /// "a China-Kenya community with a shared future", not "... for humanity" or "China-Africa".
    static func isBilateralCommunity(_ s: Assembly, _ index: Int, _ end: Int, first: Int) -> Bool {
        let text = s.a.text
        if text.isWord(end, W.for_), text.isWord(end + 1, W.humanity) || text.isWord(end + 1, W.mankind) { return false }
        let compound = s.a.actors[index].countries.filter { $0.inCompound && $0.end <= first && first - $0.end <= 2 }
        return compound.count >= 2
    }
}
