#!/usr/bin/env bash
# The measurements behind the topic defaults (docs/topics.md, "Defaults"): TrendWire's model on
# KCNA and Reuters-21578 for each setting, printing NPMI coherence (on its own terms, as topics/
# reports it), MLlib's log-perplexity bound (lower is better) and wall time. One JVM per setting.
#   bench/topics/sweep.sh [CORPUS...]      (default: kcna reuters)
# SETTINGS: one JSON object per line overriding the conf's topics settings (default: the grid below).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${TRENDWIRE_SHARED:-$ROOT/../shared}"
CORPORA=("$@")
[ ${#CORPORA[@]} -eq 0 ] && CORPORA=(kcna reuters)
DEFAULT_GRID=$(cat <<'GRID'
{"k": 10}
{"k": 20}
{"k": 30}
{"k": 20, "chains": 1}
{"k": 20, "chains": 1, "maxIterations": 500}
{"k": 20, "chains": 3}
{"k": 20, "chains": 3, "maxIterations": 300}
{"k": 20, "topicConcentration": 0.003}
{"k": 20, "topicConcentration": 0.05}
{"k": 20, "maxDocFreq": 0.4}
{"k": 20, "optimizer": "online"}
GRID
)
SETTINGS="${SETTINGS:-$DEFAULT_GRID}"
cd "$ROOT"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=target/spark-classpath.txt >/dev/null
FLAGS=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
for corpus in "${CORPORA[@]}"; do
  CONF=$(mktemp --suffix=.json)
  sed "s:\.\./shared:$SHARED:g" "conf/$corpus.json" > "$CONF"
  echo "== $corpus"
  while IFS= read -r setting; do
    [ -z "$setting" ] && continue
    # shellcheck disable=SC2086
    java $FLAGS -Xmx6g -cp "target/test-classes:target/classes:$(cat target/spark-classpath.txt)" \
      io.trendwire.topics.TopicsBenchMain "$CONF" "$ROOT/target/bench-topics/sweep-$corpus" "$setting" trendwire-only \
      </dev/null 2>/dev/null | grep NPMI
  done <<< "$SETTINGS"
  rm -f "$CONF"
done
