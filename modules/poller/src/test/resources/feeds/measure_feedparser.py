#!/usr/bin/python3
"""Measure what Python's feedparser recovers from each fixture listed in index.yaml.

Requirements (Debian packages, use /usr/bin/python3, not a pyenv python):
    apt-get update && apt-get install -y python3-feedparser python3-yaml

Usage:
    /usr/bin/python3 measure_feedparser.py            # print the table
    /usr/bin/python3 measure_feedparser.py --check    # also exit 1 if a recorded
                                                      # feedparserItems/feedparserBozo differs
    /usr/bin/python3 measure_feedparser.py --titles   # also list title differences

For each entry it runs exactly
    feedparser.parse(open(path, 'rb').read(), response_headers={'content-type': contentType})
and reports len(d.entries) and d.bozo next to the values recorded in index.yaml,
plus:
  titles  how many of the expected titles feedparser reproduces exactly
          (whitespace-collapsed, compared as a multiset)
  filled  entries that have a non-empty title or link (feedparser may return empty
          entries, e.g. for a feed cut in the middle of a tag)
  flags   LEAK  the output contains 'root:' (XXE read /etc/passwd)
          EXPAND  the output contains 'lollollol' or 'KIKIKIKIKIKIKIKIKIKI' (entity expansion)
          BIG   some entry field is longer than 1,000,000 characters
Note: on broken/quadratic-blowup.xml feedparser 6.0.10 expands the entity to a
200,000,000-character summary; the script needs a few seconds and ~1 GB for it.
"""
import collections
import os
import sys

import feedparser
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return " ".join((s or "").split())


def flags_for(d):
    flags = set()
    for e in d.entries:
        for k, v in e.items():
            vals = [v] if isinstance(v, str) else []
            if isinstance(v, list):
                vals = [x.get("value", "") for x in v if isinstance(x, dict)]
            for s in vals:
                if not isinstance(s, str):
                    continue
                if len(s) > 1_000_000:
                    flags.add("BIG")
                if "root:" in s:
                    flags.add("LEAK")
                if "lollollol" in s or "KIKIKIKIKIKIKIKIKIKI" in s:
                    flags.add("EXPAND")
    return flags


def main(argv):
    check = "--check" in argv
    show_titles = "--titles" in argv
    with open(os.path.join(HERE, "index.yaml"), encoding="utf-8") as fh:
        index = yaml.safe_load(fh)

    listed = {e["file"] for e in index}
    on_disk = set()
    for sub in ("good", "broken"):
        for dirpath, _, files in os.walk(os.path.join(HERE, sub)):
            for f in files:
                on_disk.add(os.path.relpath(os.path.join(dirpath, f), HERE).replace(os.sep, "/"))
    problems = []
    for f in sorted(on_disk - listed):
        problems.append("not in index.yaml: " + f)
    for f in sorted(listed - on_disk):
        problems.append("listed but missing: " + f)

    print("feedparser %s" % feedparser.__version__)
    hdr = "%-44s %-9s %5s | %4s %4s %6s %6s | %-5s %-5s | %s" % (
        "file", "expect", "items", "fp", "rec", "filled", "titles", "bozo", "rec", "flags")
    print(hdr)
    print("-" * len(hdr))
    totals = collections.Counter()
    for e in index:
        path = os.path.join(HERE, e["file"])
        with open(path, "rb") as fh:
            data = fh.read()
        d = feedparser.parse(data, response_headers={"content-type": e["contentType"]})
        n = len(d.entries)
        bozo = bool(d.bozo)
        filled = sum(1 for x in d.entries if norm(x.get("title")) or x.get("link"))
        expected = [norm(t) for t in e.get("titles", [])]
        got = collections.Counter(norm(x.get("title")) for x in d.entries)
        want = collections.Counter(expected)
        tmatch = sum((got & want).values())
        flags = flags_for(d)
        mism = []
        if n != e.get("feedparserItems"):
            mism.append("items")
        if bozo != e.get("feedparserBozo"):
            mism.append("bozo")
        if mism:
            problems.append("%s: recorded %s differ from measured (fp=%d bozo=%s)" % (e["file"], "/".join(mism), n, bozo))
        totals["expected"] += e["items"]
        totals["fp"] += n
        totals["filled"] += filled
        totals["titles"] += tmatch
        totals[e["expect"]] += 1
        print("%-44s %-9s %5d | %4d %4s %6d %3d/%-2d | %-5s %-5s | %s%s" % (
            e["file"], e["expect"], e["items"], n, e.get("feedparserItems"), filled,
            tmatch, len(expected), str(bozo).lower(), str(e.get("feedparserBozo")).lower(),
            " ".join(sorted(flags)), ("  <-- " + ",".join(mism)) if mism else ""))
        if show_titles and tmatch != len(expected):
            for t in sorted((want - got).elements()):
                print("    missing/different: %r" % t[:150])
            for t in sorted((got - want).elements()):
                print("    feedparser gave:   %r" % t[:150])
    print("-" * len(hdr))
    print("%d fixtures (ok %d, recovered %d, error %d); expected items %d; feedparser entries %d "
          "(with a title or link: %d); expected titles reproduced exactly: %d" % (
              len(index), totals["ok"], totals["recovered"], totals["error"], totals["expected"],
              totals["fp"], totals["filled"], totals["titles"]))
    for p in problems:
        print("PROBLEM: " + p)
    if check and problems:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
