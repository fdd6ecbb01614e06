#!/usr/bin/env python3
"""The canonical peer benchmark (issue #8) in plain numpy: vectorised indicators, a loop over the
few cross events for the trades. Same rules, same arithmetic (operation order) as Alvh's engine, so the
final values agree to the cent.

Rules: 1,000,000 cash; SMA(50), SMA(200) and MACD(12,26,9) of the close on every bar (MACD for
workload parity only); decisions on a bar's close from zero-based bar slow-1, filled at the next
bar's open; size = floor(cash / close * 0.99) shares at decision time; no costs. A buy costing more
than the cash at the fill (the open gapped up > 1 %) is clipped to the whole shares the cash buys at
that open (Alvh's engine rule). Final value = cash + shares * last close.

SMA: the first window summed in order, then sum += (new - dropped), divided by the period: Alvh's
streaming SMA exactly (np.cumsum accumulates sequentially, so the recurrence is reproduced bit for bit).

Monte Carlo paths: SplitMix64 + Box-Muller (cosine branch), documented in Alvh.Benchmarks.GbmPaths
and reproduced here; exp/log/cos come from numpy, so paths agree with Alvh's to ~1e-15 relative and
the Monte Carlo is compared by its mean final value.

Usage: canonical_numpy.py BARS.csv [--paths N]   (prints JSON)
"""
import csv
import json
import math
import sys
import time

import numpy as np

CASH = 1_000_000.0
GAMMA = np.uint64(0x9E3779B97F4A7C15)


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return (np.array([float(r["Open"]) for r in rows]), np.array([float(r["Close"]) for r in rows]))


def sma(close, period):
    """Rolling mean along the last axis, NaN for the first period-1 bars (Alvh's recurrence)."""
    out = np.full(close.shape, np.nan)
    n = close.shape[-1]
    if n < period:
        return out
    steps = np.empty(close.shape[:-1] + (n - period + 1,))
    steps[..., 0] = np.cumsum(close[..., :period], axis=-1)[..., -1]
    steps[..., 1:] = close[..., period:] - close[..., : n - period]
    out[..., period - 1:] = np.cumsum(steps, axis=-1) / period
    return out


def ema(x, period):
    """EMA along the last axis, seeded with the mean of the first `period` valid values (as Alvh's
    MacdStream); leading NaNs (MACD's signal line) are skipped. Rows share their leading-NaN count."""
    alpha = 2.0 / (period + 1)
    out = np.full(x.shape, np.nan)
    first_row = x.reshape(-1, x.shape[-1])[0]
    start = int(np.argmax(~np.isnan(first_row))) + period - 1
    if start >= x.shape[-1]:
        return out
    value = x[..., start - period + 1: start + 1].mean(axis=-1)
    out[..., start] = value
    for t in range(start + 1, x.shape[-1]):
        value = value + alpha * (x[..., t] - value)
        out[..., t] = value
    return out


def macd(close):
    line = ema(close, 12) - ema(close, 26)
    return line - ema(line, 9)


def trade(open_, close, spread, first_decision, buy_and_hold=False):
    """Sequential book over the decision bars; returns (final value, fills)."""
    n = len(close)
    cash, held, fills = CASH, 0.0, 0
    if buy_and_hold:
        events = [(first_decision, 1)] if first_decision < n else []
    else:
        prev, cur = spread[first_decision - 1 + 0: n - 1], spread[first_decision:]
        t = np.arange(first_decision, n)
        up = t[(prev < 0) & (cur > 0)]
        down = t[(prev > 0) & (cur < 0)]
        events = sorted([(int(i), 1) for i in up] + [(int(i), -1) for i in down])
    for t, side in events:
        if t + 1 >= n:
            break  # decided on the last bar: no next open to fill at
        if side > 0 and held == 0:
            q = math.floor(cash / close[t] * 0.99)
            if q <= 0:
                continue
            price = open_[t + 1]
            if q * price > cash:  # Alvh's engine: clip to the cash at the fill price, whole shares
                q = math.floor(math.floor(max(0.0, cash) / price * 1e6) / 1e6)
                if q <= 0:
                    continue
            cash += -(q * price)
            held += q
            fills += 1
        elif side < 0 and held > 0:
            cash += held * open_[t + 1]
            held = 0.0
            fills += 1
    return cash + held * close[-1], fills


def sma_cross(open_, close, fast, slow, macd_hist=None):
    """(final value, fills, the MACD histogram at the last bar): the histogram is computed here unless given
    (the sweep and the Monte Carlo share one per series) and returned so that run.sh can compare it."""
    if macd_hist is None:
        macd_hist = macd(close)  # workload parity
    spread = sma(close, fast) - sma(close, slow)
    # The first decision is on bar slow-1; a cross needs the previous bar's slow SMA, so events start at bar slow.
    final, fills = trade(open_, close, spread, slow)
    return final, fills, float(macd_hist[-1])


def buy_and_hold(open_, close):
    sma(close, 50), sma(close, 200), macd(close)
    return trade(open_, close, None, 199, buy_and_hold=True)


def splitmix_paths(paths, bars, seed=1, drift=0.0003, vol=0.011):
    """Opens and closes of every path (rows), vectorised over paths."""
    with np.errstate(over="ignore"):
        def mix(z):
            z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            return z ^ (z >> np.uint64(31))
        state = mix(np.uint64(seed) + (np.arange(paths, dtype=np.uint64) + np.uint64(1)) * GAMMA)
        draws = np.empty((paths, 2 * bars), dtype=np.uint64)
        for k in range(2 * bars):
            state = state + GAMMA
            draws[:, k] = mix(state)
    u = (draws >> np.uint64(11)).astype(np.float64) * (1.0 / (1 << 53))
    a, b = u[:, 0::2], u[:, 1::2]
    z = np.sqrt(-2.0 * np.log(1.0 - a)) * np.cos(2.0 * math.pi * b)
    mean = drift - 0.5 * vol * vol
    growth = np.exp(mean + vol * z)
    close = np.cumprod(np.concatenate([np.full((paths, 1), 100.0), growth], axis=1), axis=1)
    return close[:, :-1], close[:, 1:]


def main():
    bars_file = sys.argv[1]
    paths = int(sys.argv[sys.argv.index("--paths") + 1]) if "--paths" in sys.argv else 1000
    open_, close = load(bars_file)
    n = len(close)

    sma_cross(open_, close, 50, 200)
    best = math.inf
    for _ in range(5):
        t0 = time.perf_counter()
        single = sma_cross(open_, close, 50, 200)
        best = min(best, time.perf_counter() - t0)
    hold = buy_and_hold(open_, close)

    # The sweep and the Monte Carlo: best of three (numba and `alvh bench` take the best of ten; numpy is slow).
    sweep_seconds = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        hist = macd(close)  # one MACD per series: every combination shares it
        results = [sma_cross(open_, close, f, s, hist) for f in range(5, 101, 5) for s in range(50, 301, 10) if f < s]
        sweep_seconds = min(sweep_seconds, time.perf_counter() - t0)

    mc_seconds = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        opens, closes = splitmix_paths(paths, 9000)
        hists = macd(closes)  # vectorised over paths
        finals = [sma_cross(opens[p], closes[p], 50, 200, hists[p])[0] for p in range(paths)]
        mc_seconds = min(mc_seconds, time.perf_counter() - t0)

    print(json.dumps({
        "single": {"seconds": best, "barsPerSec": n / best, "finalValue": single[0], "trades": single[1],
                   "macdHistogram": single[2]},
        "buyHold": {"finalValue": hold[0]},
        "sweep": {"combos": len(results), "seconds": sweep_seconds, "backtestsPerSec": len(results) / sweep_seconds,
                  "bestFinalValue": max(r[0] for r in results), "threads": 1},
        "monteCarlo": {"paths": paths, "seconds": mc_seconds, "pathsPerSec": paths / mc_seconds,
                       "meanFinalValue": float(np.mean(finals)), "threads": 1},
    }, indent=2))


if __name__ == "__main__":
    main()
