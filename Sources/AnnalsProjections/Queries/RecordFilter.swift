import AnnalsLog

/// Which meetings or documents to list: by country, by pair, by date range, as of a day.
/// Countries are ISO codes, dates `YYYY-MM-DD` (checked by `QueryArguments`).
public struct RecordFilter: Sendable, Equatable {
    public var country: String?
    public var between: (String, String)?
    public var from: String?
    public var to: String?
    public var asOf: String?

    public init(country: String? = nil, between: (String, String)? = nil, from: String? = nil, to: String? = nil, asOf: String? = nil) {
        self.country = country
        self.between = between
        self.from = from
        self.to = to
        self.asOf = asOf
    }

    /// The last day included: the earlier of `to` and `asOf`.
    var until: String? { [to, asOf].compactMap { $0 }.min() }

    public static func == (lhs: RecordFilter, rhs: RecordFilter) -> Bool {
        lhs.country == rhs.country && lhs.between?.0 == rhs.between?.0 && lhs.between?.1 == rhs.between?.1
            && lhs.from == rhs.from && lhs.to == rhs.to && lhs.asOf == rhs.asOf
    }
}

extension RecordFilter {
    /// Appends the `from`/`until` day bounds to a query over a table with a `date` column.
    func appendDateBounds(to sql: inout String, values: inout [DatabaseValue]) {
        if let from {
            sql += " AND date >= ?"
            values.append(.text(from))
        }
        if let until {
            sql += " AND date <= ?"
            values.append(.text(until))
        }
    }
}
