#!/usr/bin/env python3
"""orders.py [LOOPSIM [ROOT]] - every order real Node printed is one `loopsim orders` lists.

For every expected file (expected/seeds, expected/rules, expected/races,
expected/calibration: Node 20; and expected/node-VERSION/KIND for the other versions, run with
--node VERSION), and for every JavaScript program under scenarios/ (scenarios/KIND/FILE.js|.mjs|
.cjs, with expected/KIND/FILE.js.txt and expected/node-VERSION/KIND/FILE.js.txt: the naming rule
of tools/record-expected), `LOOPSIM orders --format json SCENARIO` must:
  - list every block of the expected file (every order real Node printed) among its orders;
  - report exactly one order (deterministic) when the scenario is a seed or rule scenario, or a
    JavaScript program, whose Node 20 expected file has one block: the model must not invent
    races real Node does not show (DETERMINISM_EXEMPT names the exceptions, with the reason);
  - search completely (no --max-paths stop) and find no sampled order outside the search
    (`sampled_outside` 0: a sampled run is a point of the space the search covers).
No time is asserted (tools/test must give the same verdict on a loaded machine): the search
runs with LOOPSIM_NO_TIME_BUDGET=1, so only its run count can stop it; the seconds each took
are printed, for information.
A JavaScript program listed in tests/quizzes-not-modelled.txt (for that version) must make
`loopsim orders` exit 2 with the listed message, like `loopsim run` (tests/golden.py); a listed
program it now runs FAILs, so the list cannot go stale.
Prints "ok   NAME (k orders, p paths)" or "FAIL NAME: why", then a summary line per Node version
("orders: node VERSION: R ran, M matched, L refused as listed, F failed") and
"N passed, N failed".
"""
import json
import os
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # tests write nothing into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import collections  # noqa: E402
from golden import (parse_expected, NotModelled, check_refusal, refusal_message,  # noqa: E402
                    is_js, scenario_name, label_of, js_kinds, KINDS as GOLDEN_KINDS,
                    version_selected)

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


# JavaScript programs real Node printed one way on Node 20 (in 30 runs, the recording), for which
# loopsim lists more than one order, and why that is right: {label: reason}.
DETERMINISM_EXEMPT = {
    "rules/stream-destroy-before-open-waits-for-the-open.js":
        "the stream's open, the first thread-pool request, made from a tick after the main script, "
        "against the first check phase: real Node printed 'open' first in 30 of 30 runs on each of "
        "five versions; loopsim's ranges for the first request (pool_warmup_ms, io_latency_ms) "
        "also admit the immediate first, an order real Node shows for the same race in "
        "stream-read-events-open-data-end-close.js (1 in 100) and "
        "stream-write-end-callback-before-finish.js (2 in 100); its probability is overstated "
        "(docs/timing-model.md, 'Limits of the model')",
    "rules/stream-end-without-writes.js":
        "as stream-destroy-before-open-waits-for-the-open.js: the write stream's open (the first "
        "pool request, from a tick after the main script) against the first check phase; real "
        "Node 20 printed 'open' first in 30 of 30 runs, 10.17.0 the immediate first in a run of "
        "its own (docs/timing-model.md, 'Limits of the model')",
    "rules/stream-pipe-backpressure.js":
        "as stream-pipe-file-to-file.js: the source's last read and close and the destination's "
        "last write and close run on pool threads at once; real Node printed one order in 30 "
        "runs on each of five versions, loopsim also lets a later request complete first "
        "(docs/timing-model.md, 'Limits of the model')",
    "rules/stream-pipe-file-to-file.js":
        "the source's close request and the destination's last write and close run on two pool "
        "threads at once; real Node printed one order in 30 runs on each of five versions, and "
        "loopsim, which draws each request's latency on its own, also lets the later request "
        "complete first (docs/timing-model.md, 'Limits of the model')",
    "quizzes/091-issue-zm8-161-async-timers-immediate-nexttick.js":
        "setTimeout(0), setTimeout(3) and setImmediate from the main script race (R5.1); Node 20 "
        "printed one order in its 30 recorded runs, and the other versions print loopsim's other "
        "two in 2 to 14 of 200 (setTimeout3 before setImmediate on 10.7.0 and 16.20.2, "
        "setImmediate first on 12.22.12 and 22.23.3)",
}


def check(loopsim, root, scenario_rel, expected_path, node, deterministic_required, extra=(),
          listed=None):
    with open(expected_path, encoding="utf-8") as f:
        _, blocks = parse_expected(f.read())
    # 100 sampled timings (not the default 1000): the check that no sampled run prints an
    # order outside the search's stays, at a tenth of the time (a busy-wait scenario's
    # program turns its loop some 3,000 times a millisecond in each of them)
    cmd = [loopsim, "orders", "--format", "json", "--samples", "100"] + list(extra)
    if node:
        cmd += ["--node", node]
    t0 = time.time()
    env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1")
    p = subprocess.run(cmd + [scenario_rel], cwd=root, capture_output=True, timeout=1200,
                       stdin=subprocess.DEVNULL, env=env)
    elapsed = time.time() - t0
    if listed is not None:
        why = check_refusal(p, scenario_rel, listed)
        return why or "ok refused as listed: %s" % listed[1]
    if p.returncode == 2 and is_js(scenario_rel):
        return ("loopsim orders refuses it: %s (if loopsim cannot model it yet, list it in "
                "tests/quizzes-not-modelled.txt with this message)"
                % refusal_message(p.stderr.decode("utf-8", "replace")))
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
    kinds_js = js_kinds(root)

    def scan(d, version):
        """The jobs of one expected directory: JSON scenarios of KINDS, JavaScript programs of
        every kind (NAME.txt -> NAME.json, FILE.js.txt -> FILE.js)."""
        out = []
        for kind in sorted(set(KINDS) | set(kinds_js)):
            kd = os.path.join(d, kind)
            if not os.path.isdir(kd):
                continue
            for fn in sorted(os.listdir(kd)):
                s = scenario_name(fn)
                if s and (is_js(s) or kind in KINDS):
                    out.append((kind, s, os.path.join(kd, fn), version))
        return out
    jobs = scan(expected, None)
    for vdir in sorted(os.listdir(expected)):
        if vdir.startswith("node-") and version_selected(vdir[5:]):
            jobs += scan(os.path.join(expected, vdir), vdir[5:])
    listed = NotModelled(root)
    passed = failed = 0
    stats = collections.OrderedDict()
    for kind, file_name, path, node in jobs:
        scenario = "scenarios/%s/%s" % (kind, file_name)
        name = label_of(kind, file_name)
        label = ("node-%s/" % node if node else "") + name
        s = stats.setdefault(node, collections.Counter())
        s["ran"] += 1
        if not os.path.exists(os.path.join(root, scenario)):
            print("FAIL %s: no scenario %s" % (label, scenario))
            failed += 1
            s["failed"] += 1
            continue
        js = is_js(file_name)
        s["js"] += js
        entry = listed.lookup(name, node) if js else None
        extra, note = WIDER.get((node, name), ((), ""))
        deterministic = not node and (js or kind in GOLDEN_KINDS) and name not in DETERMINISM_EXEMPT
        why = check(loopsim, root, scenario, path, node, deterministic, extra, entry)
        if note and why.startswith("ok"):
            why += " with %s: %s" % (" ".join(extra), note)
        if not node and name in DETERMINISM_EXEMPT and why.startswith("ok"):
            why += "; more orders than real Node printed: %s" % DETERMINISM_EXEMPT[name]
        if why.startswith("ok"):
            print("ok   %s %s" % (label, why[3:]))
            passed += 1
            s["refused" if entry else "matched"] += 1
        else:
            print("FAIL %s: %s" % (label, why))
            failed += 1
            s["failed"] += 1
    for problem in listed.errors + ([] if os.environ.get("LOOPSIM_TEST_VERSIONS")
                                    else listed.unused()):
        failed += 1
        print("FAIL %s" % problem)
    for node, s in stats.items():
        print("orders: node %s: %d ran (%d JavaScript), %d matched, %d refused as listed, %d failed"
              % (node or "20 (default, expected/KIND/)", s["ran"], s["js"], s["matched"],
                 s["refused"], s["failed"]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    sys.exit(main(sys.argv))
