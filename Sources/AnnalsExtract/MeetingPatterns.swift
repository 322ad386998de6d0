/// A meeting found in one sentence, before dates and places are settled.
struct MeetingMatch: Sendable {
    var sentence: Int
    var trigger: Int
    var triggerEnd: Int
    var format: String
    var participants: [Participant]
    /// "The two leaders then held talks": the sides are those of the meeting reported before.
    var isGroup = false
}

/// Meetings, talks, calls and exchanges of letters: who met whom, by the verbs readouts use.
///
/// The principals are the person (or people) named as subject before the verb and the one named
/// after "with" (or as direct object of "met"/"received"); officials elsewhere in the sentence are
/// not principals. Intended meetings ("will meet", "glad to meet") are not meetings.
enum MeetingPatterns {
    static let lightVerbs = W.set("held hold holds had has have conducted sustained maintained co-chaired co-chairs chaired paid pays realized realised carried")
    static let nouns = WordMap<String>([
        Tokenizer.hash("talks"): "talks", Tokenizer.hash("negotiations"): "talks", Tokenizer.hash("interviews"): "talks", Tokenizer.hash("interview"): "talks",
        Tokenizer.hash("meeting"): "meeting", Tokenizer.hash("meetings"): "meeting", Tokenizer.hash("consultations"): "meeting",
        Tokenizer.hash("conversation"): "phone call", Tokenizer.hash("call"): "phone call", Tokenizer.hash("talk"): "meeting",
        Tokenizer.hash("videoconference"): "video call", Tokenizer.hash("summit"): "meeting", Tokenizer.hash("conference"): "video call",
    ].map { ($0.key, $0.value) })
    static let nounModifiers = W.set("a an the bilateral official telephone phone video video-conference separate private courtesy and out round session of intergovernmental inter-governmental strategic economic one-on-one expanded restricted small-group fruitful cordial working brief lengthy first second third fourth fifth sixth seventh eighth ninth tenth annual inaugural virtual informal formal extended enlarged narrow delegation-level high-level summit-level productive substantive")
    static let met = W.set("met meets")
    static let summit = Tokenizer.hash("summit")
    static let spoke = W.set("spoke speaks talked talks conversed")
    static let received = W.set("received receives hosted hosts welcomed welcomes")
    static let called = W.set("called calls")
    static let phoned = W.set("phoned telephoned rang")
    static let on = W.set("on upon")
    static let place = W.set("place")
    static let tookPlace = W.set("took")
    static let groupNouns = W.set("leaders presidents heads sides ministers premiers")
    static let two = W.set("two both")
    static let videoWords = W.set("video video-conference videoconference videolink virtual")
    static let phoneWords = W.set("phone telephone")
    /// Words before a verb that put the meeting in the past of the reported one ("last held talks").
    static let previously = W.set("last previously earlier already once")
    static let pronouns = W.set("him her them")
    static let did = Tokenizer.hash("did")
    static let courtesy = Tokenizer.hash("courtesy")
    static let oneWay = W.set("message messages letter letters credentials congratulations condolences greetings delegation")
    static let discussed = W.set("discussed")
    static let clauseBreak = W.set("said says noted stressed added that which whereas while but")

    static func find(_ a: Analysis, sentence index: Int) -> [MeetingMatch] {
        let sentence = a.sentences[index]
        guard !sentence.isHeadline else { return [] }
        let text = a.text
        var found: [MeetingMatch] = []
        // What holds for the whole sentence is worked out once, not once per trigger: a sentence
        // of thousands of verbs (a hostile file) must not cost its length squared.
        var sentenceIsPast: Bool?
        var medium: Medium?
        let sentencePinsDay = pinsDay(a, index)
        var courtesyAt: Int??
        var lastTalksAt: Int??
        var i = sentence.first
        while i < sentence.end {
            guard let (format, end, object) = trigger(text, at: i, limit: sentence.end) else { i += 1; continue }
            defer { i = end }
            if isUnrealised(text, before: i, from: sentence.first) { continue }
            if isRecalled(a, index, trigger: i, pinsDay: sentencePinsDay) { continue }
            if object == .between {
                if sentenceIsPast == nil { sentenceIsPast = isPast(text, sentence) }
                if sentenceIsPast == false { continue }
            }
            var participants = object == .between ? [] : subjects(a, index, before: i)
            if object == .none, participants.count < 2 { continue }
            // "a dinner hosted by X and Mrs. Y": a passive needs a person as its subject.
            if object == .hosted || object == .received, text.isWord(end, W.by), participants.isEmpty { continue }
            participants += objects(a, index, after: end, mode: object)
            // "Prime Minister held talks with Prime Minister Tshering Tobgay": a bare title is the
            // one person of that title the readout names who is not the other side.
            let named = participants.filter { !$0.name.isEmpty }
            let otherCountries = Set(named.compactMap { $0.country ?? a.registry.find($0.name)?.country })
            participants = participants.compactMap { p in
                guard p.name.isEmpty else { return p }
                let role = p.title.flatMap { a.lexicon.titles.singleWordOrPhrase($0)?.role }
                let others = a.registry.entries.filter { e in
                    !named.contains { samePerson($0, Participant(name: e.name)) } && !(e.country.map(otherCountries.contains) ?? false)
                }
                var candidates = others.filter { $0.title == p.title }
                if candidates.count != 1, let role { candidates = others.filter { $0.role == role } }
                guard candidates.count == 1 else { return nil }
                return Participant(name: candidates[0].name, country: candidates[0].country, title: candidates[0].title)
            }
            var unique: [Participant] = []
            for p in participants where !unique.contains(where: { samePerson($0, p) }) { unique.append(p) }
            if unique.isEmpty, isGroupSubject(text, before: i, from: sentence.first) {
                found.append(MeetingMatch(sentence: index, trigger: i, triggerEnd: end, format: format == "spoke" ? "phone call" : format,
                                          participants: [], isGroup: true))
                continue
            }
            guard unique.count >= 2 else { continue }
            var resolvedFormat = format == "spoke" ? "meeting" : format
            if format != "exchange of letters" {
                // "via video link", "by phone": the medium may be named anywhere in the sentence.
                if medium == nil { medium = Medium(text, sentence) }
                if let medium {
                    if medium.video || (medium.virtual && format != "talks") {
                        resolvedFormat = "video call"
                    } else if medium.phone {
                        resolvedFormat = "phone call"
                    }
                }
                if courtesyAt == nil { courtesyAt = (sentence.first..<sentence.end).first { text.tokens[$0].hash == courtesy } }
                if let at = courtesyAt ?? nil, at < i + 6 { resolvedFormat = "meeting" }
                // "received X ..., where they held talks", "hosted X for bilateral talks".
                if object == .received || object == .hosted {
                    if lastTalksAt == nil { lastTalksAt = (sentence.first..<sentence.end).last { text.tokens[$0].hash == W.talks } }
                    if let at = lastTalksAt ?? nil, at >= end { resolvedFormat = "talks" }
                }
                // "spoke with" in a readout is a call unless it says they met.
                if format == "spoke", resolvedFormat == "meeting" { resolvedFormat = "phone call" }
            }
            found.append(MeetingMatch(sentence: index, trigger: i, triggerEnd: end, format: resolvedFormat, participants: unique))
            // "..., as did Prime Minister X and Prime Minister Y": the same again, another pair.
            if let asDid = (end..<max(end, sentence.end - 1)).first(where: { text.isWord($0, W.as_) && text.tokens[$0 + 1].hash == did }) {
                let pair = a.actors[index].persons.filter { $0.first > asDid + 1 && $0.name != nil }
                if pair.count >= 2, joined(text, pair[0].end, pair[1].first) {
                    found.append(MeetingMatch(sentence: index, trigger: asDid, triggerEnd: asDid + 2, format: resolvedFormat,
                                              participants: [participant(a, pair[0]), participant(a, pair[1])]))
                }
            }
        }
        if found.isEmpty, let framed = framed(a, index) { found.append(framed) }
        return found
    }

    static let frames = W.set("in during")
    static let frameDeterminers = W.set("a an the his her their")

    /// "In a phone call with President X, President Y said ...": the meeting named as the frame
    /// of the sentence, its principals the person after "with" and the subject of the clause.
    static func framed(_ a: Analysis, _ index: Int) -> MeetingMatch? {
        let sentence = a.sentences[index]
        let text = a.text
        let k = sentence.first
        guard text.isAny(k, frames), text.isAny(k + 1, frameDeterminers) else { return nil }
        var j = k + 2
        while j < sentence.end, j - k < 6, text.isAny(j, nounModifiers) { j += 1 }
        guard j < sentence.end, let format = nouns[text.tokens[j].hash], text.isWord(j + 1, W.with) else { return nil }
        let persons = a.actors[index].persons.filter { $0.name != nil || $0.country != nil }
        guard let other = persons.first(where: { $0.first >= j + 2 && $0.first - (j + 2) <= 2 }) else { return nil }
        // The clause's subject: the first person after the comma that closes the frame.
        guard let comma = (other.end..<sentence.end).first(where: { text.mark($0) == 0x2C }),
              let subject = persons.first(where: { $0.first > comma && $0.first - comma <= 3 }) else { return nil }
        if isUnrealised(text, before: subject.end + 1, from: subject.end) { return nil }
        var resolvedFormat = format
        for t in k...j where phoneWords.contains(text.tokens[t].hash) { resolvedFormat = "phone call" }
        for t in k...j where videoWords.contains(text.tokens[t].hash) { resolvedFormat = "video call" }
        let pair = [participant(a, subject), participant(a, other)]
        guard !pair[0].name.isEmpty, !pair[1].name.isEmpty, !samePerson(pair[0], pair[1]) else { return nil }
        return MeetingMatch(sentence: index, trigger: j, triggerEnd: j + 1, format: resolvedFormat, participants: pair)
    }

    enum ObjectMode { case with, direct, received, hosted, between, called, none }

    /// The verb phrase at `i`: its format, end, and how its object is introduced.
    /// Every word a meeting verb phrase can start with: one probe rules out most tokens.
    static let starts = W.set("met meets held hold holds had has have conducted sustained maintained co-chaired co-chairs chaired paid pays realized realised carried conversed phoned telephoned rang spoke speaks talked received receives hosted hosts welcomed welcomes called calls discussed exchanged talks negotiations interviews meeting meetings consultations conversation call talk videoconference summit conference")

    static func trigger(_ text: Text, at i: Int, limit: Int) -> (String, Int, ObjectMode)? {
        let h = text.tokens[i].hash
        guard starts.contains(h) else { return nil }
        if met.contains(h) {
            if text.isWord(i + 1, W.with) { return ("meeting", i + 2, .direct) }
            return ("meeting", i + 1, .direct)
        }
        if lightVerbs.contains(h) {
            var j = i + 1
            var steps = 0
            // "held a bilateral meeting", "held a Japan-Indonesia Summit Meeting".
            while j < limit, steps < 8, text.isAny(j, nounModifiers)
                    || text.tokens[j].isCapitalized && nouns[text.tokens[j].hash] == nil && text.tokens[j].kind == .word
                    || (text.tokens[j].mark == 0x27 || text.tokens[j].isPossessive) && j > i + 1 && text.tokens[j - 1].isCapitalized {
                j += 1
                steps += 1
            }
            if text.tokens[min(j, limit - 1)].hash == summit, j + 1 < limit, nouns[text.tokens[j + 1].hash] != nil { j += 1 }
            if j < limit, let format = nouns[text.tokens[j].hash] {
                if format == "video call", !text.isWord(j - 1, W.video) && text.tokens[j].hash != Tokenizer.hash("videoconference") { return nil }
                if format == "phone call", !(text.isWord(j - 1, W.phone) || text.isWord(j - 1, W.telephone) || text.isWord(j - 1, W.video)) {
                    if text.tokens[j].hash == Tokenizer.hash("call"), !text.isWord(j - 1, courtesy) { return nil }
                }
                var format = format
                if text.isWord(j - 1, W.video) { format = "video call" }
                return (format, j + 1, .with)
            }
            return nil
        }
        if spoke.contains(h), h != W.talks {
            return ("spoke", i + 1, .with)
        }
        if received.contains(h) {
            // "hosted X for talks", "welcomed X to the White House": a person must follow at once.
            if h != Tokenizer.hash("received") && h != Tokenizer.hash("receives") { return ("meeting", i + 1, .hosted) }
            return ("meeting", i + 1, .received)
        }
        if called.contains(h), text.isAny(i + 1, on) { return ("meeting", i + 2, .direct) }
        // "X phoned Y", "X called President Y": a call, its object right after.
        if phoned.contains(h) || called.contains(h) && text.tokens.indices.contains(i + 1) && text.tokens[i + 1].isCapitalized {
            return ("phone call", i + 1, .called)
        }
        // "President Ruto and Vice President Alupo discussed ...": two named people talking.
        if discussed.contains(h) { return ("meeting", i + 1, .none) }
        // "took place the negotiations of A with B", "talks between A and B took place".
        if let format = nouns[h], text.isWord(i + 1, W.of) || text.isWord(i + 1, W.between) {
            return (format, i + 1, .between)
        }
        if h == W.exchanged, text.isWord(i + 1, W.letters) { return ("exchange of letters", i + 2, .with) }
        return nil
    }

    /// "last held talks in Astana during ... in the autumn of 2024": a meeting before the one
    /// reported, whose day the text does not pin.
    static func isRecalled(_ a: Analysis, _ index: Int, trigger: Int, pinsDay: Bool) -> Bool {
        let text = a.text
        let first = a.sentences[index].first
        if trigger - 1 >= first, text.isAny(trigger - 1, previously) { return true }
        if trigger - 2 >= first, text.isAny(trigger - 2, previously), text.tokens[trigger - 1].kind == .word, !text.tokens[trigger - 1].isCapitalized { return true }
        // A year or month near the verb and no day anywhere: "met in Kazan last October".
        if pinsDay { return false }
        // Date mentions are in text order: the ones near the verb are found by binary search.
        let mentions = a.dates[index]
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].first < trigger - 4 { low = middle + 1 } else { high = middle }
        }
        for m in mentions[low...] {
            guard m.first < trigger + 10 else { break }
            switch m.expression {
            case .year, .month, .vague: return true
            default: continue
            }
        }
        return false
    }

    /// Whether the sentence pins a day anywhere (worked out once per sentence).
    static func pinsDay(_ a: Analysis, _ index: Int) -> Bool {
        a.dates[index].contains { $0.expression.pinsDay }
    }

    /// The media a sentence names anywhere ("via video link", "by phone").
    struct Medium {
        /// A video word other than "virtual".
        var video = false
        var virtual = false
        var phone = false

        init(_ text: Text, _ sentence: Sentence) {
            let virtualHash = Tokenizer.hash("virtual")
            for k in sentence.first..<sentence.end {
                let h = text.tokens[k].hash
                if videoWords.contains(h) {
                    if h == virtualHash { virtual = true } else { video = true }
                } else if phoneWords.contains(h) {
                    phone = true
                }
            }
        }
    }

    /// "took place", "was held", "were held": a noun-led meeting that happened.
    static func isPast(_ text: Text, _ sentence: Sentence) -> Bool {
        for k in sentence.first..<sentence.end {
            if text.isAny(k, tookPlace), text.isAny(k + 1, place) { return true }
            if text.tokens[k].hash == Tokenizer.hash("held"), k > sentence.first,
               text.tokens[k - 1].hash == Tokenizer.hash("was") || text.tokens[k - 1].hash == Tokenizer.hash("were") { return true }
        }
        return false
    }

    /// "will meet", "is scheduled to hold talks", "glad to meet": not a meeting that happened.
    static func isUnrealised(_ text: Text, before i: Int, from first: Int) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= first, steps < 3 {
            // A capital mid-sentence is a name ("General Secretary To Lam held talks"), not "to".
            if text.isAny(k, W.unrealised), !(text.tokens[k].isCapitalized && k > first) { return true }
            if text.tokens[k].kind == .punct { break }
            k -= 1
            steps += 1
        }
        return false
    }

    static let heads = W.set("heads")
    static let stateOrGovernment = W.set("state government")

    /// "The two leaders", "the two heads of state", "both sides" right before the verb.
    static func isGroupSubject(_ text: Text, before trigger: Int, from first: Int) -> Bool {
        var k = trigger - 1
        while k > first, text.tokens[k].kind == .word, !text.tokens[k].isCapitalized,
              text.tokens[k].hash == Tokenizer.hash("then") || text.tokens[k].hash == W.also { k -= 1 }
        if text.isAny(k, stateOrGovernment), text.isWord(k - 1, W.of), text.isAny(k - 2, heads) { k -= 2 }
        return k > first && text.isAny(k, groupNouns) && text.isAny(k - 1, two)
    }

    /// The principals named before the verb: the nearest person, with one joined to it by "and".
    static func subjects(_ a: Analysis, _ index: Int, before trigger: Int) -> [Participant] {
        let all = a.actors[index].persons
        let persons = all[..<all.countEnding(atOrBefore: trigger)]
        let text = a.text
        // "the two presidents held a meeting": the people the sentence names.
        if trigger >= 2, text.isAny(trigger - 1, groupNouns), text.isAny(trigger - 2, two) {
            let named = a.actors[index].persons.filter { $0.name != nil }
            var result: [Participant] = []
            for p in named.map({ participant(a, $0) }) where !result.contains(where: { samePerson($0, p) }) { result.append(p) }
            if result.count >= 2 { return Array(result.prefix(2)) }
        }
        if let last = persons.last {
            guard trigger - last.end <= 15 else { return [] }
            for k in last.end..<trigger where text.isAny(k, clauseBreak) { return [] }
            var result = [participant(a, last)]
            if persons.count >= 2 {
                let previous = persons[persons.count - 2]
                if joined(text, previous.end, last.first) { result.insert(participant(a, previous), at: 0) }
            }
            return result
        }
        // "The US, Russia, and Switzerland met": countries as the sides (not for "discussed").
        if text.isAny(trigger, discussed) { return [] }
        let countries = a.actors[index].countries.filter { $0.end <= trigger && !$0.inCompound && $0.form == .name }
        guard countries.count >= 2 else { return [] }
        return countries.map { Participant(name: a.lexicon.countryName($0.code) ?? $0.code, country: $0.code, title: nil) }
    }

    /// Whether tokens `[from, to)` only join two names: "and", "and his Australian counterpart", ",".
    static func joined(_ text: Text, _ from: Int, _ to: Int) -> Bool {
        guard to > from, to - from <= 6 else { return false }
        var sawAnd = false
        for k in from..<to {
            let h = text.tokens[k].hash
            if h == W.and { sawAnd = true; continue }
            if h == W.his || h == W.her || h == W.their || h == W.the || text.tokens[k].mark == 0x2C || text.tokens[k].isPossessive { continue }
            if text.tokens[k].isCapitalized { continue }
            return false
        }
        return sawAnd
    }

    static func objects(_ a: Analysis, _ index: Int, after end: Int, mode: ObjectMode) -> [Participant] {
        let text = a.text
        let sentence = a.sentences[index]
        var start = end
        switch mode {
        case .none: return []
        case .with:
            var k = end
            var steps = 0
            while k < sentence.end, steps < 10, !text.isWord(k, W.with), !(text.isWord(k, W.on) && k == end) {
                if text.mark(k) == 0x2E || text.mark(k) == 0x3B { return [] }
                k += 1
                steps += 1
            }
            guard text.isWord(k, W.with) || text.isWord(k, W.on) else { return [] }
            start = k + 1
            // "held a welcoming ceremony for X ... and then held talks with him": the people the
            // sentence named before.
            if text.isAny(start, pronouns) {
                var named: [Participant] = []
                for p in a.actors[index].persons where p.end <= end && p.name != nil {
                    let candidate = participant(a, p)
                    if !named.contains(where: { samePerson($0, candidate) }) { named.append(candidate) }
                }
                return Array(named.prefix(2))
            }
        case .direct, .received, .hosted, .called: break
        case .between:
            // "the negotiations of A with B", "talks between A and B".
            let all = a.actors[index].persons
            let after = all[all.firstIndex(startingAtOrAfter: end)...]
            guard let first = after.prefix(while: { $0.first - end <= 3 }).first(where: { $0.name != nil }) else { return [] }
            let beyond = all[all.firstIndex(startingAtOrAfter: first.end)...]
            guard let second = beyond.prefix(while: { $0.first - first.end <= 4 }).first(where: { $0.name != nil }) else { return [] }
            return [participant(a, first), participant(a, second)]
        }
        let window = mode == .received ? 12 : (mode == .called ? 1 : 3)
        // "received a special message from President X": a one-way message, not a meeting.
        if mode == .received || mode == .hosted {
            var k = start
            while k < min(sentence.end, start + 4) {
                if text.isAny(k, oneWay) { return [] }
                if text.tokens[k].kind == .punct { break }
                k += 1
            }
        }
        let all = a.actors[index].persons
        let persons = all[all.firstIndex(startingAtOrAfter: start)...]
        guard let first = persons.first, first.first - start <= window else {
            let countries = a.actors[index].countries
            if mode == .with,
               let country = countries[countries.firstIndex(startingAtOrAfter: start)...].prefix(while: { $0.first - start <= 2 }).first {
                return [Participant(name: a.lexicon.countryName(country.code) ?? country.code, country: country.code, title: nil)]
            }
            return []
        }
        if mode == .with || mode == .received {
            if text.isWord(first.first - 1, W.whom) { return [] }
        }
        if mode == .hosted, text.mark(first.end) == Token.possessive { return [] }
        if first.name == nil && first.country == nil { return [] }
        var result = [participant(a, first)]
        if let next = persons.dropFirst().first, joined(text, first.end, next.first) { result.append(participant(a, next)) }
        return result
    }

    static func participant(_ a: Analysis, _ mention: PersonMention) -> Participant {
        if let name = mention.name {
            return Participant(name: name, country: mention.country, title: mention.title)
        }
        if mention.country == nil { return Participant(name: "", country: nil, title: mention.title) }
        let country = mention.country ?? ""
        return Participant(name: a.lexicon.countryName(country) ?? country, country: mention.country, title: mention.title)
    }

    static func samePerson(_ a: Participant, _ b: Participant) -> Bool {
        a.name == b.name || Registry.samePerson(Registry.words(of: a.name), Registry.words(of: b.name))
    }
}

/// Mentions of a sentence are in text order and never overlap (`ActorResolver` appends them left
/// to right), so those before or after a token are a prefix or a suffix found by binary search:
/// a trigger costs log n, not n, in a sentence of n mentions.
protocol TokenSpan {
    var first: Int { get }
    var end: Int { get }
}

extension PersonMention: TokenSpan {}
extension CountryMention: TokenSpan {}

extension Array where Element: TokenSpan {
    /// The number of leading mentions that end at or before token `index`.
    func countEnding(atOrBefore index: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].end <= index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The index of the first mention starting at or after token `index` (`count` when none).
    func firstIndex(startingAtOrAfter index: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].first < index { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
