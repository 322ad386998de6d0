/// Earlier meetings a readout recalls with a pinned day: "their talks in Ulaanbaatar on 21 May
/// 2023", "our productive talks in the Kremlin on March 4", "their first conversation on Saturday".
///
/// FACTS.md counts a recalled meeting only where the text pins its day; its principals are the
/// readout's own (the people of its main meeting, or the two leaders it names).
enum RecalledMeetings {
    static let determiners = W.set("their our the")
    static let nouns = WordMap<String>([
        ("talks", "talks"), ("negotiations", "talks"), ("meeting", "meeting"), ("summit", "meeting"), ("discussion", "meeting"),
        ("conversation", "phone call"), ("call", "phone call"),
    ].map { (Tokenizer.hash($0.0), $0.1) })
    static let modifiers = W.set("first second third last previous recent productive fruitful good useful phone telephone video virtual bilateral substantive")
    static let virtual = W.set("virtual video")

    struct Match {
        var sentence: Int
        var format: String
        var day: Day
    }

    static func find(_ a: Analysis, sentence index: Int, anchor: Day?) -> [Match] {
        let sentence = a.sentences[index]
        guard !sentence.isHeadline else { return [] }
        let text = a.text
        var found: [Match] = []
        var k = sentence.first
        while k < sentence.end {
            defer { k += 1 }
            guard text.isAny(k, determiners) else { continue }
            var j = k + 1
            var isVirtual = false
            // "their March 29 call": the day written before the noun.
            let before = a.dates[index].first { $0.first == k + 1 }
            if let before { j = before.end }
            while j < sentence.end, j - k <= 4, text.isAny(j, modifiers) || text.tokens[j].isCapitalized && nouns[text.tokens[j].hash] == nil && text.tokens[j].kind == .word {
                if text.isAny(j, virtual) { isVirtual = true }
                j += 1
            }
            guard j < sentence.end, var format = nouns[text.tokens[j].hash] else { continue }
            if text.isWord(j - 1, W.phone) || text.isWord(j - 1, W.telephone) { format = "phone call" }
            if isVirtual { format = "video call" }
            // The pinned day must follow within the noun phrase: "... in Tokyo on March 16".
            guard let mention = before ?? a.dates[index].first(where: { $0.first > j && $0.first - j <= 8 }), mention.expression.pinsDay,
                  let day = a.resolve(mention, anchor: anchor) else { continue }
            // A day after publication is a meeting planned, not recalled.
            if let published = a.published, day > published { continue }
            found.append(Match(sentence: index, format: format, day: day))
            k = mention.end
        }
        return found
    }
}
