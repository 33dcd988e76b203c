#!/usr/bin/env python3
"""browser_golden.py [LOOPSIM [ROOT]] - every browser quiz (scenarios/browser/) against what
real headless Chromium printed for it.

For each program scenarios/browser/FILE (FILE.js: a classic script, FILE.mjs: a module
script, FILE.html: a whole page), expected/browser-chromium-MAJOR/FILE.txt holds what Chromium
printed over its runs (tools/record-expected --env browser; the format of tests/golden.py: a
"# real chromium ..." header, then one "=== count N" block per distinct output, most frequent
first).  MAJOR is that of loopsim's browser profile (profile.def LS_BROWSER; only one is
recorded).  A program agrees when

  - `LOOPSIM run --no-note --env browser FILE` prints one of the outputs Chromium printed
    (any block: a race's orders come in the counts the machine gave them), and
  - `LOOPSIM orders --env browser --format json FILE` (searching completely: the test sets
    LOOPSIM_NO_TIME_BUDGET=1 and passes no time limit) lists every output Chromium printed.

No browser runs here: the recordings are the judge, so the verdict does not depend on the
machine's load.  (tools/browser-diff runs Chromium live; tests/browser_record.py checks the
recorder.)

tests/browser-differences.txt lists the programs that do not agree, each with why:

    FILE  WHY

For a listed program loopsim refuses (exit 2), WHY is its message (after "error: ") and must
stay so; any other listed program must still disagree.  A listed program that now agrees
FAILs with "remove it from the list", and so does a line naming no program.  Every program not
listed must agree: nothing is skipped.

Prints "ok   browser/FILE", "ok   browser/FILE: listed: WHY" or "FAIL browser/FILE: why", then
"browser: N programs, A agree (P% print an order Chromium printed), L listed, F failed" and
exits 1 if anything failed.  LOOPSIM defaults to ROOT/build/loopsim, ROOT to the directory above
this script.  Writes nothing.
"""
import glob
import json
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # writes nothing into the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402
from golden import lines_of  # noqa: E402

TIMEOUT = 600  # a hang guard per program, not a timing assertion
EXTENSIONS = (".js", ".mjs", ".html")
LIST = os.path.join("tests", "browser-differences.txt")
PROFILE_RE = re.compile(r'LS_BROWSER\("[^"]*",\s*"[^"]*",\s*"(\d+)"')


def parse_expected(path):
    """[(count, [line, ...])] of an expected/ file, in its order (golden.py's format)."""
    with open(path, encoding="utf-8") as f:
        try:
            return golden.parse_expected(f.read())[1]
        except ValueError as e:
            raise ValueError("%s: %s" % (path, e))


def browser_major(root):
    """The Chromium major version of the newest LS_BROWSER row of profile.def."""
    with open(os.path.join(root, "src", "process", "profile.def"), encoding="utf-8") as f:
        majors = PROFILE_RE.findall(f.read())
    if not majors:
        raise SystemExit("browser_golden: no LS_BROWSER row in src/process/profile.def")
    return majors[-1]


def read_list(root):
    """{FILE: WHY} and the problems of tests/browser-differences.txt."""
    entries, problems = {}, []
    path = os.path.join(root, LIST)
    if not os.path.exists(path):
        return entries, problems
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            if len(parts) < 2:
                problems.append("%s:%d: a program and why, separated by spaces" % (LIST, n))
                continue
            if parts[0] in entries:
                problems.append("%s:%d: %s is listed twice" % (LIST, n, parts[0]))
            entries[parts[0]] = parts[1].strip()
            if not os.path.exists(os.path.join(root, "scenarios", "browser", parts[0])):
                problems.append("%s:%d: there is no scenarios/browser/%s" % (LIST, n, parts[0]))
    return entries, problems


def refusal(stderr):
    for line in stderr.splitlines():
        i = line.find("error: ")
        if i >= 0:
            return line[i + len("error: "):].strip()
    return None


def loopsim(exe, root, args):
    env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1")
    return subprocess.run([exe] + args, cwd=root, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=TIMEOUT, env=env, check=False)


def check(exe, root, program, expected):
    """(agrees?, run's output is one Chromium printed?, refusal message or None, [why...])."""
    try:
        blocks = parse_expected(expected)
    except (OSError, ValueError) as e:
        return False, False, None, ["%s (record it: tools/record-expected --env browser %s)"
                                    % (e, program)]
    outputs = [b for _, b in blocks]
    run = loopsim(exe, root, ["run", "--no-note", "--env", "browser", program])
    if run.returncode == 2 and refusal(run.stderr):
        return False, False, refusal(run.stderr), ["loopsim refuses it: " + refusal(run.stderr)]
    if run.returncode != 0:
        return False, False, None, ["loopsim run exited %d: %s" % (run.returncode,
                                                                   run.stderr.strip()[-400:])]
    why = []
    got = lines_of(run.stdout)
    printed = got in outputs
    if not printed:
        why.append("loopsim run prints an order Chromium never printed: "
                   + " | ".join(got) + "; Chromium's most frequent (%d of %d runs): "
                   % (blocks[0][0], sum(c for c, _ in blocks)) + " | ".join(blocks[0][1]))
    orders = loopsim(exe, root, ["orders", "--env", "browser", "--format", "json", "--samples",
                                 "0", program])
    if orders.returncode not in (0, 3):
        why.append("loopsim orders exited %d: %s" % (orders.returncode,
                                                     orders.stderr.strip()[-400:]))
        return False, printed, None, why
    doc = json.loads(orders.stdout)
    listed = [o["lines"] for o in doc["orders"]]
    if orders.returncode == 3 or not doc.get("complete", False):
        why.append("loopsim orders did not search every timing path (%s)"
                   % (doc.get("stopped_by") or "incomplete"))
    for count, out in blocks:
        if out not in listed:
            why.append("Chromium printed (%d runs) an order loopsim orders does not list: %s"
                       % (count, " | ".join(out)))
    return not why, printed, None, why


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[2] if len(argv) > 2 else os.path.join(here, ".."))
    exe = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(root, "build", "loopsim"))
    if len(argv) > 3 or (len(argv) > 1 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 2
    major = browser_major(root)
    edir = os.path.join(root, "expected", "browser-chromium-" + major)
    programs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(root, "scenarios",
                                                                          "browser", "*"))
                      if p.endswith(EXTENSIONS))
    entries, problems = read_list(root)
    agree = printed_n = listed_n = failed = 0
    for f in programs:
        ok, printed, refused, why = check(exe, root, os.path.join("scenarios", "browser", f),
                                          os.path.join(edir, f + ".txt"))
        printed_n += printed
        name = "browser/" + f
        if not os.path.exists(os.path.join(edir, f + ".txt")):
            failed += 1
            print("FAIL %s: %s" % (name, why[0]))
        elif f in entries:
            want = entries[f]
            if ok:
                failed += 1
                print("FAIL %s: agrees with Chromium now: remove it from %s" % (name, LIST))
            elif refused is not None and refused != want:
                failed += 1
                print("FAIL %s: loopsim refuses it with '%s', %s says '%s'" % (name, refused,
                                                                              LIST, want))
            else:
                listed_n += 1
                print("ok   %s: listed: %s" % (name, want))
                for w in why:
                    print("     " + w)
        elif ok:
            agree += 1
            print("ok   %s" % name)
        else:
            failed += 1
            print("FAIL %s: %s" % (name, why[0]))
            for w in why[1:]:
                print("     " + w)
    for p in problems:
        failed += 1
        print("FAIL " + p)
    n = len(programs)
    print("browser: %d programs against expected/browser-chromium-%s, %d agree (%d of %d, %.0f%%, "
          "print an order Chromium printed), %d listed, %d failed"
          % (n, major, agree, printed_n, n, 100.0 * printed_n / n if n else 0, listed_n, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    sys.exit(main(sys.argv))
