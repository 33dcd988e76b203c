#!/usr/bin/env python3
"""golden.py [LOOPSIM [ROOT]] - run every seed and rule scenario and compare with real Node.

For each scenarios/seeds/NAME.json and scenarios/rules/NAME.json, expected/<seeds|rules>/NAME.txt
holds what real Node printed over many runs (and for each tests/regressions/NAME.json, found by
tools/fuzz-diff, tests/regressions/NAME.txt beside it):

    # node v20.11.1, 200 runs, 2026-01-01      (optional header: lines starting with "# ")
    # exit 1                                   (optional: node's exit code, default 0)
    === count 163
    first line of the most frequent output
    ...
    === count 37
    a less frequent output
    ...

Blocks are sorted by count, most frequent first, and nothing separates them (an empty line
inside a block is an empty output line).  A scenario passes iff the stdout lines of
`LOOPSIM run FILE` (run in ROOT with the relative path) equal those of the first block; for
another Node version (expected/node-VERSION/..., run with --node VERSION), those of any block
when real Node printed several, since timing per version is not modelled.  loopsim itself must
exit 0; the simulated process's exit code, which loopsim reports on stderr ("loopsim: the
process exits with code N") when it is not 0, must equal node's.  Prints "ok   seeds/NAME" or "FAIL seeds/NAME: why" with a unified diff, then
"N passed, N failed"; exits 1 if anything failed.

LOOPSIM defaults to ROOT/build/loopsim, ROOT to the directory above this script.
"""
import difflib
import os
import re
import signal
import subprocess
import sys

TIMEOUT = 600  # a hang guard per scenario, not a timing assertion
KINDS = ("seeds", "rules")
COUNT_RE = re.compile(r"=== count (\d+)\s*$")
EXIT_RE = re.compile(r"# exit (-?\d+)\b")
NODE_EXIT_RE = re.compile(r"^loopsim: the process exits with code (-?\d+)$", re.M)


def lines_of(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse_expected(text):
    """Returns (exit status, [(count, [lines])]); raises ValueError if malformed."""
    exit_code = 0
    blocks = []
    for n, line in enumerate(lines_of(text), 1):
        m = COUNT_RE.match(line)
        if m:
            blocks.append((int(m.group(1)), []))
        elif blocks:
            blocks[-1][1].append(line)
        elif line.startswith("#") or line.strip() == "":
            m = EXIT_RE.match(line)
            if m:
                exit_code = int(m.group(1))
        else:
            raise ValueError('line %d: expected a "# " header line or "=== count N", found %r'
                             % (n, line))
    if not blocks:
        raise ValueError('no "=== count N" block')
    for count, _ in blocks[1:]:
        if count > blocks[0][0]:
            raise ValueError("blocks are not sorted by count (the first must be the most frequent)")
    return exit_code, blocks


def describe_status(code):
    if code < 0:
        try:
            return "killed by %s" % signal.Signals(-code).name
        except ValueError:
            return "killed by signal %d" % -code
    return "exit status %d" % code


def tail(text, n=20):
    lines = lines_of(text)
    if len(lines) > n:
        lines = ["[... %d lines]" % (len(lines) - n)] + lines[-n:]
    return "\n".join("    " + l for l in lines)


def check(loopsim, root, kind, name, version=None):
    """Returns None if the scenario passes, else the lines to print after FAIL.  With a version,
    the expected file is expected/node-VERSION/KIND/NAME.txt and loopsim runs with --node."""
    if kind == "regressions":  # tests/regressions/NAME.json with NAME.txt beside it
        scenario = os.path.join("tests", kind, name + ".json")
        expected_rel = os.path.join("tests", kind, name + ".txt")
    else:
        scenario = os.path.join("scenarios", kind, name + ".json")
        expected_rel = os.path.join("expected", *(["node-" + version] if version else []),
                                    kind, name + ".txt")
    expected_path = os.path.join(root, expected_rel)
    if not os.path.exists(expected_path):
        return ["no expected file; run tools/record-expected"]
    try:
        with open(expected_path, encoding="utf-8") as f:
            want_exit, blocks = parse_expected(f.read())
    except (ValueError, UnicodeDecodeError) as e:
        return ["%s: %s" % (expected_rel, e)]
    want = blocks[0][1]
    try:
        node = ["--node", version] if version else []
        p = subprocess.run([loopsim, "run"] + node + [scenario], cwd=root, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ["timed out after %d s" % TIMEOUT]
    except OSError as e:
        return ["cannot run %s: %s" % (loopsim, e)]
    got = lines_of(p.stdout.decode("utf-8", errors="replace"))
    stderr = p.stderr.decode("utf-8", errors="replace")
    out = []
    # loopsim itself exits 0 when the run reaches the end; the simulated process's exit code
    # (Node's, recorded as "# exit N") is reported on stderr when it is not 0.
    m = NODE_EXIT_RE.search(stderr)
    node_exit = int(m.group(1)) if m else 0
    if p.returncode != 0:
        out.append("%s, expected loopsim to exit 0" % describe_status(p.returncode))
    elif node_exit != want_exit:
        out.append("the simulated process exits with code %d, real node exited with %d"
                   % (node_exit, want_exit))
    # The default version must print real Node's most frequent order (the timing model's
    # defaults are tuned for it); another version must print one of the orders that version
    # printed, since version-specific timing is not modelled (docs/node-versions.md).
    if version and len(blocks) > 1 and any(got == b[1] for b in blocks):
        pass
    elif got != want:
        out.append("stdout differs from the most frequent output (count %d) in %s"
                   % (blocks[0][0], expected_rel))
        out.extend(difflib.unified_diff(want, got, fromfile=expected_rel,
                                        tofile="loopsim run " + scenario, lineterm=""))
    if out and stderr.strip():
        out.append("stderr:")
        out.append(tail(stderr))
    return out or None


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[2] if len(argv) > 2 else os.path.join(here, ".."))
    loopsim = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(root, "build", "loopsim"))
    if len(argv) > 3 or (len(argv) > 1 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 2
    passed = failed = 0
    for kind in KINDS + ("regressions",):
        sdir = os.path.join(root, "tests" if kind == "regressions" else "scenarios", kind)
        names = sorted(f[:-5] for f in os.listdir(sdir) if f.endswith(".json")) \
            if os.path.isdir(sdir) else []
        for name in names:
            problems = check(loopsim, root, kind, name)
            if problems is None:
                passed += 1
                print("ok   %s/%s" % (kind, name))
            else:
                failed += 1
                print("FAIL %s/%s: %s" % (kind, name, problems[0]))
                for line in problems[1:]:
                    print(line)
        edir = os.path.join(root, "expected", kind)
        if os.path.isdir(edir):
            for f in sorted(os.listdir(edir)):
                if f.endswith(".txt") and f[:-4] not in names:
                    print("note: expected/%s/%s has no scenario" % (kind, f))
    # The other Node versions: expected/node-VERSION/<seeds|rules>/NAME.txt, recorded with
    # tools/record-expected --node VERSION --per-version.
    edir = os.path.join(root, "expected")
    versions = sorted(d[len("node-"):] for d in os.listdir(edir) if d.startswith("node-")) \
        if os.path.isdir(edir) else []
    for version in versions:
        for kind in KINDS:
            vdir = os.path.join(edir, "node-" + version, kind)
            names = sorted(f[:-4] for f in os.listdir(vdir) if f.endswith(".txt")) \
                if os.path.isdir(vdir) else []
            for name in names:
                label = "node-%s/%s/%s" % (version, kind, name)
                if not os.path.exists(os.path.join(root, "scenarios", kind, name + ".json")):
                    print("note: expected/%s has no scenario" % label)
                    continue
                problems = check(loopsim, root, kind, name, version)
                if problems is None:
                    passed += 1
                    print("ok   %s" % label)
                else:
                    failed += 1
                    print("FAIL %s: %s" % (label, problems[0]))
                    for line in problems[1:]:
                        print(line)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    sys.exit(main(sys.argv))
