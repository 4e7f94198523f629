"""Runs DuckDB queries given as a JSON list on stdin; prints one JSON object per query:
{"rows": n} or {"error": "..."}. Used by ReadmeQueriesTest."""
import json
import sys

import duckdb

for sql in json.load(sys.stdin):
    try:
        rows = duckdb.sql(sql).fetchall()
        print(json.dumps({"rows": len(rows)}))
    except Exception as e:  # every failure is reported, the test names the query
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
