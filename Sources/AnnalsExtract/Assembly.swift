/// Runs the patterns over a readout in order and assembles their findings into facts.
///
/// Reading in order keeps a running "day in context": the day of the last meeting or of a
/// sentence that opens with a date, which "the same day", "the following day" and facts without a
/// date of their own take. Facts found twice are merged into one with several evidence spans.
struct Assembly {
    let a: Analysis
    private(set) var facts: [Fact] = []
    /// Per sentence: the day the facts in it happened, or nil.
    var days: [Day?]
    /// The two countries the readout is mainly about (the first meeting's sides where there is one).
    var mainPair: [String] = []
    var meetings: [Fact] = []
    /// Per meeting, the sentence that reports it.
    var meetingSentences: [Int] = []

    init(_ analysis: Analysis) {
        a = analysis
        days = Array(repeating: nil, count: analysis.sentences.count)
    }

    mutating func run() {
        timeline()
        recalled()
        settleCountries()
        facts = meetings
        facts += PartnershipPatterns.find(self)
        facts += DocumentPatterns.find(self)
        facts += AttendancePatterns.find(self)
        facts += PositionPatterns.find(self)
        facts += CooperationPatterns.find(self)
        facts += CeremonyPatterns.find(self)
    }

    /// Reads the sentences in order: meetings, and the day each sentence's facts happened.
    private mutating func timeline() {
        var context: Day?
        for index in a.sentences.indices {
            let sentence = a.sentences[index]
            if sentence.isHeadline { days[index] = context; continue }
            let mentions = a.dates[index].filter { $0.expression.pinsDay }
            let matches = MeetingPatterns.find(a, sentence: index)
            if matches.isEmpty {
                let resolved = mentions.first.flatMap { a.resolve($0, anchor: context) }
                // A date early in the sentence sets the day in context ("President Ruto yesterday
                // received ..."), unless it dates a recalled meeting ("Building on their first
                // conversation on Saturday, ...").
                if let resolved, let first = mentions.first, first.first <= sentence.first + 8,
                   RecalledMeetings.find(a, sentence: index, anchor: context).isEmpty { context = resolved }
                days[index] = resolved ?? context
                continue
            }
            var sentenceDay: Day?
            // Resolve the sentence's dates in order, so "February 20 ... same day" stays the 20th.
            var local = context
            let resolved = mentions.map { mention -> Day? in
                let day = a.resolve(mention, anchor: local)
                if let day { local = day }
                return day
            }
            for var match in matches {
                if match.isGroup {
                    guard let last = meetings.last?.participants, last.count >= 2 else { continue }
                    match.participants = last
                }
                let before = mentions.indices.last { mentions[$0].end <= match.trigger && resolved[$0] != nil }
                let after = mentions.indices.first { mentions[$0].first >= match.triggerEnd && resolved[$0] != nil }
                // An event page's date line dates a meeting the body leaves undated.
                let day = (before ?? after).flatMap { resolved[$0] } ?? context ?? a.header.eventDate
                if sentenceDay == nil { sentenceDay = day }
                addMeeting(match, day: day)
            }
            if let sentenceDay { context = sentenceDay }
            days[index] = sentenceDay ?? context
        }
    }

    /// Earlier meetings recalled with their day, between the readout's principals.
    private mutating func recalled() {
        var principals = meetings.first?.participants ?? []
        if principals.isEmpty {
            let leaders = a.registry.entries.filter { $0.role == .headOfState || $0.role == .headOfGovernment || $0.role == .leader }
                .sorted { $0.mentions > $1.mentions }
            if leaders.count >= 2, leaders[0].country != leaders[1].country {
                principals = leaders.prefix(2).map { Participant(name: $0.name, country: $0.country, title: $0.title) }
            }
        }
        guard principals.count == 2 else { return }
        for index in a.sentences.indices {
            for match in RecalledMeetings.find(a, sentence: index, anchor: days[index]) {
                addMeeting(MeetingMatch(sentence: index, trigger: a.sentences[index].first, triggerEnd: a.sentences[index].first,
                                        format: match.format, participants: principals), day: match.day, recalled: true)
            }
        }
    }

    private mutating func addMeeting(_ match: MeetingMatch, day: Day?, recalled: Bool = false) {
        let sentence = a.sentences[match.sentence]
        if let existing = meetings.firstIndex(where: { fact in
            let people = fact.participants ?? []
            return people.count == match.participants.count
                && match.participants.allSatisfy { p in people.contains { MeetingPatterns.samePerson($0, p) } }
                && (fact.date == nil || day == nil || fact.date == day?.iso)
        }) {
            // The same sentence again (a sentence may name one meeting many times) adds nothing:
            // building its quote once per mention cost a long sentence its length squared.
            if !meetings[existing].evidence.contains(where: { $0.start == sentence.start && $0.end == sentence.stop }) {
                meetings[existing].evidence.append(a.evidence(match.sentence))
            }
            if meetings[existing].date == nil { meetings[existing].date = day?.iso }
            // "received X" then "the two leaders held talks": talks.
            if meetings[existing].format == "meeting", match.format == "talks", !recalled { meetings[existing].format = "talks" }
            return
        }
        var fact = Fact(type: "meeting", evidence: [a.evidence(match.sentence)])
        fact.date = day?.iso
        fact.participants = match.participants
        fact.format = match.format
        let places = Places(a)
        fact.timeOfDay = recalled ? nil : places.timeOfDay(match.sentence, before: match.trigger)
        fact.city = recalled ? places.cityMentioned(match.sentence) : places.city(match.sentence)
        fact.venue = places.venue(match.sentence)
        // "On the same day, Xi Jinping also met with ...": where the day's other meeting was.
        if fact.city == nil, !recalled, let earlier = meetings.last(where: { $0.date == fact.date && $0.date != nil }) { fact.city = earlier.city }
        fact.occasion = places.occasion(match.sentence)
        meetings.append(fact)
        meetingSentences.append(match.sentence)
    }

    /// Gives participants the country and title the readout or lexicon knows, settles the main
    /// pair of countries, and gives a side without a country the other country of the pair.
    private mutating func settleCountries() {
        var ranked = a.countriesByMentions()
        // The dateline's country stands behind the readout's own side ("SINGAPORE, 12 March").
        if let code = a.header.cityCountry, !ranked.contains(code) { ranked.append(code) }
        for m in meetings.indices {
            var people = meetings[m].participants ?? []
            for p in people.indices {
                if let known = a.registry.find(people[p].name) {
                    if people[p].country == nil { people[p].country = known.country }
                    if people[p].title == nil { people[p].title = known.title }
                }
            }
            let known = Set(people.compactMap(\.country))
            if known.count == 1, let other = ranked.first(where: { !known.contains($0) }) {
                for p in people.indices where people[p].country == nil { people[p].country = other }
            }
            people.sort { $0.name < $1.name }
            meetings[m].participants = people
        }
        if let first = meetings.first {
            let codes = Array(Set((first.participants ?? []).compactMap(\.country))).sorted()
            if codes.count == 2 { mainPair = codes }
        }
        if mainPair.isEmpty, ranked.count >= 2 { mainPair = Array(ranked.prefix(2)).sorted() }
    }

    /// The day facts in sentence `index` happened.
    func day(_ index: Int) -> Day? { days[index] }

    /// The parties for a fact in sentence `index` between tokens `[from, to)`: a hyphenated pair
    /// or "between X and Y" there, else two countries the sentence names, else the main pair.
    func parties(_ index: Int, from: Int? = nil, to: Int? = nil) -> [String] {
        let countries = a.actors[index].countries
        let lower = from ?? a.sentences[index].first, upper = to ?? a.sentences[index].end
        let compound = countries.filter { $0.inCompound && $0.first >= lower && $0.end <= upper }
        if compound.count >= 2, compound[0].code != compound[1].code { return [compound[0].code, compound[1].code].sorted() }
        let local = Set(countries.filter { $0.first >= lower && $0.end <= upper }.map(\.code))
        if local.count == 2 { return local.sorted() }
        let all = Set(countries.map(\.code) + a.actors[index].persons.compactMap(\.country))
        if all.count == 2, mainPair.isEmpty || !all.isDisjoint(with: mainPair) { return all.sorted() }
        return mainPair
    }
}
