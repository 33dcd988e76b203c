#!/usr/bin/env python3
"""errors.py [--update] [LOOPSIM [ROOT]] - check loopsim's messages for broken scenarios.

For each scenarios/errors/NAME.json, runs `LOOPSIM run scenarios/errors/NAME.json` in ROOT (the
relative path keeps the messages stable) and requires: exit status 2, nothing on stdout, and
stderr exactly equal to tests/errors/NAME.stderr.  Prints "ok   errors/NAME" or
"FAIL errors/NAME: why" with a unified diff, then "N passed, N failed"; exits 1 if anything
failed.

--update writes every tests/errors/NAME.stderr from the current output instead (review the
result with `git diff` before committing it) and reports the scenarios whose exit status or
stdout is wrong.

LOOPSIM defaults to ROOT/build/loopsim, ROOT to the directory above this script.
"""
import difflib
import os
import subprocess
import sys

TIMEOUT = 600  # a hang guard, not a timing assertion


sys.dont_write_bytecode = True  # tests write nothing into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import describe_status  # noqa: E402


def lines_of(text):
    return text.splitlines(keepends=False) if text else []


def run(loopsim, root, scenario):
    return subprocess.run([loopsim, "run", scenario], cwd=root, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=TIMEOUT)


def main(argv):
    args = argv[1:]
    update = "--update" in args
    args = [a for a in args if a != "--update"]
    if len(args) > 2 or any(a in ("-h", "--help") for a in args):
        print(__doc__.strip())
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(args[1] if len(args) > 1 else os.path.join(here, ".."))
    loopsim = os.path.abspath(args[0] if args else os.path.join(root, "build", "loopsim"))
    sdir = os.path.join(root, "scenarios", "errors")
    gdir = os.path.join(root, "tests", "errors")
    names = sorted(f[:-5] for f in os.listdir(sdir) if f.endswith(".json")) \
        if os.path.isdir(sdir) else []
    passed = failed = 0
    for name in names:
        scenario = "scenarios/errors/%s.json" % name
        golden_rel = "tests/errors/%s.stderr" % name
        golden = os.path.join(root, golden_rel)
        problems = []
        try:
            p = run(loopsim, root, scenario)
        except subprocess.TimeoutExpired:
            p = None
            problems.append("timed out after %d s" % TIMEOUT)
        except OSError as e:
            p = None
            problems.append("cannot run %s: %s" % (loopsim, e))
        if p is not None:
            stderr = p.stderr.decode("utf-8", errors="replace")
            if p.returncode != 2:
                problems.append("%s, expected exit status 2" % describe_status(p.returncode))
            if p.stdout:
                problems.append("stdout is not empty:")
                problems.extend("    " + l for l in
                                lines_of(p.stdout.decode("utf-8", errors="replace"))[:20])
            if update:
                os.makedirs(gdir, exist_ok=True)
                with open(golden, "wb") as f:
                    f.write(p.stderr)
                print("wrote %s" % golden_rel)
            elif not os.path.exists(golden):
                problems.append("no %s; write it with: tests/errors.py --update (then review it)"
                                % golden_rel)
                problems.append("stderr was:")
                problems.extend("    " + l for l in lines_of(stderr))
            else:
                with open(golden, "rb") as f:
                    want = f.read()
                if want != p.stderr:
                    problems.append("stderr differs from %s" % golden_rel)
                    problems.extend(difflib.unified_diff(
                        lines_of(want.decode("utf-8", errors="replace")), lines_of(stderr),
                        fromfile=golden_rel, tofile="loopsim run " + scenario, lineterm=""))
                    if lines_of(want.decode("utf-8", errors="replace")) == lines_of(stderr):
                        problems.append("(they differ only in line endings or the final newline)")
        if problems:
            failed += 1
            print("FAIL errors/%s: %s" % (name, problems[0]))
            for line in problems[1:]:
                print(line)
        else:
            passed += 1
            print("ok   errors/%s" % name)
    if os.path.isdir(gdir):
        for f in sorted(os.listdir(gdir)):
            if f.endswith(".stderr") and f[:-7] not in names:
                print("note: tests/errors/%s has no scenario" % f)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    sys.exit(main(sys.argv))
