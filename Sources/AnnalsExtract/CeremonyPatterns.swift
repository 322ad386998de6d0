/// Ceremonies held: welcoming ceremonies, banquets, gun salutes, state dinners, with host and guest.
enum CeremonyPatterns {
    static let done = W.set("held hosted organized organised offered gave given fired attended took hold holds hosts organizes presided accorded laid witnessed")
    static let honoring = W.set("for honor honour")

    static func find(_ s: Assembly) -> [Fact] {
        let a = s.a
        let text = a.text
        var facts: [Fact] = []
        for index in a.sentences.indices where !a.sentences[index].isHeadline {
            let sentence = a.sentences[index]
            var verb: Int?
            for k in sentence.first..<sentence.end where text.isAny(k, done) {
                if !MeetingPatterns.isUnrealised(text, before: k, from: sentence.first) { verb = k; break }
            }
            guard verb != nil else { continue }
            var k = sentence.first
            while k < sentence.end {
                guard a.lexicon.ceremonies.mayStart(text.tokens[k].hash),
                      let match = a.lexicon.ceremonies.longestMatch(in: text.tokens, from: k, limit: sentence.end) else { k += 1; continue }
                defer { k = match.end }
                var fact = Fact(type: "ceremony", evidence: [a.evidence(index)])
                fact.kind = match.value
                fact.date = s.day(index)?.iso
                let persons = a.actors[index].persons.filter { $0.name != nil }
                fact.host = persons.last { $0.end <= k }?.name
                if let guest = persons.first(where: { $0.first >= match.end }), guest.first > 0,
                   (max(match.end, guest.first - 6)..<guest.first).contains(where: { text.isAny($0, honoring) }) {
                    fact.guest = guest.name
                }
                if fact.host != nil, fact.guest == nil, let meeting = s.meetings.first,
                   let other = meeting.participants?.first(where: { !MeetingPatterns.samePerson($0, Participant(name: fact.host ?? "")) }) {
                    if meeting.participants?.contains(where: { MeetingPatterns.samePerson($0, Participant(name: fact.host ?? "")) }) == true {
                        fact.guest = other.name
                    }
                }
                fact.venue = Places(a).venue(index)
                if let existing = facts.firstIndex(where: { $0.kind == fact.kind && $0.date == fact.date }) {
                    facts[existing].evidence += fact.evidence
                } else {
                    facts.append(fact)
                }
            }
        }
        return facts
    }
}
