#!/usr/bin/python3
"""Single-thread parse rate of Python's feedparser (Debian's python3-feedparser) on a directory of feeds.

Usage: /usr/bin/python3 feedparser_rate.py DIR [SECONDS]
Parses every file of DIR again and again for SECONDS (default 20) after one warm-up pass, and prints MB/s of feed
XML turned into entries (feedparser's own normalisation: sanitised HTML, parsed dates, resolved links).
"""
import os
import sys
import time

import feedparser


def main():
    directory = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    feeds = [open(os.path.join(directory, name), 'rb').read() for name in sorted(os.listdir(directory))]
    size = sum(len(f) for f in feeds)
    headers = {'content-type': 'application/rss+xml; charset=utf-8'}
    entries = sum(len(feedparser.parse(f, response_headers=headers).entries) for f in feeds)  # warm-up
    passes = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for f in feeds:
            feedparser.parse(f, response_headers=headers)
        passes += 1
    elapsed = time.perf_counter() - start
    print("feedparser %s: %d feeds, %d bytes, %d entries per pass; %d passes in %.1f s: %.2f MB/s"
          % (feedparser.__version__, len(feeds), size, entries, passes, elapsed, passes * size / elapsed / 1e6))


if __name__ == '__main__':
    main()
