import Foundation

extension AssertedFact {
    /// The two countries the fact is about, sorted, or nil: its `parties`, else its principals'
    /// countries, else a position's holder and target, when that gives exactly two codes.
    public var pair: (String, String)? {
        var codes = Set(parties)
        if codes.isEmpty { codes = Set(participants.compactMap(\.country)) }
        if codes.isEmpty, let holder, let target, holder.count == 2, target.count == 2 { codes = [holder, target] }
        guard codes.count == 2 else { return nil }
        let sorted = codes.sorted()
        return (sorted[0], sorted[1])
    }

    /// `AZ-CN`, the relation key of `pair`, or nil.
    public var pairKey: String? { pair.map { "\($0.0)-\($0.1)" } }

    /// The key under which readouts of the same meeting or document are corroborated, or nil for
    /// other fact types.
    ///
    /// - meeting: date and the sorted family names of its principals (`2024-07-03|aliyev,jinping`);
    /// - document: kind, sorted parties, date and count (`agreement|AZ,CN|2025-04-23|20`).
    public var corroborationKey: String? {
        switch type {
        case "meeting":
            let names = participants.map { PersonName.family($0.name) }.sorted().joined(separator: ",")
            return "\(date ?? "?")|\(names)"
        case "document":
            return "\(kind ?? "?")|\(parties.sorted().joined(separator: ","))|\(date ?? "?")|\(count.map(String.init) ?? "-")"
        default:
            return nil
        }
    }

    /// One line saying what the fact is, for `history` and `explain`.
    public var summary: String {
        switch type {
        case "meeting":
            let who = participants.map { p in p.country.map { "\(p.name) (\($0))" } ?? p.name }.joined(separator: ", ")
            var line = "\(format ?? "meeting"): \(who)"
            if let city { line += " in \(city)" }
            if let occasion { line += " (\(occasion))" }
            return line
        case "partnership":
            var line = "\(level ?? "partnership") \(action ?? "stated")"
            if let previousLevel { line += " (previously \(previousLevel))" }
            return line
        case "document":
            var line = kind ?? "document"
            if let count, count != 1 { line = "\(countQualifier.map { "\($0) " } ?? "")\(count) \(line)s" }
            if let title { line += ": \(title)" } else if !fields.isEmpty { line += " on \(fields.joined(separator: ", "))" }
            if let signedBy { line += " (signed by \(signedBy))" }
            return line
        case "attendance":
            return "present: \(persons.joined(separator: ", "))"
        case "position":
            return "\(holder ?? "?") \(stance ?? "states a position") \(target.map { "toward \($0)" } ?? "")"
                .trimmingCharacters(in: .whitespaces)
        case "cooperation":
            return "cooperation in \(areas.joined(separator: ", "))"
        case "ceremony":
            var line = kind ?? "ceremony"
            if let host { line += " hosted by \(host)" }
            if let guest { line += " for \(guest)" }
            if let venue { line += " at \(venue)" }
            return line
        default:
            return type
        }
    }
}
