#!/usr/bin/env python3
"""cli.py [LOOPSIM [ROOT]] [--update] [--tty] - pin everything the command line prints.

Each row of COMMANDS is a loopsim invocation (run in ROOT); tests/cli/NAME.out holds its stdout,
stderr and exit status as loopsim printed them when a person last reviewed them
(`tests/cli.py --update` rewrites them from the current loopsim, for review with git diff).
Whether the orders are right is the golden test's job (real Node); this one pins the form:
help texts, the trace, JSON, --node all grouping, profiles, orders and sweep, check's verdicts on
every claimed answer in tests/answers/, explain (with colour on a terminal, none with NO_COLOR).
A row with "same_as" must print what the row it names pinned (--jobs: the same output from one
process as from several).  A row with "memory_limit_mb" runs with that much address space
(RLIMIT_AS, as `ulimit -v` sets it); it is skipped for a sanitized build, whose shadow memory
needs terabytes of address space.
Prints "ok   NAME" / "FAIL NAME" with a diff, then "N passed, N failed".

The rows that need a terminal (explain's colours) run only with --tty, as a test of their own
(meson's cli-tty): where the machine has no pseudo-terminal to give (a root without /dev/pts),
that test is skipped with the reason (exit 77), and the others still run.
The commands run with LOOPSIM_NO_TIME_BUDGET=1: no search stops at a time budget, so what is
pinned does not depend on the machine's speed (tests/budget.py checks the budgets).
"""
import difflib
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True

COMMANDS = [
    ("help", ["--help"]),
    # the commit it names changes with every commit: pinned as "commit COMMIT"
    ("version", ["--version"], {"commit": True}),
    ("run-help", ["run", "--help"]),
    ("profiles", ["profiles"]),
    ("profiles-help", ["profiles", "--help"]),
    ("profiles-takes-no-argument", ["profiles", "10.7.0"]),
    ("run-trace-003", ["run", "--trace", "scenarios/seeds/003-interview-quiz.json"]),
    ("run-json-001a", ["run", "--format", "json", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("run-node-all-004", ["run", "--node", "all", "scenarios/seeds/004-readfile-mix.json"]),
    ("run-node-10-000b", ["run", "--node", "10.7.0", "scenarios/seeds/000b-emitter-await-longer.json"]),
    ("run-bad-node", ["run", "--node", "9", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("run-bad-option", ["run", "--trase", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("run-unhandled-rejection", ["run", "scenarios/rules/unhandled-rejection-exits.json"]),
    ("gen-3", ["gen", "--seed", "3", "--size", "8"]),
    ("orders-help", ["orders", "--help"]),
    ("orders-001d", ["orders", "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    ("orders-003", ["orders", "scenarios/seeds/003-interview-quiz.json"]),
    ("orders-001a-deterministic", ["orders", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("orders-json-001d", ["orders", "--format", "json", "--samples", "200",
                          "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    # a loaded machine's slow thread-pool warm-up (docs/timing-model.md): the race issue 13
    # measured (the stat after the immediates in 3 of 30 runs) appears
    ("orders-loaded-pool-warmup", ["orders", "--cost", "pool_warmup_ms=0.05:6",
                                   "scenarios/rules/fs-stat-vs-immediates-first-request.js"]),
    ("orders-pinned-phase", ["orders", "--cost", "clock_phase_ms=0.95",
                             "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    ("orders-node-10-003", ["orders", "--node", "10.7.0", "scenarios/seeds/003-interview-quiz.json"]),
    ("orders-max-paths", ["orders", "--max-paths", "1", "scenarios/seeds/003-interview-quiz.json"]),
    ("orders-merged-nine-races", ["orders", "--samples", "100",
                                  "scenarios/races/nine-independent-races.json"]),
    ("orders-counted-twelve-races", ["orders", "--samples", "20",
                                     "tests/cli/twelve-independent-races.json"]),
    ("check-twelve-races-found-among-all", ["check", "--answer", "-",
                                        "tests/cli/twelve-independent-races.json"],
     {"stdin": "t1 i1 t2 i2 t3 i3 t4 i4 t5 i5 t6 i6 t7 i7 t8 i8 t9 i9 t10 i10 t11 i11 t12 i12\n"}),
    ("orders-memory-budget", ["orders", "--max-memory", "0.01", "--samples", "20",
                              "scenarios/races/nine-independent-races.json"]),
    ("orders-bad-samples", ["orders", "--samples", "-1", "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    ("sweep-help", ["sweep", "--help"]),
    ("sweep-phase-001d", ["sweep", "--vary", "clock_phase_ms=0:0.99:0.01",
                          "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    ("sweep-csv-003", ["sweep", "--vary", "clock_phase_ms=0.5:0.9:0.05", "--format", "csv",
                       "scenarios/seeds/003-interview-quiz.json"]),
    ("sweep-json-first-log", ["sweep", "--vary", "first_log_ms=0:2:0.5", "--format", "json",
                              "scenarios/rules/first-log-after-settimeout.json"]),
    # --jobs: the same output from one process as from several (the rows above run with one per
    # processor); each is compared with the row it names
    ("orders-003-jobs-1", ["orders", "--jobs", "1", "scenarios/seeds/003-interview-quiz.json"],
     {"same_as": "orders-003"}),
    ("orders-003-jobs-5", ["orders", "--jobs", "5", "scenarios/seeds/003-interview-quiz.json"],
     {"same_as": "orders-003"}),
    ("orders-json-001d-jobs-3", ["orders", "--jobs", "3", "--format", "json", "--samples", "200",
                                 "scenarios/seeds/001d-timeout-vs-immediate-race.json"],
     {"same_as": "orders-json-001d"}),
    ("orders-merged-nine-races-jobs-1", ["orders", "--jobs", "1", "--samples", "100",
                                         "scenarios/races/nine-independent-races.json"],
     {"same_as": "orders-merged-nine-races"}),
    ("orders-merged-nine-races-jobs-4", ["orders", "--jobs", "4", "--samples", "100",
                                         "scenarios/races/nine-independent-races.json"],
     {"same_as": "orders-merged-nine-races"}),
    ("sweep-phase-001d-jobs-1", ["sweep", "--jobs", "1", "--vary", "clock_phase_ms=0:0.99:0.01",
                                 "scenarios/seeds/001d-timeout-vs-immediate-race.json"],
     {"same_as": "sweep-phase-001d"}),
    ("sweep-phase-001d-jobs-7", ["sweep", "--jobs", "7", "--vary", "clock_phase_ms=0:0.99:0.01",
                                 "scenarios/seeds/001d-timeout-vs-immediate-race.json"],
     {"same_as": "sweep-phase-001d"}),
    ("sweep-json-first-log-jobs-1", ["sweep", "--jobs", "1", "--vary", "first_log_ms=0:2:0.5",
                                     "--format", "json",
                                     "scenarios/rules/first-log-after-settimeout.json"],
     {"same_as": "sweep-json-first-log"}),
    # sampled runs print other numbers read from the clock: a note, not an internal error
    ("orders-prints-the-clock", ["orders", "--samples", "50", "tests/cli/prints-the-clock.js"]),
    ("run-prints-a-timeout", ["run", "tests/cli/prints-a-timeout.js"]),
    ("run-timeout-to-primitive", ["run", "tests/cli/timeout-to-primitive.js"]),
    ("run-timeout-to-primitive-node-10", ["run", "--node", "10.7.0", "tests/cli/timeout-to-primitive.js"]),
    ("orders-bad-jobs", ["orders", "--jobs", "0", "scenarios/seeds/003-interview-quiz.json"]),
    ("run-takes-no-jobs", ["run", "--jobs", "2", "scenarios/seeds/003-interview-quiz.json"]),
    ("sweep-no-vary", ["sweep", "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    ("sweep-bad-vary", ["sweep", "--vary", "clock_phase_ms=0:2:0.1",
                        "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    ("run-cost-range", ["run", "--cost", "log_ms=0.3:0.1", "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    # a machine 5 times slower: every cost but the clock's phase scaled, so the race of
    # setTimeout(0) and setImmediate from the main script leans the other way
    ("orders-slower-machine-001d", ["orders", "--slower", "5", "--samples", "200",
                                    "scenarios/seeds/001d-timeout-vs-immediate-race.json"]),
    ("run-slower-trace-002a", ["run", "--slower", "3", "--trace", "scenarios/seeds/002a-tick-then-timer.json"]),
    ("run-bad-slower", ["run", "--slower", "0.5", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("check-help", ["check", "--help"]),
    ("check-004-node-10", ["check", "--node", "10.7.0", "--answer", "tests/answers/004-readfile-mix.txt",
                           "scenarios/seeds/004-readfile-mix.json"]),
    ("check-stdin-arrows", ["check", "--answer", "-", "scenarios/seeds/002a-tick-then-timer.json"],
     {"stdin": "tick -> timer\n"}),
    ("check-stdin-wrong-short", ["check", "--answer", "-", "scenarios/seeds/001g-exercise-one.json"],
     {"stdin": "14, 15, 1, 2, 4, 16, 8, 8promise, 5, 10, 3, 7, 13\n"}),
    ("check-empty-answer", ["check", "--answer", "-", "scenarios/seeds/002a-tick-then-timer.json"],
     {"stdin": " ,  -> \n"}),
    ("check-no-answer", ["check", "scenarios/seeds/002a-tick-then-timer.json"]),
    ("check-missing-file", ["check", "--answer", "tests/answers/no-such-file.txt",
                            "scenarios/seeds/002a-tick-then-timer.json"]),
    # the browser: a whole page (its DOM), --env all, JSON "env", a page under Node
    ("run-page-002-mutation-observer", ["run", "scenarios/browser/002-jakearchibald-inner-click-mutation-observer.html"]),
    ("explain-page-028-click-from-script", ["explain", "scenarios/browser/028-review-tasks-hecatxncheir-click-microtask-callstack.html"]),
    ("check-page-002-article-answer", ["check", "--answer", "-", "scenarios/browser/002-jakearchibald-inner-click-mutation-observer.html"],
     {"stdin": "click, click, promise, mutate, promise, timeout, timeout\n"}),
    ("run-env-all-001", ["run", "--env", "all", "scenarios/browser/001-jakearchibald-script-start-promise-timeout.js"]),
    ("run-json-env-browser", ["run", "tests/cli/env-browser.json"]),
    ("run-json-env-browser-node-wins", ["run", "--node", "20", "tests/cli/env-browser.json"]),
    ("run-page-under-node-refused", ["run", "--node", "20", "scenarios/browser/002-jakearchibald-inner-click-mutation-observer.html"]),
    ("run-page-two-scripts-refused", ["run", "tests/cli/page-two-scripts.html"]),
    ("orders-env-all-refused", ["orders", "--env", "all", "scenarios/browser/001-jakearchibald-script-start-promise-timeout.js"]),
    ("explain-help", ["explain", "--help"]),
    # the pictures' formats: each command names the ones it writes (docs/pictures.md)
    ("explain-format-json-refused", ["explain", "--format", "json",
                                     "scenarios/seeds/003-interview-quiz.json"]),
    ("run-svg-node-all-refused", ["run", "--format", "svg", "--node", "all",
                                  "scenarios/seeds/003-interview-quiz.json"]),
    ("check-format-svg-refused", ["check", "--format", "svg", "--answer", "1",
                                  "scenarios/seeds/003-interview-quiz.json"]),
    ("sweep-format-svg-refused", ["sweep", "--format", "svg", "--vary", "io_latency_ms=1:2:1",
                                  "scenarios/seeds/003-interview-quiz.json"]),
    ("explain-003", ["explain", "scenarios/seeds/003-interview-quiz.json"]),
    ("explain-004", ["explain", "scenarios/seeds/004-readfile-mix.json"]),
    ("explain-004-node-10", ["explain", "--node", "10.7.0", "scenarios/seeds/004-readfile-mix.json"]),
    ("explain-001g", ["explain", "scenarios/seeds/001g-exercise-one.json"]),
    ("explain-before-exit", ["explain", "scenarios/rules/before-exit-and-exit.json"]),
    ("explain-unhandled-rejection", ["explain", "scenarios/rules/unhandled-rejection-exits.json"]),
    ("explain-esm", ["explain", "scenarios/rules/esm-entry-from-poll.json"]),
    ("explain-tty-colour", ["explain", "scenarios/seeds/001d-timeout-vs-immediate-race.json"],
     {"tty": True}),
    ("explain-tty-no-color", ["explain", "scenarios/seeds/001d-timeout-vs-immediate-race.json"],
     {"tty": True, "env": {"NO_COLOR": "1"}}),
    # memory is the only limit on what a program makes: past it, loopsim says how much it held
    # (pinned as N MB: the figure is the machine's) and exits 2 with nothing on stdout
    ("run-out-of-memory", ["run", "tests/cli/memory-grows-without-bound.js"],
     {"memory_limit_mb": 256}),
]

# `loopsim check` on every claimed answer in tests/answers (the quiz articles' claims)
ANSWERS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "answers")
for _fn in sorted(os.listdir(ANSWERS)):
    if _fn.endswith(".txt"):
        _seed = _fn[:-4].split(".")[0]
        COMMANDS.append(("check-" + _fn[:-4], ["check", "--answer", "tests/answers/" + _fn,
                                               "scenarios/seeds/%s.json" % _seed]))


def run_in_tty(cmd, cwd, env):
    """Runs cmd with stdout on a pseudo-terminal; returns (stdout bytes, stderr bytes, rc)."""
    import pty
    master, slave = pty.openpty()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=slave, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    err = p.stderr.read()
    rc = p.wait(timeout=600)  # a hang guard
    os.close(master)
    return b"".join(chunks).replace(b"\r\n", b"\n"), err, rc


def render(p):
    return ("--- stdout\n" + p.stdout.decode("utf-8", "replace") +
            "--- stderr\n" + p.stderr.decode("utf-8", "replace") +
            "--- exit %d\n" % p.returncode)


SKIP = 77


def sanitized(loopsim):
    """Is loopsim built with AddressSanitizer (tools/test's build-asan)?"""
    with open(loopsim, "rb") as f:
        return b"__asan_init" in f.read()


def limit_memory(mb):
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))


def main(argv):
    update = "--update" in argv
    tty_rows = "--tty" in argv
    args = [a for a in argv[1:] if a not in ("--update", "--tty")]
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(args[1] if len(args) > 1 else os.path.join(here, ".."))
    loopsim = os.path.abspath(args[0] if args else os.path.join(root, "build", "loopsim"))
    passed = failed = 0
    rows = [r for r in COMMANDS if bool((r[2] if len(r) > 2 else {}).get("tty")) == tty_rows]
    if tty_rows:
        try:
            import pty
            m, sl = pty.openpty()
            os.close(m)
            os.close(sl)
        except OSError as e:
            print("SKIPPED: no pseudo-terminal for the terminal rows: %s" % e)
            return SKIP
    for row in rows:
        name, cmd = row[0], row[1]
        opts = row[2] if len(row) > 2 else {}
        # no progress line, however slow the machine (src/cli/progress.c)
        env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1", LOOPSIM_PROGRESS_AFTER="1000000000")
        env.pop("NO_COLOR", None)
        env.update(opts.get("env", {}))
        limit = opts.get("memory_limit_mb")
        if limit and sanitized(loopsim):
            passed += 1
            print("ok   %s (skipped: a sanitized build cannot run with a memory limit)" % name)
            continue
        if opts.get("tty"):
            out, err, rc = run_in_tty([loopsim] + cmd, root, env)
            p = subprocess.CompletedProcess(cmd, rc, out, err)
        else:
            stdin = opts.get("stdin")
            p = subprocess.run([loopsim] + cmd, cwd=root, capture_output=True, env=env,
                               input=stdin.encode() if stdin is not None else None,
                               stdin=None if stdin is not None else subprocess.DEVNULL,
                               preexec_fn=(lambda: limit_memory(limit)) if limit else None,
                               timeout=600)  # a hang guard
        got = render(p)
        if opts.get("commit"):
            got = re.sub(r"\(commit [0-9a-z.-]+\)", "(commit COMMIT)", got)
        if limit:  # what it held, and the allocation that failed, are the machine's
            got = re.sub(r"the [0-9]+ MB it holds", "the N MB it holds", got)
            got = re.sub(r" \(an allocation of [^)]*\)", "", got)
        path = os.path.join(here, "cli", name + ".out")
        if opts.get("same_as"):  # compared with another row's output, not pinned on its own
            path = os.path.join(here, "cli", opts["same_as"] + ".out")
        elif update:
            with open(path, "w", encoding="utf-8") as f:
                f.write(got)
        try:
            with open(path, encoding="utf-8") as f:
                want = f.read()
        except FileNotFoundError:
            want = None
        if want == got:
            passed += 1
            print("ok   %s" % name)
        else:
            failed += 1
            print("FAIL %s: loopsim %s" % (name, " ".join(cmd)))
            if want is None:
                print("    no tests/cli/%s.out; run tests/cli.py --update and review it" % name)
            else:
                for line in difflib.unified_diff(want.splitlines(), got.splitlines(),
                                                 "tests/cli/" + name + ".out", "now",
                                                 lineterm=""):
                    print("    " + line)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
