#!/usr/bin/env python3
"""races.py [LOOPSIM [ROOT]] - the other orders of racy scenarios come out under other timing.

golden.py checks that the default timing prints real Node's most frequent order.  For a racy
scenario, real Node also printed other orders (the later blocks of its expected file); each row
of RACES below names the timing under which loopsim must print one of them, and why that timing
produces it.  Every block of every expected file of the seed and rule scenarios and of every
JavaScript program under scenarios/ (Node 20: expected/KIND/) must be covered by golden.py
(block 1) or by a row here, unless it is listed in NOT_REACHED with the reason.  A scenario is
named KIND/NAME for a JSON scenario (scenarios/KIND/NAME.json, expected/KIND/NAME.txt) and
KIND/FILE for a JavaScript program (scenarios/KIND/FILE, expected/KIND/FILE.txt: the naming rule
of tools/record-expected).

Prints "ok   NAME block K" / "FAIL ..." per row, then "N passed, N failed".
"""
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # tests write nothing into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import (parse_expected, lines_of, is_js, scenario_name, label_of,  # noqa: E402
                    js_kinds)

# (scenario, block number in the expected file (1 = most frequent), loopsim run options, why)
RACES = [
    ("seeds/001d-timeout-vs-immediate-race", 2, ["--cost", "clock_phase_ms=0.9"],
     "a loop-ms boundary falls between setTimeout and the first timers phase (R5.1)"),
    ("seeds/002b-then-with-call-argument", 2, ["--cost", "clock_phase_ms=0.9"],
     "as 001d: the timer is due at the first timers phase"),
    ("seeds/003-interview-quiz", 2, ["--cost", "clock_phase_ms=0.75", "--cost", "after_log_ms=0.25"],
     "the two setTimeouts fall in different loop-ms, so the second is not due in the first "
     "timers phase and its list is rescheduled behind the check phase (R3.5); it needs the "
     "first write's afterWriteTick at the short end of its range"),
    ("rules/timer-lists-ordered-by-expiry", 2, ["--cost", "clock_phase_ms=0.993"],
     "setTimeout(B1, 1) comes one loop-ms after setTimeout(A2, 2): both lists expire at the "
     "same ms and the older list (the 2 ms one) runs first (R3.5)"),
    ("rules/fractional-delay-truncated", 2, ["--cost", "clock_phase_ms=0.993"],
     "as above: the 1.7 ms timer lands in the 1 ms list, created one loop-ms after the 2 ms one"),
    ("rules/last-timer-queues-unref-immediate", 2, ["--cost", "clock_phase_ms=0.9"],
     "the timer is already due at the timers run before the loop (libuv >= 1.45), so the loop "
     "body still runs once: poll(0), then check runs the unref'd immediate (R6.2)"),
    # the seed quizzes as written: the same races as their JSON transcriptions
    ("seeds/001d-timeout-vs-immediate-race.js", 2, ["--cost", "clock_phase_ms=0.9"],
     "as seeds/001d-timeout-vs-immediate-race, its JSON transcription"),
    ("seeds/002b-then-with-call-argument.js", 2, ["--cost", "clock_phase_ms=0.9"],
     "as seeds/002b-then-with-call-argument"),
    ("seeds/003-interview-quiz.js", 2, ["--cost", "clock_phase_ms=0.75", "--cost", "after_log_ms=0.25"],
     "as seeds/003-interview-quiz"),
    # the quizzes (scenarios/quizzes)
    ("quizzes/001-event-loop-timeout-vs-immediate.js", 2, ["--cost", "clock_phase_ms=0.9"],
     "a loop-ms boundary passes between setTimeout(0) and the first timers phase: the timer is "
     "due there and runs before the immediate (R5.1, as seeds/001d)"),
    ("quizzes/018-processnexttick-order-of-events.js", 2, ["--cost", "clock_phase_ms=0.0"],
     "no loop-ms boundary passes between setTimeout(0) and the first timers phase: the timer is "
     "not due yet, and the immediate runs first (R5.1)"),
    ("quizzes/089-issue-distributed-node-3-sleep-await.js", 2, ["--cost", "clock_phase_ms=0.1"],
     "no loop-ms boundary passes between sleep_st(0)'s setTimeout and the first timers phase: "
     "the immediate that logs 1 runs before the timer resolves the sleep (R5.1)"),
    ("quizzes/090-issue-distributed-node-3-nested-callbacks.js", 2,
     ["--cost", "clock_phase_ms=0.3"],
     "a loop-ms boundary passes between the setTimeout(0) of the then callback and the first "
     "timers phase: the timer runs before the immediate that logs 1 (R5.1)"),
    ("quizzes/096-issue-wuxianqiang-87-immediate-timeout-cross.js", 2,
     ["--cost", "clock_phase_ms=0.1"],
     "no loop-ms boundary passes between the main script's setTimeout(0) and the first timers "
     "phase: setImmediate1 runs first, setTimeout2 in the next timers phase, where "
     "setTimeout1 (set in the check phase) is not due yet (R5.1)"),
    ("quizzes/096-issue-wuxianqiang-87-immediate-timeout-cross.js", 3,
     ["--cost", "clock_phase_ms=0.9"],
     "a loop-ms boundary passes between the main script's setTimeout(0) and the first timers "
     "phase: setTimeout2 runs before setImmediate1 (R5.1)"),
    ("quizzes/108-decodemarines-two-timeouts-immediate.js", 2,
     ["--cost", "clock_phase_ms=0.99"],
     "a loop-ms boundary passes between the two setTimeout(0)s: the first one's list is due at "
     "the first timers phase, the second, a list of its own one loop-ms later, is not, and runs "
     "after the immediate (R3.5, R5.1)"),
    ("quizzes/108-decodemarines-two-timeouts-immediate.js", 3,
     ["--cost", "clock_phase_ms=0.9"],
     "both timers share one 1 ms list, due at the first timers phase: both run before the "
     "immediate (R5.1)"),
    ("rules/stream-read-events-open-data-end-close.js", 2, ["--cost", "io_latency_ms=1.0"],
     "the stream's open, the process's first thread-pool request, made from a tick after the "
     "main script, has not completed when the first poll phase looks: the immediates queued by "
     "the main script and its ticks run before 'open' (1 run in 100)"),
    ("rules/stream-write-end-callback-before-finish.js", 2, ["--cost", "io_latency_ms=1.0"],
     "as stream-read-events-open-data-end-close.js: the open is not done by the first poll "
     "phase, so the main script's immediate runs first (2 runs in 100)"),
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
        # KIND/NAME (JSON: scenarios/KIND/NAME.json) or KIND/FILE.js (a JavaScript program)
        path = "scenarios/%s" % scenario if is_js(scenario) else "scenarios/%s.json" % scenario
        with open(os.path.join(root, "expected", scenario + ".txt"), encoding="utf-8") as f:
            _, blocks = parse_expected(f.read())
        name = "%s block %d" % (scenario, block)
        if block > len(blocks):
            print("FAIL %s: the expected file has only %d block(s)" % (name, len(blocks)))
            failed += 1
            continue
        p = subprocess.run([loopsim, "run", "--no-note"] + opts + [path], cwd=root,
                           capture_output=True, stdin=subprocess.DEVNULL, timeout=600)  # a hang guard
        got = lines_of(p.stdout.decode("utf-8", errors="replace"))
        if p.returncode == 0 and got == blocks[block - 1][1]:
            print("ok   %s (%s: %s)" % (name, " ".join(opts), why))
            passed += 1
        else:
            print("FAIL %s with %s: got %s" % (name, " ".join(opts), " | ".join(got)))
            failed += 1
    # every order real Node printed is accounted for (seed and rule scenarios, every JavaScript
    # program)
    for kind in sorted({"seeds", "rules"} | set(js_kinds(root))):
        d = os.path.join(root, "expected", kind)
        for fn in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            s = scenario_name(fn)
            if not s or not (is_js(s) or kind in ("seeds", "rules")):
                continue
            scenario = label_of(kind, s)
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
