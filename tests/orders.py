#!/usr/bin/env python3
"""orders.py [LOOPSIM [ROOT]] - every order real Node printed is one `loopsim orders` lists.

For every expected file (expected/seeds, expected/rules, expected/races: Node 20; and
expected/node-VERSION/KIND for the other versions, run with --node VERSION), `LOOPSIM orders
--format json SCENARIO` must:
  - list every block of the expected file (every order real Node printed) among its orders;
  - report exactly one order (deterministic) when the scenario is a seed or rule scenario whose
    expected file has one block: the model must not invent races real Node does not show;
  - search completely (no --max-paths stop) and find no sampled order outside the search
    (`sampled_outside` 0: a sampled run is a point of the space the search covers).
No time is asserted (tools/test must give the same verdict on a loaded machine): the search
runs with LOOPSIM_NO_TIME_BUDGET=1, so only its run count can stop it; the seconds each took
are printed, for information.
Prints "ok   NAME (k orders, p paths)" or "FAIL NAME: why", then "N passed, N failed".
"""
import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # tests write nothing into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import parse_expected  # noqa: E402

KINDS = ("seeds", "rules", "races", "calibration")

# Real orders outside the default ranges (docs/timing-model.md, "Limits of the model"): the
# options under which loopsim must list them, and why real Node got there.
WIDER = {
    ("20.2.0", "rules/esm-entry-from-poll"):
        (["--cost", "io_latency_ms=0.05:3"],
         "1 run in 20, recorded on a busy machine: the fs.stat took longer than the first "
         "console.log (about 2 ms), so imm2 came before stat"),
    ("20.3.0", "rules/esm-entry-from-poll"):
        (["--cost", "io_latency_ms=0.05:3"],
         "as on 20.2.0 (1 run in 20)"),
}


def check(loopsim, root, scenario_rel, expected_path, node, deterministic_required, extra=()):
    with open(expected_path, encoding="utf-8") as f:
        _, blocks = parse_expected(f.read())
    cmd = [loopsim, "orders", "--format", "json"] + list(extra)
    if node:
        cmd += ["--node", node]
    t0 = time.time()
    env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1")
    p = subprocess.run(cmd + [scenario_rel], cwd=root, capture_output=True, timeout=1200,
                       stdin=subprocess.DEVNULL, env=env)
    elapsed = time.time() - t0
    if p.returncode not in (0,):
        return "loopsim orders exited %d: %s" % (p.returncode, p.stderr.decode()[:300])
    doc = json.loads(p.stdout)
    sets = [o["lines"] for o in doc["orders"]]
    for i, (count, lines) in enumerate(blocks, 1):
        if lines not in sets:
            return ("real Node's order %d (%d runs) is not among loopsim's %d orders: %s"
                    % (i, count, len(sets), " | ".join(lines)))
    if not doc["complete"]:
        return "the search did not complete (%d paths)" % doc["paths"]
    if doc["sampled_outside"]:
        return "%d sampled runs printed an order outside the search" % doc["sampled_outside"]
    if deterministic_required and len(blocks) == 1 and len(sets) != 1:
        return ("real Node printed one order, loopsim lists %d: a race the model invents? "
                "extra: %s" % (len(sets), " || ".join(" | ".join(s) for s in sets if s != blocks[0][1])))
    return "ok (%d orders, %d paths, %.2f s)" % (len(sets), doc["paths"], elapsed)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[2] if len(argv) > 2 else os.path.join(here, ".."))
    loopsim = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(root, "build", "loopsim"))
    expected = os.path.join(root, "expected")
    jobs = []
    for kind in KINDS:
        d = os.path.join(expected, kind)
        if os.path.isdir(d):
            for fn in sorted(os.listdir(d)):
                if fn.endswith(".txt"):
                    jobs.append((kind, fn[:-4], os.path.join(d, fn), None))
    for vdir in sorted(os.listdir(expected)):
        if not vdir.startswith("node-"):
            continue
        for kind in KINDS:
            d = os.path.join(expected, vdir, kind)
            if os.path.isdir(d):
                for fn in sorted(os.listdir(d)):
                    if fn.endswith(".txt"):
                        jobs.append((kind, fn[:-4], os.path.join(d, fn), vdir[5:]))
    passed = failed = 0
    for kind, name, path, node in jobs:
        scenario = "scenarios/%s/%s.json" % (kind, name)
        label = ("node-%s/" % node if node else "") + "%s/%s" % (kind, name)
        if not os.path.exists(os.path.join(root, scenario)):
            print("FAIL %s: no scenario %s" % (label, scenario))
            failed += 1
            continue
        extra, note = WIDER.get((node, "%s/%s" % (kind, name)), ((), ""))
        why = check(loopsim, root, scenario, path, node, kind in ("seeds", "rules") and not node,
                    extra)
        if note and why.startswith("ok"):
            why += " with %s: %s" % (" ".join(extra), note)
        if why.startswith("ok"):
            print("ok   %s %s" % (label, why[3:]))
            passed += 1
        else:
            print("FAIL %s: %s" % (label, why))
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
