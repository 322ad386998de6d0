extension AssertedFact {
    /// Reads a fact payload (schema 1); nil when the bytes are not a fact object with an `id`,
    /// a `type` and a `source`. Unknown keys and `evidence` are skipped.
    public static func parse(_ payload: [UInt8]) -> AssertedFact? {
        payload.withUnsafeBufferPointer { parse($0) }
    }

    /// Reads a fact payload from borrowed bytes.
    public static func parse(_ payload: UnsafeBufferPointer<UInt8>) -> AssertedFact? {
        parse(payload, keepingExtractor: true)
    }

    /// Reads a fact payload from borrowed bytes; without `keepingExtractor` the `extractor` key is
    /// skipped (no read model stores it, and replay would build a string per event for it).
    ///
    /// `partiesGiven` reports whether the payload set `parties` itself, for `Upcaster`'s rule.
    static func parse(_ payload: UnsafeBufferPointer<UInt8>, keepingExtractor: Bool) -> AssertedFact? {
        var given = false
        return parse(payload, keepingExtractor: keepingExtractor, partiesGiven: &given)
    }

    static func parse(_ payload: UnsafeBufferPointer<UInt8>, keepingExtractor: Bool, partiesGiven: inout Bool) -> AssertedFact? {
        var scanner = JSONScanner(payload)
        var fact = AssertedFact(id: "", type: "", source: "")
        var parties = false
        let ok = scanner.forEachMemberKey { s, bytes in
            guard let key = FactKey(bytes) else { return s.skipValue() }
            switch key {
            case .id: return read(&s) { fact.id = $0 ?? "" }
            case .type: return read(&s) { fact.type = $0 ?? "" }
            case .date: return read(&s) { fact.date = $0 }
            case .source: return read(&s) { fact.source = $0 ?? "" }
            case .extractor: return keepingExtractor ? read(&s) { fact.extractor = $0 } : s.skipValue()
            case .format: return read(&s) { fact.format = $0 }
            case .city: return read(&s) { fact.city = $0 }
            case .venue: return read(&s) { fact.venue = $0 }
            case .timeOfDay: return read(&s) { fact.timeOfDay = $0 }
            case .occasion: return read(&s) { fact.occasion = $0 }
            case .level: return read(&s) { fact.level = $0 }
            case .action: return read(&s) { fact.action = $0 }
            case .previousLevel: return read(&s) { fact.previousLevel = $0 }
            case .kind: return read(&s) { fact.kind = $0 }
            case .countQualifier: return read(&s) { fact.countQualifier = $0 }
            case .title: return read(&s) { fact.title = $0 }
            case .holder: return read(&s) { fact.holder = $0 }
            case .stance: return read(&s) { fact.stance = $0 }
            case .target: return read(&s) { fact.target = $0 }
            case .host: return read(&s) { fact.host = $0 }
            case .guest: return read(&s) { fact.guest = $0 }
            case .parties: return readList(&s) { fact.parties = $0; parties = true }
            case .fields: return readList(&s) { fact.fields = $0 }
            case .persons: return readList(&s) { fact.persons = $0 }
            case .areas: return readList(&s) { fact.areas = $0 }
            case .count:
                if s.consumeNull() { return true }
                guard let count = s.readInteger() else { return s.skipValue() }
                fact.count = count
                return true
            case .signedBy:
                if s.peek() == UInt8(ascii: "[") {
                    return readList(&s) { fact.signedBy = $0.isEmpty ? nil : $0.joined(separator: ", ") }
                }
                return read(&s) { fact.signedBy = $0 }
            case .participants:
                if s.consumeNull() { return true }
                return s.forEachElement { e in
                    var name: String?, country: String?, title: String?
                    let ok = e.forEachMemberKey { m, bytes in
                        switch FactKey(bytes) {
                        case .name: return read(&m) { name = $0 }
                        case .country: return read(&m) { country = $0 }
                        case .title: return read(&m) { title = $0 }
                        default: return m.skipValue()
                        }
                    }
                    if let name, !name.isEmpty { fact.participants.append(Participant(name: name, country: country, title: title)) }
                    return ok
                }
            case .name, .country: return s.skipValue()
            }
        }
        partiesGiven = parties
        guard ok, !fact.id.isEmpty, !fact.type.isEmpty, !fact.source.isEmpty else { return nil }
        return fact
    }

    /// Reads a string or null into `set`; any other value is skipped and leaves the field unset.
    private static func read(_ scanner: inout JSONScanner, _ set: (String?) -> Void) -> Bool {
        if let value = scanner.readOptionalString() {
            set(value)
            return true
        }
        return scanner.skipValue()
    }

    private static func readList(_ scanner: inout JSONScanner, _ set: ([String]) -> Void) -> Bool {
        if scanner.consumeNull() { return true }
        if scanner.peek() != UInt8(ascii: "[") { return scanner.skipValue() }
        guard let list = scanner.readStringArray() else { return false }
        set(list)
        return true
    }
}
