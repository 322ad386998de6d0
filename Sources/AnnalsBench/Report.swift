import Foundation

/// Repeated measurements of one figure: the median is the figure, min and max show the noise.
struct Sample {
    var runs: [Double]

    var median: Double {
        let sorted = runs.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    var min: Double { runs.min() ?? .nan }
    var max: Double { runs.max() ?? .nan }
}

/// The p-th percentile (0...100) by nearest rank.
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
}

/// One JSON object built key by key, in insertion order, printed compactly.
struct JSONObject {
    private var entries: [(String, String)] = []

    mutating func set(_ key: String, _ value: Double?, digits: Int = 1) {
        guard let value, value.isFinite else { entries.append((key, "null")); return }
        entries.append((key, String(format: "%.\(digits)f", value)))
    }

    mutating func set(_ key: String, _ value: Int) { entries.append((key, String(value))) }

    mutating func set(_ key: String, _ value: String?) {
        entries.append((key, value.map { JSONObject.quote($0) } ?? "null"))
    }

    mutating func set(_ key: String, _ object: JSONObject) { entries.append((key, object.text)) }

    /// `key` = the median, `key_stats` = {median, min, max, runs}.
    mutating func set(_ key: String, _ sample: Sample, digits: Int = 1) {
        set(key, sample.median, digits: digits)
        var stats = JSONObject()
        stats.set("median", sample.median, digits: digits)
        stats.set("min", sample.min, digits: digits)
        stats.set("max", sample.max, digits: digits)
        stats.entries.append(("runs", "[" + sample.runs.map { String(format: "%.\(digits)f", $0) }.joined(separator: ",") + "]"))
        set(key + "_stats", stats)
    }

    var text: String { "{" + entries.map { "\(JSONObject.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}" }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
