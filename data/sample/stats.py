#!/usr/bin/env python3
"""Recompute the figures quoted in data/README.md from the sample corpus.

Usage (from the repository root):

    python3 data/sample/stats.py              # plain-text report
    python3 data/sample/stats.py --markdown   # the tables used in data/README.md
    python3 data/sample/stats.py --check      # also assert the corpus requirements (exit 1 on failure)

Only the Python standard library is needed (Python 3.8+).
"""
import argparse
import collections
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles.jsonl")
BAD = os.path.join(HERE, "bad-records.jsonl")

# Every sample outlet writes in exactly one language. Only some outlets send a
# `language` field; for the others the language is taken from this table.
OUTLET_LANGUAGE = {
    "Corriere Adriatico Online": "it",
    "Gazzetta del Tirreno": "it",
    "Northern Ledger": "en",
    "Pacific Wire Review": "en",
    "Vestnik Sibiri": "ru",
    "Невский обозреватель": "ru",
    "Rheinischer Kurier": "de",
    "Alpenländische Rundschau": "de",
    "Le Petit Continental": "fr",
    "L'Écho du Léman": "fr",
    "El Heraldo Ibérico": "es",
    "Дніпровський вісник": "uk",
}
LANG_ORDER = ["it", "en", "ru", "de", "fr", "es", "uk"]
REQUIRED = ["id", "published", "source", "url", "title", "text"]

# The Russia-North Korea storyline: an article belongs to it when it names North
# Korea (in any of the corpus languages) AND Russia. Non-storyline articles in the
# sample never mention North Korea, so this keyword rule is exact for this corpus.
NK = re.compile(
    r"north korea|pyongyang|kim jong[ -]un|choe son[ -]hui|corea del nord|nordcorean|"
    r"nordkorea|pjöngjang|corée du nord|nord-coréen|corea del norte|norcorean|"
    r"кндр|северн\w* коре|северокорейск|пхеньян|ким чен ын|цой сон хи|"
    r"північн\w* коре|північнокорейськ|пхеньян|кім чен ин",
    re.IGNORECASE)
RU = re.compile(
    r"russia|russian|moscow|kremlin|putin|lavrov|shoigu|russi|mosca|cremlino|russland|"
    r"russisch|moskau|kreml|russie|russe|moscou|poutine|rusia|rus[ao]\b|moscú|"
    r"росси|российск|москв|кремл|путин|лавров|шойгу|росі|російськ|путін",
    re.IGNORECASE)

WORD = re.compile(r"\w+", re.UNICODE)


def load_articles(path=ARTICLES):
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            rec = json.loads(line)
            rec["_line"] = n
            rec["_lang"] = rec.get("language") or OUTLET_LANGUAGE[rec["source"]]
            rec["_dt"] = datetime.datetime.fromisoformat(rec["published"])
            rec["_month"] = rec["published"][:7]
            rec["_words"] = len(rec["text"].split())
            rec["_story"] = bool(NK.search(rec["title"] + " " + rec["text"])
                                 and RU.search(rec["title"] + " " + rec["text"]))
            recs.append(rec)
    return recs


def shingles(text, n=3):
    toks = [t.lower() for t in WORD.findall(text)]
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}


def find_copies(recs, threshold=0.6):
    """Exact copies (identical text) and near-duplicates (3-word-shingle containment
    >= threshold, same language). The earlier-published record is the original."""
    exact, near = [], []
    sh = {r["id"]: shingles(r["text"]) for r in recs}
    for i, a in enumerate(recs):
        for b in recs[i + 1:]:
            if a["_lang"] != b["_lang"]:
                continue
            first, second = sorted([a, b], key=lambda r: r["_dt"])
            if a["text"] == b["text"]:
                exact.append((first, second, 1.0))
                continue
            sa, sb = sh[a["id"]], sh[b["id"]]
            score = len(sa & sb) / max(1, min(len(sa), len(sb)))
            if score >= threshold:
                near.append((first, second, score))
    return exact, near


def classify_bad_line(raw):
    """The reject reason a robust ingest should give to one JSON-lines record."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "INVALID_UTF8"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError:
        return "MALFORMED_JSON"
    if not isinstance(rec, dict):
        return "NOT_AN_OBJECT"
    pub = rec.get("published")
    if not isinstance(pub, str) or not pub.strip():
        return "MISSING_DATE"
    try:
        datetime.datetime.fromisoformat(pub.replace("Z", "+00:00"))
    except ValueError:
        return "INVALID_DATE"
    if not isinstance(rec.get("text"), str) or not rec["text"].strip():
        return "EMPTY_TEXT"
    return None


def load_bad(path=BAD):
    out = []
    with open(path, "rb") as f:
        for n, raw in enumerate(f.read().split(b"\n"), 1):
            if raw:
                m = re.search(rb'"id": ?"([^"]+)"', raw)
                out.append((n, m.group(1).decode("ascii") if m else "?", classify_bad_line(raw)))
    return out


def table(headers, rows, md):
    if md:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    else:
        widths = [max(len(str(x)) for x in [h] + [r[i] for r in rows]) for i, h in enumerate(headers)]
        lines = ["  ".join(str(h).ljust(w) for h, w in zip(headers, widths))]
        lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(lines)


def report(recs, bad, md=False):
    out = []
    h = (lambda s: f"\n#### {s}\n") if md else (lambda s: f"\n== {s} ==")
    words = [r["_words"] for r in recs]
    story = sum(r["_story"] for r in recs)
    out.append(f"{'**Articles:**' if md else 'Articles:'} {len(recs)}; storyline articles: {story} "
               f"({100 * story / len(recs):.1f}%); words per text: min {min(words)}, "
               f"max {max(words)}, mean {sum(words) / len(words):.0f}; "
               f"outlets: {len({r['source'] for r in recs})}; "
               f"records with a `language` field: {sum('language' in r for r in recs)}")

    by_lang = collections.Counter(r["_lang"] for r in recs)
    out.append(h("Articles per language"))
    out.append(table(["language", "articles"], [(l, by_lang[l]) for l in LANG_ORDER if by_lang[l]], md))

    months = sorted({r["_month"] for r in recs})
    out.append(h("Articles per month (storyline = Russia-North Korea)"))
    rows = []
    for m in months:
        ms = [r for r in recs if r["_month"] == m]
        ls = collections.Counter(r["_lang"] for r in ms)
        st = sum(r["_story"] for r in ms)
        rows.append([m, len(ms), st, f"{100 * st / len(ms):.0f}%"] + [ls[l] for l in LANG_ORDER])
    rows.append(["total", len(recs), story, f"{100 * story / len(recs):.0f}%"] + [by_lang[l] for l in LANG_ORDER])
    out.append(table(["month", "articles", "storyline", "share"] + LANG_ORDER, rows, md))

    out.append(h("Articles per outlet"))
    rows = []
    for src in sorted({r["source"] for r in recs}, key=lambda s: (LANG_ORDER.index(OUTLET_LANGUAGE[s]), s)):
        rs = [r for r in recs if r["source"] == src]
        offs = sorted({r["published"][19:] for r in rs})
        rows.append([src, OUTLET_LANGUAGE[src], "yes" if all("language" in r for r in rs) else "no",
                     ", ".join(offs), len(rs), sum(r["_story"] for r in rs)])
    out.append(table(["outlet", "lang", "`language` field", "UTC offsets", "articles", "storyline"], rows, md))

    exact, near = find_copies(recs)
    out.append(h("Syndicated near-duplicates (same story, edited copy)"))
    out.append(table(["original", "copy", "language", "original outlet", "copy outlet", "overlap"],
                     [(a["id"], b["id"], a["_lang"], a["source"], b["source"], f"{s:.2f}") for a, b, s in near], md))
    out.append(h("Exact copies (identical text)"))
    out.append(table(["original", "copy", "language", "original outlet", "copy outlet", "hours apart"],
                     [(a["id"], b["id"], a["_lang"], a["source"], b["source"],
                       f"{(b['_dt'] - a['_dt']).total_seconds() / 3600:.1f}") for a, b, s in exact], md))

    out.append(h("bad-records.jsonl: expected reject reasons"))
    out.append(table(["line", "id", "reason"], bad, md))
    return "\n".join(out), exact, near


def check(recs, bad, exact, near):
    errors = []
    ids = [r["id"] for r in recs]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    for r in recs:
        for k in REQUIRED:
            if not isinstance(r.get(k), str) or not r[k].strip():
                errors.append(f"{r.get('id')}: missing field {k}")
        if r["_dt"].utcoffset() is None:
            errors.append(f"{r['id']}: published has no offset")
        if not 80 <= r["_words"] <= 250:
            errors.append(f"{r['id']}: {r['_words']} words")
        if "language" in r and r["language"] != OUTLET_LANGUAGE[r["source"]]:
            errors.append(f"{r['id']}: language field disagrees with outlet")
    by_lang = collections.Counter(r["_lang"] for r in recs)
    by_month = collections.Counter(r["_month"] for r in recs)
    if len(recs) < 170:
        errors.append("fewer than 170 articles")
    for l, n in [("it", 25), ("en", 25), ("ru", 25), ("de", 20), ("fr", 20), ("es", 1), ("uk", 1)]:
        if by_lang[l] < n:
            errors.append(f"only {by_lang[l]} {l} articles")
    for m in range(1, 13):
        if by_month[f"2024-{m:02d}"] < 8:
            errors.append(f"only {by_month[f'2024-{m:02d}']} articles in 2024-{m:02d}")
    if len(by_month) != 12:
        errors.append(f"articles outside 2024: {sorted(by_month)}")
    share = sum(r["_story"] for r in recs) / len(recs)
    if not 0.30 <= share <= 0.40:
        errors.append(f"storyline share {share:.2f}")
    sh = {m: sum(r["_story"] for r in recs if r["_month"] == m) / by_month[m] for m in by_month}
    if max(sh, key=sh.get) != "2024-06":
        errors.append("storyline share is not highest in June")
    if len(near) != 6 or len(exact) != 3:
        errors.append(f"{len(near)} near-duplicate pairs, {len(exact)} exact copies")
    for a, b, _ in near + exact:
        if a["source"] == b["source"]:
            errors.append(f"{a['id']}/{b['id']}: copy from the same outlet")
    for a, b, _ in exact:
        if abs((b["_dt"] - a["_dt"]).total_seconds()) > 86400:
            errors.append(f"{a['id']}/{b['id']}: exact copy more than a day apart")
    reasons = [r for _, _, r in bad]
    want = {"MALFORMED_JSON", "MISSING_DATE", "INVALID_DATE", "EMPTY_TEXT", "NOT_AN_OBJECT", "INVALID_UTF8"}
    if len(bad) != 6 or set(reasons) != want:
        errors.append(f"bad records: {reasons}")
    return errors


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--check", action="store_true", help="assert the corpus requirements")
    args = ap.parse_args()
    recs = load_articles()
    bad = load_bad()
    text, exact, near = report(recs, bad, md=args.markdown)
    print(text)
    if args.check:
        errors = check(recs, bad, exact, near)
        print("\ncheck:", "OK" if not errors else "FAILED")
        for e in errors:
            print("  -", e)
        sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
