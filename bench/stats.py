"""Percentiles and summaries (milliseconds)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def summary(values_s: Sequence[float]) -> dict[str, Any]:
    """p50/p90/p99/max/mean in ms of values given in seconds."""
    ms = [v * 1000 for v in values_s]
    out: dict[str, Any] = {"n": len(ms)}
    for name, q in (("p50", 50), ("p90", 90), ("p99", 99)):
        value = percentile(ms, q)
        out[name] = round(value, 2) if value is not None else None
    out["max"] = round(max(ms), 2) if ms else None
    out["mean"] = round(sum(ms) / len(ms), 2) if ms else None
    return out


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return round(a / b, 3)
