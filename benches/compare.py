#!/usr/bin/env python3
"""Runs the commands of compare.sh interleaved and prints a table.

Each command runs under /usr/bin/time -v (wall time and peak RSS); the runs
of all commands are interleaved so that machine noise hits them alike.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile


def measure(cmd):
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = t.read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", out)
    h, m, s = wall.groups()
    secs = (int(h or 0) * 3600) + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out).group(1))
    return secs, rss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--tools", required=True)
    a = ap.parse_args()
    fl = "target/release/frontlint"
    rumdl = os.path.join(a.tools, "venv/bin/rumdl")
    mdl = os.path.join(a.tools, "npm/node_modules/.bin/markdownlint-cli2")
    files = []
    for root, _, names in os.walk(a.corpus):
        files += [os.path.join(root, n) for n in names if n.endswith((".md", ".markdown"))]
    files.sort()
    list_file = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    list_file.write("\0".join(files))
    list_file.close()
    size = sum(os.path.getsize(f) for f in files)
    print(f"corpus: {a.corpus}: {len(files)} files, {size / 1e6:.1f} MB; seed: {a.seed}; {a.runs} runs each")
    print(f"cores: {os.cpu_count()}")

    suites = {
        "corpus": {
            "floor (cat)": ["sh", "-c", f"xargs -0 cat < {list_file.name} > /dev/null"],
            "frontlint": [fl, "--no-config", "--format", "short", a.corpus],
            "rumdl": [rumdl, "check", "--no-cache", "--silent", a.corpus],
            "markdownlint-cli2": [mdl, os.path.join(a.corpus, "**/*.{md,markdown}")],
        },
        "seed": {
            "floor (cat)": ["cat", a.seed],
            "frontlint": [fl, "--no-config", "--format", "short", a.seed],
            "rumdl": [rumdl, "check", "--no-cache", "--silent", a.seed],
            "markdownlint-cli2": [mdl, a.seed],
        },
    }
    for suite, cmds in suites.items():
        results = {name: [] for name in cmds}
        for _ in range(a.runs):
            for name, cmd in cmds.items():
                results[name].append(measure(cmd))
        print(f"\n## {suite}")
        print(f"{'command':<20} {'median s':>9} {'min s':>8} {'peak MB':>8}")
        med = {}
        for name, runs in results.items():
            walls = [w for w, _ in runs]
            med[name] = statistics.median(walls)
            print(f"{name:<20} {med[name]:>9.3f} {min(walls):>8.3f} {max(r for _, r in runs):>8.1f}")
        f = med["frontlint"]
        print(f"frontlint / rumdl             = {f / med['rumdl']:.2f}")
        print(f"frontlint / markdownlint-cli2 = {f / med['markdownlint-cli2']:.3f}")
    os.unlink(list_file.name)


if __name__ == "__main__":
    sys.exit(main())
