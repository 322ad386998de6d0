/// A sentence (or a headline, or a list item) as a range of tokens and of bytes.
struct Sentence: Sendable {
    /// Token indices `[first, end)`.
    var first: Int
    var end: Int
    /// Byte offsets `[start, stop)` of the sentence text, from its first to its last token.
    var start: Int
    var stop: Int
    /// A line of its own without closing punctuation: a title, header or headline, not prose.
    var isHeadline: Bool
    /// A line opened by a bullet ("- Agreement between ...;").
    var isListItem: Bool
    /// The sentence opens a paragraph (a line break comes before it).
    var opensLine: Bool

    var range: Range<Int> { first..<end }
}

/// Splits a readout into sentences on terminal punctuation and line structure.
enum Sentences {
    /// Abbreviations after which a point does not end a sentence.
    static let abbreviations = WordSet(["mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "gen", "lt", "col", "sen", "rep",
                                                 "gov", "prof", "messrs", "vs", "etc", "inc", "ltd", "co", "corp", "mt", "ft", "jan",
                                                 "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e",
                                                 "approx", "ma", "dept", "govt", "min", "amb", "adm", "capt", "maj", "sgt", "hon", "rt"].map(Tokenizer.hash))

    static let maximumLength = 400

    static func split(_ text: Text) -> [Sentence] {
        let tokens = text.tokens
        var sentences: [Sentence] = []
        guard !tokens.isEmpty else { return sentences }
        var first = 0
        // No sentence of a readout runs past a few hundred tokens; cutting longer runs keeps
        // the patterns' work per sentence bounded on text that has no punctuation at all.
        for i in 1..<tokens.count where isBoundary(text, before: i) || i - first >= maximumLength {
            sentences.append(make(text, first, i))
            first = i
        }
        sentences.append(make(text, first, tokens.count))
        // A line without closing punctuation is a headline only when prose follows it; a readout
        // that is one unpunctuated line ("The US, Russia, and Switzerland met yesterday") is prose.
        if let lastProse = sentences.lastIndex(where: { !$0.isHeadline }) {
            for index in sentences.indices where index > lastProse { sentences[index].isHeadline = false }
        } else {
            for index in sentences.indices { sentences[index].isHeadline = false }
        }
        return sentences
    }

    private static func make(_ text: Text, _ first: Int, _ end: Int) -> Sentence {
        let tokens = text.tokens
        let opens = first == 0 || tokens[first].newlinesBefore > 0
        let closes = end == tokens.count || tokens[end].newlinesBefore > 0
        let last = tokens[end - 1]
        let terminal: Bool = {
            switch last.mark {
            case 0x2E, 0x21, 0x3F, 0x3A, 0x3B: return true
            case 0x22, 0x27, 0x29: return end - 2 >= first && [0x2E, 0x21, 0x3F].contains(tokens[end - 2].mark)
            default: return false
            }
        }()
        let bullet = tokens[first].mark == 0x2D || tokens[first].mark == 0x2A || isEnumerator(text, first)
        return Sentence(first: first, end: end, start: tokens[first].start, stop: last.end,
                        isHeadline: opens && closes && !terminal && !bullet && end - first <= 40,
                        isListItem: opens && bullet, opensLine: opens)
    }

    private static func isBoundary(_ text: Text, before i: Int) -> Bool {
        let tokens = text.tokens
        let token = tokens[i]
        let previous = tokens[i - 1]
        if token.newlinesBefore >= 2 { return true }
        if token.newlinesBefore == 1 {
            if token.mark == 0x2D || token.mark == 0x2A { return true }
            if [0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x22].contains(previous.mark) { return true }
            // A short line is a title or header line. After a long line, a line that goes on in
            // lower case (or after a comma) is hard-wrapped prose; one that opens with a capital
            // or a digit starts anew.
            if lineLength(text, endingAt: previous.end) < 60 { return true }
            if previous.mark == 0x2C || previous.mark == 0x2D { return false }
            return token.isCapitalized || token.kind == .number
        }
        var terminal = i - 1
        if previous.mark == 0x22 || previous.mark == 0x27 || previous.mark == 0x29 { terminal = i - 2 }
        guard terminal >= 0 else { return false }
        let mark = tokens[terminal].mark
        guard mark == 0x2E || mark == 0x21 || mark == 0x3F else { return false }
        guard token.isCapitalized || token.kind == .number || token.mark == 0x22 || token.mark == 0x28 || token.mark == 0x2D else { return false }
        if mark == 0x2E, terminal >= 1, isEnumerator(text, terminal - 1) { return false }
        if mark == 0x2E, terminal >= 1 {
            let before = tokens[terminal - 1]
            if before.end == tokens[terminal].start {
                if abbreviations.contains(before.hash) { return false }
                if before.kind == .word, before.length == 1, before.isCapitalized { return false }
            }
        }
        return true
    }

    static let romanNumerals = WordSet(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "a", "b", "c", "d", "e", "f"].map(Tokenizer.hash))

    /// "i." "iv)" "2." "b)" opening a line: the number of a list item or paragraph.
    static func isEnumerator(_ text: Text, _ i: Int) -> Bool {
        let tokens = text.tokens
        guard i >= 0, i + 1 < tokens.count, i == 0 || tokens[i].newlinesBefore > 0 else { return false }
        let t = tokens[i]
        guard tokens[i + 1].mark == 0x2E || tokens[i + 1].mark == 0x29, tokens[i + 1].start == t.end else { return false }
        if t.kind == .number { return t.length <= 2 }
        return t.kind == .word && t.length <= 4 && !t.isCapitalized && romanNumerals.contains(t.hash)
    }

    private static func lineLength(_ text: Text, endingAt end: Int) -> Int {
        var index = end - 1
        while index >= 0, text.bytes[index] != 0x0A { index -= 1 }
        return end - index - 1
    }
}
