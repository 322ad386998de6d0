import Testing
import AnnalsLog

struct HashChainTests {
    /// The canonical row must equal Python's json.dumps(row, separators=(",",":"), ensure_ascii=False),
    /// the recipe the README gives auditors.
    @Test func canonicalRowMatchesThePythonRecipe() {
        let bytes = HashChain.canonicalRow(
            seq: 7, stream: "source/a \"b\"\\c\n\u{1}é.txt", streamVersion: 2, type: "SourceAdded", schema: 1,
            validOn: nil, recordedAt: "2026-11-27T06:01:02.123Z", payloadSHA256: "ab")
        let expected = #"[7,"source/a \"b\"\\c\n\u0001é.txt",2,"SourceAdded",1,null,"2026-11-27T06:01:02.123Z","ab"]"#
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    /// A hash computed independently (python3 hashlib over the recipe) pins the recipe down.
    @Test func hashOfAKnownRow() {
        let row = HashChain.canonicalRow(seq: 1, stream: "s", streamVersion: 1, type: "T", schema: 1,
                                         validOn: "2025-04-23", recordedAt: "2026-01-01T00:00:00.000Z",
                                         payloadSHA256: "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        // python3 -c 'import hashlib,json;r=json.dumps([1,"s",1,"T",1,"2025-04-23","2026-01-01T00:00:00.000Z",
        //   hashlib.sha256(b"{}").hexdigest()],separators=(",",":"),ensure_ascii=False);
        //   print(hashlib.sha256(bytes(32)+r.encode()).hexdigest())'
        #expect(HashChain.hash(prevHash: HashChain.genesis, canonicalRow: row)
                == "5ad3bd5cc4b4b8798d6bbb851cbedee5d7f0672b7841eb0c55f4481ee62c8e99")
    }
}
