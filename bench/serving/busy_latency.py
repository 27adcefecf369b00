#!/usr/bin/env python3
"""Latency of Cairn's light requests while it is busy (part of compare-nginx.sh).

Probes `/health` and a 64 KiB range of a signed stream URL, each every 20 ms on a new
connection (open loop), and prints their p50/p99:
  idle       nothing else going on (for reference)
  previews   while preview clips (/api/videos/{id}/preview) and thumbnails
             (/api/videos/{id}/thumbnail?t=…) of different videos are being made; a 503
             (every FFmpeg slot taken) is asked again after min(Retry-After, 1 s)
  slowloris  while connections each send one header byte every 5 s (reconnecting when closed)
Standard library only. Prints one JSON object.
"""
import argparse
import asyncio
import http.client
import json
import random
import socket
import threading
import time


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))]


class Prober:
    """Open loop: every `interval` a /health and a 64 KiB range request start, each on a new
    connection, whether or not the earlier ones have been answered; so a stalled worker shows
    in every probe that waits behind it, not just in the one that was in flight."""

    def __init__(self, host, port, range_path, interval=0.02, timeout=30.0):
        self.host, self.port, self.range_path = host, port, range_path
        self.interval, self.timeout = interval, timeout
        self.samples = {"health": [], "range": []}
        self.errors = 0
        self.timeouts = 0

    async def _one(self, kind, path, extra):
        t = time.perf_counter()
        writer = None
        try:
            async def exchange():
                nonlocal writer
                reader, writer = await asyncio.open_connection(self.host, self.port)
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n{extra}Connection: close\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head[9:12])
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
                return status
            status = await asyncio.wait_for(exchange(), self.timeout)
            ok = status in (200, 206)
        except asyncio.TimeoutError:
            self.timeouts += 1
            self.samples[kind].append(self.timeout * 1000)   # counted at the timeout: a lower bound
            ok = None
        except (OSError, ValueError, asyncio.IncompleteReadError):
            ok = False
        finally:
            if writer is not None:
                writer.close()
        if ok:
            self.samples[kind].append((time.perf_counter() - t) * 1000)
        elif ok is False:
            self.errors += 1

    async def run_until(self, stop):
        size_hint = 50 * 1024 * 1024
        tasks = []
        next_at = time.perf_counter()
        while not stop():
            start = random.randrange(0, size_hint - 65536)
            tasks.append(asyncio.create_task(self._one("health", "/health", "")))
            tasks.append(asyncio.create_task(
                self._one("range", self.range_path, f"Range: bytes={start}-{start + 65535}\r\n")))
            next_at += self.interval
            await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
        await asyncio.gather(*tasks)

    def result(self):
        out = {"errors": self.errors, "timeouts": self.timeouts}
        for kind, v in self.samples.items():
            out[kind] = {"n": len(v), "p50": pct(v, 0.5), "p99": pct(v, 0.99), "max": max(v) if v else None}
        return out


def probe_while(args, stop):
    p = Prober(args.host, args.port, args.range_path)
    asyncio.run(p.run_until(stop))
    return p.result()


def fetch_until_made(host, port, path, token, deadline, tally):
    """One preview or thumbnail, asked again after a 503 until made or past the deadline."""
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection(host, port, timeout=120)
            conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
            r = conn.getresponse()
            r.read()
            conn.close()
        except (OSError, http.client.HTTPException):
            tally["errors"] += 1
            time.sleep(0.5)
            continue
        if r.status == 503:
            tally["retries"] += 1
            time.sleep(min(float(r.getheader("Retry-After") or 1), 1.0))
            continue
        tally["made" if r.status == 200 else "failed"] += 1
        return
    tally["gaveUp"] += 1


def slowloris(host, port, count, stop, tally):
    """count connections sending 'GET / HTTP/1.1\\r\\nX-a: bbbb…' one byte every 5 s."""
    line = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 4096
    socks = [None] * count
    pos = [0] * count
    next_byte = time.time()
    while not stop():
        for i in range(count):
            s = socks[i]
            if s is None:
                try:
                    s = socket.create_connection((host, port), timeout=5)
                    s.setblocking(False)
                    socks[i], pos[i] = s, 0
                    tally["connections"] += 1
                except OSError:
                    tally["errors"] += 1
                    continue
            try:
                s.send(line[pos[i] % len(line):pos[i] % len(line) + 1])
                pos[i] += 1
                tally["bytes"] += 1
                try:
                    s.recv(4096)   # an answer (408) or the end: either way the server let go
                    raise ConnectionResetError
                except BlockingIOError:
                    pass   # still waiting for the rest of the request: what a slowloris wants
            except OSError:
                tally["closedByServer"] += 1
                s.close()
                socks[i] = None
        next_byte += 5
        while time.time() < next_byte and not stop():
            time.sleep(0.05)
    for s in socks:   # a 408 that came after the last round still counts
        if s is not None:
            try:
                s.recv(4096)
                tally["closedByServer"] += 1
            except BlockingIOError:
                pass
            except OSError:
                tally["closedByServer"] += 1
            s.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--token", required=True, help="a user's bearer token")
    ap.add_argument("--range-path", required=True, help="signed stream URL (path and query)")
    ap.add_argument("--videos", required=True, help="comma-separated video ids with durations: id:seconds,…")
    ap.add_argument("--previews", type=int, default=20)
    ap.add_argument("--thumbnails", type=int, default=50)
    ap.add_argument("--slow-connections", type=int, default=200)
    ap.add_argument("--idle-seconds", type=float, default=5)
    ap.add_argument("--slowloris-seconds", type=float, default=20)
    ap.add_argument("--max-busy-seconds", type=float, default=180)
    args = ap.parse_args()
    videos = [(int(a), float(b)) for a, b in (v.split(":") for v in args.videos.split(","))]
    out = {}

    t_end = time.time() + args.idle_seconds
    out["idle"] = probe_while(args, lambda: time.time() >= t_end)

    # Previews and thumbnails, each of a different video where there are enough.
    tally = {"made": 0, "failed": 0, "retries": 0, "errors": 0, "gaveUp": 0}
    deadline = time.time() + args.max_busy_seconds
    jobs = []
    for i in range(args.previews):
        vid, _ = videos[i % len(videos)]
        jobs.append(f"/api/videos/{vid}/preview")
    for i in range(args.thumbnails):
        vid, dur = videos[(args.previews + i) % len(videos)]
        jobs.append(f"/api/videos/{vid}/thumbnail?t={random.uniform(0.5, max(1.0, dur - 1)):.2f}")
    random.shuffle(jobs)
    threads = [threading.Thread(target=fetch_until_made, args=(args.host, args.port, j, args.token, deadline, tally))
               for j in jobs]
    t0 = time.time()
    for t in threads:
        t.start()
    out["previews"] = probe_while(args, lambda: not any(t.is_alive() for t in threads))
    for t in threads:
        t.join()
    out["previews"]["seconds"] = round(time.time() - t0, 1)
    out["previews"]["load"] = tally

    stop_at = time.time() + args.slowloris_seconds
    stop = lambda: time.time() >= stop_at
    slow_tally = {"connections": 0, "bytes": 0, "closedByServer": 0, "errors": 0}
    slow = threading.Thread(target=slowloris, args=(args.host, args.port, args.slow_connections, stop, slow_tally))
    slow.start()
    time.sleep(1)   # let them connect
    out["slowloris"] = probe_while(args, stop)
    slow.join()
    out["slowloris"]["load"] = slow_tally
    print(json.dumps(out))


if __name__ == "__main__":
    main()
