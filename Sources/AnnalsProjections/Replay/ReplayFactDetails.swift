/// Every field of a meeting or document fact, held by reference from its `ReplayFactRow`.
///
/// A box, so checking or reading a row's fact retains one object instead of copying a struct
/// of some twenty strings and arrays (copies that had been a tenth of replay's time).
final class ReplayFactDetails: Sendable {
    let fact: AssertedFact

    init(_ fact: consuming AssertedFact) { self.fact = fact }
}
