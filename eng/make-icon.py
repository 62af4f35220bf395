#!/usr/bin/env python3
"""Draws the package icon (eng/icon.png, 128x128 RGBA): a white "R" on a rounded violet-to-blue square.

Standard library only, and deterministic (the same bytes on every run), so the icon can be regenerated and reviewed:
    python3 eng/make-icon.py
"""
import math
import os
import struct
import zlib

SIZE = 128
SAMPLES = 4  # 4x4 supersampling for anti-aliased edges


def in_rounded_square(x, y, radius=26.0):
    cx = min(max(x, radius), SIZE - radius)
    cy = min(max(y, radius), SIZE - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_segment(x, y, ax, ay, bx, by, half_width):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= half_width ** 2


def in_letter(x, y):
    if 36 <= x <= 53 and 27 <= y <= 101:  # stem
        return True
    if 36 <= x <= 70 and (27 <= y <= 44 or 58 <= y <= 75):  # the bowl's bars
        return True
    if x >= 70:  # the bowl's round end: a half ring around (70, 51)
        r = math.hypot(x - 70, y - 51)
        if 7 <= r <= 24:
            return True
    return y <= 101 and in_segment(x, y, 64, 68, 90, 97, 8.5)  # the leg


def colour(x, y):
    t = (x + y) / (2 * SIZE)
    top, bottom = (124, 58, 237), (37, 99, 235)  # violet-600 to blue-600
    return tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))


def pixel(px, py):
    background = letter = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = px + (sx + 0.5) / SAMPLES
            y = py + (sy + 0.5) / SAMPLES
            if in_rounded_square(x, y):
                background += 1
                if in_letter(x, y):
                    letter += 1
    n = SAMPLES * SAMPLES
    if background == 0:
        return (0, 0, 0, 0)
    r, g, b = colour(px + 0.5, py + 0.5)
    w = letter / background
    r, g, b = (round(c + (255 - c) * w) for c in (r, g, b))
    return (r, g, b, round(255 * background / n))


def png(rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(v for p in row for v in p) for row in rows)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")
    with open(path, "wb") as f:
        f.write(png(rows))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
