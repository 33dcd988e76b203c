#!/usr/bin/env python3
"""races.py [LOOPSIM [ROOT]] - the other orders of racy scenarios come out under other timing.

golden.py checks that the default timing prints real Node's most frequent order.  For a racy
scenario, real Node also printed other orders (the later blocks of its expected file); each row
of RACES below names the timing under which loopsim must print one of them, and why that timing
produces it.  Every block of every expected file must be covered by golden.py (block 1) or by a
row here, unless it is listed in NOT_REACHED with the reason.

Prints "ok   NAME block K" / "FAIL ..." per row, then "N passed, N failed".
"""
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # tests write nothing into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import parse_expected, lines_of  # noqa: E402

# (scenario, block number in the expected file (1 = most frequent), loopsim run options, why)
RACES = [
    ("seeds/001d-timeout-vs-immediate-race", 2, ["--cost", "clock_phase_ms=0.9"],
     "a loop-ms boundary falls between setTimeout and the first timers phase (R5.1)"),
    ("seeds/002b-then-with-call-argument", 2, ["--cost", "clock_phase_ms=0.9"],
     "as 001d: the timer is due at the first timers phase"),
    ("seeds/003-interview-quiz", 2, ["--cost", "clock_phase_ms=0.8"],
     "the two setTimeouts fall in different loop-ms, so the second is not due in the first "
     "timers phase and its list is rescheduled behind the check phase (R3.5)"),
    ("rules/timer-lists-ordered-by-expiry", 2, ["--cost", "clock_phase_ms=0.993"],
     "setTimeout(B1, 1) comes one loop-ms after setTimeout(A2, 2): both lists expire at the "
     "same ms and the older list (the 2 ms one) runs first (R3.5)"),
    ("rules/fractional-delay-truncated", 2, ["--cost", "clock_phase_ms=0.993"],
     "as above: the 1.7 ms timer lands in the 1 ms list, created one loop-ms after the 2 ms one"),
    ("rules/last-timer-queues-unref-immediate", 2, ["--cost", "clock_phase_ms=0.9"],
     "the timer is already due at the timers run before the loop (libuv >= 1.45), so the loop "
     "body still runs once: poll(0), then check runs the unref'd immediate (R6.2)"),
]

# (scenario, block, why loopsim cannot print it)
NOT_REACHED = []


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[2] if len(argv) > 2 else os.path.join(here, ".."))
    loopsim = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(root, "build", "loopsim"))
    passed = failed = 0
    covered = {(s, b) for s, b, _, _ in RACES} | {(s, b) for s, b, _ in NOT_REACHED}
    for scenario, block, opts, why in RACES:
        with open(os.path.join(root, "expected", scenario + ".txt"), encoding="utf-8") as f:
            _, blocks = parse_expected(f.read())
        name = "%s block %d" % (scenario, block)
        if block > len(blocks):
            print("FAIL %s: the expected file has only %d block(s)" % (name, len(blocks)))
            failed += 1
            continue
        p = subprocess.run([loopsim, "run"] + opts + ["scenarios/%s.json" % scenario], cwd=root,
                           capture_output=True, stdin=subprocess.DEVNULL, timeout=600)  # a hang guard
        got = lines_of(p.stdout.decode("utf-8", errors="replace"))
        if p.returncode == 0 and got == blocks[block - 1][1]:
            print("ok   %s (%s: %s)" % (name, " ".join(opts), why))
            passed += 1
        else:
            print("FAIL %s with %s: got %s" % (name, " ".join(opts), " | ".join(got)))
            failed += 1
    # every order real Node printed is accounted for
    for kind in ("seeds", "rules"):
        d = os.path.join(root, "expected", kind)
        for fn in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if not fn.endswith(".txt"):
                continue
            scenario = "%s/%s" % (kind, fn[:-4])
            with open(os.path.join(d, fn), encoding="utf-8") as f:
                _, blocks = parse_expected(f.read())
            for b in range(2, len(blocks) + 1):
                if (scenario, b) not in covered:
                    print("FAIL %s block %d: real Node printed this order; add a RACES row that "
                          "produces it, or a NOT_REACHED row saying why not" % (scenario, b))
                    failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
