#!/usr/bin/env python3
"""Scaling benchmark: frontlint over generated corpora of growing size.

    benches/scaling.sh [SIZES...]      (default: 10000 30000 100000)

Generates, once, SIZE small posts (about 1.2 KB each: front matter, headings,
links, a list, code, English and French prose; one post in 20 carries a real
fault) under the system's temp folder (frontlint-scaling/SIZE: outside any git
repository, whose .gitignore would hide the linked files), then runs the release binary on each
corpus under /usr/bin/time -v and prints wall time, time per 1,000 files,
peak memory and the number of findings. Time should grow linearly with the
number of files, and memory should stay far below the corpus size.
"""
import os
import random
import re
import subprocess
import sys
import tempfile

WORDS_EN = ("the team writes short posts about public services and the tools "
            "they build with care for every user of the site").split()
WORDS_FR = ("les équipes publient des articles sur les services publics et les "
            "outils qu'elles construisent avec soin pour chaque usager").split()


def post(i, rng):
    lang = "fr" if i % 3 == 0 else "en"
    words = WORDS_FR if lang == "fr" else WORDS_EN
    fault = i % 20 == 7
    fm = [f'title: "Post number {i}"' if not (fault and i % 40 == 7) else "",
          f"date: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
          f"lang: {lang}",
          f"tags: [alpha, beta{i % 7}]"]
    if fault and i % 40 == 27:
        fm.append("titel: typo of a key")
    body = [f"# Heading {i}", ""]
    for p in range(4):
        sentence = [rng.choice(words)]
        while len(sentence) < 22:
            w = rng.choice(words)
            if w != sentence[-1]:
                sentence.append(w)
        body.append(" ".join(sentence).capitalize() + ".")
        body.append("")
    body.append(f"See [the first post](post-{i - i % 1000:06d}.md) and "
                f"[the docs](https://example.org/docs/{i % 50}).")
    if fault:
        body.append("A nested link: [A]([b](https://example.org/b)).")
    body += ["", "- item one", "- item two", "", "```sh", "echo 'code is not prose'", "```", ""]
    return "---\n" + "\n".join(l for l in fm if l) + "\n---\n\n" + "\n".join(body)


def generate(folder, n):
    marker = os.path.join(folder, ".complete-v2")
    if os.path.exists(marker):
        return
    rng = random.Random(n)
    for i in range(n):
        sub = os.path.join(folder, f"section-{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"post-{i:06d}.md"), "w") as f:
            f.write(post(i, rng))
    open(marker, "w").close()


def measure(cmd):
    with tempfile.NamedTemporaryFile("r") as t:
        out = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        info = t.read()
    m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", info)
    h, mi, s = m.groups()
    wall = int(h or 0) * 3600 + int(mi) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", info).group(1)) / 1024
    return wall, rss, out.stdout.count(b"\n")


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [10000, 30000, 100000]
    base = os.path.join(tempfile.gettempdir(), "frontlint-scaling")
    print(f"{'files':>8} {'MB':>6} {'wall s':>8} {'ms/1000 files':>14} {'peak MB':>8} {'findings':>9}")
    for n in sizes:
        folder = os.path.join(base, str(n))
        generate(folder, n)
        size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(folder) for f in fs)
        runs = [measure(["target/release/frontlint", "--no-config", "--format", "short", folder])
                for _ in range(3)]
        wall = sorted(r[0] for r in runs)[1]
        rss = max(r[1] for r in runs)
        print(f"{n:>8} {size / 1e6:>6.1f} {wall:>8.2f} {wall / n * 1e6:>14.1f} {rss:>8.1f} {runs[0][2]:>9}")


if __name__ == "__main__":
    main()
