import Foundation

/// The matching rules of `shared/corpus/score.py`, so `swift test` reports the F1 the scorer would.
enum Scoring {
    static let scoredTypes: Set<String> = ["meeting", "partnership", "document", "attendance"]
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    static func nameWords(_ name: String) -> [String] {
        var cleaned = ""
        for scalar in fold(name).unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || CharacterSet.whitespaces.contains(scalar) {
                cleaned.unicodeScalars.append(scalar)
            } else {
                cleaned += " "
            }
        }
        return cleaned.split(separator: " ").map(String.init).filter { $0.count > 1 && !suffixes.contains($0) }
    }

    static func samePerson(_ a: String, _ b: String) -> Bool {
        let wa = nameWords(a), wb = nameWords(b)
        guard let la = wa.last, let lb = wb.last, la == lb else { return false }
        return Set(wa).isSubset(of: Set(wb)) || Set(wb).isSubset(of: Set(wa))
    }

    static func samePeople(_ a: [String], _ b: [String]) -> Bool {
        guard a.count == b.count else { return false }
        var left = b
        for x in a {
            guard let hit = left.firstIndex(where: { samePerson(x, $0) }) else { return false }
            left.remove(at: hit)
        }
        return true
    }

    static func people(_ fact: [String: Any], _ key: String) -> [String] {
        ((fact[key] as? [Any]) ?? []).map { ($0 as? [String: Any])?["name"] as? String ?? ($0 as? String ?? "") }
    }

    static func parties(_ fact: [String: Any]) -> [String] {
        ((fact["parties"] as? [Any]) ?? []).map { "\($0)".uppercased() }.sorted()
    }

    static func norm(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "" }
        return "\(value)".split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ").lowercased()
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        let na = (a == nil || a is NSNull) ? nil : "\(a!)"
        let nb = (b == nil || b is NSNull) ? nil : "\(b!)"
        return na == nb
    }

    static func matches(_ g: [String: Any], _ p: [String: Any]) -> Bool {
        guard let t = g["type"] as? String, p["type"] as? String == t else { return false }
        switch t {
        case "meeting": return same(g["date"], p["date"]) && samePeople(people(g, "participants"), people(p, "participants"))
        case "partnership": return parties(g) == parties(p) && norm(g["level"]) == norm(p["level"]) && same(g["date"], p["date"])
        case "document":
            return norm(g["kind"]) == norm(p["kind"]) && parties(g) == parties(p) && same(g["date"], p["date"]) && same(g["count"], p["count"])
        case "attendance": return samePeople(people(g, "persons"), people(p, "persons"))
        default: return false
        }
    }

    static func scored(_ facts: [[String: Any]]) -> [[String: Any]] {
        facts.filter { f in
            guard let t = f["type"] as? String, scoredTypes.contains(t) else { return false }
            return t != "partnership" || f["action"] as? String == "established"
        }
    }

    /// Matched, gold and predicted counts for one readout.
    static func count(gold: [[String: Any]], predicted: [[String: Any]]) -> (matched: Int, gold: Int, predicted: Int, misses: [String]) {
        let gs = scored(gold)
        var left = scored(predicted)
        let predictedCount = left.count
        var matched = 0
        var misses: [String] = []
        for g in gs {
            if let hit = left.firstIndex(where: { matches(g, $0) }) {
                left.remove(at: hit)
                matched += 1
            } else {
                misses.append("missed \(g["type"] ?? "") \(g["date"] ?? "-")")
            }
        }
        for p in left { misses.append("extra \(p["type"] ?? "") \(p["date"] ?? "-")") }
        return (matched, gs.count, predictedCount, misses)
    }
}
