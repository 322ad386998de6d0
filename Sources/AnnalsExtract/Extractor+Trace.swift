extension Extractor {
    /// A developer's view of how a readout was read: each sentence with the people, countries and
    /// dates found in it and the day its facts take. For `annals extract --trace`; not stable.
    public func trace(_ readout: Readout) -> String {
        let analysis = Analysis(bytes: readout.bytes, lexicon: lexicon)
        var assembly = Assembly(analysis)
        assembly.run()
        var out = "published \(analysis.published?.iso ?? "-")  city \(analysis.header.city ?? "-")  main pair \(assembly.mainPair)\n"
        for entry in analysis.registry.entries {
            out += "  person \(entry.name) \(entry.country ?? "?") \(entry.title ?? "?") x\(entry.mentions)\n"
        }
        for (index, sentence) in analysis.sentences.enumerated() {
            let flags = (sentence.isHeadline ? "H" : "") + (sentence.isListItem ? "L" : "")
            out += "[\(index)\(flags)] day \(assembly.days[index]?.iso ?? "-"): \(analysis.text.string(bytes: sentence.start, sentence.stop).prefix(100))\n"
            let actors = analysis.actors[index]
            for p in actors.persons {
                out += "    P \(p.name ?? "<unnamed>") \(p.country ?? "?") \(p.title ?? "?") [\(analysis.text.string(p.first, p.end))]\n"
            }
            if !actors.countries.isEmpty { out += "    C " + actors.countries.map(\.code).joined(separator: " ") + "\n" }
            for d in analysis.dates[index] { out += "    D \(d.expression) [\(analysis.text.string(d.first, d.end))]\n" }
        }
        return out
    }
}
