import Foundation

/// How projections compare people's names, after FACTS.md's scoring rules: lower case, no
/// diacritics, no punctuation, no initials, no suffixes such as "Jr.".
public enum PersonName {
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// The words of a name as compared: `"Luiz Inácio Lula da Silva Jr."` → `["luiz", "inacio", "lula", "da", "silva"]`.
    public static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "’" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { $0.count > 1 && !suffixes.contains($0) }
    }

    /// `words` for ASCII names, without Foundation's folding (the common case, and hot in replay).
    static func asciiWords(_ name: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if current.count > 1 {
                let word = String(decoding: current, as: UTF8.self)
                if !suffixes.contains(word) { words.append(word) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(byte + 32)
            case UInt8(ascii: "'"): continue
            default: flush()
            }
        }
        flush()
        return words
    }

    /// The key a person is filed under: the compared words joined by spaces ("xi jinping").
    public static func key(_ name: String) -> String {
        let w = words(name)
        return w.isEmpty ? name.lowercased() : w.joined(separator: " ")
    }

    /// `(key(name), family(name))` from one pass over the name, for replay, which needs both for
    /// every principal of every meeting: an ASCII name builds the key's bytes directly, with no
    /// array of words.
    static func keyAndFamily(_ name: String) -> (key: String, family: String) {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return (key(name), family(name)) }
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        var wordStart = 0, inWord = false
        var last: Range<Int>?
        func endWord() {
            guard inWord else { return }
            inWord = false
            if out.count - wordStart > 1 && !isSuffix(out[wordStart...]) {
                last = wordStart..<out.count
            } else {
                out.removeSubrange((wordStart > 0 ? wordStart - 1 : 0)...)
            }
        }
        for byte in name.utf8 {
            var lower = byte
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): lower = byte + 32
            case UInt8(ascii: "'"): continue
            default: endWord(); continue
            }
            if !inWord {
                if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                wordStart = out.count
                inWord = true
            }
            out.append(lower)
        }
        endWord()
        guard let last else { return (name.lowercased(), name.lowercased()) }
        return (String(decoding: out, as: UTF8.self), String(decoding: out[last], as: UTF8.self))
    }

    private static func isSuffix(_ word: ArraySlice<UInt8>) -> Bool {
        suffixes.contains { $0.utf8.elementsEqual(word) }
    }

    /// The last compared word, used to corroborate meetings across wordings ("Muhammad Shehbaz
    /// Sharif" and "Shehbaz Sharif" both give "sharif").
    public static func family(_ name: String) -> String { words(name).last ?? name.lowercased() }
}
