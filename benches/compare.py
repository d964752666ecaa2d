#!/usr/bin/env python3
"""Runs the commands of compare.sh interleaved and prints a table.

Each command's wall time is measured around the process, and its peak RSS
in a separate run under GNU time; the runs
of all commands are interleaved so that machine noise hits them alike.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def measure(cmd):
    """Wall time, sub-millisecond (perf_counter around the process)."""
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def peak_memory(cmd):
    """Peak RSS in MB, from GNU time in a run of its own (a child forked from
    Python would also count Python's own memory)."""
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(t.read().split()[-1]) / 1024


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
    # Two configs in one folder (the folder is the site root, so both runs
    # resolve links alike): the defaults, and the defaults with spelling off
    # (the target is spelling on within 1.5 x spelling off).
    cfg_dir = tempfile.mkdtemp(prefix="frontlint-bench-")
    defaults = os.path.join(cfg_dir, "defaults.toml")
    nospell = os.path.join(cfg_dir, "nospell.toml")
    with open(defaults, "w") as f:
        f.write("# built-in defaults\n")
    with open(nospell, "w") as f:
        f.write("[spelling]\nenabled = false\n")
    list_file = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    list_file.write("\0".join(files))
    list_file.close()
    size = sum(os.path.getsize(f) for f in files)
    print(f"corpus: {a.corpus}: {len(files)} files, {size / 1e6:.1f} MB; seed: {a.seed}; {a.runs} runs each (seed: more)")
    print(f"cores: {os.cpu_count()}")

    suites = {
        "corpus": {
            "floor (cat)": ["sh", "-c", f"xargs -0 cat < {list_file.name} > /dev/null"],
            "frontlint": [fl, "--config", defaults, "--format", "short", a.corpus],
            "frontlint json": [fl, "--config", defaults, "--format", "json", a.corpus],
            "frontlint no-spell": [fl, "--config", nospell, "--format", "short", a.corpus],
            # The default on a terminal (snippets, suggestions in the help);
            # short is the default when the output is a pipe or a file.
            "frontlint human": [fl, "--config", defaults, "--format", "human", a.corpus],
            "frontlint human no-spell": [fl, "--config", nospell, "--format", "human", a.corpus],
            "rumdl": [rumdl, "check", "--no-cache", "--silent", a.corpus],
            "markdownlint-cli2": [mdl, os.path.join(a.corpus, "**/*.{md,markdown}")],
        },
        "seed": {
            "floor (cat)": ["cat", a.seed],
            "frontlint": [fl, "--config", defaults, "--format", "short", a.seed],
            "frontlint json": [fl, "--config", defaults, "--format", "json", a.seed],
            "frontlint no-spell": [fl, "--config", nospell, "--format", "short", a.seed],
            "rumdl": [rumdl, "check", "--no-cache", "--silent", a.seed],
            "markdownlint-cli2": [mdl, a.seed],
        },
    }
    for suite, cmds in suites.items():
        results = {name: [] for name in cmds}
        # One post takes milliseconds: more runs for a stable median.
        runs = a.runs if suite == "corpus" else max(a.runs * 5, 20)
        for _ in range(runs):
            for name, cmd in cmds.items():
                results[name].append(measure(cmd))
        memory = {name: peak_memory(cmd) for name, cmd in cmds.items()}
        print(f"\n## {suite}")
        print(f"{'command':<24} {'median s':>9} {'min s':>8} {'peak MB':>8}")
        med = {}
        for name, walls in results.items():
            med[name] = statistics.median(walls)
            print(f"{name:<24} {med[name]:>9.4f} {min(walls):>8.4f} {memory[name]:>8.1f}")
        f = med["frontlint"]
        print(f"frontlint / rumdl             = {f / med['rumdl']:.2f}")
        print(f"frontlint / markdownlint-cli2 = {f / med['markdownlint-cli2']:.3f}")
        print(f"spelling on / off (short)     = {f / med['frontlint no-spell']:.2f}")
        print(f"spelling on / off (json, suggestions computed) = "
              f"{med['frontlint json'] / med['frontlint no-spell']:.2f}")
        if "frontlint human" in med:
            print(f"spelling on / off (human, terminal default) = "
                  f"{med['frontlint human'] / med['frontlint human no-spell']:.2f}")
    os.unlink(list_file.name)
    shutil.rmtree(cfg_dir)


if __name__ == "__main__":
    sys.exit(main())
