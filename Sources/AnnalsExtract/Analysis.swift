/// Everything the fact patterns read about one readout: tokens, sentences, header, the actors and
/// dates of each sentence, the people it names, and the two countries it is mainly about.
struct Analysis: Sendable {
    let text: Text
    let lexicon: Lexicon
    let sentences: [Sentence]
    let header: Header
    /// The first year written in full anywhere in the readout, for dates written without one.
    let yearHint: Int?
    var registry: Registry
    /// Per sentence: its actors (empty for headlines, which repeat the body).
    var actors: [Actors]
    /// Per sentence: its date expressions.
    let dates: [[DateMention]]

    var published: Day? { header.published }

    init(bytes: [UInt8], lexicon: Lexicon) {
        let text = Text(bytes: bytes)
        self.text = text
        self.lexicon = lexicon
        var sentences = Sentences.split(text)
        var yearHint: Int?
        var dates: [[DateMention]] = []
        dates.reserveCapacity(sentences.count)
        for sentence in sentences {
            let found = DateResolver.scan(text, sentence.first, sentence.end)
            if yearHint == nil {
                for mention in found {
                    if case let .day(year?, _, _) = mention.expression { yearHint = year; break }
                }
            }
            dates.append(found)
        }
        self.yearHint = yearHint
        let header = Header.parse(text, sentences, lexicon: lexicon, yearHint: yearHint)
        self.header = header
        // A header on the same line as the prose ("date 2025-04-24 On the morning of ...") is cut
        // from its sentence, so the header date is not taken for the event's.
        if header.bodyStart > 0, let index = sentences.firstIndex(where: { $0.first < header.bodyStart && header.bodyStart < $0.end }) {
            sentences[index].first = header.bodyStart
            sentences[index].start = text.tokens[header.bodyStart].start
            dates[index].removeAll { $0.first < header.bodyStart }
        }
        self.sentences = sentences
        self.dates = dates
        // One scan, then every mention completed from the people named in full anywhere in the
        // readout, so "Xi" and "President Ruto" resolve to names given before or after them.
        let resolver = ActorResolver(text: text, lexicon: lexicon)
        var actors: [Actors] = []
        actors.reserveCapacity(sentences.count)
        var registry = Registry()
        for sentence in sentences {
            let found = sentence.isHeadline ? Actors() : resolver.scan(sentence.first, sentence.end)
            for person in found.persons where !person.isReference { registry.add(person, lexicon: lexicon) }
            actors.append(found)
        }
        for index in actors.indices where !actors[index].persons.isEmpty {
            var kept: [PersonMention] = []
            for var person in actors[index].persons where registry.complete(&person, lexicon: lexicon) { kept.append(person) }
            actors[index].persons = kept
        }
        self.registry = registry
        self.actors = actors
    }

    /// The sentence as evidence.
    func evidence(_ index: Int) -> Evidence {
        text.evidence(sentences[index].start, sentences[index].stop)
    }

    /// The day a date mention names, given the event day in context.
    func resolve(_ mention: DateMention, anchor: Day?) -> Day? {
        DateResolver.resolve(mention.expression, published: published, anchor: anchor, yearHint: yearHint)
    }

    /// Countries by how often the body names them, most first (ties: first named first).
    func countriesByMentions() -> [String] {
        var counts: [String: (Int, Int)] = [:]
        var order = 0
        for (index, sentence) in sentences.enumerated() where !sentence.isHeadline {
            for mention in actors[index].countries {
                let current = counts[mention.code] ?? (0, order)
                counts[mention.code] = (current.0 + 1, current.1)
                order += 1
            }
            for person in actors[index].persons {
                guard let country = person.country else { continue }
                let current = counts[country] ?? (0, order)
                counts[country] = (current.0 + 1, current.1)
                order += 1
            }
        }
        return counts.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.value.1 < $1.value.1 }.map(\.key)
    }
}
