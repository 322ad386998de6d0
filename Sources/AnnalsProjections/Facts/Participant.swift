/// A principal of a meeting as a fact names them: `{name, country, title}`.
public struct Participant: Sendable, Hashable, Codable {
    public var name: String
    /// ISO 3166-1 alpha-2 code, when known.
    public var country: String?
    public var title: String?

    public init(name: String, country: String? = nil, title: String? = nil) {
        self.name = name
        self.country = country
        self.title = title
    }
}
