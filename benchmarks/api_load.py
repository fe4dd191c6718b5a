"""Load test of `recoupe serve`: concurrent clients over loopback, a realistic mix of pages and API calls.

    .venv/bin/python benchmarks/api_load.py [--db STORE] [--clients 50] [--duration 30]

Without --db it builds a store of `rpm2-dev` (200 articles, with the evaluation dates of `recoupe
eval clusters --rpm2`) and the seeds in a temporary folder (about a minute; --keep-db FILE keeps it).
The server runs as a subprocess (`python -m recoupe serve`, one uvicorn worker, 127.0.0.1, a free
port); each client is an asyncio task with its own keep-alive connection that sends its next request
as soon as the previous answer has arrived (a minimal HTTP/1.1 client: httpx's would cost more CPU
than the server on a 2-core machine). Prints requests, errors (any status other than 200, any
exception), throughput, and p50/p95/p99 latency per route group.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RPM2 = ROOT.parent / "shared" / "corpora" / "rpm2-dev" / "documents"
SEEDS = ROOT / "examples" / "seeds"

# Route groups and their share of the traffic: mostly reading events and articles, as an analyst does.
MIX = {
    "page storylines": 8, "page event": 18, "page article": 18, "page person": 10, "page sources": 4,
    "page search": 10, "api list": 12, "api record": 14, "api search": 6,
}


def build_store(db: Path) -> None:
    from recoupe.evaluate.clusters import documents_with_rpm2_dates
    from recoupe.pipeline import ingest, ingest_documents
    from recoupe.settings import DEFAULT_SETTINGS
    from recoupe.sources import read_paths
    from recoupe.store import Store

    started = time.perf_counter()
    with Store(db) as store:
        report = ingest_documents(documents_with_rpm2_dates(read_paths([RPM2], DEFAULT_SETTINGS)), store)
        seeds = ingest([SEEDS], store)
    print(f"built {db.name}: {len(report.added) + len(seeds.added)} articles in {time.perf_counter() - started:.0f} s",
          flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("RECOUPE_TOKEN", None)  # read-only: the load test only reads
    return subprocess.Popen([sys.executable, "-m", "recoupe", "serve", "--db", str(db), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env)


def wait_ready(base: str, server: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited ({server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(base + "/api", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


def plan(doc: dict, rng: random.Random):
    """A function giving the next (group, path) of the mix, from the store's own ids and words."""
    from urllib.parse import quote, urlencode

    events = [e["id"] for e in doc["events"]]
    articles = [a["id"] for a in doc["articles"]]
    mentions = defaultdict(int)
    for article in doc["articles"]:
        for mention in article["mentions"]:
            mentions[mention["entity"]] += 1
    entities = sorted((e for e in doc["entities"] if e["type"] in ("PER", "ORG")), key=lambda e: -mentions[e["id"]])[:80]
    words = [e["name"] for e in entities[:40]] + [" ".join(q["text"].split()[:4]) for q in doc["quotes"][:40]]
    words += ["gouvernement", "président", "accord", "police", "ministre", "Ukraine", "euros", "grève"]
    sources = sorted({a["source"] or "-" for a in doc["articles"]})
    kinds = ["articles", "events", "entities", "storylines", "quotes"]
    groups, weights = list(MIX), list(MIX.values())

    def next_request() -> tuple[str, str]:
        group = rng.choices(groups, weights)[0]
        if group == "page storylines":
            return group, "/"
        if group == "page event":
            return group, f"/events/{rng.choice(events)}"
        if group == "page article":
            return group, f"/articles/{quote(rng.choice(articles), safe='')}"
        if group == "page person":
            return group, f"/entities/{quote(rng.choice(entities)['id'], safe='')}"
        if group == "page sources":
            return group, rng.choice(["/sources", f"/sources/{quote(rng.choice(sources), safe='')}"])
        if group == "page search":
            return group, "/search?" + urlencode({"q": rng.choice(words)})
        if group == "api list":
            kind = rng.choice(kinds)
            return group, f"/api/{kind}?limit=20&offset={rng.randrange(0, max(1, len(doc[kind])))}"
        if group == "api record":
            kind = rng.choice(["events", "articles", "entities"])
            key = {"events": lambda: rng.choice(events), "articles": lambda: rng.choice(articles),
                   "entities": lambda: rng.choice(entities)["id"]}[kind]()
            return group, f"/api/{kind}/{quote(key, safe='')}"
        return group, "/api/search?" + urlencode({"q": rng.choice(words), "kind": rng.choice(["articles", "quotes"])})

    return next_request


class Connection:
    """One keep-alive HTTP/1.1 connection over asyncio streams: a client light enough that, on a
    2-core machine, the figures measure the server (httpx's async client costs ~5 ms of CPU a request,
    more than the server's work)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                          "Accept-Encoding: identity\r\n\r\n".encode())
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("connection closed by the server")
        status = int(status_line.split()[1])
        length, close = None, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                raise ConnectionError("chunked answers are not expected from this server")
            elif name == b"connection" and value.strip().lower() == b"close":
                close = True
        body = await self.reader.readexactly(length or 0)
        if close:
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def load(port: int, doc: dict, clients: int, duration: float, seed: int) -> tuple[dict, float]:
    results: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    samples: list[str] = []
    deadline = time.perf_counter() + duration

    async def worker(number: int) -> None:
        next_request = plan(doc, random.Random(seed * 1000 + number))
        connection = Connection("127.0.0.1", port)
        while time.perf_counter() < deadline:
            group, path = next_request()
            started = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(connection.get(path), 60)
                ok = status == 200 and bool(body)
                if not ok and len(samples) < 10:
                    samples.append(f"{status} {path}: {body[:200]!r}")
            except (OSError, ValueError, IndexError, asyncio.TimeoutError, asyncio.IncompleteReadError) as exc:
                ok = False
                await connection.close()
                if len(samples) < 10:
                    samples.append(f"{type(exc).__name__} {path}: {exc}")
            results[group].append(time.perf_counter() - started)
            if not ok:
                errors[group] += 1
        await connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(clients)))
    return {"latencies": results, "errors": errors, "samples": samples}, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def report(result: dict, elapsed: float, clients: int) -> dict:
    rows = []
    everything = [v for values in result["latencies"].values() for v in values]
    for group in list(MIX) + ["all"]:
        values = everything if group == "all" else result["latencies"].get(group, [])
        if not values:
            continue
        errors = sum(result["errors"].values()) if group == "all" else result["errors"].get(group, 0)
        rows.append({"group": group, "requests": len(values), "errors": errors, "rps": len(values) / elapsed,
                     "p50_ms": 1000 * statistics.median(values), "p95_ms": 1000 * percentile(values, 95),
                     "p99_ms": 1000 * percentile(values, 99), "max_ms": 1000 * max(values)})
    print(f"\n{clients} clients, {elapsed:.1f} s, loopback, one uvicorn worker")
    print(f"{'route group':<18}{'requests':>9}{'errors':>8}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for r in rows:
        line = (f"{r['group']:<18}{r['requests']:>9}{r['errors']:>8}{r['rps']:>8.1f}{r['p50_ms']:>9.1f}"
                f"{r['p95_ms']:>9.1f}{r['p99_ms']:>9.1f}{r['max_ms']:>9.1f}")
        print(("-" * len(line) + "\n" if r["group"] == "all" else "") + line)
    for sample in result["samples"]:
        print("error:", sample)
    return {"clients": clients, "seconds": elapsed, "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing store (copied first, left as it is)")
    parser.add_argument("--keep-db", type=Path, help="keep the store built for the run here")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="recoupe-load-") as tmp:
        db = Path(tmp) / "store.db"
        if options.db:
            shutil.copyfile(options.db, db)
        else:
            print("building a store of rpm2-dev and the seeds…", flush=True)
            build_store(db)
            if options.keep_db:
                shutil.copyfile(db, options.keep_db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = Path(tmp) / "server.log"
        server = start_server(db, port, log)
        try:
            started = time.perf_counter()
            wait_ready(base, server, log)
            print(f"server ready in {time.perf_counter() - started:.1f} s (export cached at start-up)", flush=True)
            doc = httpx.get(base + "/api/export", timeout=60).json()
            print(f"store: {len(doc['articles'])} articles, {len(doc['events'])} events, "
                  f"{len(doc['storylines'])} storylines, {len(doc['entities'])} entities, {len(doc['quotes'])} quotes")
            result, elapsed = asyncio.run(load(port, doc, options.clients, options.duration, options.seed))
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
        figures = report(result, elapsed, options.clients)
        if options.json:
            options.json.write_bytes(orjson.dumps(figures, option=orjson.OPT_INDENT_2))
        if sum(result["errors"].values()):
            print("server log (tail):\n" + log.read_text()[-3000:])
            raise SystemExit(1)


if __name__ == "__main__":
    main()
