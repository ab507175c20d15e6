"""Plots the bench scripts' TSV tables: python3 plot.py RESULTS_DIR OUT_DIR. Each table present gives one PNG."""
import csv
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: files only
import matplotlib.pyplot as plt  # noqa: E402


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def runs(text):
    return [float(v) / 1000 for v in text.split()]


def bars(ax, labels, series, ylabel):
    """Grouped bars: series is [(name, values)], one value per label."""
    width = 0.8 / len(series)
    for i, (name, values) in enumerate(series):
        xs = [x + (i - (len(series) - 1) / 2) * width for x in range(len(labels))]
        drawn = ax.bar(xs, values, width, label=name)
        ax.bar_label(drawn, fmt="%.1f", fontsize=8)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", alpha=0.3)
    if len(series) > 1:
        ax.legend()


def deploy(table, out):
    apps = list(dict.fromkeys(r["app"] for r in table))
    median = {(r["app"], r["push"]): float(r["median_ms"]) / 1000 for r in table}
    fig, ax = plt.subplots(figsize=(8, 4.5))
    bars(ax, apps, [(push + " push", [median[(a, push)] for a in apps]) for push in ("first", "second")],
         "seconds (median)")
    ax.set_title("git push -> first 200 of the new release (reference: docker build + run)")
    fig.tight_layout()
    fig.savefig(out)


def scale(table, out):
    fig, ax = plt.subplots(figsize=(8, 4.5))
    labels = [r["what"].replace(", ", ",\n").replace(": ", ":\n", 1) for r in table]
    bars(ax, labels, [("median", [float(r["median_ms"]) / 1000 for r in table])], "seconds (median)")
    for x, r in enumerate(table):
        ax.scatter([x] * len(r["runs_ms"].split()), runs(r["runs_ms"]), color="black", s=10, zorder=3)
    ax.set_title("Scale-out and rolling restart (dots: each run)")
    ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    fig.savefig(out)


def router(table, out):
    conns = list(dict.fromkeys(r["conns"] for r in table))
    targets = list(dict.fromkeys(r["target"] for r in table))
    value = {(r["conns"], r["target"]): r for r in table}
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    bars(left, [c + " conns" for c in conns],
         [(t, [float(value[(c, t)]["req_per_s"]) / 1000 for c in conns]) for t in targets], "thousand req/s")
    left.set_title("Throughput")
    bars(right, [c + " conns" for c in conns],
         [(t, [float(value[(c, t)]["p99_ms"]) for c in conns]) for t in targets], "p99 latency, ms")
    right.set_title("p99 latency")
    fig.suptitle("Router: ours vs a bare Vert.x proxy, nginx, Caddy and direct (same backend)")
    fig.tight_layout()
    fig.savefig(out)


def zero_downtime(table, out):
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    events = [r["event"] for r in table]
    bars(left, events, [("failed %", [float(r["failure_pct"]) for r in table])], "failed requests, %")
    left.set_title("Failed requests under a steady load")
    bars(right, events, [("duration", [float(r["duration_ms"]) / 1000 for r in table])], "seconds")
    right.set_title("Event start -> settled")
    for ax in (left, right):
        ax.tick_params(axis="x", labelsize=8, rotation=20)
    fig.tight_layout()
    fig.savefig(out)


def footprint(table, out):
    labels = [f'{r["setup"]}\n{r["component"]}' for r in table if r["state"] == "idle"]
    states = list(dict.fromkeys(r["state"] for r in table))
    value = {(f'{r["setup"]}\n{r["component"]}', r["state"]): r for r in table}

    def column(state, key):
        return [float(value[(label, state)][key]) if (label, state) in value else 0 for label in labels]

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 8))
    bars(top, labels, [(s, column(s, "pss_mb")) for s in states], "PSS, MB")
    top.set_title("Memory")
    bars(bottom, labels, [(s, column(s, "cpu_pct")) for s in states], "CPU, % of one core")
    bottom.set_title("CPU")
    for ax in (top, bottom):
        ax.tick_params(axis="x", labelsize=8)
    fig.tight_layout()
    fig.savefig(out)


PLOTS = {"deploy": deploy, "scale": scale, "router": router, "zero-downtime": zero_downtime,
         "footprint": footprint}

if __name__ == "__main__":
    results, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    for name, plot in PLOTS.items():
        tsv = results / (name + ".tsv")
        if tsv.exists():
            plot(rows(tsv), out_dir / (name + ".png"))
            print(out_dir / (name + ".png"))
