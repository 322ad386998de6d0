#!/usr/bin/env python3
"""The engine of scripts/bench (issue 11): runs every measurement, prints a table or one JSON object.

Run it through scripts/bench, which builds the release binaries first. Python standard library
only. Every figure is measured in this run, beside its baseline, at least 3 times (the median is
the figure; min and max show the noise). A figure whose command does not exist yet (or fails) is
null, with the reason in the table and under "null_reasons" in the JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SEED = 11

# key: (comparison, bound, how the target reads in the table)
TARGETS = {
    "append_ratio_to_raw": (">=", 0.8, ">= 0.8"),
    "replay_ratio_to_raw_scan": (">=", 0.5, ">= 0.5"),
    "append_ratio_to_peer": (">=", 1.2, ">= 1.2"),
    "replay_ratio_to_peer": (">=", 5.0, ">= 5"),
    "ingest_100k_s": ("<=", 60.0, "<= 60 s"),
    "peak_rss_mb": ("<", 200.0, "< 200 MB, flat"),
    "extract_mb_per_s": (">=", 20.0, ">= 20 (goal 50)"),
    "query_p99_ms": ("<=", 20.0, "<= 20 ms"),
    "cold_start_ratio_to_shell": ("<=", 2.0, "<= 2x shell"),
    "drop_to_commit_p99_ms": ("<=", 25.0, "<= 25 ms"),
    "drop_to_query_p99_ms": ("<=", 100.0, "<= 100 ms"),
    "burst_10k_lost": ("<=", 0, "0"),
    "burst_10k_s": ("<=", 5.0, "<= 5 s"),
}

# The keys of issue 11 in the order the table prints them (extras follow their kin).
KEYS = [
    "raw_insert_rows_per_s", "append_events_per_s", "append_ratio_to_raw", "append_ratio_to_raw_paired",
    "raw_scan_rows_per_s", "replay_events_per_s", "replay_ratio_to_raw_scan",
    "log_scan_events_per_s", "log_scan_ratio_to_raw_scan",
    "stream_read_p50_ms", "stream_read_p99_ms", "raw_stream_read_p50_ms", "raw_stream_read_p99_ms",
    "peer_append_events_per_s", "peer_replay_events_per_s", "append_ratio_to_peer", "replay_ratio_to_peer",
    "ingest_readouts_per_s", "ingest_100k_s", "peak_rss_mb",
    "extract_mb_per_s", "extract_mb_per_cpu_s",
    "query_p50_ms", "query_p99_ms",
    "query_relations_p99_ms", "query_meetings_p99_ms", "query_explain_p99_ms",
    "query_meetings_busiest_country_ms", "sqlite3_shell_query_p50_ms",
    "cold_start_ms", "sqlite3_cold_start_ms", "cold_start_ratio_to_shell", "annals_startup_ms",
    "drop_to_commit_p50_ms", "drop_to_commit_p99_ms", "drop_to_query_p50_ms", "drop_to_query_p99_ms",
    "burst_10k_lost", "burst_10k_s",
]


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile, as annals-bench computes it."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


class Results:
    def __init__(self) -> None:
        self.values: dict = {}
        self.stats: dict = {}
        self.reasons: dict = {}
        self.notes: dict = {}

    def set(self, key: str, value, runs: list[float] | None = None, note: str | None = None) -> None:
        self.values[key] = value
        if runs:
            self.stats[key] = {"median": statistics.median(runs), "min": min(runs), "max": max(runs), "runs": runs}
        if note:
            self.notes[key] = note

    def null(self, key: str, reason: str) -> None:
        if self.values.get(key) is None:
            self.values[key] = None
            self.reasons[key] = reason

    def ratio(self, key: str, numerator: str, denominator: str) -> None:
        a, b = self.values.get(numerator), self.values.get(denominator)
        if a is None or b is None or b == 0:
            missing = numerator if a is None else denominator
            self.null(key, f"needs {missing}" + (f" ({self.reasons[missing]})" if missing in self.reasons else ""))
        else:
            self.values[key] = round(a / b, 3)


class Runner:
    """Runs commands as new processes, timing them and reading their peak RSS (wait4)."""

    def __init__(self, work: str) -> None:
        self.work = work
        self.counter = 0

    def run(self, argv: list[str], timeout: float = 600, stdout_path: str | None = None, env=None) -> dict:
        self.counter += 1
        out_path = stdout_path or os.path.join(self.work, f"out-{self.counter % 4}.txt")
        err_path = os.path.join(self.work, f"err-{self.counter % 4}.txt")
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            try:
                process = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
            except OSError as error:
                return {"rc": 127, "seconds": 0.0, "cpu_seconds": 0.0, "rss_mb": 0.0, "stdout": "", "stderr": str(error)}
            deadline = start + timeout
            while True:
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    process.kill()
                    pid, status, usage = os.wait4(process.pid, 0)
                    break
                time.sleep(0.0005)
            seconds = time.perf_counter() - start
        rc = os.waitstatus_to_exitcode(status)
        with open(err_path, "r", errors="replace") as f:
            stderr = f.read()
        stdout = ""
        if stdout_path is None:
            with open(out_path, "r", errors="replace") as f:
                stdout = f.read()
        return {"rc": rc, "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
                "rss_mb": usage.ru_maxrss / 1024.0, "stdout": stdout, "stderr": stderr}

    def quick(self, argv: list[str], timeout: float = 30):
        """Wall milliseconds of one short command (queries, status), and its result."""
        result = self.run(argv, timeout=timeout)
        return result["seconds"] * 1000.0, Done(result)


class Done:
    """The parts of a finished process the callers read, shaped like subprocess.CompletedProcess."""

    def __init__(self, result: dict) -> None:
        self.returncode = result["rc"]
        self.stdout = result["stdout"].encode()
        self.stderr = result["stderr"].encode()
        self.cpu_ms = result["cpu_seconds"] * 1000.0


def why(result) -> str:
    """The first useful line of a failed command's output."""
    text = (result["stderr"] if isinstance(result, dict) else result.stderr.decode(errors="replace")) or ""
    if not isinstance(result, dict):
        text = text or result.stdout.decode(errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    rc = result["rc"] if isinstance(result, dict) else result.returncode
    return f"exit {rc}: " + (lines[0][:160] if lines else "no output")


class Bench:
    def __init__(self, args) -> None:
        self.args = args
        self.quick = args.quick
        self.bin = args.bin
        self.annals = os.path.join(self.bin, "annals")
        self.annals_bench = os.path.join(self.bin, "annals-bench")
        self.work = tempfile.mkdtemp(prefix="annals-bench-run.", dir=args.workdir)
        self.runner = Runner(self.work)
        self.results = Results()
        self.events = args.events or (50_000 if self.quick else 200_000)
        self.readouts = 10_000 if self.quick else 100_000
        # Quick mode adds a 2.5k point only for the plot (a line needs two points).
        self.ingest_sizes = ([2_500] if args.plot else []) + [10_000] if self.quick else [10_000, 50_000, 100_000]
        self.subcommands = self.annals_subcommands()
        self.corpus_dir: str | None = None
        self.corpus_reason: str | None = None
        self.query_db: str | None = args.query_db
        self.log_db: str | None = None
        self.ingest_points: list[tuple[int, float, float]] = []  # (N, seconds, rss MB)
        self.drop_to_query: list[float] = []
        self.started = time.perf_counter()

    # MARK: environment

    def annals_subcommands(self) -> set[str]:
        if self.args.cli_unavailable or not os.access(self.annals, os.X_OK):
            return set()
        done = subprocess.run([self.annals, "--help"], capture_output=True, text=True)
        names, inside = set(), False
        for line in done.stdout.splitlines():
            if line.startswith("SUBCOMMANDS:"):
                inside = True
            elif inside and line.strip() and not line.startswith(" "):
                inside = False
            elif inside and line.strip():
                names.add(line.split()[0])
        return names

    def has(self, subcommand: str) -> bool:
        return subcommand in self.subcommands

    def missing(self, subcommand: str) -> str:
        if self.args.cli_unavailable:
            return self.args.cli_unavailable
        return f"`annals {subcommand}` is not available in this build yet"

    def script(self, name: str) -> str | None:
        override = getattr(self.args, name.replace("-", "_"), None)
        path = override or os.path.join(ROOT, "scripts", name)
        return path if os.access(path, os.X_OK) else None

    def machine(self) -> dict:
        info = {"nproc": os.cpu_count(), "kernel": platform.release(), "python": platform.python_version()}
        try:
            with open("/proc/meminfo") as f:
                kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            info["memory_gb"] = round(kb / 1024 / 1024, 1)
        except (OSError, AttributeError):
            pass
        try:
            with open("/proc/cpuinfo") as f:
                model = re.search(r"model name\s*:\s*(.*)", f.read())
            info["cpu"] = model.group(1).strip() if model else platform.machine()
        except OSError:
            info["cpu"] = platform.machine()
        shell = shutil.which("sqlite3")
        if shell:
            info["sqlite3_shell"] = subprocess.run([shell, "--version"], capture_output=True, text=True).stdout.split(" ")[0]
        try:
            info["swift"] = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        except (OSError, IndexError):
            pass
        try:
            info["git"] = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                         text=True).stdout.strip()
        except OSError:
            pass
        return info

    # MARK: the log against the C API (annals-bench)

    def run_log(self) -> None:
        r = self.results
        if not os.access(self.annals_bench, os.X_OK):
            for key in ("raw_insert_rows_per_s", "append_events_per_s", "raw_scan_rows_per_s", "log_scan_events_per_s",
                        "replay_events_per_s", "stream_read_p50_ms", "stream_read_p99_ms"):
                r.null(key, f"{self.annals_bench} is missing (build it: swift build -c release)")
            return
        log(f"log workload: {self.events} events, annals-bench all (3 runs each)")
        dir_ = os.path.join(self.work, "log")
        result = self.runner.run([self.annals_bench, "all", "--events", str(self.events), "--seed", str(SEED),
                                  "--runs", str(self.args.runs), "--dir", dir_, "--keep"], timeout=1800)
        sys.stderr.write(result["stderr"])
        if result["rc"] != 0:
            r.null("append_events_per_s", "annals-bench failed: " + why(result))
            return
        report = json.loads(result["stdout"])
        self.workload = report.get("workload", {})
        for key, value in report.items():
            if key.endswith("_stats"):
                base = key[: -len("_stats")]
                r.stats[base] = value
            elif key.endswith("_reason"):
                r.null(key[: -len("_reason")], value)
            elif key in ("bench", "workload"):
                continue
            elif value is not None:
                r.set(key, value)
        r.values["append_ratio_to_raw"] = report.get("append_ratio_to_raw")
        r.ratio("replay_ratio_to_raw_scan", "replay_events_per_s", "raw_scan_rows_per_s")
        r.ratio("log_scan_ratio_to_raw_scan", "log_scan_events_per_s", "raw_scan_rows_per_s")
        kept = os.path.join(dir_, f"log-{self.args.runs}.sqlite")
        if os.path.exists(kept):
            self.log_db = kept
        for name in os.listdir(dir_):
            if name.startswith("raw-"):
                os.remove(os.path.join(dir_, name))

    # MARK: the peer (Python eventsourcing)

    def run_peer(self) -> None:
        r = self.results
        peer = self.script("peer-bench")
        if not peer:
            for key in ("peer_append_events_per_s", "peer_replay_events_per_s"):
                r.null(key, "scripts/peer-bench is not in this checkout yet")
        else:
            log(f"peer: scripts/peer-bench --events {self.events} --repeat {self.args.runs}")
            result = self.runner.run([peer, "--events", str(self.events), "--repeat", str(self.args.runs),
                                      "--seed", str(SEED)], timeout=1800)
            sys.stderr.write(result["stderr"])
            lines = [line for line in result["stdout"].splitlines() if line.startswith("{")]
            if result["rc"] != 0 or not lines:
                for key in ("peer_append_events_per_s", "peer_replay_events_per_s"):
                    r.null(key, "scripts/peer-bench failed: " + why(result))
            else:
                report = json.loads(lines[-1])
                for key, minmax in (("peer_append_events_per_s", "peer_append_min_max"),
                                    ("peer_replay_events_per_s", "peer_replay_min_max")):
                    value = report.get(key)
                    if value is None:
                        r.null(key, "peer skipped: " + str(report.get("peer_skipped", "no reason given")))
                    else:
                        r.set(key, value)
                        if report.get(minmax):
                            r.stats[key] = {"median": value, "min": report[minmax][0], "max": report[minmax][1]}
                r.notes["peer_append_events_per_s"] = (f"eventsourcing {report.get('peer_version', '?')} "
                                                       f"{report.get('peer_recorder', '')}").strip()
        r.ratio("append_ratio_to_peer", "append_events_per_s", "peer_append_events_per_s")
        r.ratio("replay_ratio_to_peer", "replay_events_per_s", "peer_replay_events_per_s")

    # MARK: corpora

    def make_corpus(self, count: int, seed: int, name: str) -> tuple[list[str] | None, str | None]:
        """Generated readouts (sorted paths), or None and why."""
        gen = self.script("gen-corpus")
        if not gen:
            return None, "scripts/gen-corpus is not in this checkout yet"
        out = os.path.join(self.work, name)
        log(f"corpus: scripts/gen-corpus --count {count} --seed {seed}")
        result = self.runner.run([gen, "--count", str(count), "--seed", str(seed), "--out", out], timeout=1200)
        if result["rc"] != 0:
            return None, "scripts/gen-corpus failed: " + why(result)
        files = []
        for folder, _, names in os.walk(out):
            files.extend(os.path.join(folder, n) for n in names if n.endswith(".txt"))
        files.sort()
        if len(files) < count:
            return None, f"scripts/gen-corpus wrote {len(files)} readouts, {count} asked"
        return files[:count], None

    def subset(self, files: list[str], n: int) -> str:
        """A folder with the first n readouts, hard-linked (no copying)."""
        folder = os.path.join(self.work, f"readouts-{n}")
        if not os.path.isdir(folder):
            os.makedirs(folder)
            for path in files[:n]:
                os.link(path, os.path.join(folder, os.path.basename(path)))
        return folder

    # MARK: ingest, peak RSS, extraction

    def run_ingest(self) -> None:
        r = self.results
        keys = ("ingest_readouts_per_s", "ingest_100k_s", "peak_rss_mb")
        if not self.has("ingest"):
            for key in keys:
                r.null(key, self.missing("ingest"))
            return
        self.corpus, reason = self.make_corpus(self.readouts, SEED, "corpus")
        if self.corpus is None:
            for key in keys:
                r.null(key, reason)
            return
        rss: dict = {}
        seconds_at: dict = {}
        for n in self.ingest_sizes:
            folder = self.subset(self.corpus, n)
            runs = self.args.ingest_runs or (self.args.runs if (n == self.ingest_sizes[-1] or not self.quick) else 1)
            times, peaks = [], []
            for run in range(runs):
                db = os.path.join(self.work, f"ingest-{n}.sqlite")
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(db + suffix):
                        os.remove(db + suffix)
                result = self.runner.run([self.annals, "ingest", folder, "--db", db], timeout=1800)
                if result["rc"] not in (0, 1):
                    for key in keys:
                        r.null(key, "`annals ingest` failed: " + why(result))
                    return
                times.append(result["seconds"])
                peaks.append(result["rss_mb"])
                log(f"ingest {n} readouts run {run + 1}: {result['seconds']:.2f} s, peak RSS {result['rss_mb']:.1f} MB"
                    + ("" if result["rc"] == 0 else f" ({result['stdout'].strip().splitlines()[-1:]})"))
                if self.quick and result["seconds"] > 40:
                    log("ingest is slow: one run only at this size so --quick stays short")
                    break
            seconds_at[n] = statistics.median(times)
            rss[str(n)] = round(statistics.median(peaks), 1)
            r.stats[f"ingest_{n}_s"] = {"median": seconds_at[n], "min": min(times), "max": max(times), "runs": times}
            r.stats[f"peak_rss_mb_{n}"] = {"median": rss[str(n)], "min": min(peaks), "max": max(peaks), "runs": peaks}
            self.ingest_points.append((n, seconds_at[n], rss[str(n)]))
            self.query_db = db
        largest = self.ingest_sizes[-1]
        r.set("ingest_readouts_per_s", round(largest / seconds_at[largest], 1),
              note=f"{largest} readouts, median of {len(r.stats[f'ingest_{largest}_s']['runs'])}")
        if 100_000 in seconds_at:
            r.set("ingest_100k_s", round(seconds_at[100_000], 2), r.stats["ingest_100000_s"]["runs"])
        else:
            r.null("ingest_100k_s", f"full mode only (--quick ingests {largest}: "
                                    f"{seconds_at[largest]:.2f} s, x{100_000 // largest} = "
                                    f"{seconds_at[largest] * 100_000 / largest:.0f} s if linear)")
        r.set("peak_rss_mb", rss)

    def run_extract(self) -> None:
        r = self.results
        if not self.has("extract"):
            r.null("extract_mb_per_s", self.missing("extract"))
            return
        files = getattr(self, "corpus", None)
        if files is None:
            files, reason = self.make_corpus(min(self.readouts, 10_000), SEED, "corpus")
            self.corpus = files
            if files is None:
                r.null("extract_mb_per_s", reason)
                return
        # Up to ~5 MB (quick) or ~20 MB of readouts, 500 files per process so start-up is a small share.
        sample, size = [], 0
        limit = 5_000_000 if self.quick else 20_000_000
        for path in files:
            sample.append(path)
            size += os.path.getsize(path)
            if size > limit:
                break
        pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
        rates, cpu_rates = [], []
        for run in range(self.args.runs):
            seconds = cpu = 0.0
            for i in range(0, len(sample), 500):
                result = self.runner.run(pin + [self.annals, "extract", *sample[i:i + 500], "--json"],
                                         stdout_path=os.devnull, timeout=600)
                if result["rc"] != 0:
                    r.null("extract_mb_per_s", "`annals extract` failed: " + why(result))
                    return
                seconds += result["seconds"]
                cpu += result["cpu_seconds"]
            rates.append(size / 1e6 / seconds)
            cpu_rates.append(size / 1e6 / cpu)
            log(f"extract run {run + 1}: {rates[-1]:.1f} MB/s, {cpu_rates[-1]:.1f} MB per CPU second "
                f"({size / 1e6:.1f} MB in {len(sample)} files, one core)")
        r.set("extract_mb_per_cpu_s", round(statistics.median(cpu_rates), 1), cpu_rates)
        r.set("extract_mb_per_s", round(statistics.median(rates), 1), rates,
              note=f"{size / 1e6:.1f} MB, {len(sample)} readouts, pinned to one core" if pin else None)

    # MARK: queries and cold start

    def lookups(self, db: str) -> dict:
        """Real arguments for the queries, sampled with a fixed seed from the whole database: pairs
        the CLI knows (from `annals relations --json`), fact ids from the log, and the country with
        the most meeting principals (for the largest-answer figure)."""
        pairs = []
        done = subprocess.run([self.annals, "relations", "--json", "--db", db], capture_output=True, text=True)
        if done.returncode == 0:
            try:
                pairs = [r["parties"] for r in json.loads(done.stdout) if len(r.get("parties", [])) == 2]
            except (ValueError, TypeError, KeyError):
                pairs = []
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            if not pairs:
                pairs = [row[0][len("relation/"):].split("-") for row in connection.execute(
                    "SELECT DISTINCT stream FROM events WHERE stream LIKE 'relation/%-%'")]
                pairs = [p for p in pairs if len(p) == 2]
            ids = []
            for seq, payload in connection.execute(
                    "SELECT seq, payload FROM events WHERE type NOT LIKE 'Source%' AND type <> 'FactRetracted' "
                    "AND payload IS NOT NULL AND seq % 97 = 0"):
                try:
                    fact_id = json.loads(payload).get("id")
                except ValueError:
                    fact_id = None
                ids.append(fact_id or f"seq:{seq}")
            busiest = None
            try:
                row = connection.execute("SELECT country, count(*) AS n FROM meeting_participants "
                                         "WHERE country IS NOT NULL GROUP BY country ORDER BY n DESC LIMIT 1").fetchone()
                busiest = (row[0], row[1]) if row else None
            except sqlite3.Error:
                busiest = None
        finally:
            connection.close()
        # Uniform over what the database holds, so p99 sees the busy pairs in their proportion
        # (one in fifty pairs involves China here) rather than whichever sort first.
        rng = random.Random(SEED)
        count = 30 if self.quick else 100
        pairs = rng.sample(pairs, min(len(pairs), count)) if pairs else []
        ids = rng.sample(ids, min(len(ids), count)) if ids else []
        return {"pairs": pairs, "ids": ids, "busiest": busiest}

    def run_queries(self) -> None:
        r = self.results
        keys = ("query_p50_ms", "query_p99_ms")
        db = self.query_db
        if db is None:
            for key in keys + ("sqlite3_shell_query_p50_ms", "query_relations_p99_ms", "query_meetings_p99_ms",
                               "query_explain_p99_ms"):
                r.null(key, "needs an ingested database: " + r.reasons.get("ingest_readouts_per_s", "ingest did not run"))
            return
        found = self.lookups(db)
        count = 30 if self.quick else 100
        log(f"queries: {count} each of relations A B, meetings --between A B, explain ID as new processes "
            f"on {os.path.basename(db)}, arguments sampled from it")
        commands = {
            "relations": lambda i: ["relations", *found["pairs"][i % len(found["pairs"])], "--json", "--db", db]
            if found["pairs"] else None,
            "meetings": lambda i: ["meetings", "--between", *found["pairs"][i % len(found["pairs"])], "--json",
                                   "--db", db] if found["pairs"] else None,
            "explain": lambda i: ["explain", found["ids"][i % len(found["ids"])], "--db", db] if found["ids"] else None,
        }
        pooled = []
        for name, make in commands.items():
            key = f"query_{name}_p99_ms"
            if not self.has(name):
                r.null(key, self.missing(name))
                continue
            if make(0) is None:
                r.null(key, f"no arguments for `annals {name}` found in the database")
                continue
            self.runner.quick([self.annals, *make(0)])  # warm the page cache once
            times, cpu, rejected = [], [], set()
            i = 0
            while len(times) < count and i < count * 3:
                argv = make(i)
                i += 1
                ms, done = self.runner.quick([self.annals, *argv])
                if done.returncode != 0 and b"unknown country" in done.stderr:
                    # The read models list codes the query commands do not accept; note them, skip.
                    rejected.update(re.findall(r"unknown country '([^']*)'", done.stderr.decode(errors="replace")))
                    continue
                if done.returncode != 0:
                    r.null(key, f"`annals {' '.join(argv[:3])}` failed: " + why(done))
                    times = []
                    break
                times.append(ms)
                cpu.append(done.cpu_ms)
            if rejected:
                r.notes[key] = (f"skipped lookups: `annals {name}` rejects {', '.join(sorted(rejected))}, "
                                "codes that `annals relations --json` lists")
            if times:
                r.set(key, round(percentile(times, 99), 2))
                r.set(f"query_{name}_p50_ms", round(percentile(times, 50), 2),
                      note=f"CPU p50 {percentile(cpu, 50):.1f} ms")
                pooled.extend(times)
        if pooled:
            r.set("query_p50_ms", round(percentile(pooled, 50), 2))
            r.set("query_p99_ms", round(percentile(pooled, 99), 2),
                  note=f"{len(pooled)} processes: " + ", ".join(n for n in commands if f"query_{n}_p50_ms" in r.values))
        else:
            for key in keys:
                r.null(key, "no query command is available yet: " + ", ".join(
                    f"{n}: {r.reasons.get(f'query_{n}_p99_ms', '?')}" for n in commands))
        self.run_largest_answer(db, found.get("busiest"))
        # The same lookup through the sqlite3 shell: a pair's relation events in stream order.
        shell = shutil.which("sqlite3")
        if not shell:
            r.null("sqlite3_shell_query_p50_ms", "the sqlite3 shell is not installed (scripts/setup installs it)")
        elif not found["pairs"]:
            r.null("sqlite3_shell_query_p50_ms", "no relation streams in the database")
        else:
            times = []
            for i in range(count):
                a, b = found["pairs"][i % len(found["pairs"])]
                ms, _ = self.runner.quick([shell, db, "SELECT payload FROM events WHERE stream = 'relation/"
                                           f"{a}-{b}' ORDER BY stream_version"])
                times.append(ms)
            r.set("sqlite3_shell_query_p50_ms", round(percentile(times, 50), 2),
                  note="the relation stream of a pair, from `events`")

    def run_largest_answer(self, db: str, busiest) -> None:
        """Not a lookup: every meeting of the country with the most, as JSON. Reported apart from
        the p99 (its time grows with the answer, not the log) with its size and rate."""
        r = self.results
        key = "query_meetings_busiest_country_ms"
        if busiest is None or not self.has("meetings"):
            r.null(key, "no meeting principals in the database" if busiest is None else self.missing("meetings"))
            return
        code, principals = busiest
        argv = [self.annals, "meetings", "--country", code, "--json", "--db", db]
        self.runner.quick(argv)
        runs = []
        for _ in range(self.args.runs):
            ms, done = self.runner.quick(argv)
            if done.returncode != 0:
                r.null(key, f"`annals meetings --country {code}` failed: " + why(done))
                return
            runs.append(ms)
        size = len(done.stdout)
        median = statistics.median(runs)
        r.set(key, round(median, 1), runs,
              note=f"`meetings --country {code} --json`: {principals} principals, {size / 1e6:.1f} MB of JSON, "
                   f"{size / 1e6 / (median / 1000):.0f} MB/s")

    def cold_start_db(self) -> str | None:
        if self.query_db:
            return self.query_db
        if self.log_db:
            return self.log_db
        return None

    def run_cold_start(self) -> None:
        r = self.results
        db = self.cold_start_db()
        shell = shutil.which("sqlite3")
        count = 20 if self.quick else 50
        if os.access(self.annals, os.X_OK) and not self.args.cli_unavailable:
            # Process start-up alone (dynamic loading of the Swift runtime and Foundation), to
            # tell it apart from opening the database.
            runs = [self.runner.quick([self.annals, "--version"]) for _ in range(count + 1)][1:]
            times = [ms for ms, _ in runs]
            r.set("annals_startup_ms", round(statistics.median(times), 2), times,
                  note=f"`annals --version`, CPU p50 {percentile([d.cpu_ms for _, d in runs], 50):.1f} ms")
        if db is None:
            r.null("cold_start_ms", "no database to open (the log and ingest parts did not run)")
        elif not self.has("status"):
            r.null("cold_start_ms", self.missing("status"))
        else:
            self.runner.quick([self.annals, "status", "--db", db])
            times, cpu = [], []
            for _ in range(count):
                ms, done = self.runner.quick([self.annals, "status", "--db", db])
                if done.returncode != 0:
                    r.null("cold_start_ms", "`annals status` failed: " + why(done))
                    times = []
                    break
                times.append(ms)
                cpu.append(done.cpu_ms)
            if times:
                r.set("cold_start_ms", round(statistics.median(times), 2), times,
                      note=f"`annals status` on {os.path.basename(db)}, CPU p50 {percentile(cpu, 50):.1f} ms")
        if db is None:
            r.null("sqlite3_cold_start_ms", "no database to open")
        elif not shell:
            r.null("sqlite3_cold_start_ms", "the sqlite3 shell is not installed (scripts/setup installs it)")
        else:
            times = [self.runner.quick([shell, db, "select count(*) from events"])[0] for _ in range(count + 1)][1:]
            r.set("sqlite3_cold_start_ms", round(statistics.median(times), 2), times)
        r.ratio("cold_start_ratio_to_shell", "cold_start_ms", "sqlite3_cold_start_ms")

    # MARK: the daemon

    def run_daemon(self) -> None:
        r = self.results
        keys = ("drop_to_commit_p50_ms", "drop_to_commit_p99_ms", "drop_to_query_p50_ms", "drop_to_query_p99_ms", "burst_10k_lost", "burst_10k_s")
        if not self.has("daemon"):
            for key in keys:
                r.null(key, self.missing("daemon"))
            return
        drops = 500
        queried = 100 if self.quick else 300
        burst = 10_000
        files, reason = self.make_corpus(drops + queried + burst, SEED + 1, "drops")
        if files is None:
            for key in keys:
                r.null(key, reason)
            return
        watch = os.path.join(self.work, "watched")
        staging = os.path.join(self.work, "staging")  # same file system: rename is atomic
        os.makedirs(watch)
        os.makedirs(staging)
        db = os.path.join(self.work, "daemon.sqlite")
        # Which readouts have a meeting, and one of its countries (for `meetings --country`).
        meeting_country = self.meeting_countries(files[drops:drops + queried * 3])
        daemon_log = open(os.path.join(self.work, "daemon.log"), "wb")
        daemon = subprocess.Popen([self.annals, "daemon", "--watch", watch, "--db", db],
                                  stdout=daemon_log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        watcher = None
        try:
            time.sleep(0.3)
            if daemon.poll() is not None:
                with open(os.path.join(self.work, "daemon.log"), errors="replace") as f:
                    text = f.read().strip().splitlines()
                for key in keys:
                    r.null(key, f"`annals daemon` exited {daemon.returncode}: " + (text[0][:160] if text else ""))
                return
            watcher = CommitWatcher(db)
            watcher.start()
            # Warm up: one readout through, so the watch is surely in place.
            first = self.drop(files[0], staging, watch, "warmup-")
            if watcher.wait_for({first}, 30) != 1:
                for key in keys:
                    r.null(key, "the daemon did not commit a dropped readout within 30 s")
                return

            log(f"daemon: {drops} drops 20 ms apart (drop to commit)")
            dropped = {}
            start = time.perf_counter()
            for i, path in enumerate(files[:drops]):
                delay = start + i * 0.020 - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                name = self.drop(path, staging, watch, "c-")
                dropped[name] = time.perf_counter()
            watcher.wait_for(set(dropped), 30)
            latencies = [(watcher.seen[n] - t) * 1000 for n, t in dropped.items() if n in watcher.seen]
            lost = len(dropped) - len(latencies)
            r.set("drop_to_commit_p50_ms", round(percentile(latencies, 50), 2) if latencies else None)
            r.set("drop_to_commit_p99_ms", round(percentile(latencies, 99), 2) if latencies else None,
                  note=f"{len(latencies)} drops" + (f", {lost} not committed within 30 s" if lost else ""))

            if not self.has("meetings"):
                for key in ("drop_to_query_p50_ms", "drop_to_query_p99_ms"):
                    r.null(key, self.missing("meetings"))
            elif not meeting_country:
                for key in ("drop_to_query_p50_ms", "drop_to_query_p99_ms"):
                    r.null(key, "no generated readout yields a meeting (checked with `annals extract`)")
            else:
                chosen = list(meeting_country.items())[:queried]
                log(f"daemon: {len(chosen)} drops, each polled with `annals meetings --country C --json` until visible")
                rejected, attempted = set(), 0
                for path, countries in chosen:
                    usable = [c for c in countries if c not in rejected]
                    if not usable:
                        continue
                    country = usable[0]
                    attempted += 1
                    name = self.drop(path, staging, watch, "q-")
                    t0 = time.perf_counter()
                    while True:
                        _, done = self.runner.quick([self.annals, "meetings", "--country", country, "--json", "--db", db])
                        if name.encode() in done.stdout:
                            self.drop_to_query.append((time.perf_counter() - t0) * 1000)
                            break
                        if done.returncode != 0 and b"unknown country" in done.stderr:
                            rejected.add(country)  # the CLI does not take this code; not a latency
                            attempted -= 1
                            break
                        if time.perf_counter() - t0 > 10:
                            break
                if rejected:
                    r.notes["drop_to_query_p50_ms"] = f"drops skipped: `annals meetings --country` rejects {', '.join(sorted(rejected))}"
                missed = attempted - len(self.drop_to_query)
                if self.drop_to_query:
                    r.set("drop_to_query_p50_ms", round(percentile(self.drop_to_query, 50), 2))
                    r.set("drop_to_query_p99_ms", round(percentile(self.drop_to_query, 99), 2),
                          note=f"{len(self.drop_to_query)} drops" + (f", {missed} not visible within 10 s" if missed else ""))
                else:
                    for key in ("drop_to_query_p50_ms", "drop_to_query_p99_ms"):
                        r.null(key, "no dropped readout became visible in `annals meetings --json` within 10 s")

            log(f"daemon: burst of {burst} files renamed into the folder at once")
            names = []
            for path in files[drops + queried:drops + queried + burst]:
                name = "b-" + os.path.basename(path)
                shutil.copyfile(path, os.path.join(staging, name))
                names.append(name)
            for name in names:
                os.rename(os.path.join(staging, name), os.path.join(watch, name))
            writes_done = time.perf_counter()
            # Wait while the daemon makes progress: a readout is lost only if it is still missing
            # once commits have stopped for 15 s; a cap keeps a slow daemon from holding the run.
            cap = 120 if self.quick else 600
            wanted = set(names)
            got, last_progress = 0, time.perf_counter()
            while time.perf_counter() - writes_done < cap:
                now_got = watcher.wait_for(wanted, 1)
                if now_got == len(names):
                    got = now_got
                    break
                if now_got > got:
                    got, last_progress = now_got, time.perf_counter()
                elif time.perf_counter() - last_progress > 15:
                    break
            rate = got / max(1e-9, (max(watcher.seen[n] for n in names if n in watcher.seen) - writes_done)) if got else 0
            if got == len(names):
                r.set("burst_10k_s", round(max(watcher.seen[n] for n in names) - writes_done, 2),
                      note=f"{rate:.0f} readouts/s")
                r.set("burst_10k_lost", 0, note=f"duplicates: {watcher.duplicates}" if watcher.duplicates else None)
            elif time.perf_counter() - last_progress > 15:
                r.null("burst_10k_s", f"{got} of {len(names)} committed, then none for 15 s")
                r.set("burst_10k_lost", len(names) - got)
            else:
                reason = (f"still ingesting after {cap} s: {got} of {len(names)} committed "
                          f"({rate:.0f} readouts/s), none lost so far")
                r.null("burst_10k_s", reason)
                r.null("burst_10k_lost", reason)
        finally:
            if watcher:
                watcher.stop()
            daemon.send_signal(signal.SIGTERM)
            try:
                code = daemon.wait(5)
                self.results.notes.setdefault("drop_to_commit_p50_ms", f"daemon exit {code} on SIGTERM")
            except subprocess.TimeoutExpired:
                daemon.kill()
                daemon.wait()
                self.results.notes["drop_to_commit_p50_ms"] = "daemon ignored SIGTERM for 5 s (killed)"
            daemon_log.close()

    def drop(self, path: str, staging: str, watch: str, prefix: str) -> str:
        name = prefix + os.path.basename(path)
        shutil.copyfile(path, os.path.join(staging, name))
        os.rename(os.path.join(staging, name), os.path.join(watch, name))
        return name

    def meeting_countries(self, files: list[str]) -> dict:
        """path -> the countries of its first meeting, per `annals extract --json`."""
        if not self.has("extract"):
            return {}
        found = {}
        for i in range(0, len(files), 200):
            done = subprocess.run([self.annals, "extract", *files[i:i + 200], "--json"], capture_output=True, text=True)
            for line in done.stdout.splitlines():
                try:
                    envelope = json.loads(line)
                except ValueError:
                    continue
                source = envelope.get("source", "")
                for fact in envelope.get("facts", []):
                    countries = [p.get("country") for p in fact.get("participants", []) if p.get("country")]
                    if fact.get("type") == "meeting" and countries:
                        match = [f for f in files[i:i + 200] if os.path.basename(f) == os.path.basename(source)]
                        if match:
                            found[match[0]] = countries
                        break
        return found

    # MARK: output

    def status(self, key: str) -> str:
        value = self.results.values.get(key)
        if key not in TARGETS or value is None:
            return ""
        op, bound, _ = TARGETS[key]
        values = list(value.values()) if isinstance(value, dict) else [value]
        ok = all((v >= bound) if op == ">=" else (v <= bound) if op == "<=" else (v < bound) for v in values)
        return "ok" if ok else "MISSED"

    def table(self) -> str:
        r = self.results
        rows = [("key", "median", "min-max", "target", "", "note")]
        for key in KEYS + [k for k in r.values if k not in KEYS]:
            if key not in r.values:
                continue
            value = r.values[key]
            stats = r.stats.get(key)
            if isinstance(value, dict):
                shown = ", ".join(f"{n}: {v}" for n, v in value.items())
            else:
                shown = "null" if value is None else fmt(value)
            spread = f"{fmt(stats['min'])}-{fmt(stats['max'])}" if stats and "min" in stats else ""
            note = r.reasons.get(key) or r.notes.get(key, "")
            rows.append((key, shown, spread, TARGETS.get(key, ("", "", ""))[2], self.status(key), note))
        widths = [max(len(row[i]) for row in rows) for i in range(5)]
        lines = []
        for row in rows:
            lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:5])) + "  " + row[5])
        return "\n".join(line.rstrip() for line in lines)

    def report(self) -> dict:
        r = self.results
        out = {key: r.values.get(key) for key in KEYS}
        for key, value in r.values.items():
            out.setdefault(key, value)
        out["mode"] = "quick" if self.quick else "full"
        out["workload_events"] = self.events
        out["readouts"] = self.readouts
        out["targets_missed"] = [k for k in out if self.status(k) == "MISSED"]
        out["null_reasons"] = r.reasons
        out["notes"] = r.notes
        out["stats"] = r.stats
        out["machine"] = self.machine()
        out["seconds"] = round(time.perf_counter() - self.started, 1)
        return out

    def plot(self, path: str) -> None:
        with open(path, "w") as f:
            f.write(svg(self.ingest_points, self.drop_to_query, self.quick))
        log(f"plot written to {path}")


class CommitWatcher(threading.Thread):
    """Polls the log (read-only, WAL) every millisecond and notes when each readout's
    `SourceAdded` event became visible: the commit time a reader can observe."""

    def __init__(self, db: str) -> None:
        super().__init__(daemon=True)
        self.db = db
        self.seen: dict = {}
        self.duplicates = 0
        self.stopping = threading.Event()
        self.last = 0

    def run(self) -> None:
        connection = None
        while not self.stopping.is_set():
            try:
                if connection is None:
                    if not os.path.exists(self.db):
                        time.sleep(0.005)
                        continue
                    connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=1)
                rows = connection.execute("SELECT seq, stream, type FROM events WHERE seq > ? ORDER BY seq",
                                          (self.last,)).fetchall()
                now = time.perf_counter()
                for seq, stream, type_ in rows:
                    if type_ != "SourceAdded":
                        continue
                    name = os.path.basename(stream.split("/", 1)[1] if "/" in stream else stream)
                    if name in self.seen:
                        self.duplicates += 1
                    else:
                        self.seen[name] = now
                if rows:
                    self.last = rows[-1][0]
            except sqlite3.Error:
                if connection is not None:
                    connection.close()
                connection = None
            time.sleep(0.001)
        if connection is not None:
            connection.close()

    def wait_for(self, names: set, timeout: float) -> int:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if all(n in self.seen for n in names):
                break
            time.sleep(0.01)
        return sum(1 for n in names if n in self.seen)

    def stop(self) -> None:
        self.stopping.set()
        self.join(2)


def fmt(value) -> str:
    if isinstance(value, float):
        if abs(value) >= 1000:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.3g}" if abs(value) < 1 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def svg(points: list, latencies: list, quick: bool) -> str:
    """Three panels, hand-drawn: ingest seconds vs N, peak RSS vs N, drop-to-query histogram."""
    width, height, pad = 960, 320, 48
    panel = (width - 4 * pad) / 3
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'font-family="sans-serif" font-size="11">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{width / 2}" y="18" text-anchor="middle" font-size="14">Annals benchmark '
             f'({"quick" if quick else "full"} mode)</text>']

    def frame(x0: float, title: str, xlabel: str, ylabel: str) -> None:
        top, bottom = 40, height - pad
        parts.append(f'<text x="{x0 + panel / 2}" y="{top - 6}" text-anchor="middle" font-weight="bold">{title}</text>')
        parts.append(f'<line x1="{x0}" y1="{bottom}" x2="{x0 + panel}" y2="{bottom}" stroke="black"/>')
        parts.append(f'<line x1="{x0}" y1="{top}" x2="{x0}" y2="{bottom}" stroke="black"/>')
        parts.append(f'<text x="{x0 + panel / 2}" y="{height - 12}" text-anchor="middle">{xlabel}</text>')
        parts.append(f'<text x="{x0 - 34}" y="{(top + bottom) / 2}" text-anchor="middle" '
                     f'transform="rotate(-90 {x0 - 34} {(top + bottom) / 2})">{ylabel}</text>')

    def series(x0: float, xs: list, ys: list, ymax: float, color: str, limit: float | None = None) -> None:
        top, bottom = 40, height - pad
        xmax = max(xs) if xs else 1
        def X(v): return x0 + (v / xmax) * (panel - 10)
        def Y(v): return bottom - (v / ymax) * (bottom - top)
        for frac in (0, 0.5, 1):
            parts.append(f'<text x="{x0 - 4}" y="{Y(ymax * frac) + 4}" text-anchor="end">{fmt(ymax * frac)}</text>')
        for v in xs:
            parts.append(f'<text x="{X(v)}" y="{bottom + 14}" text-anchor="middle">{v // 1000}k</text>')
        if limit is not None and limit <= ymax:
            parts.append(f'<line x1="{x0}" y1="{Y(limit)}" x2="{x0 + panel}" y2="{Y(limit)}" stroke="red" '
                         f'stroke-dasharray="4 3"/><text x="{x0 + panel}" y="{Y(limit) - 3}" text-anchor="end" '
                         f'fill="red">target {fmt(limit)}</text>')
        path = " ".join(f"{'M' if i == 0 else 'L'}{X(x):.1f},{Y(y):.1f}" for i, (x, y) in enumerate(zip(xs, ys)))
        if path:
            parts.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        for x, y in zip(xs, ys):
            parts.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3.5" fill="{color}"/>'
                         f'<text x="{X(x):.1f}" y="{Y(y) - 7:.1f}" text-anchor="middle">{fmt(y)}</text>')

    def empty(x0: float, text: str) -> None:
        parts.append(f'<text x="{x0 + panel / 2}" y="{height / 2}" text-anchor="middle" fill="gray">{text}</text>')

    xs = [p[0] for p in points]
    x0 = pad * 1.5
    frame(x0, "Ingest time", "readouts", "seconds")
    if points:
        series(x0, xs, [p[1] for p in points], max(p[1] for p in points) * 1.2 or 1, "#1f77b4",
               60.0 if max(xs) >= 100_000 else None)
    else:
        empty(x0, "ingest not measured")
    x1 = x0 + panel + pad
    frame(x1, "Peak RSS of annals ingest", "readouts", "MB")
    if points:
        series(x1, xs, [p[2] for p in points], max(220.0, max(p[2] for p in points) * 1.2), "#2ca02c", 200.0)
    else:
        empty(x1, "ingest not measured")
    x2 = x1 + panel + pad
    frame(x2, "Drop to query latency", "ms", "drops")
    if latencies:
        top, bottom = 40, height - pad
        hi = max(latencies)
        bins = 20
        step = max(1.0, hi / bins)
        counts = [0] * bins
        for v in latencies:
            counts[min(bins - 1, int(v / step))] += 1
        cmax = max(counts)
        bar = (panel - 10) / bins
        for i, c in enumerate(counts):
            h = c / cmax * (bottom - top)
            parts.append(f'<rect x="{x2 + i * bar:.1f}" y="{bottom - h:.1f}" width="{bar - 1:.1f}" height="{h:.1f}" '
                         f'fill="#ff7f0e"/>')
        for frac in (0, 0.5, 1):
            parts.append(f'<text x="{x2 + frac * (panel - 10)}" y="{bottom + 14}" text-anchor="middle">'
                         f'{fmt(frac * step * bins)}</text>')
        parts.append(f'<text x="{x2 - 4}" y="{top + 4}" text-anchor="end">{cmax}</text>')
        for label, p in (("p50", 50), ("p99", 99)):
            v = percentile(latencies, p)
            x = x2 + v / (step * bins) * (panel - 10)
            parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="black" '
                         f'stroke-dasharray="2 2"/><text x="{x + 3:.1f}" y="{top + 12 if p == 50 else top + 24}">'
                         f'{label} {fmt(v)} ms</text>')
    else:
        empty(x2, "daemon not measured")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def markdown(report: dict) -> str:
    """A saved `--json` report as a Markdown table (for docs/benchmarks.md)."""
    keys = KEYS + [k for k in report if k not in KEYS and k not in (
        "mode", "workload_events", "readouts", "targets_missed", "null_reasons", "notes", "stats", "machine", "seconds")]
    lines = ["| key | median | min–max | target | | note |", "|---|---|---|---|---|---|"]
    missed = set(report.get("targets_missed", []))
    for key in keys:
        if key not in report:
            continue
        value = report[key]
        stats = report.get("stats", {}).get(key)
        if isinstance(value, dict):
            shown = ", ".join(f"{n}: {v}" for n, v in value.items())
        else:
            shown = "null" if value is None else fmt(value)
        spread = f"{fmt(stats['min'])}–{fmt(stats['max'])}" if stats and "min" in stats else ""
        note = report.get("null_reasons", {}).get(key) or report.get("notes", {}).get(key, "")
        status = "" if key not in TARGETS or value is None else ("missed" if key in missed else "met")
        target = TARGETS.get(key, ("", "", ""))[2]
        lines.append(f"| `{key}` | {shown} | {spread} | {target} | {status} | {note.replace('|', '/')} |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--markdown":
        with open(sys.argv[2]) as f:
            print(markdown(json.load(f)))
        return
    parser = argparse.ArgumentParser(description="Annals benchmark (issue 11); run it through scripts/bench. "
                                     "`bench.py --markdown REPORT.json` prints a saved report as a Markdown table.")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--plot")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--only", default="log,peer,ingest,extract,query,coldstart,daemon")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--events", type=int, help="log workload size (default 50k quick, 200k full)")
    parser.add_argument("--workdir", default=None, help="where the scratch folder goes (default: $TMPDIR or /tmp)")
    parser.add_argument("--gen-corpus", dest="gen_corpus", help="path of gen-corpus (default scripts/gen-corpus)")
    parser.add_argument("--peer-bench", dest="peer_bench", help="path of peer-bench (default scripts/peer-bench)")
    parser.add_argument("--ingest-runs", dest="ingest_runs", type=int, help="runs per ingest size (default --runs; "
                        "quick: 1 below 10k)")
    parser.add_argument("--query-db", dest="query_db", help="an ingested database for the query and cold-start "
                        "parts when ingest is not run (development)")
    parser.add_argument("--cli-unavailable", dest="cli_unavailable", help="why the annals binary must not be used")
    args = parser.parse_args()
    if args.runs < 3:
        log("note: fewer than 3 runs per figure; issue 11 asks for at least 3")

    bench = Bench(args)
    parts = set(args.only.split(","))
    log(f"{'quick' if args.quick else 'full'} mode, scratch in {bench.work}")
    try:
        steps = [("log", bench.run_log), ("peer", bench.run_peer), ("ingest", bench.run_ingest),
                 ("extract", bench.run_extract), ("query", bench.run_queries), ("coldstart", bench.run_cold_start),
                 ("daemon", bench.run_daemon)]
        for name, step in steps:
            if name in parts:
                t0 = time.perf_counter()
                try:
                    step()
                except Exception as error:  # one broken part must not sink the others
                    log(f"{name}: {type(error).__name__}: {error}")
                    bench.results.notes[f"{name}_error"] = f"{type(error).__name__}: {error}"
                log(f"{name} done in {time.perf_counter() - t0:.1f} s")
        for key in KEYS:
            if key not in bench.results.values:
                bench.results.null(key, "not measured in this run (--only)" if parts != set(
                    "log,peer,ingest,extract,query,coldstart,daemon".split(",")) else "not measured")
        if args.plot:
            bench.plot(args.plot)
        table = bench.table()
        if args.json:
            print(table, file=sys.stderr)
            print(json.dumps(bench.report()))
        else:
            print(table)
            print(f"\n{bench.report()['seconds']} s; machine: {json.dumps(bench.machine())}")
    finally:
        if args.keep:
            log(f"kept {bench.work}")
        else:
            shutil.rmtree(bench.work, ignore_errors=True)


if __name__ == "__main__":
    main()
