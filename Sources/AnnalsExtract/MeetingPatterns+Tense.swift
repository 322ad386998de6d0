/// Whether a meeting verb tells of a meeting that happened now: not recalled from before, not
/// merely intended, by what medium.
extension MeetingPatterns {
    /// "last held talks in Astana during ... in the autumn of 2024": a meeting before the one
    /// reported, whose day the text does not pin.
    static func isRecalled(_ a: Analysis, _ index: Int, trigger: Int, pinsDay: Bool) -> Bool {
        let text = a.text
        let first = a.sentences[index].first
        if trigger - 1 >= first, text.isAny(trigger - 1, previously) { return true }
        if trigger - 2 >= first, text.isAny(trigger - 2, previously), text.tokens[trigger - 1].kind == .word, !text.tokens[trigger - 1].isCapitalized { return true }
        // A year or month near the verb and no day anywhere: "met in Kazan last October".
        if pinsDay { return false }
        // Date mentions are in text order: the ones near the verb are found by binary search.
        let mentions = a.dates[index]
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].first < trigger - 4 { low = middle + 1 } else { high = middle }
        }
        for m in mentions[low...] {
            guard m.first < trigger + 10 else { break }
            switch m.expression {
            case .year, .month, .vague: return true
            default: continue
            }
        }
        return false
    }

    /// Whether the sentence pins a day anywhere (worked out once per sentence).
    static func pinsDay(_ a: Analysis, _ index: Int) -> Bool {
        a.dates[index].contains { $0.expression.pinsDay }
    }

    /// The media a sentence names anywhere ("via video link", "by phone").
    struct Medium {
        /// A video word other than "virtual".
        var video = false
        var virtual = false
        var phone = false

        init(_ text: Text, _ sentence: Sentence) {
            let virtualHash = Tokenizer.hash("virtual")
            for k in sentence.first..<sentence.end {
                let h = text.tokens[k].hash
                if videoWords.contains(h) {
                    if h == virtualHash { virtual = true } else { video = true }
                } else if phoneWords.contains(h) {
                    phone = true
                }
            }
        }
    }

    /// "took place", "was held", "were held": a noun-led meeting that happened.
    static func isPast(_ text: Text, _ sentence: Sentence) -> Bool {
        for k in sentence.first..<sentence.end {
            if text.isAny(k, tookPlace), text.isAny(k + 1, place) { return true }
            if text.tokens[k].hash == Tokenizer.hash("held"), k > sentence.first,
               text.tokens[k - 1].hash == Tokenizer.hash("was") || text.tokens[k - 1].hash == Tokenizer.hash("were") { return true }
        }
        return false
    }

    /// "will meet", "is scheduled to hold talks", "glad to meet": not a meeting that happened.
    static func isUnrealised(_ text: Text, before i: Int, from first: Int) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= first, steps < 3 {
            // A capital mid-sentence is a name ("General Secretary To Lam held talks"), not "to".
            if text.isAny(k, W.unrealised), !(text.tokens[k].isCapitalized && k > first) { return true }
            if text.tokens[k].kind == .punct { break }
            k -= 1
            steps += 1
        }
        return false
    }
}
