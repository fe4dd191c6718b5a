"""Geometry of the inline SVG timeline of a storyline: its events placed on a date axis.

Only numbers and plain strings leave this module; the template writes the SVG with autoescape on.
"""
from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

WIDTH, MARGIN, ROW = 860, 40, 26


def _day(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def event_chart(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Circles (size = articles) on a date axis, labels on alternating rows, ticks; None if undated."""
    dated = [(d, e) for e in events if (d := _day(e.get("date")))]
    if not dated:
        return None
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    if (last - first).days < 6:  # a short span still reads as days on an axis
        pad = (6 - (last - first).days) // 2 + 1
        first, last = first - timedelta(days=pad), last + timedelta(days=pad)
    span = (last - first).days or 1
    rows = min(3, len(dated))
    height = 50 + rows * ROW

    def x(day: date) -> float:
        return round(MARGIN + (day - first).days / span * (WIDTH - 2 * MARGIN), 1)

    points = []
    for k, (day, event) in enumerate(sorted(dated, key=lambda de: de[0])):
        n = max(1, int(event.get("n_articles", 1)))
        cx = x(day)
        points.append({
            "cx": cx, "cy": 30, "r": round(4 + 3 * math.sqrt(n), 1), "anchor": event["anchor"],
            "label": _short(event["title"]), "date": day.isoformat(), "n": n,
            "ly": 60 + (k % rows) * ROW, "lx": min(max(cx, MARGIN), WIDTH - MARGIN),
        })
    ticks = []
    steps = min(5, span)
    for i in range(steps + 1):
        day = first + timedelta(days=round(i * span / steps))
        ticks.append({"x": x(day), "label": day.strftime("%d %b %Y")})
    return {"width": WIDTH, "height": height, "axis_y": 30, "x0": MARGIN, "x1": WIDTH - MARGIN,
            "points": points, "ticks": ticks, "undated": len(events) - len(dated)}
