#!/usr/bin/env python3
"""progress.py LOOPSIM [ROOT] - long work shows a progress line on a terminal, and only there.

`orders`, `check`, `explain`, `sweep` and `run` write a one-line progress indicator on stderr when it is
a terminal and the work has taken a while (src/cli/progress.c).  A test cannot wait "a while"
without depending on the machine's speed, so it sets LOOPSIM_PROGRESS_AFTER=0 (a line is due at
once) and checks only what does not depend on time:

  - on a terminal (a pseudo-terminal for stderr), at least one line "loopsim CMD: ..." is
    written, each drawn over the last ("\\r" and erase-line), and the last one is erased before
    the command ends, so the terminal is left with the command's own stderr only;
  - stdout is the same as without a terminal (the line never goes there);
  - without a terminal (stderr a pipe) not one progress byte is written, whatever
    LOOPSIM_PROGRESS_AFTER says.

Skipped (exit 77) where no pseudo-terminal can be had.  The programs it runs are written to a
temporary directory, not into the repository.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

ERASE = b"\r\x1b[K"


def in_pty(cmd, cwd, env):
    """Runs cmd with stderr on a pseudo-terminal: (stdout, what the terminal got, exit code)."""
    import pty
    master, slave = pty.openpty()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=slave)
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
    out = p.stdout.read()
    p.wait(timeout=600)
    os.close(master)
    return out, b"".join(chunks), p.returncode


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    loopsim = os.path.abspath(args[0])
    root = os.path.abspath(args[1]) if len(args) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    try:
        import pty
        m, s = pty.openpty()
        os.close(m)
        os.close(s)
    except OSError as e:
        print(f"SKIPPED: no pseudo-terminal: {e}")
        return 77
    tmp = tempfile.mkdtemp(prefix="loopsim-progress-")
    try:
        busy = os.path.join(tmp, "many-timers.js")
        with open(busy, "w", encoding="utf-8") as f:
            f.write("let n = 0;\nfor (let i = 0; i < 20000; i++) setTimeout(() => { n++; }, i % 50);\n"
                    "setTimeout(() => console.log('done', n), 100);\n")
        answer = os.path.join(tmp, "answer.txt")
        with open(answer, "w", encoding="utf-8") as f:
            f.write("timeout immediate\n")
        cases = [
            ("check", ["check", "--answer", answer,
                       "scenarios/seeds/001d-timeout-vs-immediate-race.js"]),
            ("orders", ["orders", "--samples", "50", "scenarios/races/nine-independent-races.json"]),
            ("explain", ["explain", "scenarios/seeds/003-interview-quiz.js"]),
            ("sweep", ["sweep", "--vary", "clock_phase_ms=0:0.9:0.1",
                       "scenarios/seeds/001d-timeout-vs-immediate-race.js"]),
            ("run", ["run", "--no-note", busy]),
        ]
        passed = failed = 0
        for name, cmd in cases:
            env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1", LOOPSIM_PROGRESS_AFTER="0",
                       NO_COLOR="1")
            problems = []
            out_tty, term, rc_tty = in_pty([loopsim] + cmd, root, env)
            p = subprocess.run([loopsim] + cmd, cwd=root, env=env, capture_output=True,
                               timeout=600)
            label = b"loopsim " + name.encode()
            lines = re.findall(re.escape(ERASE) + re.escape(label) + rb"[^\r\n]*", term)
            if not lines:
                problems.append(f"no progress line on the terminal: {term[:200]!r}")
            elif not re.fullmatch(re.escape(label) + rb"[^:]*: [ -~]+", lines[-1][len(ERASE):]):
                problems.append(f"a malformed line: {lines[-1]!r}")
            # the last line is erased: after the last "loopsim CMD: ..." comes an erase
            last = term.rfind(label)
            if last >= 0 and ERASE not in term[last:]:
                problems.append(f"the last line is left on the terminal: {term[last:last + 120]!r}")
            if out_tty != p.stdout or rc_tty != p.returncode:
                problems.append("stdout or the exit code differ with a terminal on stderr")
            if b"\r" in p.stderr or b"\x1b" in p.stderr or label + b":" in p.stderr:
                problems.append(f"progress bytes on a pipe: {p.stderr[:200]!r}")
            if problems:
                failed += 1
                print(f"FAIL {name}: " + "\n     ".join(problems))
            else:
                passed += 1
                print(f"ok   {name} ({len(lines)} progress line{'s' if len(lines) != 1 else ''})")
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
