/// One word, number or punctuation mark of a readout, located by its UTF-8 byte offsets.
///
/// Every later stage matches tokens by `hash` (FNV-1a of the lower-cased bytes), so the hot path
/// never builds a `String` per word; text is sliced from the bytes only for what is emitted.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }

    var start: Int
    var end: Int
    var hash: UInt64
    var kind: Kind
    /// The first letter is upper case ("Xi", "BEIJING", "Tô").
    var isCapitalized: Bool
    /// Two or more letters, all upper case ("US", "SCO", "BEIJING").
    var isAllCaps: Bool
    /// Line breaks in the white space before this token (capped at 2: a blank line).
    var newlinesBefore: UInt8
    /// A word joined by a hyphen ("China-Kenya", "all-weather").
    var hasHyphen: Bool = false
    /// For punctuation: its first byte (a dash or quote of several bytes is folded to ASCII).
    var mark: UInt8

    /// `mark` of a possessive "'s" token.
    static let possessive: UInt8 = 0x01

    var isWord: Bool { kind == .word }
    var isPossessive: Bool { mark == Token.possessive }
    var length: Int { end - start }
}

/// Splits UTF-8 bytes into tokens; also used on lexicon phrases so both hash alike.
enum Tokenizer {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// Hashes a lower-case ASCII string exactly as `tokenize` hashes a word.
    static func hash(_ text: String) -> UInt64 {
        var h = fnvOffset
        for byte in text.utf8 {
            h = (h ^ UInt64(lower(byte))) &* fnvPrime
        }
        return h
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The length of a multi-byte punctuation sign at `i` (curly quotes, dashes, ellipsis,
    /// no-break space, guillemets), with the ASCII byte it stands for; nil for a letter.
    @inline(__always) static func wideMark(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Int, UInt8)? {
        let b = bytes[i]
        if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
            switch bytes[i + 2] {
            case 0x98, 0x99: return (3, 0x27)           // ‘ ’
            case 0x9C, 0x9D: return (3, 0x22)           // “ ”
            case 0x93, 0x94, 0x95, 0x90, 0x91, 0x92: return (3, 0x2D) // dashes
            case 0xA6: return (3, 0x2E)                 // …
            case 0xA2: return (3, 0x2A)                 // •
            case 0xAF, 0x89, 0x8A, 0x8B, 0x80...0x88: return (3, 0x20) // thin spaces
            default: return nil
            }
        }
        if b == 0xC2, i + 1 < bytes.count {
            switch bytes[i + 1] {
            case 0xA0: return (2, 0x20)                 // no-break space
            case 0xAB, 0xBB: return (2, 0x22)           // « »
            case 0xB7: return (2, 0x2A)                 // ·
            default: return nil
            }
        }
        return nil
    }

    @inline(__always) static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = bytes[i]
        if b < 0x80 { return isASCIILetter(b) || isDigit(b) }
        if b & 0xC0 == 0x80 { return true }
        return wideMark(bytes, i) == nil
    }

    /// Whether the non-ASCII scalar starting at `i` is an upper-case letter ("Á", "Ş").
    static func isUpperScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var iterator = bytes[i...].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) {
            return scalar.properties.isUppercase
        }
        return false
    }

    static let possessiveHash = hash("'s")

    /// The length of a possessive "'s" (or "’s") at `i`, ending the word before it; nil otherwise.
    @inline(__always) static func possessiveLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = bytes.count
        var after = i
        if bytes[i] == 0x27 { after = i + 1 } else if bytes[i] == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { after = i + 3 } else { return nil }
        guard i > 0, isWordByte(bytes, i - 1), after < n, bytes[after] | 0x20 == 0x73 else { return nil }
        if after + 1 < n, isWordByte(bytes, after + 1) { return nil }
        return after + 1 - i
    }

    static func tokenize(_ input: [UInt8]) -> [Token] {
        input.withUnsafeBufferPointer { tokenize($0) }
    }

    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        let n = bytes.count
        var i = 0
        var newlines: UInt8 = 0
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B { i += 1; continue }
            if b == 0x0A { if newlines < 2 { newlines += 1 }; i += 1; continue }
            if let len = possessiveLength(bytes, i) {
                tokens.append(Token(start: i, end: i + len, hash: possessiveHash, kind: .punct, isCapitalized: false,
                                    isAllCaps: false, newlinesBefore: newlines, mark: Token.possessive))
                newlines = 0
                i += len
                continue
            }
            if let (len, ascii) = wideMark(bytes, i) {
                if ascii == 0x20 { i += len; continue }
                tokens.append(Token(start: i, end: i + len, hash: (fnvOffset ^ UInt64(ascii)) &* fnvPrime,
                                    kind: .punct, isCapitalized: false, isAllCaps: false, newlinesBefore: newlines, mark: ascii))
                newlines = 0
                i += len
                continue
            }
            if !isWordByte(bytes, i) {
                tokens.append(Token(start: i, end: i + 1, hash: (fnvOffset ^ UInt64(b)) &* fnvPrime,
                                    kind: .punct, isCapitalized: false, isAllCaps: false, newlinesBefore: newlines, mark: b))
                newlines = 0
                i += 1
                continue
            }
            let start = i
            var hash = fnvOffset
            var allDigits = true
            var letters = 0
            var uppers = 0
            var hyphen = false
            let capitalized = b < 0x80 ? (b >= 0x41 && b <= 0x5A) : isUpperScalar(bytes, i)
            while i < n {
                let c = bytes[i]
                if isWordByte(bytes, i) {
                    if c < 0x80 {
                        if isASCIILetter(c) { letters += 1; allDigits = false; if c <= 0x5A { uppers += 1 } }
                    } else {
                        allDigits = false
                    }
                    hash = (hash ^ UInt64(lower(c))) &* fnvPrime
                    i += 1
                    continue
                }
                // Inner joiners: hyphen ("all-weather"), apostrophe ("Xi'an", not a possessive 's),
                // a point or comma between digits ("2.0").
                let next = i + 1 < n ? i + 1 : -1
                if c == 0x2D, next > 0, isWordByte(bytes, next), bytes[next] < 0x80 || bytes[next] >= 0xC0 {
                    hash = (hash ^ 0x2D) &* fnvPrime; allDigits = false; hyphen = true; i += 1; continue
                }
                var apostropheLength = 0
                if c == 0x27 { apostropheLength = 1 } else if c == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { apostropheLength = 3 }
                if apostropheLength > 0 {
                    let after = i + apostropheLength
                    if after < n, isWordByte(bytes, after), bytes[after] < 0x80, isASCIILetter(bytes[after]) {
                        // A possessive 's stays a token of its own: "Kenya's" is "Kenya" + "'s".
                        let isPossessive = (bytes[after] | 0x20) == 0x73 && (after + 1 >= n || !isWordByte(bytes, after + 1))
                        if !isPossessive {
                            hash = (hash ^ 0x27) &* fnvPrime; allDigits = false; i = after; continue
                        }
                    }
                }
                if c == 0x2E, allDigits, next > 0, isDigit(bytes[next]) {
                    hash = (hash ^ 0x2E) &* fnvPrime; i += 1; continue
                }
                break
            }
            tokens.append(Token(start: start, end: i, hash: hash, kind: allDigits ? .number : .word,
                                isCapitalized: capitalized, isAllCaps: letters >= 2 && uppers == letters,
                                newlinesBefore: newlines, hasHyphen: hyphen, mark: 0))
            newlines = 0
        }
        mergeAcronyms(&tokens, bytes)
        return tokens
    }

    /// Joins dotted acronyms into one token ("U.S.", "U.K.", "H.E."), so they match as names do.
    static func mergeAcronyms(_ tokens: inout [Token], _ bytes: UnsafeBufferPointer<UInt8>) {
        // Most texts have none: look before building a new array.
        var any = false
        for i in 0..<max(0, tokens.count - 3) where tokens[i].length == 1 && tokens[i].kind == .word && tokens[i + 1].mark == 0x2E
            && tokens[i + 2].length == 1 && tokens[i + 3].mark == 0x2E {
            any = true
            break
        }
        guard any else { return }
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .word, t.length == 1, i + 3 < tokens.count,
               tokens[i + 1].mark == 0x2E, tokens[i + 1].start == t.end,
               tokens[i + 2].kind == .word, tokens[i + 2].length == 1, tokens[i + 2].isCapitalized == t.isCapitalized, tokens[i + 2].start == tokens[i + 1].end,
               tokens[i + 3].mark == 0x2E, tokens[i + 3].start == tokens[i + 2].end {
                var j = i
                var hash = fnvOffset
                var end = t.end
                while j + 1 < tokens.count, tokens[j].kind == .word, tokens[j].length == 1, tokens[j].isCapitalized == t.isCapitalized,
                      tokens[j + 1].mark == 0x2E, tokens[j + 1].start == tokens[j].end, j == i || tokens[j].start == end {
                    hash = (hash ^ UInt64(lower(bytes[tokens[j].start]))) &* fnvPrime
                    hash = (hash ^ 0x2E) &* fnvPrime
                    end = tokens[j + 1].end
                    j += 2
                }
                out.append(Token(start: t.start, end: end, hash: hash, kind: .word, isCapitalized: t.isCapitalized, isAllCaps: t.isCapitalized,
                                 newlinesBefore: t.newlinesBefore, mark: 0))
                i = j
                continue
            }
            out.append(t)
            i += 1
        }
        tokens = out
    }
}
