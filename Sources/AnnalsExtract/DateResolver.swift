/// A date as written: absolute, partial or relative.
enum DateExpression: Sendable, Equatable {
    case day(year: Int?, month: Int, day: Int)
    /// "June 2024", "in June": does not pin a day.
    case month(year: Int?, month: Int)
    /// "in 2013": does not pin a day, and marks background.
    case year(Int)
    case today, yesterday, tomorrow
    /// "the same day", "that day": the day of the event in context.
    case sameDay
    /// "the following day", "the next day".
    case nextDay
    /// "the day before", "the previous day".
    case dayBefore
    /// "on Wednesday" (0 = Sunday): the last such weekday on or before publication.
    case weekday(Int)
    /// "last week", "last October", "last year": past, but no day.
    case vague

    /// Whether the expression can name a day at all.
    var pinsDay: Bool {
        switch self {
        case .month, .year, .vague, .tomorrow: return false
        default: return true
        }
    }
}

/// A date expression found in the text, by token range.
struct DateMention: Sendable {
    var first: Int
    var end: Int
    var expression: DateExpression
}

/// Finds date expressions in tokens and resolves them against the header date and context.
enum DateResolver {
    /// Words that can open a date expression: months, weekdays and the relative words.
    static let starters = WordSet(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
         "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "sunday", "monday", "tuesday",
         "wednesday", "thursday", "friday", "saturday", "today", "tonight", "yesterday", "tomorrow", "same", "that", "following",
         "next", "previous", "day", "last"].map(Tokenizer.hash))

    /// All date expressions in tokens `[from, to)`, left to right, none overlapping.
    static func scan(_ text: Text, _ from: Int, _ to: Int) -> [DateMention] {
        var found: [DateMention] = []
        var i = from
        while i < to {
            if let mention = parse(text, at: i, limit: to) {
                found.append(mention)
                i = mention.end
            } else {
                i += 1
            }
        }
        return found
    }

    /// The date expression starting at token `i`, if one does; nil when `i` is at or past
    /// `limit` (callers probe the token after a word, which may be the end of the text).
    static func parse(_ text: Text, at i: Int, limit: Int) -> DateMention? {
        let tokens = text.tokens
        guard i >= 0, i < limit, i < tokens.count else { return nil }
        let token = tokens[i]
        if token.kind == .punct { return nil }
        let h = token.hash
        // Most words start no date: one probe rules them out.
        if token.kind == .word, !Tokenizer.isDigit(text.bytes[token.start]), !starters.contains(h) { return nil }
        if token.kind == .word, token.length == 10, let iso = isoDate(text, i) {
            return DateMention(first: i, end: i + 1, expression: iso)
        }
        if token.kind == .number, let numeric = numericDate(text, at: i, limit: limit) { return numeric }
        if let month = W.months[h], token.isCapitalized || token.length > 3 && h != Tokenizer.hash("may") {
            var j = i + 1
            if text.mark(j) == 0x2E, token.length <= 4 { j += 1 }
            if j < limit, let day = text.integer(j), (1...31).contains(day), tokens[j].length <= 4 {
                var end = j + 1
                var year: Int?
                var k = end
                if text.mark(k) == 0x2C { k += 1 }
                if text.isWord(k, W.of) { k += 1 }
                if k < limit, tokens[k].kind == .number, let y = text.integer(k), (1800...2200).contains(y) { year = y; end = k + 1 }
                return DateMention(first: i, end: end, expression: .day(year: year, month: month, day: day))
            }
            if j < limit, tokens[j].kind == .number, let y = text.integer(j), (1800...2200).contains(y) {
                return DateMention(first: i, end: j + 1, expression: .month(year: y, month: month))
            }
            if text.isWord(i - 1, W.last) { return DateMention(first: i - 1, end: i + 1, expression: .vague) }
            if token.isCapitalized, h != Tokenizer.hash("may") && h != Tokenizer.hash("march") || text.isWord(i - 1, W.in_) || text.isWord(i - 1, W.since) {
                return DateMention(first: i, end: i + 1, expression: .month(year: nil, month: month))
            }
            return nil
        }
        if let value = text.integer(i) {
            if (1...31).contains(value), tokens[i].length <= 4 {
                var j = i + 1
                if text.isWord(j, W.of) { j += 1 }
                if j < limit, let month = W.months[tokens[j].hash], tokens[j].isCapitalized {
                    var end = j + 1
                    if text.mark(end) == 0x2E, tokens[j].length <= 4 { end += 1 }
                    var k = end
                    if text.mark(k) == 0x2C { k += 1 }
                    if text.isWord(k, W.of) { k += 1 }
                    var year: Int?
                    if k < limit, tokens[k].kind == .number, let y = text.integer(k), (1800...2200).contains(y) { year = y; end = k + 1 }
                    return DateMention(first: i, end: end, expression: .day(year: year, month: month, day: value))
                }
            }
            if tokens[i].kind == .number, tokens[i].length == 4, (1800...2200).contains(value) {
                return DateMention(first: i, end: i + 1, expression: .year(value))
            }
            return nil
        }
        if h == W.today || h == W.tonight { return DateMention(first: i, end: i + 1, expression: .today) }
        if h == W.yesterday { return DateMention(first: i, end: i + 1, expression: .yesterday) }
        if h == W.tomorrow { return DateMention(first: i, end: i + 1, expression: .tomorrow) }
        if h == W.same || h == W.that, text.isWord(i + 1, W.day) {
            return DateMention(first: i, end: i + 2, expression: .sameDay)
        }
        if h == W.following || h == W.next, text.isWord(i + 1, W.day) {
            return DateMention(first: i, end: i + 2, expression: .nextDay)
        }
        if h == W.previous, text.isWord(i + 1, W.day) {
            return DateMention(first: i, end: i + 2, expression: .dayBefore)
        }
        if h == W.day, text.isWord(i + 1, W.before), text.isWord(i - 1, W.the) {
            return DateMention(first: i, end: i + 2, expression: .dayBefore)
        }
        if let weekday = W.weekdays[h], token.isCapitalized {
            if text.isWord(i - 1, W.next) { return DateMention(first: i - 1, end: i + 1, expression: .vague) }
            // "Thursday, March 7, 2024": the weekday only names the date that follows.
            var j = i + 1
            if text.mark(j) == 0x2C { j += 1 }
            if j < limit, let dated = parse(text, at: j, limit: limit), case .day = dated.expression {
                return DateMention(first: i, end: dated.end, expression: dated.expression)
            }
            return DateMention(first: i, end: i + 1, expression: .weekday(weekday))
        }
        if h == W.last, let next = tokens.indices.contains(i + 1) ? tokens[i + 1].hash : nil,
           next == Tokenizer.hash("week") || next == Tokenizer.hash("year") || next == Tokenizer.hash("month") {
            return DateMention(first: i, end: i + 2, expression: .vague)
        }
        return nil
    }

    /// "31.01.2023" (one token), "14/01/2025", "2024/10/14": day first unless that cannot be.
    static func numericDate(_ text: Text, at i: Int, limit: Int) -> DateMention? {
        let tokens = text.tokens
        var parts: [Int] = []
        var end = i
        if tokens[i].length >= 8, text.bytes[tokens[i].start..<tokens[i].end].contains(0x2E) {
            var value = 0, digits = 0
            for byte in text.bytes[tokens[i].start..<tokens[i].end] {
                if byte == 0x2E { parts.append(value); value = 0; digits = 0; continue }
                // No part of a date has more than four digits; a longer run (or another byte)
                // is not a date, and must not overflow `value` ("1.00000000000000000000").
                guard Tokenizer.isDigit(byte), digits < 4 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            }
            parts.append(value)
            end = i + 1
        } else {
            var k = i
            while k < limit, parts.count < 3, let value = text.integer(k), tokens[k].kind == .number {
                parts.append(value)
                end = k + 1
                guard parts.count < 3, text.mark(k + 1) == 0x2F, k + 2 < limit, tokens[k + 1].start == tokens[k].end,
                      tokens[k + 2].start == tokens[k + 1].end else { break }
                k += 2
            }
        }
        guard parts.count == 3 else { return nil }
        var (d, m, y) = (parts[0], parts[1], parts[2])
        if parts[0] > 1800 { (y, m, d) = (parts[0], parts[1], parts[2]) } else if m > 12, d <= 12 { (d, m) = (m, d) }
        guard Day(year: y, month: m, day: d) != nil else { return nil }
        return DateMention(first: i, end: end, expression: .day(year: y, month: m, day: d))
    }

    /// "2025-04-24" as one token.
    static func isoDate(_ text: Text, _ i: Int) -> DateExpression? {
        let b = text.bytes, s = text.tokens[i].start
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for k in from..<(from + count) {
                guard Tokenizer.isDigit(b[k]) else { return nil }
                value = value * 10 + Int(b[k] - 0x30)
            }
            return value
        }
        guard b[s + 4] == 0x2D, b[s + 7] == 0x2D, let y = digits(s, 4), let m = digits(s + 5, 2), let d = digits(s + 8, 2),
              Day(year: y, month: m, day: d) != nil else { return nil }
        return .day(year: y, month: m, day: d)
    }

    /// The day an expression names, or nil where nothing pins it.
    ///
    /// - Parameters:
    ///   - published: the header date ("today" and weekdays count from it).
    ///   - anchor: the day of the event in context ("the same day", "the following day").
    ///   - yearHint: the year to give a day written without one when there is no header date.
    static func resolve(_ expression: DateExpression, published: Day?, anchor: Day?, yearHint: Int?) -> Day? {
        switch expression {
        case let .day(year, month, day):
            if let year { return Day(year: year, month: month, day: day) }
            guard let base = published?.year ?? anchor?.year ?? yearHint else { return nil }
            guard let guess = Day(year: base, month: month, day: day) else { return nil }
            // A day written without a year that falls well after publication is last year's.
            if let published, guess.ordinal > published.ordinal + 60 { return Day(year: base - 1, month: month, day: day) }
            return guess
        case .today: return published
        case .yesterday: return published?.adding(days: -1)
        case .sameDay: return anchor
        case .nextDay: return anchor?.adding(days: 1)
        case .dayBefore: return anchor?.adding(days: -1)
        case let .weekday(weekday):
            guard let published else { return nil }
            let back = (published.weekday - weekday + 7) % 7
            return published.adding(days: -back)
        case .month, .year, .vague, .tomorrow: return nil
        }
    }
}
