import AnnalsDigest
import AnnalsLog
import AnnalsProjections
import Testing

/// The digest is the documented encoding, byte for byte (docs/read-models.md, "Replay digests").
struct TableDigestTests {
    @Test func aSourcesRowDigestsAsDocumented() throws {
        let db = try TemporaryLog()
        try db.log.database.execute("""
            INSERT INTO sources (name, sha256, size, state, published, arrived_seq, arrived_at, last_seq, content_seq, facts)
            VALUES ('é.txt', 'ab', 5, 'active', NULL, 1, 't', 2, 1, 0)
            """)
        let expected = "table sources\n" + "T6:é.txt" + "T2:ab" + "I5;" + "T6:active" + "N" + "I1;" + "T1:t" + "I2;" + "I1;" + "I0;" + "\n"
        let digest = try TableDigest.digest(of: .sources, in: db.log.database)
        #expect(digest.rows == 1)
        #expect(digest.hex == SHA256.hex(expected))
    }

    @Test func theOverallDigestChainsTheProjectionDigests() {
        let overall = TableDigest.overall([(.facts, "aa"), (.sources, "bb")])
        #expect(overall == SHA256.hex("facts aa\nsources bb\n"))
    }
}
