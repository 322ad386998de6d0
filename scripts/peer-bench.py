#!/usr/bin/env python3
"""Measure the Python `eventsourcing` library on issue 11's fixed workload.

Usage: peer-bench.py [--events N] [--repeat K] [--seed S] [--synchronous normal|full]
                     [--db FILE] [--keep]

Drives the library at its recorder level (`SQLiteApplicationRecorder`), the layer
a Python user would build an event log like Annals' on, so the comparison is
storage against storage rather than against aggregate and mapper overhead:

- append: `insert_events` with 1,000 `StoredEvent`s per call (one transaction each);
- replay: `select_notifications` paged through the whole log, 1,000 at a time,
  every payload decoded with `json.loads`.

The workload (the one `scripts/bench` builds for Annals): N events (default
200,000) over N/100 streams named like `relation/AZ-CN`, exactly 100 events per
stream, globally shuffled with a fixed seed; each payload one compact JSON fact
in the FACTS.md shape with one ~300-character evidence quote, ~600 bytes in all.
Each run uses a fresh database file in WAL mode with `synchronous=NORMAL`.

Prints one JSON object on stdout (progress goes to stderr):
  {"peer_append_events_per_s": ..., "peer_replay_events_per_s": ..., "peer_version": ...,
   "events": N, ...}
With --repeat K each figure is the median of K fresh runs (min and max beside it).

Run it through `scripts/peer-bench`, which installs the library into `.venv-bench`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time

try:
    from eventsourcing.persistence import StoredEvent
    from eventsourcing.sqlite import (
        SQLiteApplicationRecorder,
        SQLiteConnectionPool,
        SQLiteDatastore,
    )
except ImportError as exc:  # run outside the wrapper's virtualenv: skip, do not fail
    print(json.dumps({
        "peer_append_events_per_s": None,
        "peer_replay_events_per_s": None,
        "peer_skipped": f"eventsourcing is not importable ({exc}); run scripts/peer-bench",
    }))
    sys.exit(0)

try:
    from importlib.metadata import version as _dist_version
    PEER_VERSION = _dist_version("eventsourcing")
except Exception:  # metadata missing in an odd install; the figures still stand
    PEER_VERSION = "unknown"

EVENTS_PER_STREAM = 100  # fixed by issue 11
BATCH = 1000             # events per insert_events call, and per notification page
TOPIC = "annals.facts:FactAsserted"

# Real ISO 3166-1 alpha-2 codes: 72 codes give 2,556 unordered pairs, enough for
# the 2,000 streams of the full workload (larger --events reuse pairs with a suffix).
CODES = (
    "AE AF AL AM AO AR AT AU AZ BD BE BG BR BY CA CH CL CN CO CU CZ DE DK DZ EG ES "
    "ET FI FR GB GE GR HU ID IE IL IN IQ IR IT JP KE KG KH KR KZ LA LK MA MM MN MX "
    "MY NG NL NO NP NZ PE PH PK PL PT RO RS RU SA SE TH TJ TM TR"
).split()

FORMATS = ("meeting", "talks", "phone call", "video call")
LEVELS = (
    "strategic partnership", "comprehensive strategic partnership",
    "comprehensive strategic cooperative partnership", "all-round strategic partnership",
    "friendly cooperative partnership", "comprehensive partnership",
)
FILLER = (
    "The two sides should continue supporting each other firmly on issues concerning "
    "their respective core interests, deepen practical cooperation in trade, investment, "
    "energy, agriculture and connectivity, expand exchanges in education, culture, "
    "tourism and at the subnational level, and strengthen coordination within the "
    "United Nations and other multilateral frameworks so as to deliver more benefits "
    "to the two peoples and contribute to regional peace, stability and prosperity."
)


def stream_pairs(n_streams: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(stream name, code a, code b) for n_streams distinct pairs, chosen by rng."""
    base = [(a, b) for i, a in enumerate(CODES) for b in CODES[i + 1:]]
    rng.shuffle(base)
    pairs = list(base)
    k = 1
    while len(pairs) < n_streams:  # only beyond 255,600 events
        pairs.extend((f"{a}{k}", b) for a, b in base)
        k += 1
    return [(f"relation/{a}-{b}", a, b) for a, b in pairs[:n_streams]]


def payload(rng: random.Random, a: str, b: str, version: int) -> bytes:
    """One compact JSON fact (~600 bytes) with a ~300-character evidence quote."""
    date = f"{2000 + version // 5:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    cut = rng.randint(0, 60)
    quote = f"On {date}, the leaders of {a} and {b} met. " + FILLER[cut:cut + 282]
    start = rng.randint(0, 4000)
    kind = version % 3
    if kind == 0:
        fact = {
            "type": "meeting", "date": date, "format": rng.choice(FORMATS),
            "participants": [
                {"name": f"Leader {a}{rng.randint(1, 9)}", "country": a, "title": "President"},
                {"name": f"Leader {b}{rng.randint(1, 9)}", "country": b,
                 "title": "Prime Minister"},
            ],
        }
    elif kind == 1:
        fact = {
            "type": "partnership", "parties": [a, b], "level": rng.choice(LEVELS),
            "action": "established", "date": date,
        }
    else:
        fact = {
            "type": "document", "kind": "agreement", "parties": [a, b], "date": date,
            "count": rng.randint(2, 40), "count_qualifier": "more than",
            "fields": ["trade", "investment", "green energy"],
            "signed_by": "relevant departments",
        }
    fact["evidence"] = [{"quote": quote, "start": start, "end": start + len(quote)}]
    fact["source"] = f"r{rng.randint(1, 999999):06d}.txt"
    fact["id"] = f"{rng.getrandbits(64):016x}"
    return json.dumps(fact, separators=(",", ":")).encode()


def build_workload(n_events: int, seed: int) -> list[StoredEvent]:
    """All events, globally shuffled; each stream holds versions 1..100."""
    rng = random.Random(seed)
    events = []
    for name, a, b in stream_pairs(n_events // EVENTS_PER_STREAM, rng):
        for v in range(1, EVENTS_PER_STREAM + 1):
            events.append(StoredEvent(originator_id=name, originator_version=v,
                                      topic=TOPIC, state=payload(rng, a, b, v)))
    rng.shuffle(events)
    return events


class TunedPool(SQLiteConnectionPool):
    """The library's own pool, plus `PRAGMA synchronous` on every connection it opens.

    eventsourcing switches file databases to WAL itself but leaves `synchronous` at
    SQLite's default (FULL: an fsync per commit), and neither its environment
    variables (SQLITE_DBNAME, SQLITE_LOCK_TIMEOUT, ...) nor its constructors expose
    it. Annals runs WAL + NORMAL, so the fair comparison sets the same here;
    `--synchronous full` measures the library's default.
    """

    def __init__(self, *, synchronous: str, **kwargs):
        self.synchronous = synchronous.upper()
        super().__init__(**kwargs)

    def _create_connection(self):  # type: ignore[override]
        conn = super()._create_connection()
        conn._sqlite_conn.execute(f"PRAGMA synchronous={self.synchronous}")
        return conn


def make_recorder(db_path: str, synchronous: str) -> SQLiteApplicationRecorder:
    # originator_id_type="text": stream names are strings, not UUIDs.
    datastore = SQLiteDatastore(db_path, originator_id_type="text")
    datastore.pool.close()  # nothing is open yet: the pool connects on demand
    datastore.pool = TunedPool(db_name=db_path, synchronous=synchronous)
    recorder = SQLiteApplicationRecorder(datastore)
    recorder.create_table()
    return recorder


def pragmas(recorder: SQLiteApplicationRecorder) -> tuple[str, str]:
    """journal_mode and synchronous as a reader connection of the pool sees them."""
    pool = recorder.datastore.pool
    conn = pool.get_connection(is_writer=False)
    try:
        journal = conn._sqlite_conn.execute("PRAGMA journal_mode").fetchone()[0]
        sync = conn._sqlite_conn.execute("PRAGMA synchronous").fetchone()[0]
    finally:
        pool.put_connection(conn)
    return journal, {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(sync, str(sync))


def run_once(events: list[StoredEvent], db_path: str, synchronous: str) -> dict:
    recorder = make_recorder(db_path, synchronous)
    n = len(events)

    t0 = time.perf_counter()
    for i in range(0, n, BATCH):
        recorder.insert_events(events[i:i + BATCH])
    append_s = time.perf_counter() - t0

    # Replay: page through the application sequence, decoding every payload as a
    # projection rebuild would; the decoded facts are touched so no work is skipped.
    t0 = time.perf_counter()
    seen = 0
    checksum = 0
    start = 1
    while True:
        page = recorder.select_notifications(start=start, limit=BATCH)
        if not page:
            break
        for notification in page:
            fact = json.loads(notification.state)
            checksum += len(fact["type"])
        seen += len(page)
        start = page[-1].id + 1
    replay_s = time.perf_counter() - t0

    journal, sync = pragmas(recorder)
    recorder.datastore.close()
    if seen != n or checksum == 0:
        raise SystemExit(f"peer-bench: replay saw {seen} of {n} events")
    return {"append": n / append_s, "replay": n / replay_s,
            "journal_mode": journal, "synchronous": sync}


def remove_db(db_path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db_path + suffix):
            os.remove(db_path + suffix)


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Measure eventsourcing's SQLite recorder on issue 11's workload "
                    "and print one JSON object.")
    parser.add_argument("--events", type=int, default=200_000,
                        help="events in the workload, a positive multiple of 100 "
                             "(default 200000)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="fresh runs; each figure is their median (default 1)")
    parser.add_argument("--seed", type=int, default=11, help="workload seed (default 11)")
    parser.add_argument("--synchronous", choices=("normal", "full"), default="normal",
                        help="PRAGMA synchronous for the peer (default normal, as Annals)")
    parser.add_argument("--db", help="database file to create (default: in a fresh temp "
                                     "folder); must not exist")
    parser.add_argument("--keep", action="store_true",
                        help="keep the database afterwards (needs --repeat 1)")
    args = parser.parse_args()

    if args.events <= 0 or args.events % EVENTS_PER_STREAM:
        parser.error(f"--events must be a positive multiple of {EVENTS_PER_STREAM}")
    if args.repeat <= 0:
        parser.error("--repeat must be positive")
    if args.keep and args.repeat > 1:
        parser.error("--keep allows one run only (each run needs a fresh file)")
    if args.db and os.path.exists(args.db):
        parser.error(f"--db {args.db} exists; give a new path")
    if args.db and not os.path.isdir(os.path.dirname(os.path.abspath(args.db))):
        parser.error(f"--db {args.db}: its folder does not exist")

    events = build_workload(args.events, args.seed)
    avg_bytes = sum(len(e.state) for e in events) / len(events)

    appends, replays = [], []
    info: dict = {}
    for r in range(args.repeat):
        workdir = tempfile.mkdtemp(prefix="peer-bench-")
        db_path = args.db or os.path.join(workdir, "peer.sqlite")
        try:
            info = run_once(events, db_path, args.synchronous)
        finally:
            if args.keep:
                print(f"peer-bench: kept {db_path}", file=sys.stderr)
            else:
                remove_db(db_path)
                shutil.rmtree(workdir, ignore_errors=True)
        appends.append(info["append"])
        replays.append(info["replay"])
        print(f"peer-bench: run {r + 1}/{args.repeat}: append {info['append']:.0f} events/s, "
              f"replay {info['replay']:.0f} events/s", file=sys.stderr)

    print(json.dumps({
        "peer_append_events_per_s": round(statistics.median(appends)),
        "peer_replay_events_per_s": round(statistics.median(replays)),
        "peer_append_min_max": [round(min(appends)), round(max(appends))],
        "peer_replay_min_max": [round(min(replays)), round(max(replays))],
        "peer_version": PEER_VERSION,
        "peer_recorder": "SQLiteApplicationRecorder",
        "peer_journal_mode": info["journal_mode"],
        "peer_synchronous": info["synchronous"],
        "peer_sqlite_version": sqlite3.sqlite_version,
        "events": args.events,
        "streams": args.events // EVENTS_PER_STREAM,
        "payload_avg_bytes": round(avg_bytes),
        "repeat": args.repeat,
    }))


if __name__ == "__main__":
    main()
