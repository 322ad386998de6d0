// annals-fuzz: a seeded mutation fuzzer for the extractor (issue 9). Run by scripts/fuzz-extract.
//
//   annals-fuzz --lexicon DIR --count N --seed S [--start K] [--current FILE] [--slow-ms MS] [--max-bytes B] SEED_DIR...
//
// Input i (from K to N-1) is a pure function of (seed, i) and the seed files: pick a seed file,
// apply 1-4 mutations (byte flips, truncation, splices with another seed, repeated sentences,
// random UTF-8, huge lines, deleted and duplicated ranges, readout phrases), cut to --max-bytes
// (default 2 MiB), then, most of the
// time, repair to valid UTF-8 without NUL so the input reaches the extractor (the rest test
// `Readout`'s refusals). Before each extraction the input is written to --current, so when a
// crash kills the process the wrapper can keep it as a regression fixture and resume at i + 1
// (the index is in FILE.index).
//
// Each extraction is checked: no crash, under --slow-ms (default 1000), every evidence span
// inside the text with start <= end and its quote equal to the bytes at its offsets, fact ids
// unique, and the same result when extracted again (every 10th input). Prints one summary line.
import AnnalsExtract
import Foundation

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct Options {
    var lexicon = "config/lexicon"
    var count = 10_000
    var seed: UInt64 = 1
    var start = 0
    var current: String?
    var slowMilliseconds = 1000.0
    /// Inputs are cut to this size: real readouts are a few KB, and past a few MB the time is
    /// simply the size (about 8 MB/s), not a bug (measured apart, see docs/reliability.md).
    var maxBytes = 2 << 20
    var seedDirectories: [String] = []
}

func parseOptions() -> Options? {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        func value() -> String? { arguments.popFirst() }
        switch argument {
        case "--lexicon": guard let v = value() else { return nil }; options.lexicon = v
        case "--count": guard let v = value().flatMap(Int.init) else { return nil }; options.count = v
        case "--seed": guard let v = value().flatMap(UInt64.init) else { return nil }; options.seed = v
        case "--start": guard let v = value().flatMap(Int.init) else { return nil }; options.start = v
        case "--current": guard let v = value() else { return nil }; options.current = v
        case "--slow-ms": guard let v = value().flatMap(Double.init) else { return nil }; options.slowMilliseconds = v
        case "--max-bytes": guard let v = value().flatMap(Int.init) else { return nil }; options.maxBytes = v
        default:
            if argument.hasPrefix("--") { return nil }
            options.seedDirectories.append(argument)
        }
    }
    return options
}

/// Phrases the extractor reacts to, spliced in so mutations reach deep paths.
let phrases: [String] = [
    "On May 5, 2025, President Xi Jinping held talks with Azerbaijani President Ilham Aliyev in Beijing.",
    "The two heads of state announced the establishment of a comprehensive strategic partnership.",
    "After the talks, the two sides signed more than 30 cooperation documents, including a joint statement.",
    "Wang Yi and Cai Qi, among others, were present.", "date 2025-04-24\n", "Published: 12 March 2024\n",
    "yesterday", "on Wednesday", "the same day", "the previous evening", "had a phone call with",
    "Prime Minister", "King", "Chancellor", "President of the Russian Federation", "held a welcoming ceremony",
    "the two leaders exchanged congratulatory letters", "(Xinhua) --", "MOSCOW, March 3 (TASS).",
    "China and Azerbaijan", "firmly supports", "opposes", "Taiwan", "nearly 20 agreements", "three memoranda",
    "\u{202E}", "\u{0301}", "\u{FEFF}", "\u{00A0}", "—", "“", "”", "\r\n", "\t", "..", "Mr.", "Dr. ", "U.S. ",
]

func randomScalar(_ rng: inout SplitMix64) -> Unicode.Scalar {
    let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x01...0x1F, 0xA0...0x2FF, 0x300...0x36F, 0x400...0x4FF,
                                         0x590...0x6FF, 0x2000...0x206F, 0x4E00...0x9FFF, 0xE000...0xF8FF,
                                         0xFFF0...0xFFFD, 0x1F300...0x1FAFF, 0x10000...0x10FFFF]
    while true {
        let range = ranges.randomElement(using: &rng)!
        if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { return scalar }
    }
}

func sentenceRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ".") || byte == 0x0A {
        if index + 1 > start { ranges.append(start..<(index + 1)) }
        start = index + 1
    }
    if start < bytes.count { ranges.append(start..<bytes.count) }
    return ranges
}

func mutate(_ input: [UInt8], seeds: [[UInt8]], rng: inout SplitMix64) -> (bytes: [UInt8], kinds: [String]) {
    var bytes = input
    var kinds: [String] = []
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
        switch Int.random(in: 0..<11, using: &rng) {
        case 0:
            kinds.append("flip")
            for _ in 0..<Int.random(in: 1...8, using: &rng) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            }
        case 1:
            kinds.append("truncate")
            bytes = Array(bytes.prefix(position))
        case 2:
            kinds.append("splice")
            let other = seeds.randomElement(using: &rng)!
            let from = other.isEmpty ? 0 : Int.random(in: 0..<other.count, using: &rng)
            bytes = Array(bytes.prefix(position)) + Array(other[from...])
        case 3:
            kinds.append("repeat-sentence")
            if let sentence = sentenceRanges(bytes).randomElement(using: &rng) {
                let piece = Array(bytes[sentence])
                let times = Int.random(in: 2...400, using: &rng)
                var repeated: [UInt8] = []
                for _ in 0..<times { repeated += piece + [UInt8(ascii: " ")] }
                bytes.insert(contentsOf: repeated, at: sentence.upperBound)
            }
        case 4:
            kinds.append("random-utf8")
            var text = ""
            for _ in 0..<Int.random(in: 1...200, using: &rng) { text.unicodeScalars.append(randomScalar(&rng)) }
            bytes.insert(contentsOf: Array(text.utf8), at: position)
        case 5:
            kinds.append("huge-line")
            let word = ["President ", "Xi", "a", "—", " ", "1", "met with ", "中"][Int.random(in: 0..<8, using: &rng)]
            let line = Array(String(repeating: word, count: Int.random(in: 10_000...200_000, using: &rng) / max(1, word.utf8.count)).utf8)
            bytes.insert(contentsOf: line, at: position)
        case 6:
            kinds.append("delete-range")
            if !bytes.isEmpty {
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let end = min(bytes.count, start + Int.random(in: 1...500, using: &rng))
                bytes.removeSubrange(start..<end)
            }
        case 7:
            kinds.append("duplicate-range")
            if !bytes.isEmpty {
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                let end = min(bytes.count, start + Int.random(in: 1...2000, using: &rng))
                bytes.insert(contentsOf: Array(bytes[start..<end]), at: start)
            }
        case 8:
            kinds.append("phrase")
            bytes.insert(contentsOf: Array(phrases.randomElement(using: &rng)!.utf8), at: position)
        case 9:
            kinds.append("shuffle-sentences")
            var sentences = sentenceRanges(bytes).map { Array(bytes[$0]) }
            sentences.shuffle(using: &rng)
            bytes = sentences.flatMap { $0 }
        default:
            kinds.append("digits")
            if !bytes.isEmpty {
                for _ in 0..<Int.random(in: 1...10, using: &rng) {
                    let index = Int.random(in: 0..<bytes.count, using: &rng)
                    if bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                        bytes[index] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &rng)
                    }
                }
                bytes.insert(contentsOf: Array(String(Int.random(in: -99_999_999...9_999_999_999, using: &rng)).utf8), at: min(position, bytes.count))
            }
        }
    }
    return (bytes, kinds)
}

/// Valid UTF-8 with no NUL: what `Readout` accepts.
func repaired(_ bytes: [UInt8]) -> [UInt8] {
    Array(String(decoding: bytes, as: UTF8.self).utf8).map { $0 == 0 ? UInt8(ascii: " ") : $0 }
}

struct Problem: Error, CustomStringConvertible { var description: String }

func check(_ extraction: Extraction, bytes: [UInt8]) throws(Problem) {
    var ids = Set<String>()
    for fact in extraction.facts {
        guard ids.insert(fact.id).inserted else { throw Problem(description: "duplicate fact id \(fact.id)") }
        for evidence in fact.evidence {
            guard evidence.start >= 0, evidence.start <= evidence.end, evidence.end <= bytes.count else {
                throw Problem(description: "evidence [\(evidence.start), \(evidence.end)) outside the \(bytes.count) bytes of the text (fact \(fact.type))")
            }
            guard Array(evidence.quote.utf8) == Array(bytes[evidence.start..<evidence.end]) else {
                throw Problem(description: "evidence quote is not the bytes at [\(evidence.start), \(evidence.end)) (fact \(fact.type))")
            }
        }
    }
}

func run() -> Int32 {
    guard let options = parseOptions(), !options.seedDirectories.isEmpty else {
        FileHandle.standardError.write(Data("usage: annals-fuzz --lexicon DIR --count N --seed S [--start K] [--current FILE] [--slow-ms MS] SEED_DIR...\n".utf8))
        return 2
    }
    let extractor: Extractor
    do {
        extractor = Extractor(lexicon: try Lexicon.load(directory: options.lexicon))
    } catch {
        FileHandle.standardError.write(Data("annals-fuzz: cannot load the lexicon: \(error)\n".utf8))
        return 2
    }
    var seeds: [[UInt8]] = []
    for directory in options.seedDirectories {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            if let data = FileManager.default.contents(atPath: directory + "/" + name) { seeds.append(Array(data)) }
        }
    }
    guard !seeds.isEmpty else {
        FileHandle.standardError.write(Data("annals-fuzz: no *.txt seeds in \(options.seedDirectories)\n".utf8))
        return 2
    }
    let currentFD: Int32 = options.current.map { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) } ?? -1
    let indexFD: Int32 = options.current.map { open($0 + ".index", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) } ?? -1

    var extracted = 0, refused = 0, facts = 0, evidenceChecked = 0, slow = 0, failures = 0, rechecked = 0
    var slowest = 0.0, totalSeconds = 0.0, largest = 0
    var kindsSeen: [String: Int] = [:]
    let started = Date()
    for index in options.start..<options.count {
        var rng = SplitMix64(state: options.seed &* 0x1_0000_0001 &+ UInt64(index))
        let base = seeds.randomElement(using: &rng)!
        var (bytes, kinds) = mutate(base, seeds: seeds, rng: &rng)
        if bytes.count > options.maxBytes { bytes = Array(bytes.prefix(options.maxBytes)) }
        if Int.random(in: 0..<10, using: &rng) < 9 { bytes = repaired(bytes) }
        for kind in kinds { kindsSeen[kind, default: 0] += 1 }
        largest = max(largest, bytes.count)
        if currentFD >= 0, indexFD >= 0 {
            _ = ftruncate(currentFD, 0)
            _ = bytes.withUnsafeBytes { pwrite(currentFD, $0.baseAddress, $0.count, 0) }
            let number = Array("\(index)\n".utf8)
            _ = ftruncate(indexFD, 0)
            _ = number.withUnsafeBytes { pwrite(indexFD, $0.baseAddress, $0.count, 0) }
        }
        let readout: Readout
        do {
            readout = try Readout(name: "fuzz-\(index).txt", bytes: bytes)
        } catch {
            refused += 1
            continue
        }
        let clock = ContinuousClock.now
        let extraction = extractor.extract(readout)
        let elapsed = ContinuousClock.now - clock
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        totalSeconds += seconds
        slowest = max(slowest, seconds)
        extracted += 1
        facts += extraction.facts.count
        evidenceChecked += extraction.facts.reduce(0) { $0 + $1.evidence.count }
        var problem: String?
        if seconds * 1000 > options.slowMilliseconds {
            slow += 1
            problem = "slow: \(Int(seconds * 1000)) ms for \(bytes.count) bytes"
        }
        do { try check(extraction, bytes: bytes) } catch { problem = error.description }
        if problem == nil, index % 10 == 0 {
            rechecked += 1
            if extractor.extract(readout).facts != extraction.facts { problem = "not deterministic: a second extraction differs" }
        }
        if let problem {
            failures += 1
            // The wrapper keeps the input named by this line as a regression fixture.
            print("FAIL input \(index) (\(kinds.joined(separator: "+"))): \(problem)")
            if let current = options.current {
                let keep = current + ".fail-\(index)"
                _ = FileManager.default.createFile(atPath: keep, contents: Data(bytes))
                print("KEEP \(keep)")
            }
        }
    }
    if currentFD >= 0 { close(currentFD) }
    if indexFD >= 0 { close(indexFD) }
    let wall = Date().timeIntervalSince(started)
    let mean = extracted > 0 ? totalSeconds / Double(extracted) * 1000 : 0
    print("inputs \(options.count - options.start) (from \(options.start)): \(extracted) extracted, \(refused) refused by Readout; "
          + "\(facts) facts, \(evidenceChecked) evidence spans checked, \(rechecked) re-extracted for determinism; "
          + "mean \(String(format: "%.2f", mean)) ms, slowest \(String(format: "%.1f", slowest * 1000)) ms, largest \(largest) bytes; "
          + "\(slow) over \(Int(options.slowMilliseconds)) ms, \(failures) failures; \(String(format: "%.1f", wall)) s")
    print("mutations: " + kindsSeen.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    return failures == 0 ? 0 : 1
}

exit(run())
