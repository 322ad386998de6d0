/// Someone the readouts name: countries, titles by date, and the events they took part in.
public struct Person: Sendable, Equatable {
    /// `PersonName.key`.
    public var key: String
    /// The name as first written.
    public var name: String
    /// Countries any fact gives them, sorted.
    public var countries: [String]
    /// Every appearance, by date then seq.
    public var appearances: [Appearance]

    public init(key: String, appearances: [Appearance]) {
        let ordered = appearances.sorted { ($0.date ?? "", $0.seq) < ($1.date ?? "", $1.seq) }
        self.key = key
        self.name = appearances.min { $0.seq < $1.seq }?.name ?? key
        self.countries = Set(appearances.compactMap(\.country)).sorted()
        self.appearances = ordered
    }

    /// The titles held, by date: each distinct (date, title) once.
    public var titles: [(date: String?, title: String, country: String?)] {
        var seen: Set<String> = []
        return appearances.compactMap { a in
            guard let title = a.title, seen.insert("\(a.date ?? "")|\(title)").inserted else { return nil }
            return (date: a.date, title: title, country: a.country)
        }
    }

    /// The title given on or before `date` (the latest such), or the first known when nil.
    public func title(asOf date: String?) -> String? {
        let dated = titles
        guard let date else { return dated.last?.title }
        return dated.last { ($0.date ?? "") <= date }?.title
    }
}
