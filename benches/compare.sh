#!/usr/bin/env bash
# Speed and memory of frontlint next to rumdl and markdownlint-cli2, in one
# interleaved run on the same machine, over the shared corpora and the seed.
#
#   benches/compare.sh [RUNS]          (default 5 runs of each command)
#
# Installs the peers into target/bench-tools (rumdl from PyPI,
# markdownlint-cli2 from the npm registry) on first use, builds frontlint in
# release mode, then prints medians, ratios and peak memory.
# CORPUS=path overrides the corpus folder (default ../shared/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
CORPUS=${CORPUS:-../shared/corpus}
SEED=fixtures/seed/2020-03-31-les-initiatives-covid19-beta-gouv-fr.md
TOOLS=target/bench-tools

if [ ! -d "$CORPUS" ]; then
  echo "corpus folder $CORPUS not found: set CORPUS=... (the team's machines have ../shared/corpus)" >&2
  exit 2
fi

mkdir -p "$TOOLS"
if [ ! -x "$TOOLS/venv/bin/rumdl" ]; then
  echo "installing rumdl (PyPI) into $TOOLS/venv ..." >&2
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install --quiet rumdl
fi
if [ ! -x "$TOOLS/npm/node_modules/.bin/markdownlint-cli2" ]; then
  echo "installing markdownlint-cli2 (npm) into $TOOLS/npm ..." >&2
  mkdir -p "$TOOLS/npm"
  npm install --silent --prefix "$TOOLS/npm" markdownlint-cli2 >/dev/null
fi
cargo build --release --quiet

exec python3 benches/compare.py --runs "$RUNS" --corpus "$CORPUS" --seed "$SEED" --tools "$TOOLS"
