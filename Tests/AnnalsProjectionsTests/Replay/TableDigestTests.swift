import AnnalsDigest
import AnnalsLog
@testable import AnnalsProjections
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

    /// Rows encoded in Swift equal `rowExpression`'s, whatever the storage class: a REAL and a
    /// BLOB where the schema expects others, negative and large integers, text with a NUL byte.
    @Test func aSwiftEncodedRowEqualsSQLites() throws {
        let db = try TemporaryLog()
        try db.log.database.execute("""
            INSERT INTO sources (name, sha256, size, state, published, arrived_seq, arrived_at, last_seq, content_seq, facts)
            VALUES ('a' || char(0) || 'b', X'00FF10', 1.5, 'active', 0.1, -7, 't', 9223372036854775807, 1e300, -0.0),
                   ('é.txt', '', 5, 'withdrawn', NULL, 1, '', 2, 1, 0)
            """)
        for projection in ProjectionName.allCases {
            let swift = try TableDigest.digest(of: projection, in: db.log.database)
            let sql = try TableDigest.digestInSQL(of: projection, in: db.log.database)
            #expect(swift.hex == sql.hex, "\(projection)")
            #expect(swift.rows == sql.rows)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func swiftAndSQLDigestsAgreeOnARandomLife(seed: UInt64) throws {
        let db = try RandomLifeTests.life(seed: seed)
        for projection in ProjectionName.allCases {
            #expect(try TableDigest.digest(of: projection, in: db.log.database) == TableDigest.digestInSQL(of: projection, in: db.log.database))
        }
    }

    @Test func theOverallDigestChainsTheProjectionDigests() {
        let overall = TableDigest.overall([(.facts, "aa"), (.sources, "bb")])
        #expect(overall == SHA256.hex("facts aa\nsources bb\n"))
    }
}
