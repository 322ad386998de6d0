import Foundation

/// Country codes and names for the query commands: `AZ`, `az`, `Azerbaijan` all mean `AZ`.
///
/// Built from the lexicon's `countries.tsv` (names, long forms, demonyms) by the CLI; `builtIn`
/// is a small table for library users without a lexicon.
public struct Countries: Sendable {
    /// Code → English short name.
    public let names: [String: String]
    /// Other names and demonyms → code, as given (folded only when a lookup needs them).
    private let aliases: [String: String]

    /// A table from code → name pairs; names also resolve case- and diacritic-insensitively.
    public init(names: [String: String], aliases: [String: String] = [:]) {
        self.names = names
        self.aliases = aliases
    }

    /// The code for a user's input (code in any case, or a name), nil when unknown.
    ///
    /// A code is looked up directly; only a name folds the table, so the common case costs a
    /// query process nothing at start-up.
    public func code(for input: String) -> String? {
        let trimmed = input.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.count == 2, names[trimmed.uppercased()] != nil { return trimmed.uppercased() }
        let wanted = Countries.fold(trimmed)
        guard !wanted.isEmpty else { return nil }
        // An alias outranks a short name that folds the same, as the lexicon intends.
        if let code = aliases.first(where: { Countries.fold($0.key) == wanted })?.value { return code }
        return names.first(where: { Countries.fold($0.value) == wanted })?.key
    }

    /// The name for a code, or the code itself when the table lacks it.
    public func name(for code: String) -> String { names[code] ?? code }

    static func fold(_ text: String) -> String {
        // Most names are ASCII: fold those by bytes, since Foundation's folding costs more than
        // the rest of a query process's start-up when every command builds this table.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = text.utf8.map { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
                case UInt8(ascii: "-"): return UInt8(ascii: " ")
                default: return byte
                }
            }
            while bytes.last == UInt8(ascii: " ") || bytes.last == UInt8(ascii: "\t") { bytes.removeLast() }
            let start = bytes.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? bytes.endIndex
            return String(decoding: bytes[start...], as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "-", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The built-in table.
    public static let builtIn = Countries(names: builtInNames, aliases: builtInAliases)

    static let builtInNames: [String: String] = [
        "AE": "United Arab Emirates", "AF": "Afghanistan", "AL": "Albania", "AM": "Armenia", "AO": "Angola",
        "AR": "Argentina", "AT": "Austria", "AU": "Australia", "AZ": "Azerbaijan", "BA": "Bosnia and Herzegovina",
        "BD": "Bangladesh", "BE": "Belgium", "BG": "Bulgaria", "BH": "Bahrain", "BN": "Brunei", "BO": "Bolivia",
        "BR": "Brazil", "BY": "Belarus", "CA": "Canada", "CD": "Democratic Republic of the Congo", "CG": "Congo",
        "CH": "Switzerland", "CL": "Chile", "CM": "Cameroon", "CN": "China", "CO": "Colombia", "CU": "Cuba",
        "CY": "Cyprus", "CZ": "Czechia", "DE": "Germany", "DJ": "Djibouti", "DK": "Denmark", "DZ": "Algeria",
        "EC": "Ecuador", "EE": "Estonia", "EG": "Egypt", "ES": "Spain", "ET": "Ethiopia", "FI": "Finland",
        "FJ": "Fiji", "FR": "France", "GA": "Gabon", "GB": "United Kingdom", "GE": "Georgia", "GH": "Ghana",
        "GR": "Greece", "HR": "Croatia", "HU": "Hungary", "ID": "Indonesia", "IE": "Ireland", "IL": "Israel",
        "IN": "India", "IQ": "Iraq", "IR": "Iran", "IS": "Iceland", "IT": "Italy", "JO": "Jordan", "JP": "Japan",
        "KE": "Kenya", "KG": "Kyrgyzstan", "KH": "Cambodia", "KP": "North Korea", "KR": "South Korea",
        "KW": "Kuwait", "KZ": "Kazakhstan", "LA": "Laos", "LB": "Lebanon", "LK": "Sri Lanka", "LT": "Lithuania",
        "LU": "Luxembourg", "LV": "Latvia", "LY": "Libya", "MA": "Morocco", "MD": "Moldova", "ME": "Montenegro",
        "MG": "Madagascar", "MK": "North Macedonia", "ML": "Mali", "MM": "Myanmar", "MN": "Mongolia",
        "MT": "Malta", "MV": "Maldives", "MX": "Mexico", "MY": "Malaysia", "MZ": "Mozambique", "NA": "Namibia",
        "NE": "Niger", "NG": "Nigeria", "NI": "Nicaragua", "NL": "Netherlands", "NO": "Norway", "NP": "Nepal",
        "NZ": "New Zealand", "OM": "Oman", "PA": "Panama", "PE": "Peru", "PG": "Papua New Guinea",
        "PH": "Philippines", "PK": "Pakistan", "PL": "Poland", "PS": "Palestine", "PT": "Portugal",
        "PY": "Paraguay", "QA": "Qatar", "RO": "Romania", "RS": "Serbia", "RU": "Russia", "RW": "Rwanda",
        "SA": "Saudi Arabia", "SB": "Solomon Islands", "SD": "Sudan", "SE": "Sweden", "SG": "Singapore",
        "SI": "Slovenia", "SK": "Slovakia", "SN": "Senegal", "SO": "Somalia", "SR": "Suriname", "SS": "South Sudan",
        "SY": "Syria", "TG": "Togo", "TH": "Thailand", "TJ": "Tajikistan", "TL": "Timor-Leste", "TM": "Turkmenistan",
        "TN": "Tunisia", "TR": "Turkey", "TZ": "Tanzania", "UA": "Ukraine", "UG": "Uganda", "US": "United States",
        "UY": "Uruguay", "UZ": "Uzbekistan", "VE": "Venezuela", "VN": "Vietnam", "VU": "Vanuatu", "YE": "Yemen",
        "ZA": "South Africa", "ZM": "Zambia", "ZW": "Zimbabwe",
    ]

    static let builtInAliases: [String: String] = [
        "People's Republic of China": "CN", "PRC": "CN", "Republic of Azerbaijan": "AZ", "Russian Federation": "RU",
        "USA": "US", "United States of America": "US", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
        "Viet Nam": "VN", "Türkiye": "TR", "Turkiye": "TR", "Czech Republic": "CZ", "Republic of Korea": "KR",
        "Korea": "KR", "DPRK": "KP", "Lao PDR": "LA", "UAE": "AE", "Ivory Coast": "CI", "Côte d'Ivoire": "CI",
        "Burma": "MM", "Kyrgyz Republic": "KG", "Holland": "NL", "East Timor": "TL", "Swiss Confederation": "CH",
        "Syrian Arab Republic": "SY", "Islamic Republic of Pakistan": "PK", "Republic of Kenya": "KE",
    ]
}
