#!/usr/bin/env python3
"""Builds the named-entity gazetteers under models/gazetteers/ from facts in
Debian packages: iso-codes (countries, subdivisions), tzdata (city names),
wordnet-base (instance nouns by lexicographer file, capitalized adjectives)
and wamerican-huge (capitalized and lowercase English words).

Usage: tools/ner/build_gazetteers.py [--out models/gazetteers]

Each output file has one phrase per line after a '#' header naming its
source; ner_train embeds them in models/ner.bin.
"""

import argparse
import collections
import json
import os
import re
import subprocess

ISO = "/usr/share/iso-codes/json"
WN = "/usr/share/wordnet"
TZ = "/usr/share/zoneinfo/zone1970.tab"
DICT = "/usr/share/dict/american-english-huge"

# WordNet lexicographer file numbers (lexnames(5WN)).
LEX_GROUP, LEX_LOCATION, LEX_PERSON = 14, 15, 18

# Words that commonly end or make up an organization name. Written for this
# project; not derived from any dataset.
ORG_WORDS = """Inc Inc. Corp Corp. Corporation Co Co. Company Ltd Ltd. Limited
plc PLC LLC LLP AG SA S.A. NV N.V. BV GmbH SpA S.p.A. AB ASA Oyj Bhd KK
Group Holdings Holding Bank Bancorp Airlines Airways Association Agency
Authority Institute University College Council Committee Commission Party
Federation Union League Club Ministry Department Trust Fund Foundation
Partners Capital Securities Industries International Systems Technologies
Motors Energy Petroleum Oil Resources Insurance Exchange Press News Times
Post Journal Network Television Radio Reuters Board Court Army Navy Force
Police Service Services Office Church Society Organisation Organization""".split()


def package_version(pkg):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                             capture_output=True, text=True, check=False)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def clean(name):
    name = re.sub(r"\s*\(.*?\)", "", name)
    name = name.replace("_", " ").strip()
    return re.sub(r"\s+", " ", name)


def iso_names():
    countries, subdivisions = set(), set()
    for rec in json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]:
        for k in ("name", "common_name", "official_name"):
            if k in rec:
                n = clean(rec[k])
                countries.add(n)
                # "Korea, Republic of" -> "Korea"
                if "," in n:
                    countries.add(n.split(",")[0].strip())
    for rec in json.load(open(os.path.join(ISO, "iso_3166-3.json")))["3166-3"]:
        n = clean(rec["name"])
        if "," not in n:
            countries.add(n)
    for rec in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]:
        n = clean(rec["name"])
        if n and not any(c.isdigit() for c in n):
            subdivisions.add(n)
    return countries, subdivisions


def tz_cities():
    cities = set()
    for line in open(TZ, encoding="utf-8"):
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            city = parts[2].split("/")[-1]
            cities.add(clean(city))
    return cities


def wordnet():
    """Instance nouns by lexicographer file, city instances, capitalized
    adjectives."""
    synsets = {}
    for line in open(os.path.join(WN, "data.noun"), encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split(" ")
        offset, lex = f[0], int(f[1])
        nw = int(f[3], 16)
        words = [f[4 + 2 * i] for i in range(nw)]
        p = 4 + 2 * nw
        np_ = int(f[p])
        ptrs = []
        for i in range(np_):
            ptrs.append((f[p + 1 + 4 * i], f[p + 2 + 4 * i]))
        synsets[offset] = (lex, words, ptrs)
    city_heads = set()
    for off, (lex, words, ptrs) in synsets.items():
        if any(w in ("city", "town", "port", "national_capital",
                     "state_capital", "provincial_capital") for w in words):
            city_heads.add(off)
    persons, locations, orgs, misc, cities = set(), set(), set(), set(), set()
    for off, (lex, words, ptrs) in synsets.items():
        inst = [t for sym, t in ptrs if sym == "@i"]
        names = [clean(w) for w in words if w[:1].isupper()]
        if not names:
            continue
        if inst:
            if any(t in city_heads for t in inst):
                cities.update(names)
            elif lex == LEX_PERSON:
                persons.update(names)
            elif lex == LEX_LOCATION:
                locations.update(names)
            elif lex == LEX_GROUP:
                orgs.update(names)
            else:
                misc.update(names)
        elif lex == LEX_GROUP:
            orgs.update(n for n in names if " " in n)
    adjectives = set()
    for line in open(os.path.join(WN, "data.adj"), encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split(" ")
        nw = int(f[3], 16)
        for i in range(nw):
            w = clean(f[4 + 2 * i])
            if w[:1].isupper():
                adjectives.add(w)
    return persons, locations, orgs, misc, cities, adjectives


def name_parts(persons):
    first, last = collections.Counter(), collections.Counter()
    for n in persons:
        toks = n.split(" ")
        if len(toks) >= 2 and toks[0][:1].isupper() and "." not in toks[0]:
            first[toks[0]] += 1
        if len(toks) >= 2 and toks[-1][:1].isupper():
            last[toks[-1]] += 1
    return set(first), set(last)


def words():
    proper, common = set(), set()
    for line in open(DICT, encoding="utf-8"):
        w = line.strip()
        if not w or "'" in w:
            continue
        if w[:1].isupper():
            proper.add(w)
        elif w.isalpha():
            common.add(w)
    return proper, common


def write(out_dir, name, items, source):
    path = os.path.join(out_dir, name + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# GENERATED BY tools/ner/build_gazetteers.py from %s. "
                "DO NOT EDIT.\n" % source)
        for item in sorted(items):
            if item and "\t" not in item:
                f.write(item + "\n")
    print("%-14s %7d" % (name, len(items)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "models",
        "gazetteers"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    iso = "iso-codes %s" % package_version("iso-codes")
    wn = "wordnet-base %s" % package_version("wordnet-base")
    tz = "tzdata %s" % package_version("tzdata")
    wa = "wamerican-huge %s" % package_version("wamerican-huge")
    countries, subdivisions = iso_names()
    persons, locations, orgs, misc, wn_cities, adjectives = wordnet()
    first, last = name_parts(persons)
    proper, common = words()
    write(args.out, "country", countries, iso)
    write(args.out, "subdivision", subdivisions, iso)
    write(args.out, "city", tz_cities() | wn_cities, "%s and %s" % (tz, wn))
    write(args.out, "person", persons, wn)
    write(args.out, "given_name", first, wn + " (first words of person names)")
    write(args.out, "surname", last, wn + " (last words of person names)")
    write(args.out, "location", locations, wn)
    write(args.out, "organization", orgs, wn)
    write(args.out, "misc", misc, wn + " (other instance nouns)")
    write(args.out, "nationality", adjectives, wn + " (capitalized adjectives)")
    write(args.out, "org_word", ORG_WORDS, "a list written for this project")
    write(args.out, "proper_word", proper, wa + " (capitalized words)")
    write(args.out, "common_word", common, wa + " (lowercase words)")


if __name__ == "__main__":
    main()
