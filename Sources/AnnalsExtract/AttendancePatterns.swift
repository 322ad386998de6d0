/// Officials named as present at a meeting or ceremony ("Cai Qi and Wang Yi, among others, were
/// present"), other than its principals.
enum AttendancePatterns {
    static let present = W.set("present attended attending participated participate joined joining accompanied")
    static let events = W.set("meeting meetings talks negotiations events event above banquet ceremony ceremonies conversation call summit session discussions")
    static let cues = W.set("present attended attending participated participate joined joining accompanied took included includes including comprised")
    static let presentBefore = W.set("was were also are is being officials those others all")
    static let presentAfter = W.set("at during were was in")
    static let took = Tokenizer.hash("took"), part = Tokenizer.hash("part"), by = Tokenizer.hash("by")
    /// FACTS.md: a leader attending someone else's inauguration is not an attendance fact.
    static let inauguration = W.set("inauguration investiture swearing-in inaugural sworn transmission")
    static let delegation = W.set("delegation delegations")
    static let included = W.set("included includes including comprised")

    static func find(_ s: Assembly) -> [Fact] {
        let a = s.a
        var facts: [Fact] = []
        let principals = s.meetings.flatMap { $0.participants ?? [] }
        for index in a.sentences.indices where !a.sentences[index].isHeadline && isAttendance(a, index) {
            var persons: [String] = []
            for mention in a.actors[index].persons {
                guard let name = mention.name, mention.title != nil || !mention.words.isEmpty || mention.words.count >= 2 else { continue }
                let candidate = Participant(name: name)
                if principals.contains(where: { p in
                    MeetingPatterns.samePerson(p, candidate) && (p.name == name || mention.title == nil || p.title == nil || p.title == mention.title)
                }) { continue }
                if !persons.contains(name) { persons.append(name) }
            }
            guard !persons.isEmpty else { continue }
            var fact = Fact(type: "attendance", evidence: [a.evidence(index)])
            fact.persons = persons.sorted()
            fact.date = s.day(index)?.iso
            // One meeting, one list of officials: sentences naming more of them add to it.
            if let existing = facts.firstIndex(where: { $0.date == fact.date }) {
                facts[existing].evidence += fact.evidence
                facts[existing].persons = Array(Set((facts[existing].persons ?? []) + persons)).sorted()
            } else {
                facts.append(fact)
            }
        }
        return facts
    }

    /// "were present", "also attended the meeting", "Participated in the meeting",
    /// "The Russian delegation at the talks included ...".
    static func isAttendance(_ a: Analysis, _ index: Int) -> Bool {
        let sentence = a.sentences[index]
        let text = a.text
        // Most sentences have no word of attendance at all.
        guard (sentence.first..<sentence.end).contains(where: { text.isAny($0, cues) }) else { return false }
        var sawDelegation = false
        var sawEvent = false
        for k in sentence.first..<sentence.end where text.isAny(k, inauguration) { return false }
        for k in sentence.first..<sentence.end {
            let h = text.tokens[k].hash
            if delegation.contains(h) { sawDelegation = true }
            if sawDelegation, included.contains(h) { return true }
            let tookPart = h == took && text.isWord(k + 1, part)
            guard present.contains(h) || tookPart else {
                if events.contains(h) { sawEvent = true }
                continue
            }
            if h == W.present {
                // "were present", "Present were", "present at the talks"; not "the present situation".
                if k == sentence.first || text.isAny(k - 1, presentBefore) || text.isAny(k + 1, presentAfter)
                    || text.tokens[min(k + 1, sentence.end - 1)].kind == .punct { return true }
                continue
            }
            if text.isWord(k + 1, by) { return true }
            // "The talks ... were attended by ...", "In the negotiations participated ...".
            if sawEvent { return true }
            // "attended the meeting", "took part in the talks": the object says what was attended.
            var j = k + 1
            var steps = 0
            while j < sentence.end, steps < 7 {
                if text.isAny(j, events) { return true }
                if text.tokens[j].mark == 0x2E { break }
                j += 1
                steps += 1
            }
        }
        return false
    }
}
