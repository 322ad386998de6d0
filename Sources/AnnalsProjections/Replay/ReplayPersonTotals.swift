/// One `people` row in the making: the first name seen (seq order), the countries, the count of
/// appearances and the first and last dates.
struct ReplayPersonTotals {
    var name: String
    var countries: Set<String> = []
    var appearances: Int64 = 0
    var firstDate: String?
    var lastDate: String?

    init(name: String) { self.name = name }

    /// Counts one more appearance (in seq order), on the fact's date.
    mutating func count(_ appearance: ReplayAppearance, on date: String?) {
        if let country = appearance.country { countries.insert(country) }
        appearances += 1
        if let date {
            if firstDate.map({ date < $0 }) ?? true { firstDate = date }
            if lastDate.map({ date > $0 }) ?? true { lastDate = date }
        }
    }
}
