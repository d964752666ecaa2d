#!/usr/bin/env bash
# Linear time, bounded memory: frontlint over 10k, 30k and 100k generated
# posts (see benches/scaling.py). Needs only python3; no shared corpus.
#
#   benches/scaling.sh [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 benches/scaling.py "$@"
