#!/usr/bin/env python3
"""Latency of Cairn's light requests while it is busy (part of compare-nginx.sh).

Probes `/health` and a 64 KiB range of a signed stream URL, one after the other on two
kept-alive connections, every 10 ms, and prints their p50/p99:
  idle       nothing else going on (for reference)
  previews   while preview clips (/api/videos/{id}/preview) and thumbnails
             (/api/videos/{id}/thumbnail?t=…) of different videos are being made; a 503
             (every FFmpeg slot taken) is asked again after min(Retry-After, 1 s)
  slowloris  while connections each send one header byte every 5 s (reconnecting when closed)
Standard library only. Prints one JSON object.
"""
import argparse
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
    def __init__(self, host, port, range_path):
        self.host, self.port, self.range_path = host, port, range_path
        self.samples = {"health": [], "range": []}
        self.errors = 0
        self.conns = {}

    def _get(self, kind, path, headers):
        conn = self.conns.get(kind)
        if conn is None:
            conn = self.conns[kind] = http.client.HTTPConnection(self.host, self.port, timeout=30)
        t = time.perf_counter()
        try:
            conn.request("GET", path, headers=headers)
            r = conn.getresponse()
            r.read()
            ok = r.status in (200, 206)
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            self.conns.pop(kind, None)
        ms = (time.perf_counter() - t) * 1000
        if ok:
            self.samples[kind].append(ms)
        else:
            self.errors += 1

    def run_until(self, stop):
        size_hint = 50 * 1024 * 1024
        while not stop():
            self._get("health", "/health", {})
            start = random.randrange(0, size_hint - 65536)
            self._get("range", self.range_path, {"Range": f"bytes={start}-{start + 65535}"})
            time.sleep(0.01)

    def result(self):
        out = {"errors": self.errors}
        for kind, v in self.samples.items():
            out[kind] = {"n": len(v), "p50": pct(v, 0.5), "p99": pct(v, 0.99), "max": max(v) if v else None}
        return out


def probe_while(args, stop):
    p = Prober(args.host, args.port, args.range_path)
    p.run_until(stop)
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
    for s in socks:
        if s is not None:
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
