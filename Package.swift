// swift-tools-version:6.0
// Annals: an append-only, hash-chained record of diplomatic readouts.
import PackageDescription

let package = Package(
    name: "Annals",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "annals", targets: ["annals"]),
        .library(name: "AnnalsExtract", targets: ["AnnalsExtract"]),
        .library(name: "AnnalsLog", targets: ["AnnalsLog"]),
        .library(name: "AnnalsProjections", targets: ["AnnalsProjections"]),
        .library(name: "AnnalsSync", targets: ["AnnalsSync"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The C side: a module map over the system libsqlite3 (apt: libsqlite3-dev).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // SHA-256 in plain Swift, shared by the extractor (fact ids) and the log (hash chain).
        .target(name: "AnnalsDigest", dependencies: ["CSHA256"]),
        // SHA-256's block function in x86 SHA instructions (SHA-NI), used when cpuid has them.
        .target(name: "CSHA256"),
        // Readout text to facts with evidence; knows nothing of SQLite or files. The EmbedLexicon
        // plugin compiles config/lexicon into it, the lexicon of last resort for a binary
        // installed without its checkout.
        .target(name: "AnnalsExtract", dependencies: ["AnnalsDigest"], plugins: ["EmbedLexicon"]),
        // Generates that Swift source from the lexicon files at build time (run by the plugin).
        .executableTarget(name: "annals-embed-lexicon", path: "Sources/AnnalsEmbedLexicon"),
        .plugin(name: "EmbedLexicon", capability: .buildTool(), dependencies: ["annals-embed-lexicon"]),
        // The SQLite wrapper, the event envelope, the hash-chained append-only store.
        .target(name: "AnnalsLog", dependencies: ["CSQLite", "AnnalsDigest"]),
        // Pure folds of the log into read models, and their SQLite tables; replay.
        .target(name: "AnnalsProjections", dependencies: ["AnnalsLog", "AnnalsExtract", "AnnalsDigest"]),
        // The watched folder as a boundary (name rules, no-follow reads, scans, inotify and
        // polling watchers), the recorder of readouts and the reconciler over them.
        .target(name: "AnnalsSync", dependencies: [
            "AnnalsLog", "AnnalsExtract", "AnnalsProjections", "AnnalsDigest",
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The thin command-line executable over the libraries.
        .executableTarget(name: "annals", dependencies: [
            "AnnalsLog", "AnnalsExtract", "AnnalsProjections", "AnnalsSync",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The benchmark harness (issue 11): the log against raw SQLite on a fixed workload.
        // Run by scripts/bench; not part of `swift test`.
        .executableTarget(name: "annals-bench", dependencies: ["AnnalsLog", "AnnalsDigest", "AnnalsProjections", "CSQLite"],
                          path: "Sources/AnnalsBench"),
        // The extractor's fuzz driver (issue 9): a seeded mutation loop. Run by scripts/fuzz-extract.
        .executableTarget(name: "annals-fuzz", dependencies: ["AnnalsExtract"], path: "Sources/AnnalsFuzz"),
        .testTarget(name: "AnnalsDigestTests", dependencies: ["AnnalsDigest"]),
        .testTarget(name: "AnnalsLogTests", dependencies: ["AnnalsLog", "CSQLite"]),
        .testTarget(name: "AnnalsExtractTests", dependencies: ["AnnalsExtract"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AnnalsSyncTests", dependencies: [
            "AnnalsSync",
            .product(name: "InMemoryLogging", package: "swift-log"),
        ]),
        .testTarget(name: "AnnalsProjectionsTests", dependencies: ["AnnalsProjections", "AnnalsLog", "AnnalsDigest"]),
        // End to end: runs the built `annals` on temporary folders, as a user would.
        .testTarget(name: "AnnalsCLITests", dependencies: ["annals", "CSQLite"], exclude: ["Golden"]),
    ]
)
