#!/usr/bin/env python3
"""budget.py [LOOPSIM [ROOT]] - every search stops at its budget and says so (src/base/budget.h).

Each command that searches (the note `loopsim run` prints after the output, `orders`, `sweep`,
`check`, `explain`) is given a time budget (--max-seconds) far smaller than the work, on a
program far bigger than the budget allows (10,000 timers: one run of the search alone takes
seconds), so that the verdict is the same on a fast and a slow, quiet or loaded machine: the
search always stops early, and the test checks that it says so on stderr, prints what it found,
and exits as documented.  No test here measures time: how fast a search is is a benchmark's
business.  The memory budget is a count the search keeps, so its stop is exact: it has a golden
file in tests/cli/ (orders-memory-budget).

The scenarios are written into a temporary directory that the test removes.
Prints "ok   NAME" / "FAIL NAME: why", then "N passed, N failed".
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HANG_S = 600  # a guard against a search that never stops, not a timing assertion


def big_program(n):
    """n setTimeouts with delays 0..9999 ms, each logging its own line."""
    r = random.Random(n)
    return {"loopsim": 1, "title": "%d timers (a test input of tests/budget.py)" % n,
            "main": [{"setTimeout": [{"console.log": "t%d" % i}], "delay": r.randint(0, 9999)}
                     for i in range(n)]}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[2] if len(argv) > 2 else os.path.join(here, ".."))
    loopsim = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(root, "build", "loopsim"))
    env = dict(os.environ)
    env.pop("LOOPSIM_NO_TIME_BUDGET", None)  # the budgets given here are explicit anyway
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="loopsim-budget-") as tmp:
        big = os.path.join(tmp, "ten-thousand-timers.json")
        with open(big, "w") as f:
            json.dump(big_program(10000), f)
        smaller = os.path.join(tmp, "two-thousand-timers.json")  # explain prints every iteration
        with open(smaller, "w") as f:
            json.dump(big_program(2000), f)
        answer = os.path.join(tmp, "answer.txt")
        with open(answer, "w") as f:
            f.write("t0\n")
        cases = [
            # (name, args, exit status, stderr pattern, stdout check)
            ("run-prints-the-output-then-stops-the-note-at-its-budget",
             ["run", "--max-seconds", "0.05", big], 0,
             r"loopsim: (the search for other orders stopped at its time budget \(--max-seconds "
             r"0\.05\) after \d+ runs?|other orders are possible \(at least \d+)",
             lambda out: len(out.splitlines()) == 10000),
            ("orders-stops-at-its-time-budget",
             ["orders", "--max-seconds", "0.05", big], 3,
             r"loopsim: the search stopped at its time budget \(--max-seconds 0\.05\) after \d+ "
             r"runs?: the orders found so far are printed",
             lambda out: "possible order" in out and "the search stopped after" in out),
            ("orders-json-says-what-stopped-it",
             ["orders", "--format", "json", "--max-seconds", "0.05", big], 3,
             r"stopped at its time budget",
             lambda out: json.loads(out)["stopped_by"] == "max-seconds"
             and json.loads(out)["complete"] is False),
            ("sweep-reports-the-values-done",
             ["sweep", "--vary", "clock_phase_ms=0:0.99:0.00001", "--max-seconds", "0.05", big],
             3, r"loopsim: sweep stopped at its time budget \(--max-seconds 0\.05\) after \d+ of "
                r"99001 values: the values done are reported",
             lambda out: "99001 values" not in out),
            ("check-cannot-tell-what-it-could-not-search",
             ["check", "--answer", answer, "--max-seconds", "0.05", big], 3,
             r"loopsim: check stopped searching at its time budget \(--max-seconds 0\.05\)",
             lambda out: "cannot tell" in out),
            ("explain-marks-the-races-it-found",
             ["explain", "--max-seconds", "0.001", smaller], 0,
             r"loopsim: the search for the races stopped at its time budget \(--max-seconds "
             r"0\.001\)",
             lambda out: "The main script" in out),
        ]
        for name, args, status, pattern, check_out in cases:
            try:
                p = subprocess.run([loopsim] + args, cwd=root, capture_output=True, text=True,
                                   stdin=subprocess.DEVNULL, env=env, timeout=HANG_S)
            except subprocess.TimeoutExpired:
                print("FAIL %s: did not stop within %d s" % (name, HANG_S))
                failed += 1
                continue
            why = None
            if p.returncode != status:
                why = "exit %d, expected %d; stderr: %s" % (p.returncode, status,
                                                            p.stderr.strip()[-300:])
            elif not re.search(pattern, p.stderr):
                why = "stderr does not say it stopped: %r" % p.stderr.strip()[-300:]
            elif not check_out(p.stdout):
                why = "unexpected stdout: %r" % p.stdout[:300]
            if why:
                print("FAIL %s: %s" % (name, why))
                failed += 1
            else:
                print("ok   %s" % name)
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
