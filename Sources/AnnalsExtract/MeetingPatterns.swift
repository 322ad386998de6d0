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
