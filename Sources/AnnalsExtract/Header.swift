/// What a readout's header and dateline say: the publication date and the place of writing.
struct Header: Sendable {
    /// The date the readout carries (`date 2025-04-24`, `Published: ...`, a date line, a dateline).
    var published: Day?
    /// The city of a dateline or date line ("BEIJING, 7 Nov —", "Baku, 2024-10-14").
    var city: String?
    /// The country of that city.
    var cityCountry: String?
    /// The token where prose begins after a header written on the same line as the text.
    var bodyStart: Int = 0
    /// The date of an event page ("May 23, 2024, 15:10 / The Kremlin, Moscow", a dateline): the
    /// day of a meeting the body reports without naming its day. Not set by a "Published:" line.
    var eventDate: Day?

    static let keywords = W.set("date dated published posted updated released issued")

    /// Reads the header from the lines before the first paragraph of prose and the dateline that
    /// opens it. `yearHint` completes a dateline written without a year.
    static func parse(_ text: Text, _ sentences: [Sentence], lexicon: Lexicon, yearHint: Int?) -> Header {
        var header = Header()
        let tokens = text.tokens
        for (index, sentence) in sentences.enumerated() {
            if index > 12 { break }
            let first = sentence.first
            // "date 2025-04-24", "Published: 16 January 2025", "Date: 2024-07-03".
            if header.published == nil, sentence.opensLine, keywords.contains(tokens[first].hash), tokens[first].start == 0 || sentence.isHeadline || index < 3 {
                var j = first + 1
                if text.mark(j) == 0x3A || text.isWord(j, W.on) { j += 1 }
                if j < sentence.end, let mention = DateResolver.parse(text, at: j, limit: sentence.end),
                   case let .day(year?, month, day) = mention.expression {
                    header.published = Day(year: year, month: month, day: day)
                    if !sentence.isHeadline { header.bodyStart = mention.end }
                    continue
                }
            }
            if sentence.isHeadline {
                if sentence.end - first <= 14 { header.readDateLine(text, sentence, lexicon: lexicon) }
                // A place line: "Kremlin, Moscow", "Ulaanbaatar".
                if header.city == nil, sentence.end - first <= 5 {
                    var k = first
                    while k < sentence.end {
                        if let match = lexicon.cities.longestMatch(in: tokens, from: k, limit: sentence.end)
                            ?? lexicon.venues.longestMatch(in: tokens, from: k, limit: sentence.end) {
                            // "Kremlin, Moscow", "THE WHITE HOUSE": where the readout is written.
                            if match.end == sentence.end { header.city = match.value.name; header.cityCountry = match.value.code }
                            k = match.end
                        } else if tokens[k].kind == .punct || tokens[k].isCapitalized { k += 1 } else { break }
                    }
                }
                continue
            }
            if sentence.isListItem { continue }
            header.readDateline(text, sentence, lexicon: lexicon, yearHint: yearHint)
            break
        }
        return header
    }

    /// A short line that is a date, maybe after a city or weekday: "Baku, 2024-10-14",
    /// "Thursday, March 7, 2024 - 19:40", "Lima, 14 of November of 2024".
    private mutating func readDateLine(_ text: Text, _ sentence: Sentence, lexicon: Lexicon) {
        guard published == nil else { return }
        var i = sentence.first
        var city: String?
        var cityCountry: String?
        if let match = lexicon.cities.longestMatch(in: text.tokens, from: i, limit: sentence.end), text.mark(match.end) == 0x2C {
            city = match.value.name
            cityCountry = match.value.code
            i = match.end + 1
        }
        // "Press release, 15 July 2025", "VNA - 24/09/2024 10:20": the first full date of the line.
        for mention in DateResolver.scan(text, i, sentence.end) {
            guard case let .day(year?, month, day) = mention.expression else { continue }
            // A date line, not a headline with a date in it ("Xi to visit France May 5, 2024").
            let prose = (sentence.first..<sentence.end).filter { k in
                (k < mention.first || k >= mention.end) && text.tokens[k].kind == .word && !text.tokens[k].isCapitalized
                    && !Header.keywords.contains(text.tokens[k].hash) && text.tokens[k].hash != W.of
            }
            if prose.count > 1 { return }
            published = Day(year: year, month: month, day: day)
            eventDate = published
            if self.city == nil { self.city = city; self.cityCountry = cityCountry }
            return
        }
    }

    /// The dateline that opens the first paragraph: "ASTANA, July 3 (Xinhua) --",
    /// "BEIJING, 7 Nov —", "ST. PETERSBURG, June 19. /TASS/.", "Canberra (VNA) –".
    private mutating func readDateline(_ text: Text, _ sentence: Sentence, lexicon: Lexicon, yearHint: Int?) {
        let start = max(sentence.first, bodyStart)
        guard let match = lexicon.cities.longestMatch(in: text.tokens, from: start, limit: sentence.end) else { return }
        var j = match.end
        if text.mark(j) == 0x28 {
            if city == nil { city = match.value.name; cityCountry = match.value.code }
            return
        }
        guard text.mark(j) == 0x2C else { return }
        j += 1
        // "Riyadh, Rabi' Al-Awwal 25, 1447, September 17, 2025, SPA --": the first full date
        // within the dateline; a date without a year must close it ("BEIJING, 7 Nov —").
        var k = j
        while k < min(sentence.end, j + 12) {
            guard let mention = DateResolver.parse(text, at: k, limit: sentence.end) else { k += 1; continue }
            k = mention.end
            guard case let .day(year, month, day) = mention.expression else { continue }
            let after = text.mark(mention.end)
            guard year != nil || after == 0x28 || after == 0x2F || after == 0x2D || after == 0x2E || after == 0x3A else { return }
            if city == nil { city = match.value.name; cityCountry = match.value.code }
            if published == nil, let y = year ?? yearHint {
                published = Day(year: y, month: month, day: day)
                eventDate = published
            }
            return
        }
    }
}
