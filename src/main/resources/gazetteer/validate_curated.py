#!/usr/bin/env python3
"""Validate the curated entity gazetteer (curated.jsonl). Standard library only.

Usage: python3 validate_curated.py [path/to/curated.jsonl]
       (default: curated.jsonl next to this script)

Each line is one JSON object:
  {"id", "name", "type", "country", "wikidata", "aliases"}
Checks:
  * every non-empty line parses as a JSON object with exactly the required keys
  * type in COUNTRY|CITY|REGION|PERSON|ORG|OTHER
  * country is null or two upper-case ASCII letters; wikidata is null
  * ids unique and well-formed, and consistent with type/country:
      country:XX            -> type COUNTRY, country XX
      city:XX:<slug>        -> type CITY,    country XX
      region:XX:<slug>      -> type REGION,  country XX
      region:<slug>         -> type REGION,  country null (areas shared by
                               several states, e.g. the Taiwan Strait)
      person:<slug>         -> type PERSON
      org:<slug>            -> type ORG or OTHER
    slug = lower-case ASCII letters/digits separated by single hyphens
  * aliases: non-empty object; keys "*" or ISO 639-1 codes (two lower-case
    letters); each value a non-empty list of {"text", "kind"} with non-empty,
    trimmed text and kind in name|demonym|abbreviation
  * no alias duplicated within an entity: the same text twice under one
    language, or under "*" and again under a specific language ("*" already
    covers every language). The same text under two specific languages is
    allowed (Italian and Portuguese "russo" are separate entries).
  * no lone surnames that are common words (Kim, Lee, Park, Moon, ...) and no
    generic single words (Party, Council, Union, ...)
Prints counts; exits 1 on any error.
"""
import json
import os
import re
import sys
from collections import Counter

TYPES = {"COUNTRY", "CITY", "REGION", "PERSON", "ORG", "OTHER"}
KINDS = {"name", "demonym", "abbreviation"}
KEYS = {"id", "name", "type", "country", "wikidata", "aliases"}
ISO2 = re.compile(r"^[A-Z]{2}$")
LANG = re.compile(r"^(\*|[a-z]{2})$")
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_RULES = [
    (re.compile(r"^country:([A-Z]{2})$"), {"COUNTRY"}, True),
    (re.compile(r"^city:([A-Z]{2}):" + SLUG + r"$"), {"CITY"}, True),
    (re.compile(r"^region:([A-Z]{2}):" + SLUG + r"$"), {"REGION"}, True),
    (re.compile(r"^region:" + SLUG + r"$"), {"REGION"}, False),
    (re.compile(r"^person:" + SLUG + r"$"), {"PERSON"}, None),
    (re.compile(r"^org:" + SLUG + r"$"), {"ORG", "OTHER"}, None),
]
# single-token aliases that must never stand alone (common words / very common surnames)
BANNED_SINGLE = {
    "kim", "lee", "park", "moon", "sung", "may", "chad", "party", "council",
    "union", "house", "court", "bank", "army", "state", "government", "ministry",
    "assembly", "parliament", "senate", "congress", "commission", "agency",
    "choi", "cho", "han", "shin", "yoon", "wang", "li", "xi", "ri", "pak", "jo",
    "kang", "khan", "singh", "austin", "johnson", "harris", "cooper", "smith",
    "miller", "white", "wagner", "katz", "cohen", "costa", "michel",
}
# single-token aliases that are common words only in some languages
BANNED_SINGLE_IN = {
    "grossi": {"*", "it"},      # Italian "big" (pl.)
    "albanese": {"*", "it"},    # Italian "Albanian"
}


def main(path):
    errors = []
    warnings = []
    ids = set()
    by_type = Counter()
    alias_by_lang = Counter()
    alias_by_kind = Counter()
    demonym_langs = Counter()
    n_lines = 0

    def err(lineno, msg):
        errors.append("line %d: %s" % (lineno, msg))

    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            n_lines += 1
            try:
                e = json.loads(raw)
            except json.JSONDecodeError as ex:
                err(lineno, "invalid JSON: %s" % ex)
                continue
            if not isinstance(e, dict):
                err(lineno, "not a JSON object")
                continue
            missing = KEYS - e.keys()
            extra = e.keys() - KEYS
            if missing:
                err(lineno, "missing keys %s" % sorted(missing))
                continue
            if extra:
                err(lineno, "unexpected keys %s" % sorted(extra))
            eid, etype, country = e["id"], e["type"], e["country"]
            if not isinstance(eid, str) or not eid:
                err(lineno, "id must be a non-empty string")
                continue
            if eid in ids:
                err(lineno, "duplicate id %s" % eid)
            ids.add(eid)
            if not isinstance(e["name"], str) or not e["name"].strip():
                err(lineno, "%s: name must be a non-empty string" % eid)
            if etype not in TYPES:
                err(lineno, "%s: bad type %r" % (eid, etype))
            if country is not None and (not isinstance(country, str) or not ISO2.match(country)):
                err(lineno, "%s: bad country %r" % (eid, country))
            if e["wikidata"] is not None:
                err(lineno, "%s: wikidata must be null" % eid)
            # id form and consistency
            for rx, types, has_cc in ID_RULES:
                m = rx.match(eid)
                if not m:
                    continue
                if etype not in types:
                    err(lineno, "%s: id prefix does not fit type %s" % (eid, etype))
                if has_cc is True and m.group(1) != country:
                    err(lineno, "%s: id country %s != country field %r" % (eid, m.group(1), country))
                if has_cc is False and country is not None:
                    err(lineno, "%s: region id without country code needs country null" % eid)
                break
            else:
                err(lineno, "malformed id %r" % eid)
            by_type[etype] += 1
            # aliases
            al = e["aliases"]
            if not isinstance(al, dict) or not al:
                err(lineno, "%s: aliases must be a non-empty object" % eid)
                continue
            seen = set()
            star = {a.get("text") for a in (al.get("*") or []) if isinstance(a, dict)}
            for lang, lst in al.items():
                if not LANG.match(lang):
                    err(lineno, "%s: bad language key %r" % (eid, lang))
                if not isinstance(lst, list) or not lst:
                    err(lineno, "%s: aliases[%s] must be a non-empty list" % (eid, lang))
                    continue
                for a in lst:
                    if not isinstance(a, dict) or set(a.keys()) != {"text", "kind"}:
                        err(lineno, "%s: alias must be {text, kind}: %r" % (eid, a))
                        continue
                    t, k = a["text"], a["kind"]
                    if not isinstance(t, str) or not t or t != t.strip() or "  " in t:
                        err(lineno, "%s: bad alias text %r" % (eid, t))
                        continue
                    if k not in KINDS:
                        err(lineno, "%s: bad kind %r for %r" % (eid, k, t))
                    if (lang, t) in seen:
                        err(lineno, "%s: alias %r duplicated under %s" % (eid, t, lang))
                    elif lang != "*" and t in star:
                        err(lineno, "%s: alias %r under %s is already under *" % (eid, t, lang))
                    seen.add((lang, t))
                    if " " not in t and (t.lower() in BANNED_SINGLE or
                                         lang in BANNED_SINGLE_IN.get(t.lower(), ())):
                        err(lineno, "%s: lone alias %r is a common word/surname (%s)" % (eid, t, lang))
                    if k == "abbreviation" and any(c.islower() for c in t if c.isalpha()) and len(t) > 12:
                        warnings.append("%s: long mixed-case abbreviation %r" % (eid, t))
                    alias_by_lang[lang] += 1
                    alias_by_kind[k] += 1
                    if k == "demonym":
                        demonym_langs[lang] += 1

    print("file: %s" % path)
    print("entities: %d" % n_lines)
    print("entities per type:")
    for t in sorted(TYPES):
        print("  %-8s %5d" % (t, by_type[t]))
    print("people: %d, organisations/institutions (ORG+OTHER): %d, people+orgs: %d"
          % (by_type["PERSON"], by_type["ORG"] + by_type["OTHER"],
             by_type["PERSON"] + by_type["ORG"] + by_type["OTHER"]))
    print("aliases total: %d (%s)" % (sum(alias_by_lang.values()),
          ", ".join("%s %d" % (k, alias_by_kind[k]) for k in sorted(alias_by_kind))))
    print("aliases per language:")
    for lang, n in sorted(alias_by_lang.items(), key=lambda x: (-x[1], x[0])):
        print("  %-3s %6d" % (lang, n))
    print("languages with demonyms (%d): %s" % (len(demonym_langs),
          ", ".join("%s %d" % (l, n) for l, n in sorted(demonym_langs.items()))))
    for w in warnings:
        print("WARNING: " + w)
    if errors:
        for x in errors[:200]:
            print("ERROR: " + x)
        print("FAILED: %d error(s)" % len(errors))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    p = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "curated.jsonl")
    sys.exit(main(p))
