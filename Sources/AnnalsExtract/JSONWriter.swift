/// A minimal JSON writer with caller-chosen key order, so output bytes are deterministic.
struct JSONWriter {
    private(set) var output = ""
    /// Per open object or array: whether an element was written (so the next needs a comma).
    private var hasElements: [Bool] = [false]
    /// A key was just written, so the next value follows its colon without a comma.
    private var afterKey = false

    private mutating func beginValue() {
        if afterKey { afterKey = false; return }
        if hasElements[hasElements.count - 1] { output += "," }
        hasElements[hasElements.count - 1] = true
    }

    mutating func open() { beginObjectValue() }
    mutating func close() { output += "}"; hasElements.removeLast() }
    mutating func openArray() { beginArrayValue() }
    mutating func closeArray() { output += "]"; hasElements.removeLast() }

    mutating func key(_ name: String) {
        if hasElements[hasElements.count - 1] { output += "," }
        hasElements[hasElements.count - 1] = true
        appendQuoted(name)
        output += ":"
        afterKey = true
    }

    mutating func string(_ value: String) { beginValue(); appendQuoted(value) }
    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { beginValue(); output += "null" }
    }
    mutating func int(_ value: Int) { beginValue(); output += String(value) }
    mutating func optionalInt(_ value: Int?) {
        if let value { int(value) } else { beginValue(); output += "null" }
    }
    mutating func strings(_ values: [String]) {
        beginValue()
        output += "["
        for (index, value) in values.enumerated() {
            if index > 0 { output += "," }
            appendQuoted(value)
        }
        output += "]"
    }

    mutating func beginObjectValue() { beginValue(); output += "{"; hasElements.append(false) }
    mutating func beginArrayValue() { beginValue(); output += "["; hasElements.append(false) }

    private mutating func appendQuoted(_ value: String) {
        output += "\""
        var plainStart = value.utf8.startIndex
        let utf8 = value.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                output += String(value[plainStart..<index])
                switch byte {
                case 0x22: output += "\\\""
                case 0x5C: output += "\\\\"
                case 0x0A: output += "\\n"
                case 0x0D: output += "\\r"
                case 0x09: output += "\\t"
                default:
                    let hex = String(byte, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += String(value[plainStart..<utf8.endIndex])
        output += "\""
    }

    /// Writes a fact as an object (an array element), keys in FACTS.md order.
    mutating func fact(_ f: Fact) {
        beginObjectValue()
        key("id"); string(f.id)
        key("type"); string(f.type)
        if f.date != nil || ["meeting", "partnership", "document", "attendance", "ceremony"].contains(f.type) {
            key("date"); optionalString(f.date)
        }
        if let participants = f.participants {
            key("participants"); beginArrayValue()
            for p in participants {
                beginObjectValue()
                key("name"); string(p.name)
                key("country"); optionalString(p.country)
                key("title"); optionalString(p.title)
                close()
            }
            closeArray()
        }
        if let v = f.format { key("format"); string(v) }
        if let v = f.city { key("city"); string(v) }
        if let v = f.venue { key("venue"); string(v) }
        if let v = f.timeOfDay { key("time_of_day"); string(v) }
        if let v = f.occasion { key("occasion"); string(v) }
        if let v = f.parties { key("parties"); strings(v) }
        if let v = f.level { key("level"); string(v) }
        if let v = f.action { key("action"); string(v) }
        if let v = f.previousLevel { key("previous_level"); string(v) }
        if let v = f.kind { key("kind"); string(v) }
        if f.type == "document" || f.count != nil { key("count"); optionalInt(f.count) }
        if let v = f.countQualifier { key("count_qualifier"); string(v) }
        if let v = f.title { key("title"); string(v) }
        if let v = f.fields { key("fields"); strings(v) }
        if let v = f.signedBy { key("signed_by"); string(v) }
        if let v = f.persons { key("persons"); strings(v) }
        if let v = f.holder { key("holder"); string(v) }
        if let v = f.stance { key("stance"); string(v) }
        if let v = f.target { key("target"); string(v) }
        if let v = f.areas { key("areas"); strings(v) }
        if let v = f.host { key("host"); string(v) }
        if let v = f.guest { key("guest"); string(v) }
        key("evidence"); beginArrayValue()
        for e in f.evidence {
            beginObjectValue()
            key("quote"); string(e.quote)
            key("start"); int(e.start)
            key("end"); int(e.end)
            close()
        }
        closeArray()
        close()
    }
}
