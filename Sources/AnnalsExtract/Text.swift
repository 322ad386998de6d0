/// A readout's bytes with their tokens: what every stage reads.
struct Text: Sendable {
    let bytes: [UInt8]
    let tokens: [Token]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.tokens = Tokenizer.tokenize(bytes)
    }

    var count: Int { tokens.count }

    @inline(__always) func hash(_ i: Int) -> UInt64 { i >= 0 && i < tokens.count ? tokens[i].hash : 0 }
    @inline(__always) func isWord(_ i: Int, _ h: UInt64) -> Bool { i >= 0 && i < tokens.count && tokens[i].hash == h }
    @inline(__always) func mark(_ i: Int) -> UInt8 { i >= 0 && i < tokens.count ? tokens[i].mark : 0 }

    /// Whether token `i` is one of `set`.
    @inline(__always) func isAny(_ i: Int, _ set: WordSet) -> Bool { i >= 0 && i < tokens.count && set.contains(tokens[i].hash) }

    /// The bytes of tokens `[first, end)` as written, spaces included.
    func string(_ first: Int, _ end: Int) -> String {
        guard first < end, first >= 0, end <= tokens.count else { return "" }
        return String(decoding: bytes[tokens[first].start..<tokens[end - 1].end], as: UTF8.self)
    }

    func string(bytes start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Token `i` as written.
    func word(_ i: Int) -> String { string(i, i + 1) }

    /// The integer value of a number token ("20", "2024"), or of an ordinal ("3rd", "21st").
    func integer(_ i: Int) -> Int? {
        guard i >= 0, i < tokens.count, tokens[i].kind != .punct else { return nil }
        var value = 0
        var digits = 0
        var index = tokens[i].start
        while index < tokens[i].end, Tokenizer.isDigit(bytes[index]) {
            value = value * 10 + Int(bytes[index] - 0x30)
            digits += 1
            if digits > 6 { return nil }
            index += 1
        }
        guard digits > 0 else { return nil }
        if index == tokens[i].end { return value }
        let rest = tokens[i].end - index
        guard rest == 2 else { return nil }
        let a = Tokenizer.lower(bytes[index]), b = Tokenizer.lower(bytes[index + 1])
        let suffix = (a, b)
        if suffix == (0x73, 0x74) || suffix == (0x6E, 0x64) || suffix == (0x72, 0x64) || suffix == (0x74, 0x68) { return value }
        return nil
    }

    /// Evidence for the byte span `[start, end)`.
    func evidence(_ start: Int, _ end: Int) -> Evidence {
        Evidence(quote: string(bytes: start, end), start: start, end: end)
    }
}
