/// Hashes of the grammar words the patterns look for (not lexicon data: the English of readouts).
enum W {
    static func set(_ words: String) -> WordSet {
        WordSet(words.split(separator: " ").map { Tokenizer.hash(String($0)) })
    }

    static let the = Tokenizer.hash("the"), a = Tokenizer.hash("a"), an = Tokenizer.hash("an")
    static let of = Tokenizer.hash("of"), on = Tokenizer.hash("on"), in_ = Tokenizer.hash("in"), at = Tokenizer.hash("at")
    static let and = Tokenizer.hash("and"), with = Tokenizer.hash("with"), to = Tokenizer.hash("to"), from = Tokenizer.hash("from")
    static let between = Tokenizer.hash("between"), for_ = Tokenizer.hash("for"), by = Tokenizer.hash("by")
    static let his = Tokenizer.hash("his"), her = Tokenizer.hash("her"), their = Tokenizer.hash("their")
    static let counterpart = Tokenizer.hash("counterpart"), counterparts = Tokenizer.hash("counterparts")
    static let side = Tokenizer.hash("side"), sides = Tokenizer.hash("sides")
    static let same = Tokenizer.hash("same"), that = Tokenizer.hash("that"), day = Tokenizer.hash("day")
    static let following = Tokenizer.hash("following"), next = Tokenizer.hash("next"), previous = Tokenizer.hash("previous")
    static let before = Tokenizer.hash("before"), last = Tokenizer.hash("last"), this = Tokenizer.hash("this")
    static let today = Tokenizer.hash("today"), yesterday = Tokenizer.hash("yesterday"), tomorrow = Tokenizer.hash("tomorrow")
    static let tonight = Tokenizer.hash("tonight")
    static let whom = Tokenizer.hash("whom"), who = Tokenizer.hash("who"), which = Tokenizer.hash("which")
    static let jr = Tokenizer.hash("jr"), sr = Tokenizer.hash("sr")
    static let phone = Tokenizer.hash("phone"), telephone = Tokenizer.hash("telephone"), video = Tokenizer.hash("video")
    static let talks = Tokenizer.hash("talks"), humanity = Tokenizer.hash("humanity"), mankind = Tokenizer.hash("mankind")
    static let level = Tokenizer.hash("level"), them = Tokenizer.hash("them"), among = Tokenizer.hash("among")
    static let including = Tokenizer.hash("including"), such = Tokenizer.hash("such"), as_ = Tokenizer.hash("as")
    static let other = Tokenizer.hash("other"), others = Tokenizer.hash("others"), several = Tokenizer.hash("several")
    static let visit = Tokenizer.hash("visit"), during = Tokenizer.hash("during"), time = Tokenizer.hash("time")
    static let letters = Tokenizer.hash("letters"), exchanged = Tokenizer.hash("exchanged")
    static let present = Tokenizer.hash("present"), also = Tokenizer.hash("also"), since = Tokenizer.hash("since")
    static let delegation = Tokenizer.hash("delegation"), included = Tokenizer.hash("included"), includes = Tokenizer.hash("includes")

    static let months: WordMap<Int> = {
        var table: [UInt64: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (index, name) in names.enumerated() {
            table[Tokenizer.hash(name)] = index + 1
            table[Tokenizer.hash(String(name.prefix(3)))] = index + 1
        }
        table[Tokenizer.hash("sept")] = 9
        return WordMap(table.map { ($0.key, $0.value) })
    }()

    static let weekdays: WordMap<Int> = {
        var table: [UInt64: Int] = [:]
        for (index, name) in ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].enumerated() {
            table[Tokenizer.hash(name)] = index
        }
        return WordMap(table.map { ($0.key, $0.value) })
    }()

    static let partsOfDay = WordMap<String>([
        Tokenizer.hash("morning"): "morning", Tokenizer.hash("afternoon"): "afternoon", Tokenizer.hash("evening"): "evening",
        Tokenizer.hash("noon"): "noon", Tokenizer.hash("night"): "night", Tokenizer.hash("midday"): "noon",
    ].map { ($0.key, $0.value) })

    static let numberWords: WordMap<Int> = {
        var table: [UInt64: Int] = [:]
        let names = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        for (index, name) in names.enumerated() { table[Tokenizer.hash(name)] = index + 1 }
        for (name, value) in [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
                              ("ninety", 90), ("a dozen", 12), ("dozen", 12), ("hundred", 100)] {
            table[Tokenizer.hash(name)] = value
        }
        return WordMap(table.map { ($0.key, $0.value) })
    }()

    /// Words before a verb that make it intended rather than done ("will meet", "is to sign").
    static let unrealised = set("will would shall should may might could can to plans plan planned scheduled expected set going due hopes hope ready willing wants want wish intends intend aims aim agree proposed")
    /// Marks of background: a thing that happened before the reported event.
    static let background = set("since ago previously earlier formerly already anniversary decade decades")
}
