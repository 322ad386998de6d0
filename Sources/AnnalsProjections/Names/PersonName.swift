import Foundation

/// How projections compare people's names, after FACTS.md's scoring rules: lower case, no
/// diacritics, no punctuation, no initials, no suffixes such as "Jr.".
public enum PersonName {
    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv"]

    /// The words of a name as compared: `"Luiz Inácio Lula da Silva Jr."` → `["luiz", "inacio", "lula", "da", "silva"]`.
    public static func words(_ name: String) -> [String] {
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

    /// The key a person is filed under: the compared words joined by spaces ("xi jinping").
    public static func key(_ name: String) -> String {
        let w = words(name)
        return w.isEmpty ? name.lowercased() : w.joined(separator: " ")
    }

    /// The last compared word, used to corroborate meetings across wordings ("Muhammad Shehbaz
    /// Sharif" and "Shehbaz Sharif" both give "sharif").
    public static func family(_ name: String) -> String { words(name).last ?? name.lowercased() }
}
