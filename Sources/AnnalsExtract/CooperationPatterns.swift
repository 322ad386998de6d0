/// Areas of cooperation the sides name ("deepen cooperation in trade, investment, oil and gas"),
/// gathered into one fact for the readout's pair of countries.
enum CooperationPatterns {
    static let cues = W.set("cooperation cooperate exchanges discussed expand expanding deepen deepening strengthen boost promote increase trade investment ties collaboration")

    static func find(_ s: Assembly) -> [Fact] {
        let a = s.a
        guard s.mainPair.count == 2 else { return [] }
        var areas: [String] = []
        var evidence: [Evidence] = []
        for index in a.sentences.indices where !a.sentences[index].isHeadline {
            let sentence = a.sentences[index]
            if DocumentPatterns.signingTrigger(a, index) != nil, !DocumentPatterns.findHeads(a, index).isEmpty { continue }
            var cue = false
            for k in sentence.first..<sentence.end where a.text.isAny(k, cues) { cue = true; break }
            guard cue, let found = DocumentPatterns.fields(a, from: sentence.first, to: sentence.end) else { continue }
            var added = false
            for area in found where !areas.contains(area) { areas.append(area); added = true }
            if added { evidence.append(a.evidence(index)) }
        }
        guard !areas.isEmpty else { return [] }
        var fact = Fact(type: "cooperation", evidence: evidence)
        fact.parties = s.mainPair
        fact.areas = areas.sorted()
        return [fact]
    }
}
