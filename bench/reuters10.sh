# Sourced by the bench scripts: Reuters-21578 replicated REPLICAS times (symlinks under distinct
# names; the reader follows them) and one run of the real job on it (bin/trendwire, local mode).
# After run_reuters: $TMP/report holds the report, $INPUT_BYTES/$FILES describe the input, and
# $START/$END bracket the run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPLICAS="${REPLICAS:-10}"
SHARED="${TRENDWIRE_SHARED:-$ROOT/../shared}"
CONFIG="${CONFIG:-conf/reuters.json}"
export TRENDWIRE_JAVA_OPTS="${TRENDWIRE_JAVA_OPTS:--Xmx12g}"

run_reuters() {
  local corpus
  corpus="$(cd "$SHARED/corpora/reuters21578/sgm-data" && pwd)"
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/trendwire-bench.XXXXXX")"
  if [ "${KEEP:-0}" != "1" ]; then
    trap 'rm -rf "$TMP"' EXIT
  fi
  mkdir -p "$TMP/input"
  for ((r = 0; r < REPLICAS; r++)); do
    for f in "$corpus"/*.sgm; do
      ln -s "$f" "$TMP/input/$(basename "$f" .sgm)-r$r.sgm"
    done
  done
  INPUT_BYTES=$(find -L "$TMP/input" -name '*.sgm' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  FILES=$(find -L "$TMP/input" -name '*.sgm' -type f | wc -l)
  # Build first (bin/trendwire does it when needed) so the build is not timed.
  "$ROOT/bin/trendwire" --help >/dev/null
  cd "$ROOT"
  START=$(date +%s.%N)
  "$ROOT/bin/trendwire" --config "$CONFIG" --input "$TMP/input" --output "$TMP/report" --overwrite \
    >"$TMP/run.out" 2>"$TMP/run.log" || { tail -50 "$TMP/run.log" >&2; exit 1; }
  END=$(date +%s.%N)
}
