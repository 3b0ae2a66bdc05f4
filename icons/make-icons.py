#!/usr/bin/env python3
"""Draws the extension icons (a white check mark on a green rounded square) as PNGs.

Standard library only: python3 icons/make-icons.py writes icons/icon{16,32,48,128}.png.
"""
import math
import os
import struct
import zlib

GREEN = (7, 193, 96)
SS = 4  # supersampling per axis


def inside_rounded(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    qx, qy = ax + t * dx, ay + t * dy
    return math.hypot(px - qx, py - qy)


def render(size):
    radius = size * 0.22
    stroke = size * (0.13 if size > 24 else 0.16)
    # Check mark: two segments, in unit coordinates scaled to the icon.
    a = (0.25 * size, 0.52 * size)
    b = (0.43 * size, 0.70 * size)
    c = (0.76 * size, 0.33 * size)
    rows = []
    for y in range(size):
        row = bytearray([0])  # filter type 0
        for x in range(size):
            bg = 0
            fg = 0
            for sy in range(SS):
                for sx in range(SS):
                    px = x + (sx + 0.5) / SS
                    py = y + (sy + 0.5) / SS
                    if inside_rounded(px, py, size, radius):
                        bg += 1
                        d = min(dist_to_segment(px, py, *a, *b), dist_to_segment(px, py, *b, *c))
                        if d <= stroke / 2:
                            fg += 1
            n = SS * SS
            alpha = bg / n
            if bg == 0:
                row += bytes([0, 0, 0, 0])
                continue
            w = fg / bg  # white share of the covered part
            r = round(GREEN[0] * (1 - w) + 255 * w)
            g = round(GREEN[1] * (1 - w) + 255 * w)
            bl = round(GREEN[2] * (1 - w) + 255 * w)
            row += bytes([r, g, bl, round(alpha * 255)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for size in (16, 32, 48, 128):
        with open(os.path.join(here, f"icon{size}.png"), "wb") as f:
            f.write(render(size))
