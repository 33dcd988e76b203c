#!/usr/bin/env python3
"""merge.py [LOOPSIM [ROOT]] - merging identical states changes nothing `loopsim orders` reports.

`loopsim orders` joins a run to a state an earlier run explored (src/process/fingerprint.h,
src/search/graph.h); `--no-merge` explores every timing path to its end instead.  For every scenario
of the corpus (seeds, rules, races, calibration) on Node 20 and 10.7.0, and for small programs
from `loopsim gen` (seeds 1..GEN_COUNT), both must report the same: complete or not, the count,
and each order with its ending, its number of timing paths, its conditions, its sampled count
and whether `loopsim run` prints it.  Only the alternatives may differ (the first three
distinct decision lists, met in another order).  Where `--no-merge` stops at its limit, the
case is skipped (said so).  Prints "ok NAME" / "skip NAME: why" / "FAIL NAME: what differs",
then "N passed, N failed, N skipped".
"""
import json
import os
import subprocess
import sys

KINDS = ("seeds", "rules", "races", "calibration")
VERSIONS = ("20", "10.7.0")
GEN_COUNT = 40
GEN_SIZE = "14"
SAMPLES = "20"


def report(loopsim, args):
    p = subprocess.run([loopsim, "orders", "--format", "json", "--samples", SAMPLES,
                        "--max-paths", "20000"] + args,
                       capture_output=True, text=True, timeout=1200)  # a hang guard
    if p.returncode == 2:
        return {"error": p.stderr.strip()}
    d = json.loads(p.stdout)
    orders = [(o["lines"], o["ending"], o["paths"], o["conditions"], o["samples"], o["nominal"])
              for o in d["orders"]]
    return {"complete": d["complete"], "count": d["count"], "orders": orders}


def compare(loopsim, name, args):
    plain = report(loopsim, args + ["--no-merge"])
    if "error" not in plain and not plain["complete"]:
        return "skip", "--no-merge stopped at its limit"
    merged = report(loopsim, args)
    if merged == plain:
        return "ok", ""
    for key in ("error", "complete", "count"):
        if merged.get(key) != plain.get(key):
            return "FAIL", "%s: merged %r, --no-merge %r" % (key, merged.get(key), plain.get(key))
    for a, b in zip(merged["orders"], plain["orders"]):
        if a != b:
            return "FAIL", "order %r: merged %r, --no-merge %r" % (a[0], a[2:], b[2:])
    return "FAIL", "the orders differ"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    loopsim = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "build", "loopsim")
    root = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..")
    cases = []
    for kind in KINDS:
        folder = os.path.join(root, "scenarios", kind)
        for f in sorted(os.listdir(folder)):
            if f.endswith(".json"):
                for v in VERSIONS:
                    cases.append(("%s/%s@%s" % (kind, f[:-5], v),
                                  ["--node", v, os.path.join(folder, f)]))
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), "loopsim-merge-%d" % os.getpid())
    os.makedirs(tmp, exist_ok=True)
    for seed in range(1, GEN_COUNT + 1):
        for v in VERSIONS:
            path = os.path.join(tmp, "gen-%d-%s.json" % (seed, v))
            with open(path, "w") as out:
                subprocess.run([loopsim, "gen", "--seed", str(seed), "--size", GEN_SIZE,
                                "--node", v], stdout=out, check=True)
            cases.append(("gen-%d@%s" % (seed, v), ["--node", v, path]))
    counts = {"ok": 0, "FAIL": 0, "skip": 0}
    for name, args in cases:
        verdict, why = compare(loopsim, name, args)
        counts[verdict] += 1
        print("%-4s %s%s" % (verdict, name, ": " + why if why else ""))
    for f in os.listdir(tmp):
        os.unlink(os.path.join(tmp, f))
    os.rmdir(tmp)
    print("%d passed, %d failed, %d skipped" % (counts["ok"], counts["FAIL"], counts["skip"]))
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
