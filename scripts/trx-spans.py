#!/usr/bin/env python3
"""Where a test run's time went, by test class, from its trx (dotnet test --logger "trx;LogFileName=x.trx").

A trx result's `duration` is the test body only; `endTime - startTime` also holds the class's construction,
InitializeAsync and DisposeAsync, which is where an app started per test shows. So per class this prints the summed
spans (endTime - startTime), the summed bodies (duration), the wall time (first start to last end) and the test count,
then the same sums by tier (IdentityAccess.Tests.<Tier>.…).

  python3 scripts/trx-spans.py results.trx [--top 40] [--match SpKey]
"""
import argparse
import collections
import datetime
import re
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def parse_time(text):
    # trx times carry 7 fractional digits and an offset; Python takes at most 6.
    text = re.sub(r"(\.\d{6})\d+", r"\1", text)
    return datetime.datetime.fromisoformat(text)


def parse_duration(text):
    hours, minutes, seconds = text.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def class_of(test_name):
    # A theory's name carries its arguments in brackets, which may hold dots.
    method_path = test_name.split("(", 1)[0]
    return method_path.rsplit(".", 1)[0]


def tier_of(class_name):
    parts = class_name.split(".")
    return parts[2] if len(parts) > 3 and parts[0] == "IdentityAccess" else "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trx")
    parser.add_argument("--top", type=int, default=40, help="classes to list, by span (0: all)")
    parser.add_argument("--match", default="", help="only classes whose full name contains this")
    args = parser.parse_args()

    classes = collections.defaultdict(lambda: {"span": 0.0, "body": 0.0, "tests": 0, "first": None, "last": None, "failed": 0})
    for result in ET.parse(args.trx).getroot().iterfind("t:Results/t:UnitTestResult", NS):
        name = class_of(result.get("testName"))
        if args.match not in name:
            continue
        start, end = parse_time(result.get("startTime")), parse_time(result.get("endTime"))
        row = classes[name]
        row["span"] += (end - start).total_seconds()
        row["body"] += parse_duration(result.get("duration", "00:00:00"))
        row["tests"] += 1
        row["failed"] += result.get("outcome") != "Passed"
        row["first"] = start if row["first"] is None else min(row["first"], start)
        row["last"] = end if row["last"] is None else max(row["last"], end)

    ranked = sorted(classes.items(), key=lambda item: -item[1]["span"])
    shown = ranked if args.top == 0 else ranked[: args.top]
    print(f"{'span s':>8} {'body s':>8} {'wall s':>8} {'tests':>5}  class")
    for name, row in shown:
        wall = (row["last"] - row["first"]).total_seconds()
        failed = f"  ({row['failed']} not passed)" if row["failed"] else ""
        print(f"{row['span']:8.1f} {row['body']:8.1f} {wall:8.1f} {row['tests']:5d}  {name.split('.')[-1]}{failed}")

    tiers = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for name, row in classes.items():
        tier = tiers[tier_of(name)]
        tier[0] += row["span"]
        tier[1] += row["body"]
        tier[2] += row["tests"]
    print()
    print(f"{'span s':>8} {'body s':>8} {'tests':>5}  tier")
    for tier, (span, body, tests) in sorted(tiers.items(), key=lambda item: -item[1][0]):
        print(f"{span:8.1f} {body:8.1f} {tests:5d}  {tier}")
    if classes:
        first = min(row["first"] for row in classes.values())
        last = max(row["last"] for row in classes.values())
        total = sum(row["tests"] for row in classes.values())
        print(f"\n{total} tests, {sum(r['span'] for r in classes.values()):.1f} s of spans, "
              f"{sum(r['body'] for r in classes.values()):.1f} s of bodies, {(last - first).total_seconds():.1f} s first start to last end")


if __name__ == "__main__":
    main()
