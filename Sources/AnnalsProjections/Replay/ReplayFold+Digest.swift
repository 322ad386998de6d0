import Foundation

/// The canonical rows of every read model, straight from the fold state, digested.
///
/// The derived models are grouped here, once: relations by pair, meetings and documents by
/// corroboration key (one sort of the live rows), people by person. Rows are visited in the
/// order of the tables' keys and encoded without building the `Meeting`, `Document` or
/// `Appearance` values the queries use; their rules are restated below and the digests are
/// checked against `Projector`'s tables (`InMemoryReplayTests`).
extension ReplayFold {
    /// Each projection's digest and row count, in `ProjectionName.allCases` order: the values
    /// `TableDigest.digest(of:in:)` gives for tables `Projector` builds from the same events.
    func digests() -> [(name: ProjectionName, hex: String, rows: Int)] { digests(of: ProjectionName.allCases) }

    /// The digests of `names` only, in that order.
    func digests(of names: [ProjectionName]) -> [(name: ProjectionName, hex: String, rows: Int)] {
        let live = facts.filter { $0.live && !$0.deleted }
        return names.map { name in
            var encoder = RowEncoder()
            switch name {
            case .facts: encodeFacts(&encoder)
            case .sources: encodeSources(&encoder)
            case .relations: encodeRelations(live, &encoder)
            case .meetings: encodeMeetings(live, &encoder)
            case .documents: encodeDocuments(live, &encoder)
            case .people: encodePeople(live, &encoder)
            }
            let (hex, rows) = encoder.finish()
            return (name, hex, rows)
        }
    }

    /// SQLite's `ORDER BY` on TEXT (BINARY collation): UTF-8 bytes, -1, 0 or 1.
    static func compare(_ a: String, _ b: String) -> Int {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let common = min(x.count, y.count)
                let c = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                if c != 0 { return c < 0 ? -1 : 1 }
                return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
            }
        }
        if let fast, let result = fast { return result }
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    /// `compare(a, b) < 0`.
    static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// Distinct values, sorted as Swift sorts strings: `Set(values).sorted()` without the set.
    static func sortedUnique(_ values: [String]) -> [String] {
        if values.count < 2 { return values }
        var sorted = values.sorted()
        var kept = 1
        for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// The readouts of a group, sorted and distinct (`Set(sources).sorted()`).
    static func sources<Group: Collection<ReplayFactRow>>(of group: Group) -> [String] {
        group.count == 1 ? [group[group.startIndex].source] : sortedUnique(group.map(\.source))
    }

    /// Hashes encoded rows from `arena` in runs: consecutive rows that are still as encoded
    /// make one range, hashed in place; the others are encoded again by `encode`.
    private struct ArenaRuns {
        var start = 0, end = 0, rows = 0

        mutating func add(_ range: Range<Int>, rows count: Int, arena: RowBytes, _ e: inout RowEncoder) {
            if range.lowerBound != end { flush(arena, &e); start = range.lowerBound }
            end = range.upperBound
            rows += count
        }

        mutating func flush(_ arena: RowBytes, _ e: inout RowEncoder) {
            e.encoded(arena, start..<end, rows: rows)
            start = end
            rows = 0
        }
    }

    private func encodeFacts(_ e: inout RowEncoder) {
        e.table("facts")
        var runs = ArenaRuns()
        for row in facts where !row.deleted {
            if row.live && !row.renamed {
                runs.add(row.encoded, rows: 1, arena: arenas.facts, &e)
            } else {
                runs.flush(arenas.facts, &e)
                e.rows(1) { Self.encodeFactRow(row, into: &$0) }
            }
        }
        runs.flush(arenas.facts, &e)
    }

    private func encodeSources(_ e: inout RowEncoder) {
        e.table("sources")
        for name in sources.keys.sorted(by: Self.precedes) {
            guard let s = sources[name] else { continue }
            e.text(s.name); e.text(s.sha256); e.integer(s.size); e.text(s.state); e.text(s.published)
            e.integer(s.arrivedSeq); e.text(s.arrivedAt); e.integer(s.lastSeq); e.integer(s.contentSeq); e.integer(s.facts)
            e.endRow()
        }
    }

    private func encodeRelations(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        var claimsByPair: [String: [PartnershipClaim]] = [:]
        for row in live where row.factType == "partnership" {
            guard let pair = row.pair, let level = row.level, let date = row.validOn else { continue }
            claimsByPair[pair, default: []].append(PartnershipClaim(seq: row.seq, fact: row.factID, source: row.source, date: date,
                                                                    level: level, action: row.action ?? "established"))
        }
        var relations: [(pair: String, parties: [String], relation: Relation, lastClaimOn: String)] = []
        for pair in claimsByPair.keys.sorted(by: Self.precedes) {
            let claims = claimsByPair[pair] ?? []
            let parties = pair.split(separator: "-").map(String.init)
            guard let relation = Relation.derive(parties: parties, claims: claims, ranking: ranking),
                  let current = relation.ladder.last else { continue }
            relations.append((pair, parties, relation, claims.map(\.date).max() ?? current.since))
        }
        e.table("relations")
        for r in relations {
            guard let current = r.relation.ladder.last else { continue }
            e.text(r.pair); e.text(r.parties.first ?? ""); e.text(r.parties.last ?? ""); e.text(current.level)
            e.text(current.since); e.text(current.source); e.text(current.fact); e.integer(Int64(r.relation.ladder.count))
            e.text(r.lastClaimOn)
            e.endRow()
        }
        e.table("relation_steps")
        for r in relations {
            for (index, step) in r.relation.ladder.enumerated() {
                e.text(r.pair); e.integer(Int64(index + 1)); e.text(step.level); e.text(step.since); e.text(step.change)
                e.text(step.source); e.text(step.fact); e.integer(step.seq)
                e.jsonText { JSONBytes.array(step.sources, into: &$0) }
                e.endRow()
            }
        }
    }

    private func encodeMeetings(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        let corroborated = ReplayGroups(live, type: "meeting")
        e.table("meetings")
        corroborated.forEachGroup(encoded: { e.encoded(arenas.meetings, $0.row, rows: 1) }) { key, ordinal, group in
            e.rows(1) { Self.encodeMeeting(key: key, ordinal: ordinal, group, into: &$0) }
        }
        e.table("meeting_participants")
        corroborated.forEachGroup(encoded: { e.encoded(arenas.participants, $0.participants, rows: $0.participantRows) }) { key, ordinal, group in
            let count = group.first?.details?.fact.participants.count ?? 0
            e.rows(count) { Self.encodeParticipants(key: key, ordinal: ordinal, group, into: &$0) }
        }
    }

    private func encodeDocuments(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        e.table("documents")
        ReplayGroups(live, type: "document").forEachGroup(encoded: { e.encoded(arenas.documents, $0.row, rows: 1) }) { key, ordinal, group in
            e.rows(1) { Self.encodeDocument(key: key, ordinal: ordinal, group, into: &$0) }
        }
    }

    /// The first value a report of the group gives (`Meeting`'s and `Document`'s rule).
    private static func firstValue<Group: Collection<ReplayFactRow>>(_ group: Group, _ field: (AssertedFact) -> String?) -> String? {
        for row in group { if let details = row.details, let value = field(details.fact) { return value } }
        return nil
    }

    /// A `meetings` row from a corroborated group (seq order, not empty), as `Meeting(group:)`
    /// and `Projector.writeMeetings` make it.
    static func encodeMeeting<Group: Collection<ReplayFactRow>>(key: String, ordinal: Int, _ group: Group, into e: inout RowBytes) {
        guard let first = group.first, let d = first.details else { return }
        e.text(key); e.integer(Int64(ordinal)); e.text(first.factID); e.text(d.fact.date)
        e.text(firstValue(group) { $0.format }); e.text(firstValue(group) { $0.city }); e.text(firstValue(group) { $0.venue })
        e.text(firstValue(group) { $0.timeOfDay }); e.text(firstValue(group) { $0.occasion })
        e.jsonText { JSONBytes.participants(d.fact.participants, into: &$0) }
        e.jsonText { JSONBytes.array(sortedUnique(d.fact.participants.compactMap(\.country)), into: &$0) }
        e.jsonText { JSONBytes.array(sources(of: group), into: &$0) }
        e.jsonText { JSONBytes.array(group.lazy.map(\.factID), into: &$0) }
        e.integer(first.seq)
        e.endRow()
    }

    /// The `meeting_participants` rows of a group: the first report's principals.
    static func encodeParticipants<Group: Collection<ReplayFactRow>>(key: String, ordinal: Int, _ group: Group, into e: inout RowBytes) {
        guard let d = group.first?.details else { return }
        for (position, p) in d.fact.participants.enumerated() {
            e.text(key); e.integer(Int64(ordinal)); e.integer(Int64(position)); e.text(p.name); e.text(p.country); e.text(p.title)
            e.endRow()
        }
    }

    /// A `documents` row from a corroborated group, as `Document(group:)` and
    /// `Projector.writeDocuments` make it.
    static func encodeDocument<Group: Collection<ReplayFactRow>>(key: String, ordinal: Int, _ group: Group, into e: inout RowBytes) {
        guard let first = group.first, let d = first.details else { return }
        let fields = group.first { !($0.details?.fact.fields.isEmpty ?? true) }?.details?.fact.fields ?? []
        e.text(key); e.integer(Int64(ordinal)); e.text(first.factID); e.text(d.fact.kind)
        e.jsonText { JSONBytes.array(d.fact.parties.sorted(), into: &$0) }
        e.text(d.fact.date); e.integer(d.fact.count.map(Int64.init))
        e.text(firstValue(group) { $0.countQualifier }); e.text(firstValue(group) { $0.title })
        e.jsonText { JSONBytes.array(fields, into: &$0) }
        e.text(firstValue(group) { $0.signedBy })
        e.jsonText { JSONBytes.array(sources(of: group), into: &$0) }
        e.jsonText { JSONBytes.array(group.lazy.map(\.factID), into: &$0) }
        e.integer(first.seq)
        e.endRow()
    }

    private func encodePeople(_ live: [ReplayFactRow], _ e: inout RowEncoder) {
        var people = self.people
        if !peopleAreExact {
            people = [:]
            for row in live {
                for a in row.appearances { people[a.person, default: ReplayPersonTotals(name: a.name)].count(a, on: row.validOn) }
            }
        }
        e.table("people")
        for key in people.keys.sorted(by: Self.precedes) {
            guard let p = people[key] else { continue }
            e.text(key); e.text(p.name); e.jsonText { JSONBytes.array(p.countries.sorted(), into: &$0) }
            e.integer(p.appearances); e.text(p.firstDate); e.text(p.lastDate)
            e.endRow()
        }
        e.table("person_appearances")
        var runs = ArenaRuns()
        for row in live where !row.appearances.isEmpty {
            if !row.renamed {
                runs.add(row.appearancesEncoded, rows: row.appearances.count, arena: arenas.appearances, &e)
            } else {
                runs.flush(arenas.appearances, &e)
                e.rows(row.appearances.count) { Self.encodeAppearances(of: row, into: &$0) }
            }
        }
        runs.flush(arenas.appearances, &e)
    }
}
