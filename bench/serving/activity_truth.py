#!/usr/bin/env python3
"""Compares /api/activity's per-stream bytesSent and bytesPerSecond with what the readers of
slow_readers.cpp actually received (its --snapshot-out file; streams are matched by the
readers' User-Agent). Prints one JSON object: medians and spread of the ratios server/client."""
import json
import sys


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return round(v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))], 3)


def main(path):
    snap = json.load(open(path))
    activity = snap.get("activity") or {}
    streams = {s.get("userAgent"): s for s in activity.get("items", [])}
    sent_ratios, rate_ratios = [], []
    sent_total = received_total = 0
    for c in snap["clients"]:
        s = streams.get(c["userAgent"])
        if s is None or c["bytes"] <= 0:
            continue
        sent_total += s["bytesSent"]
        received_total += c["bytes"]
        sent_ratios.append(s["bytesSent"] / c["bytes"])
        if c["bytesPerSecond"] > 0:
            rate_ratios.append(s["bytesPerSecond"] / c["bytesPerSecond"])
    print(json.dumps({
        "readers": len(snap["clients"]),
        "matched": len(sent_ratios),
        "activeInActivity": activity.get("active"),
        "bytesSentRatio": {"p50": pct(sent_ratios, 0.5), "min": pct(sent_ratios, 0), "max": pct(sent_ratios, 1)},
        "bytesSentTotalRatio": round(sent_total / received_total, 3) if received_total else None,
        "bytesPerSecondRatio": {"p50": pct(rate_ratios, 0.5), "min": pct(rate_ratios, 0), "max": pct(rate_ratios, 1)},
        "receivedKBpsPerReader": round(sum(c["bytesPerSecond"] for c in snap["clients"]) / len(snap["clients"]) / 1000, 1),
        "serverTotalBytesPerSecond": activity.get("bytesPerSecond"),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
