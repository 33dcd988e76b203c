#!/usr/bin/env python3
"""jsprograms.py [LOOPSIM [ROOT]] - the language and module tests: small JavaScript programs,
each pinning down one rule of a builtin, of util.inspect or of a Node module, compared with what
real Node printed.

tests/js/GROUP/NAME.js is a program; tests/js/GROUP/NAME.out is real Node 20's stdout for it,
and tests/js/GROUP/NAME.nodeVERSION.out real Node VERSION's where it differs from Node 20's
(tools/record-js-tests writes both, from the real binaries; never from loopsim).  A program
passes on Node 20 iff `LOOPSIM run NAME.js` (run in its directory) prints exactly NAME.out on
stdout and exits 0; for every NAME.nodeVERSION.out, `LOOPSIM run --node VERSION NAME.js` must
print exactly that file.  Versions without their own file are not judged here: the message
texts of V8's errors are Node 20's on every profile (docs/node-versions.md), so the recordings
of other versions are kept only where a rule (a module, a method) differs.

Prints "ok   GROUP/NAME [VERSION]" or "FAIL GROUP/NAME [VERSION]: why" with a diff, then
"N passed, N failed"; exits 1 if anything failed.  Writes nothing.
"""
import difflib
import os
import re
import subprocess
import sys

TIMEOUT = 300  # a hang guard per program, not a timing assertion
VERSION_OUT = re.compile(r"^(?P<name>.+)\.node(?P<version>\d+\.\d+\.\d+)\.out$")


def cases(root):
    """[(group, name, version or None, expected path)] sorted."""
    top = os.path.join(root, "tests", "js")
    out = []
    for group in sorted(os.listdir(top)):
        d = os.path.join(top, group)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            m = VERSION_OUT.match(f)
            if m:
                out.append((group, m.group("name"), m.group("version"), os.path.join(d, f)))
            elif f.endswith(".out"):
                out.append((group, f[:-len(".out")], None, os.path.join(d, f)))
    return out


def main(argv):
    root = argv[2] if len(argv) > 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    loopsim = argv[1] if len(argv) > 1 else os.path.join(root, "build", "loopsim")
    loopsim = os.path.abspath(loopsim)
    passed = failed = 0
    all_cases = cases(root)
    for group, name, version, expected_path in all_cases:
        label = "%s/%s%s" % (group, name, " [node %s]" % version if version else "")
        d = os.path.dirname(expected_path)
        program = name + ".js"
        if not os.path.exists(os.path.join(d, program)):
            print("FAIL %s: %s has no program %s" % (label, expected_path, program))
            failed += 1
            continue
        cmd = [loopsim, "run", "--no-note"] + (["--node", version] if version else []) + [program]
        try:
            p = subprocess.run(cmd, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            print("FAIL %s: no answer within %d s (a hang)" % (label, TIMEOUT))
            failed += 1
            continue
        with open(expected_path, "rb") as f:
            want = f.read()
        why = None
        if p.returncode != 0:
            why = "loopsim exited %d: %s" % (p.returncode,
                                            p.stderr.decode("utf-8", "replace").strip()[:2000])
        elif p.stdout != want:
            a = want.decode("utf-8", "replace").splitlines()
            b = p.stdout.decode("utf-8", "replace").splitlines()
            why = "stdout differs from real Node's:\n" + "\n".join(
                difflib.unified_diff(a, b, "node", "loopsim", lineterm="", n=2))
        if why:
            print("FAIL %s: %s" % (label, why))
            failed += 1
        else:
            print("ok   %s" % label)
            passed += 1
    if not all_cases:
        print("FAIL no programs under %s" % os.path.join(root, "tests", "js"))
        failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
