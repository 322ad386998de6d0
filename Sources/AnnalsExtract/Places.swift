/// Where and on what occasion a meeting took place: city, venue, occasion, part of the day.
struct Places {
    let a: Analysis

    init(_ analysis: Analysis) { a = analysis }

    static let venueHeads = W.set("palace hall house building center centre residence headquarters kremlin square villa pavilion guesthouse hotel parliament castle room chamber compound office statehouse")
    static let visitKinds = W.set("state official working private")
    static let heldVerbs = W.set("held took")

    /// "On the afternoon of ...", "At noon ...": the part of the day before the verb.
    func timeOfDay(_ index: Int, before trigger: Int) -> String? {
        let sentence = a.sentences[index]
        for k in sentence.first..<min(trigger, sentence.end) {
            if let part = W.partsOfDay[a.text.tokens[k].hash] { return part }
        }
        return nil
    }

    /// The city of the meeting: "in Beijing" in its sentence, else in a sentence just after that
    /// says where it was held, else the dateline's city.
    func city(_ index: Int) -> String? {
        if let city = cityIn(index, strict: false) { return city }
        if let city = venueCity(index) { return city }
        let end = min(a.sentences.count, index + 4)
        // "The meeting was held at the Presidential Palace in Baku." just after.
        for next in (index + 1)..<max(end, index + 1) {
            let sentence = a.sentences[next]
            guard a.text.isWord(sentence.first, W.the), MeetingPatterns.nouns[a.text.hash(sentence.first + 1)] != nil else { continue }
            var held = false
            for k in sentence.first..<sentence.end where a.text.isAny(k, Places.heldVerbs) { held = true; break }
            if held, let city = cityIn(next, strict: true) ?? venueCity(next) { return city }
        }
        // "This Tuesday, in Mexico City, ..." just before; then the dateline's city; then the
        // capital of the country a state or official visit is paid to.
        for previous in stride(from: index - 1, through: max(0, index - 2), by: -1) where !a.sentences[previous].isHeadline {
            // A sentence with a meeting of its own is about that meeting's place.
            if !MeetingPatterns.find(a, sentence: previous).isEmpty { break }
            if let city = cityIn(previous, strict: true) { return city }
        }
        return a.header.city ?? visitedCapital(index)
    }

    /// The city of a venue the sentence names ("to the White House", "at Tashichhodzong").
    func venueCity(_ index: Int) -> String? {
        let sentence = a.sentences[index]
        var k = sentence.first
        while k < sentence.end {
            if a.lexicon.venues.mayStart(a.text.tokens[k].hash),
               let match = a.lexicon.venues.longestMatch(in: a.text.tokens, from: k, limit: sentence.end) { return match.value.name }
            k += 1
        }
        return nil
    }

    /// "on a state visit to Bhutan": the capital of the country visited.
    func visitedCapital(_ index: Int) -> String? {
        for other in [index] + Array(a.sentences.indices) where !a.sentences[other].isHeadline {
            let sentence = a.sentences[other]
            for k in sentence.first..<sentence.end where a.text.isWord(k, W.visit) && a.text.isWord(k + 1, W.to) {
                guard let country = a.actors[other].countries.first(where: { $0.first == k + 2 || $0.first == k + 3 }),
                      let name = a.lexicon.capital(of: country.code) else { continue }
                return name
            }
        }
        return nil
    }

    /// A city the sentence itself names ("their talks in Ulaanbaatar"), without fallbacks.
    func cityMentioned(_ index: Int) -> String? { cityIn(index, strict: false) }

    private func cityIn(_ index: Int, strict: Bool) -> String? {
        let sentence = a.sentences[index]
        let tokens = a.text.tokens
        var loose: String?
        var k = sentence.first
        while k < sentence.end {
            guard tokens[k].isCapitalized, a.lexicon.cities.mayStart(tokens[k].hash),
                  let match = a.lexicon.cities.longestMatch(in: tokens, from: k, limit: sentence.end) else { k += 1; continue }
            if a.text.isWord(k - 1, W.in_) { return match.value.name }
            let next = match.end
            // "the Port of Mombasa", "from Kampala": not where the meeting was.
            if a.text.isWord(k - 1, W.of) || a.text.isWord(k - 1, W.from) || a.text.isWord(k - 1, W.to) { k = match.end; continue }
            let continues = next < sentence.end && tokens[next].isCapitalized && a.lexicon.nonNameWords.contains(tokens[next].hash)
            if loose == nil, !continues, !tokens[next < sentence.end ? next : k].isPossessive { loose = match.value.name }
            k = match.end
        }
        return strict ? nil : loose
    }

    /// "at the Great Hall of the People", "in the Government Palace", "at Parliament House".
    func venue(_ index: Int) -> String? {
        let sentence = a.sentences[index]
        let tokens = a.text.tokens
        var k = sentence.first
        while k < sentence.end {
            defer { k += 1 }
            guard a.text.isWord(k, W.at) || a.text.isWord(k, W.in_) else { continue }
            var j = k + 1
            if a.text.isWord(j, W.the) { j += 1 }
            let start = j
            var end = j
            var hasHead = false
            while j < sentence.end {
                let t = tokens[j]
                if t.kind == .word, t.isCapitalized || Places.venueHeads.contains(t.hash) && end > start {
                    if Places.venueHeads.contains(t.hash) { hasHead = true }
                    j += 1
                    end = j
                    continue
                }
                if (t.hash == W.of || t.hash == W.the || t.isPossessive), j + 1 < sentence.end, tokens[j + 1].isCapitalized || tokens[j + 1].hash == W.the {
                    j += 1
                    continue
                }
                break
            }
            if hasHead, end > start { return a.text.string(start, end) }
        }
        return nil
    }

    /// "state visit", "official visit", "working visit" in the sentence or the readout;
    /// "ahead of the ... Summit".
    func occasion(_ index: Int) -> String? {
        if let found = visit(in: index) { return found }
        let sentence = a.sentences[index]
        for k in sentence.first..<sentence.end where a.text.tokens[k].hash == Tokenizer.hash("ahead") && a.text.isWord(k + 1, W.of) {
            var j = k + 2
            while j < sentence.end, a.text.tokens[j].kind == .word || a.text.tokens[j].mark == 0x28 || a.text.tokens[j].mark == 0x29 {
                if a.text.tokens[j].hash == Tokenizer.hash("summit") { return a.text.string(k, j + 1) }
                j += 1
            }
        }
        for other in a.sentences.indices where other != index && !a.sentences[other].isHeadline {
            if let found = visit(in: other) { return found }
        }
        return nil
    }

    private func visit(in index: Int) -> String? {
        let sentence = a.sentences[index]
        for k in sentence.first..<sentence.end where a.text.isWord(k, W.visit) {
            if a.text.isAny(k - 1, Places.visitKinds) { return a.text.string(k - 1, k + 1).lowercased() }
        }
        return nil
    }
}
