"""Draws icon.png (128x128): stacked listing cards under a magnifier with a coin, on a blue tile.

Pure Python (zlib + struct) so it runs anywhere; shapes are signed-distance functions sampled 4x per axis.
Run: python3 build/make-icon.py
"""
import math, struct, zlib

SIZE, SS = 128, 4

def rounded_rect(x, y, cx, cy, hw, hh, r):
    dx, dy = abs(x - cx) - (hw - r), abs(y - cy) - (hh - r)
    return math.hypot(max(dx, 0), max(dy, 0)) + min(max(dx, dy), 0) - r

def circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r

def segment(x, y, ax, ay, bx, by, r):
    px, py, vx, vy = x - ax, y - ay, bx - ax, by - ay
    t = max(0, min(1, (px * vx + py * vy) / (vx * vx + vy * vy)))
    return math.hypot(px - vx * t, py - vy * t) - r

def over(dst, src, a):
    return tuple(d * (1 - a) + s * a for d, s in zip(dst, src))

def shade(x, y):
    # Tile: blue gradient with rounded corners.
    if rounded_rect(x, y, 64, 64, 62, 62, 24) > 0:
        return (0, 0, 0, 0)
    t = (x + y) / 256
    c = (30 * (1 - t) + 14 * t, 58 * (1 - t) + 165 * t, 138 * (1 - t) + 233 * t)
    # Three listing cards, back to front.
    for i, (cy, alpha) in enumerate(((40, 0.45), (58, 0.7), (76, 1.0))):
        if rounded_rect(x, y, 56, cy, 34, 12, 5) <= 0:
            c = over(c, (255, 255, 255), alpha)
            if i == 2:
                for bar_y, bar_w in ((72, 20), (80, 12)):
                    if rounded_rect(x, y, 36 + bar_w, bar_y, bar_w, 2, 2) <= 0:
                        c = (148, 163, 184)
    # Magnifier: ring, lens tint, handle.
    lens = circle(x, y, 84, 80, 20)
    if lens <= 0:
        c = over(c, (224, 242, 254), 0.35)
    if abs(lens + 2) <= 4:
        c = (15, 23, 42)
    if segment(x, y, 98, 95, 114, 112, 5) <= 0:
        c = (15, 23, 42)
    # Coin inside the lens: gold disc with a currency bar.
    if circle(x, y, 84, 80, 10) <= 0:
        c = (250, 204, 21)
        if segment(x, y, 84, 73, 84, 87, 1.6) <= 0 or segment(x, y, 80, 77, 88, 77, 1.4) <= 0 or segment(x, y, 80, 83, 88, 83, 1.4) <= 0:
            c = (161, 98, 7)
    return (*c, 255)

rows = []
for py in range(SIZE):
    row = bytearray([0])
    for px in range(SIZE):
        acc = [0.0, 0.0, 0.0, 0.0]
        for sy in range(SS):
            for sx in range(SS):
                r, g, b, a = shade(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a
        n = SS * SS
        a = acc[3] / n
        row += bytes(int(round(acc[i] / acc[3])) if acc[3] else 0 for i in range(3)) + bytes([int(round(a))])
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open("icon.png", "wb").write(png)
print("icon.png", len(png), "bytes")
