#!/usr/bin/env python3
"""Writes the Windows (.ico) and macOS (.icns) icons from the committed PNGs.

Both formats may hold PNG images as they are (Windows Vista and later, macOS 10.7 and later),
so no image library is needed: resources/icons/cairn-32.png and cairn-256.png go into
resources/icons/cairn.ico and cairn.icns. Run it again after changing the PNGs.
"""
import pathlib
import struct

ICONS = pathlib.Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (32, 256)


def png(size):
    data = (ICONS / f"cairn-{size}.png").read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"cairn-{size}.png is not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    if (width, height) != (size, size):
        raise SystemExit(f"cairn-{size}.png is {width}x{height}, not {size}x{size}")
    return data


def ico():
    images = [png(size) for size in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in zip(SIZES, images):
        side = 0 if size >= 256 else size   # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns():
    kinds = {32: b"icp5", 256: b"ic08"}
    body = b"".join(kinds[size] + struct.pack(">I", 8 + len(png(size))) + png(size) for size in SIZES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


(ICONS / "cairn.ico").write_bytes(ico())
(ICONS / "cairn.icns").write_bytes(icns())
print("wrote", ICONS / "cairn.ico", "and", ICONS / "cairn.icns")
