/// One fact as a fact event asserts it: the fields of FACTS.md that projections read, plus the
/// readout it came from and the extractor version.
///
/// Decoded by `AssertedFact.parse(_:)` from the payload bytes without `JSONDecoder`; the evidence
/// spans are not kept here (they are read from the log by `explain`), so holding many facts stays
/// cheap. This type does not depend on the extractor's own `Fact` type on purpose: the log's JSON
/// is the contract between them.
public struct AssertedFact: Sendable, Hashable {
    /// The fact id the extractor gave it.
    public var id: String
    /// The fact type of FACTS.md: `meeting`, `partnership`, `document`, `attendance`, `position`,
    /// `cooperation`, `ceremony`.
    public var type: String
    /// The valid-time date (ISO 8601), or nil.
    public var date: String?
    /// The readout's name (`source` key); renames rewrite it in projections, not here.
    public var source: String
    /// The extractor version that produced it (`annals-extract/1.3.0`).
    public var extractor: String?

    // The FACTS.md fields, named after their JSON keys; absent keys stay nil or empty.
    public var participants: [Participant] = []
    public var format: String?
    public var city: String?
    public var venue: String?
    public var timeOfDay: String?
    public var occasion: String?
    public var parties: [String] = []
    public var level: String?
    public var action: String?
    public var previousLevel: String?
    public var kind: String?
    public var count: Int?
    public var countQualifier: String?
    public var title: String?
    public var fields: [String] = []
    /// `signed_by`: a category (`heads of state`) or names joined with ", ".
    public var signedBy: String?
    public var persons: [String] = []
    public var holder: String?
    public var stance: String?
    public var target: String?
    public var areas: [String] = []
    public var host: String?
    public var guest: String?

    public init(id: String, type: String, date: String? = nil, source: String, extractor: String? = nil) {
        self.id = id
        self.type = type
        self.date = date
        self.source = source
        self.extractor = extractor
    }
}
