#!/usr/bin/env python3
"""golden.py [LOOPSIM [ROOT]] - run every seed, rule and JavaScript scenario and compare with
real Node.

For each scenarios/seeds/NAME.json and scenarios/rules/NAME.json, expected/<seeds|rules>/NAME.txt
holds what real Node printed over many runs (and for each tests/regressions/NAME.json, found by
tools/fuzz-diff, tests/regressions/NAME.txt beside it).  Every JavaScript program in a scenario
directory, scenarios/KIND/FILE with FILE ending in .js, .mjs or .cjs (the seed quizzes as
written, scenarios/quizzes/), is compared the same way with expected/KIND/FILE.txt: the
JavaScript file keeps its extension in the name (003-x.mjs -> 003-x.mjs.txt), so that quiz.js and
its JSON transcription quiz.json each have their own (the naming rule of tools/record-expected).
The format:

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
process exits with code N") when it is not 0, must equal node's.

JavaScript programs loopsim cannot run yet (it refuses a construct or a module: exit 2 with
"FILE: error: MESSAGE") are listed in tests/quizzes-not-modelled.txt, with the message; for a
listed program (on the versions its line names, or all) loopsim must still exit 2 with that
message, and a listed program that loopsim now runs FAILs with "remove it from the list".  Any
other program must pass: nothing is skipped.

Prints "ok   seeds/NAME", "ok   quizzes/FILE: refused as listed: ..." or "FAIL seeds/NAME: why"
with a unified diff, then one summary line per Node version ("golden: node VERSION: R ran, M
matched, L refused as listed, F failed") and "N passed, N failed"; exits 1 if anything failed.

LOOPSIM defaults to ROOT/build/loopsim, ROOT to the directory above this script.
"""
import collections
import difflib
import os
import re
import signal
import subprocess
import sys

TIMEOUT = 600  # a hang guard per scenario, not a timing assertion
KINDS = ("seeds", "rules")          # the JSON scenarios golden runs (races: tests/orders.py)
JS_EXTENSIONS = (".js", ".mjs", ".cjs")
BROWSER_KINDS = ("browser",)        # scenarios/browser/: --env browser (tests/browser_golden.py)
NOT_MODELLED = os.path.join("tests", "quizzes-not-modelled.txt")
DEFAULT = "default"                 # the name of Node 20 (expected/KIND/) in the list
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


# --- the corpus: which scenario an expected file belongs to (tools/record-expected's naming) ---

def is_js(file_name):
    return file_name.endswith(JS_EXTENSIONS)


def expected_name(file_name):
    """The expected/ file name of a scenario file: NAME.json -> NAME.txt, FILE.js -> FILE.js.txt."""
    return file_name[:-len(".json")] + ".txt" if file_name.endswith(".json") else file_name + ".txt"


def scenario_name(expected_file):
    """The scenario file an expected/ file name belongs to (NAME.txt -> NAME.json,
    FILE.mjs.txt -> FILE.mjs), or None if it is not a .txt."""
    if not expected_file.endswith(".txt"):
        return None
    base = expected_file[:-len(".txt")]
    return base if is_js(base) else base + ".json"


def label_of(kind, file_name):
    """seeds/001a (a JSON scenario, as before), quizzes/001-x.js (a JavaScript file)."""
    return "%s/%s" % (kind, file_name[:-len(".json")] if file_name.endswith(".json") else file_name)


def js_kinds(root):
    """The scenario directories that hold JavaScript programs for Node (not scenarios/browser/:
    programs for a page, checked against Chromium by tests/browser_golden.py)."""
    sdir = os.path.join(root, "scenarios")
    out = []
    for kind in sorted(os.listdir(sdir)) if os.path.isdir(sdir) else []:
        if kind in BROWSER_KINDS:
            continue
        d = os.path.join(sdir, kind)
        if os.path.isdir(d) and any(is_js(f) for f in os.listdir(d)):
            out.append(kind)
    return out


def js_files(root, kind):
    d = os.path.join(root, "scenarios", kind)
    return sorted(f for f in os.listdir(d) if is_js(f)) if os.path.isdir(d) else []


def versions_of(root):
    """The recorded versions (expected/node-VERSION/), those of LOOPSIM_TEST_VERSIONS only when
    it is set (a comma-separated list; "default" is Node 20, expected/KIND/): the sanitizer
    build checks memory on two versions, not the timing of each."""
    edir = os.path.join(root, "expected")
    vs = sorted(d[len("node-"):] for d in os.listdir(edir) if d.startswith("node-")) \
        if os.path.isdir(edir) else []
    return [v for v in vs if version_selected(v)]


def version_selected(version):
    """Whether LOOPSIM_TEST_VERSIONS (unset: all) selects `version` (None: Node 20)."""
    only = os.environ.get("LOOPSIM_TEST_VERSIONS")
    if not only:
        return True
    return (version or DEFAULT) in only.split(",")


# --- tests/quizzes-not-modelled.txt ---------------------------------------------------------------

class NotModelled:
    """The JavaScript programs loopsim refuses (tests/quizzes-not-modelled.txt).  A line is

        KIND/FILE  MESSAGE                       (on every Node version)
        KIND/FILE@V1,V2  MESSAGE                 (on those versions only: 10.7.0, default, ...)

    MESSAGE is what loopsim prints after "error: " when it refuses the program (exit 2).
    Blank lines and lines starting with # are comments."""

    def __init__(self, root):
        self.path = os.path.join(root, NOT_MODELLED)
        self.entries = []   # [line number, label, versions or None, message]
        self.errors = []
        self.used = set()   # line numbers consulted
        if not os.path.exists(self.path):
            return
        with open(self.path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                parts = line.split(None, 1)
                if len(parts) < 2 or not parts[1].strip():
                    self.errors.append("%s:%d: expected 'FILE  REASON', found %r"
                                       % (NOT_MODELLED, n, line))
                    continue
                target, message = parts[0], parts[1].strip()
                versions = None
                if "@" in target:
                    target, vs = target.split("@", 1)
                    versions = set(v for v in vs.split(",") if v)
                if "/" not in target or not is_js(target):
                    self.errors.append("%s:%d: %r is not KIND/FILE.js|.mjs|.cjs (a file under "
                                       "scenarios/)" % (NOT_MODELLED, n, target))
                    continue
                if not os.path.exists(os.path.join(root, "scenarios", target)):
                    self.errors.append("%s:%d: there is no scenarios/%s" % (NOT_MODELLED, n, target))
                    continue
                self.entries.append((n, target, versions, message))

    def lookup(self, label, version):
        """(line number, message) of the entry for label on version (None: Node 20), or None."""
        v = version or DEFAULT
        for n, target, versions, message in self.entries:
            if target == label and (versions is None or v in versions):
                self.used.add(n)
                return n, message
        return None

    def unused(self):
        """Lines never consulted: they name a version without a recording of their file."""
        return ["%s:%d: %s%s is never run (no expected file for %s): remove the line or fix "
                "its versions" % (NOT_MODELLED, n, target,
                                  "@" + ",".join(sorted(versions)) if versions else "",
                                  ", ".join(sorted(versions)) if versions else "any version")
                for n, target, versions, _ in self.entries if n not in self.used]


def check_refusal(p, scenario, listed):
    """None if the finished process p is loopsim refusing scenario with the listed message,
    else the problem."""
    n, message = listed
    stderr = p.stderr.decode("utf-8", errors="replace")
    if p.returncode == 2 and ("error: " + message) in stderr:
        return None
    where = "%s:%d" % (NOT_MODELLED, n)
    if p.returncode == 2:
        got = [l for l in lines_of(stderr) if "error: " in l]
        return ("%s lists it as refused with %r, but loopsim refuses it with another message: %s "
                "(update the line)" % (where, message, got[0] if got else stderr.strip()[:300]))
    return ("%s lists it as refused (%s), but loopsim %s now: remove it from the list"
            % (where, message, "runs it (exit 0)" if p.returncode == 0
               else "exits %d on it" % p.returncode))


def refusal_message(stderr):
    """The message of a loopsim refusal ("FILE: error: MESSAGE" or "FILE:L:C: error: MESSAGE")."""
    for line in lines_of(stderr):
        i = line.find(": error: ")
        if i >= 0:
            return line[i + len(": error: "):]
    return stderr.strip()[:300]


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


def check(loopsim, root, scenario, expected_rel, version=None, listed=None):
    """Returns (None or the lines to print after FAIL, refused as listed).  With a version,
    loopsim runs with --node VERSION."""
    expected_path = os.path.join(root, expected_rel)
    if not os.path.exists(expected_path):
        return ["no expected file; run tools/record-expected"], False
    try:
        with open(expected_path, encoding="utf-8") as f:
            want_exit, blocks = parse_expected(f.read())
    except (ValueError, UnicodeDecodeError) as e:
        return ["%s: %s" % (expected_rel, e)], False
    want = blocks[0][1]
    try:
        node = ["--node", version] if version else []
        p = subprocess.run([loopsim, "run", "--no-note"] + node + [scenario], cwd=root, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return ["timed out after %d s" % TIMEOUT], False
    except OSError as e:
        return ["cannot run %s: %s" % (loopsim, e)], False
    got = lines_of(p.stdout.decode("utf-8", errors="replace"))
    stderr = p.stderr.decode("utf-8", errors="replace")
    if listed is not None:
        why = check_refusal(p, scenario, listed)
        return ([why] if why else None), why is None
    out = []
    # loopsim itself exits 0 when the run reaches the end; the simulated process's exit code
    # (Node's, recorded as "# exit N") is reported on stderr when it is not 0.
    m = NODE_EXIT_RE.search(stderr)
    node_exit = int(m.group(1)) if m else 0
    if p.returncode == 2 and is_js(scenario):
        return ["loopsim refuses it: %s (if loopsim cannot model it yet, list it in %s with this "
                "message)" % (refusal_message(stderr), NOT_MODELLED)], False
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
    return out or None, False


def jobs_of(root):
    """[(version or None, label, scenario path, expected path, JavaScript?)] in the order run,
    and the notes on expected files without a scenario."""
    jobs, notes = [], []
    # Node 20 (the default): expected/KIND/
    for kind in KINDS + ("regressions",):
        sdir = os.path.join(root, "tests" if kind == "regressions" else "scenarios", kind)
        files = sorted(f for f in os.listdir(sdir) if f.endswith(".json")) \
            if os.path.isdir(sdir) else []
        for f in files:
            if kind == "regressions":  # tests/regressions/NAME.json with NAME.txt beside it
                exp = os.path.join("tests", kind, expected_name(f))
            else:
                exp = os.path.join("expected", kind, expected_name(f))
            jobs.append((None, label_of(kind, f),
                         os.path.join("tests" if kind == "regressions" else "scenarios", kind, f),
                         exp, False))
    for kind in js_kinds(root):
        for f in js_files(root, kind):
            jobs.append((None, label_of(kind, f), os.path.join("scenarios", kind, f),
                         os.path.join("expected", kind, expected_name(f)), True))
    for kind in sorted(set(KINDS) | set(js_kinds(root))):
        edir = os.path.join(root, "expected", kind)
        for fn in sorted(os.listdir(edir)) if os.path.isdir(edir) else []:
            s = scenario_name(fn)
            if s and (is_js(s) or kind in KINDS) and \
                    not os.path.exists(os.path.join(root, "scenarios", kind, s)):
                notes.append("note: expected/%s/%s has no scenario" % (kind, fn))
    # The other Node versions: expected/node-VERSION/KIND/NAME.txt (KIND: seeds, rules; and
    # every directory's JavaScript programs), recorded with tools/record-expected --per-version.
    for version in versions_of(root):
        vroot = os.path.join(root, "expected", "node-" + version)
        for kind in sorted(os.listdir(vroot)):
            vdir = os.path.join(vroot, kind)
            if not os.path.isdir(vdir):
                continue
            for fn in sorted(os.listdir(vdir)):
                s = scenario_name(fn)
                if not s or not (is_js(s) or kind in KINDS):
                    continue
                label = label_of(kind, s)
                if not os.path.exists(os.path.join(root, "scenarios", kind, s)):
                    notes.append("note: expected/node-%s/%s/%s has no scenario" % (version, kind, fn))
                    continue
                jobs.append((version, label, os.path.join("scenarios", kind, s),
                             os.path.join("expected", "node-" + version, kind, fn), is_js(s)))
    return jobs, notes


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[2] if len(argv) > 2 else os.path.join(here, ".."))
    loopsim = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(root, "build", "loopsim"))
    if len(argv) > 3 or (len(argv) > 1 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 2
    listed = NotModelled(root)
    passed = failed = 0
    # per version: ran, matched, refused as listed, failed
    stats = collections.OrderedDict()
    jobs, notes = jobs_of(root)
    for version, label, scenario, exp, js in jobs:
        s = stats.setdefault(version, collections.Counter())
        entry = listed.lookup(label, version) if js else None
        problems, refused = check(loopsim, root, scenario, exp, version, entry)
        name = ("node-%s/" % version if version else "") + label
        s["ran"] += 1
        s["js"] += js
        if problems is None:
            passed += 1
            if refused:
                s["refused"] += 1
                print("ok   %s: refused as listed: %s" % (name, entry[1]))
            else:
                s["matched"] += 1
                print("ok   %s" % name)
        else:
            failed += 1
            s["failed"] += 1
            print("FAIL %s: %s" % (name, problems[0]))
            for line in problems[1:]:
                print(line)
    for note in notes:
        print(note)
    for problem in listed.errors + ([] if os.environ.get("LOOPSIM_TEST_VERSIONS")
                                    else listed.unused()):
        failed += 1
        print("FAIL %s" % problem)
    for version, s in stats.items():
        print("golden: node %s: %d ran (%d JavaScript), %d matched, %d refused as listed, %d failed"
              % (version or "20 (default, expected/KIND/)", s["ran"], s["js"], s["matched"],
                 s["refused"], s["failed"]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    sys.exit(main(sys.argv))
