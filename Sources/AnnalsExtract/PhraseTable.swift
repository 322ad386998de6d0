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
    /// The edges of `children` in one open-addressing array, for lookup without hashing twice.
    private var edges: [Edge] = []
    private var edgeMask = 0
    /// First tokens of phrases, for the cheap `mayStart` test.
    private var starts = WordSet([])
    private var payload: [Int32] = [-1]

    struct Edge: Sendable {
        var hash: UInt64
        var node: Int32
        var child: Int32
    }
    private var rules: [CaseRule] = [.any]
    private(set) var values: [Value] = []

    var isEmpty: Bool { values.isEmpty }

    /// Freezes the trie into the flat edge table that lookups use; call after the last insert.
    mutating func compile() {
        var all: [Edge] = []
        for (node, table) in children.enumerated() {
            for (hash, child) in table { all.append(Edge(hash: hash, node: Int32(node), child: child)) }
        }
        var capacity = 16
        while capacity < all.count * 3 { capacity <<= 1 }
        edges = Array(repeating: Edge(hash: 0, node: -1, child: -1), count: capacity)
        edgeMask = capacity - 1
        for edge in all {
            var index = PhraseTable.slot(edge.hash, edge.node, edgeMask)
            while edges[index].node >= 0 { index = (index + 1) & edgeMask }
            edges[index] = edge
        }
        starts = WordSet(children[0].keys)
    }

    @inline(__always) private static func slot(_ hash: UInt64, _ node: Int32, _ mask: Int) -> Int {
        let mixed = hash ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 29)) & mask
    }

    @inline(__always) private func child(_ node: Int, _ hash: UInt64) -> Int? {
        guard !edges.isEmpty else { return children[node][hash].map(Int.init) }
        let n = Int32(node)
        var index = PhraseTable.slot(hash, n, edgeMask)
        while true {
            let edge = edges[index]
            if edge.node < 0 { return nil }
            if edge.node == n, edge.hash == hash { return Int(edge.child) }
            index = (index + 1) & edgeMask
        }
    }

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
        while index < stop, let next = child(node, tokens[index].hash) {
            node = next
            index += 1
            let slot = payload[node]
            if slot >= 0, PhraseTable.satisfies(rules[node], tokens, from, index) {
                let value = values[Int(slot)]
                if accept(value) { best = (value, index) }
            }
        }
        return best
    }

    /// The value of a whole phrase given as text ("Prime Minister"), if the table has it.
    func singleWordOrPhrase(_ phrase: String) -> Value? {
        let tokens = Tokenizer.tokenize(Array(phrase.utf8))
        guard let match = longestMatch(in: tokens, from: 0), match.end == tokens.count else { return nil }
        return match.value
    }

    /// Whether a phrase of one token only would match `hash` (used for hyphen compounds).
    func singleWord(_ hash: UInt64) -> Value? {
        guard let next = child(0, hash) else { return nil }
        let slot = payload[next]
        return slot >= 0 ? values[Int(slot)] : nil
    }

    /// Whether the first token of a phrase could start at `hash` (cheap pre-check).
    func mayStart(_ hash: UInt64) -> Bool { edges.isEmpty ? children[0][hash] != nil : starts.contains(hash) }

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
