#!/usr/bin/env bash
# TrendWire's topic model against its peers, on KCNA and Reuters-21578 (k = 20, top 10 terms):
# TrendWire, the bare MLlib pipeline, gensim LdaMulticore and tomotopy LDA (the last two from
# PyPI into a venv this script makes, fed TrendWire's tokens), each one's NPMI coherence on one
# shared reference tokenisation, and wall time (Spark local[2]; gensim and tomotopy on 2 cores).
# Every model is fitted once per seed (one JVM per seed for the Spark side): the coherence of one
# fit moves by several hundredths with the seed, so the table gives the mean over the seeds.
#   bench/topics/run.sh [CORPUS...]        (default: kcna reuters)
# Environment: SEEDS (default "20240619 1 2"; the first is TrendWire's default seed), PASSES
# (gensim passes, default 20), GIBBS (tomotopy
# iterations, default 200), TOPICS (JSON topics settings over the conf's, default {"k": 20}),
# PEERS=none (TrendWire only, scored on the same reference: for measuring its settings),
# TRENDWIRE_SHARED (default ../shared).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${TRENDWIRE_SHARED:-$ROOT/../shared}"
VENV="$ROOT/target/bench-topics-venv"
SEEDS="${SEEDS:-20240619 1 2}"
PASSES="${PASSES:-}"
GIBBS="${GIBBS:-200}"
ONLY=""; [ "${PEERS:-all}" = none ] && ONLY=trendwire-only
TOPICS="${TOPICS:-{\"k\": 20\}}"
CORPORA=("$@")
[ ${#CORPORA[@]} -eq 0 ] && CORPORA=(kcna reuters)

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q gensim==4.4.0 tomotopy==0.14.0
fi
cd "$ROOT"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=target/spark-classpath.txt >/dev/null
FLAGS=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
for corpus in "${CORPORA[@]}"; do
  OUT="$ROOT/target/bench-topics/$corpus"
  rm -rf "$OUT"; mkdir -p "$OUT"
  CONF=$(mktemp --suffix=.json)
  sed "s:\.\./shared:$SHARED:g" "conf/$corpus.json" > "$CONF"
  echo "== $corpus (nproc $(nproc); the machine may be shared: wall times are indicative)"
  for seed in $SEEDS; do
    SETTINGS=$(python3 -c 'import json, sys; d = json.loads(sys.argv[1]); d["seed"] = int(sys.argv[2]); print(json.dumps(d))' "$TOPICS" "$seed")
    # shellcheck disable=SC2086
    java $FLAGS -Xmx6g -cp "target/test-classes:target/classes:$(cat target/spark-classpath.txt)" \
      io.trendwire.topics.TopicsBenchMain "$CONF" "$OUT/seed-$seed" "$SETTINGS" $ONLY 2>"$OUT/seed-$seed.log" \
      || { tail -20 "$OUT/seed-$seed.log"; exit 1; }
  done
  "$VENV/bin/python" bench/topics/compare.py "$OUT" "$GIBBS" "$PASSES"
  rm -f "$CONF"
done
