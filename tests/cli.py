#!/usr/bin/env python3
"""cli.py [LOOPSIM [ROOT]] [--update] - pin everything the command line prints.

Each row of COMMANDS is a loopsim invocation (run in ROOT); tests/cli/NAME.out holds its stdout,
stderr and exit status as loopsim printed them when a person last reviewed them
(`tests/cli.py --update` rewrites them from the current loopsim, for review with git diff).
Whether the orders are right is the golden test's job (real Node); this one pins the form:
help texts, the trace, JSON, --node all grouping, profiles.
Prints "ok   NAME" / "FAIL NAME" with a diff, then "N passed, N failed".
"""
import difflib
import os
import subprocess
import sys

COMMANDS = [
    ("help", ["--help"]),
    ("version", ["--version"]),
    ("run-help", ["run", "--help"]),
    ("profiles", ["profiles"]),
    ("run-trace-003", ["run", "--trace", "scenarios/seeds/003-interview-quiz.json"]),
    ("run-json-001a", ["run", "--format", "json", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("run-node-all-004", ["run", "--node", "all", "scenarios/seeds/004-readfile-mix.json"]),
    ("run-node-10-000b", ["run", "--node", "10.7.0", "scenarios/seeds/000b-emitter-await-longer.json"]),
    ("run-bad-node", ["run", "--node", "9", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("run-bad-option", ["run", "--trase", "scenarios/seeds/001a-tick-before-promise.json"]),
    ("run-unhandled-rejection", ["run", "scenarios/rules/unhandled-rejection-exits.json"]),
    ("gen-3", ["gen", "--seed", "3", "--size", "8"]),
]


def render(p):
    return ("--- stdout\n" + p.stdout.decode("utf-8", "replace") +
            "--- stderr\n" + p.stderr.decode("utf-8", "replace") +
            "--- exit %d\n" % p.returncode)


def main(argv):
    update = "--update" in argv
    args = [a for a in argv[1:] if a != "--update"]
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(args[1] if len(args) > 1 else os.path.join(here, ".."))
    loopsim = os.path.abspath(args[0] if args else os.path.join(root, "build", "loopsim"))
    passed = failed = 0
    for name, cmd in COMMANDS:
        p = subprocess.run([loopsim] + cmd, cwd=root, capture_output=True,
                           stdin=subprocess.DEVNULL, timeout=60)
        got = render(p)
        path = os.path.join(here, "cli", name + ".out")
        if update:
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
