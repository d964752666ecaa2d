#!/usr/bin/env bash
# Fills fuzz/corpus/document with the Markdown files of fixtures/ (and of
# ../shared/cases when that folder exists), the fuzzer's starting inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz/corpus/document
mkdir -p "$out"
n=0
for dir in fixtures ../shared/cases; do
  [ -d "$dir" ] || { echo "skipping $dir (not found)" >&2; continue; }
  while IFS= read -r -d '' f; do
    # Name each input by its content so re-runs do not duplicate.
    cp "$f" "$out/$(sha1sum "$f" | cut -c1-16)"
    n=$((n + 1))
  done < <(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.mdx' \) -size -256k -print0)
done
echo "$n seed inputs in $out" >&2
