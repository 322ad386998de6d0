/// How a lexicon phrase must be written in the text to count.
enum CaseRule: UInt8, Sendable {
    /// Any case ("Prime Minister", "prime minister").
    case any
    /// The first word capitalised: names of countries and cities ("Georgia", not "georgia").
    case capitalized
    /// Every word in capitals: acronyms ("US" but not "us").
    case upper
}

/// A trie of multi-word phrases keyed by token hashes, for longest-match lookup over tokens.
///
/// Lexicon phrases are tokenized like readouts, so "People's Republic of China" and the text's
/// tokens meet hash for hash; lookup is a walk of dictionary hops, no strings built.
struct PhraseTable<Value: Sendable>: Sendable {
    private var children: [[UInt64: Int32]] = [[:]]
    private var payload: [Int32] = [-1]
    private var rules: [CaseRule] = [.any]
    private(set) var values: [Value] = []

    var isEmpty: Bool { values.isEmpty }

    /// Adds `phrase`; the first value given for a phrase wins, so earlier lines take precedence.
    mutating func insert(_ phrase: String, _ value: Value, rule: CaseRule) {
        let tokens = Tokenizer.tokenize(Array(phrase.utf8))
        guard !tokens.isEmpty else { return }
        var node = 0
        for token in tokens {
            if let next = children[node][token.hash] {
                node = Int(next)
            } else {
                children.append([:])
                payload.append(-1)
                rules.append(.any)
                let next = children.count - 1
                children[node][token.hash] = Int32(next)
                node = next
            }
        }
        guard payload[node] < 0 else { return }
        payload[node] = Int32(values.count)
        rules[node] = rule
        values.append(value)
    }

    /// The longest phrase starting at token `from` (ending at or before `limit`) whose case rule
    /// the text satisfies and that `accept` takes, with the index one past its last token.
    func longestMatch(in tokens: [Token], from: Int, limit: Int? = nil,
                      accept: (Value) -> Bool = { _ in true }) -> (value: Value, end: Int)? {
        let stop = limit ?? tokens.count
        var node = 0
        var index = from
        var best: (value: Value, end: Int)?
        while index < stop, let next = children[node][tokens[index].hash] {
            node = Int(next)
            index += 1
            let slot = payload[node]
            if slot >= 0, PhraseTable.satisfies(rules[node], tokens, from, index) {
                let value = values[Int(slot)]
                if accept(value) { best = (value, index) }
            }
        }
        return best
    }

    /// Whether a phrase of one token only would match `hash` (used for hyphen compounds).
    func singleWord(_ hash: UInt64) -> Value? {
        guard let next = children[0][hash] else { return nil }
        let slot = payload[Int(next)]
        return slot >= 0 ? values[Int(slot)] : nil
    }

    /// Whether the first token of a phrase could start at `hash` (cheap pre-check).
    func mayStart(_ hash: UInt64) -> Bool { children[0][hash] != nil }

    private static func satisfies(_ rule: CaseRule, _ tokens: [Token], _ from: Int, _ end: Int) -> Bool {
        switch rule {
        case .any: return true
        case .capitalized: return tokens[from].isCapitalized
        case .upper:
            for index in from..<end where tokens[index].kind == .word && !tokens[index].isAllCaps && tokens[index].length > 1 {
                return false
            }
            return tokens[from].isCapitalized
        }
    }
}

extension CaseRule {
    /// The rule a variant's own spelling implies: an all-capitals variant ("US", "PRC") must be in
    /// capitals; one that starts with a capital is a name that must start with one.
    static func implied(by variant: String, names: Bool) -> CaseRule {
        let letters = variant.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) { return .upper }
        return names ? .capitalized : .any
    }
}
