/// Positions stated: the one-China principle, support for sovereignty and territorial integrity,
/// opposition to interference; holder and target are countries.
enum PositionPatterns {
    static let readiness = W.set("ready willing will would hopes hope plans aims")
    static let cues = W.set("one-china single only one taiwan territorial sovereignty interference")
    static let oneChina = W.set("one-china")
    static let singleChina = W.set("single only one")
    static let taiwan = W.set("taiwan")
    static let supports = W.set("supports support supported supporting")
    static let opposes = W.set("opposes oppose opposed")
    static let interference = W.set("interference")
    static let territorial = Tokenizer.hash("territorial"), sovereignty = Tokenizer.hash("sovereignty")
    static let china = Tokenizer.hash("china"), position = Tokenizer.hash("position")

    static func find(_ s: Assembly) -> [Fact] {
        let a = s.a
        let text = a.text
        var facts: [Fact] = []
        for index in a.sentences.indices where !a.sentences[index].isHeadline {
            let sentence = a.sentences[index]
            guard (sentence.first..<sentence.end).contains(where: { text.isAny($0, cues) }) else { continue }
            var isOneChina = false, supportAt: Int?, territory = false, sovereign = false, opposeAt: Int?
            for k in sentence.first..<sentence.end {
                let h = text.tokens[k].hash
                if oneChina.contains(h) || singleChina.contains(h) && text.isWord(k + 1, china) { isOneChina = true }
                if taiwan.contains(h), supportAt != nil { isOneChina = true }
                if supports.contains(h), supportAt == nil { supportAt = k }
                if h == territorial { territory = true }
                if h == sovereignty { sovereign = true }
                if opposes.contains(h), text.isAny(k + 1, interference) || text.isAny(k + 2, interference) { opposeAt = k }
            }
            let countries = a.actors[index].countries
            let speaker = a.actors[index].persons.first?.country
            if isOneChina {
                let holder = countries.first { $0.code != "CN" && $0.first < (supportAt ?? sentence.end) }?.code
                    ?? (speaker != "CN" ? speaker : nil) ?? s.mainPair.first { $0 != "CN" }
                if let holder, s.mainPair.contains("CN") || countries.contains(where: { $0.code == "CN" }) {
                    add(&facts, holder: holder, stance: "one-china-principle", target: "CN", evidence: a.evidence(index))
                }
            }
            if let at = supportAt, territory || sovereign, !isOneChina {
                let holder = countries.last { $0.end <= at }?.code ?? speaker
                let target = countries.first { $0.first > at }?.code
                if let holder, let target, holder != target {
                    add(&facts, holder: holder, stance: territory ? "supports-territorial-integrity" : "supports-sovereignty", target: target, evidence: a.evidence(index))
                }
            }
            // "ready to work with China ..., oppose external interference": a plan, not a position.
            if let at = opposeAt, !(sentence.first..<at).contains(where: { text.isAny($0, readiness) }) {
                let holder = countries.last { $0.end <= at }?.code ?? speaker
                if let holder, let target = s.mainPair.first(where: { $0 != holder }) {
                    add(&facts, holder: holder, stance: "opposes-interference", target: target, evidence: a.evidence(index))
                }
            }
        }
        return facts
    }

    static func add(_ facts: inout [Fact], holder: String, stance: String, target: String, evidence: Evidence) {
        if let existing = facts.firstIndex(where: { $0.holder == holder && $0.stance == stance && $0.target == target }) {
            facts[existing].evidence.append(evidence)
            return
        }
        var fact = Fact(type: "position", evidence: [evidence])
        fact.holder = holder
        fact.stance = stance
        fact.target = target
        facts.append(fact)
    }
}
