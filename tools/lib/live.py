"""tools/lib/live.py - what tools/node-diff and tools/fuzz-diff share: finding a node binary,
running programs on it, and the gate rule that judges live runs (docs/differential-testing.md,
"The gate rule").

Live runs against real node are judged on the model, not on the machine.  The machine the gate
runs on may be busy (other builds, two CPU burners in the acceptance test of issue 11), and a
busy machine makes node late: a timer fires 20 ms late, a 40 ms margin of the generator breaks,
and node prints an order a quiet machine never prints.  So:

  1. An output of node (stdout and exit code) is *allowed* when it is one of the orders
     `loopsim orders` lists for the program (run with LOOPSIM_NO_TIME_BUDGET=1, so that the
     set does not depend on the machine's speed either).  Where the program is meant to be
     deterministic (a generated program: `deterministic=True`), only loopsim run's order is
     allowed.
  Every node run is made at the highest scheduling priority the machine allows (SCHED_FIFO
     through chrt, else nice -20), so that other work on the machine delays node as little as
     it can: that alone removes most of the noise.
  2. An output that is not allowed is a *suspect*.  The program is then re-run alone: the other
     workers of the tool wait (`Quiet`), after a back-off (0.5 s, 1 s, 2 s) that lets a burst
     of load pass, three rounds of RUNS runs.
  3. If any re-run prints an output that is not allowed, the suspect *came back*: that is a
     failure (a model miss, or for a generated program node disagreeing with itself or with
     loopsim's order on a quiet machine).  If none does, the suspect was *timing noise*: it is
     counted, and the summary line says how many, never hidden.
  4. Unless the model itself gives it on a slower machine: load that lasts longer than the
     re-runs (a build beside the gate) slows node's own work, not only its timers, and no
     priority helps against a busy memory bus.  So before a suspect that came back is called a
     failure, loopsim is asked what the program prints with every timing cost K times as long
     (`--slower K`, K = 2, 3, 5, 8: a machine that much slower); if each output that is not
     allowed is one of those, the suspect was *slow-machine noise*: counted with the timing
     noise and reported with its K, not a failure.

The recorded expected/ files stay the hard gate (tests/golden.py, tests/orders.py): every order
real node printed when they were recorded must be among loopsim's.
"""
import json
import os
import shutil
import subprocess
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SKIP = 77
TIMEOUT_S = 60          # a hang guard for one node or loopsim process, not a timing assertion
ORDERS_TIMEOUT_S = 1200
BACKOFF_S = (0.5, 1.0, 2.0)
SLOWER = (2, 3, 5, 8)   # the machines, this many times slower, that rule 4 asks the model about
RUNS = 3
VERSION_RE_TEXT = r"^v?\d+\.\d+\.\d+$"


def resolve_node(spec):
    """(path, None) or (None, why): `node` on PATH, an exact VERSION (tools/node-install) or a
    binary's path."""
    import re
    if spec is None:
        path = shutil.which("node")
        return (path, None) if path else (None, "no `node` on PATH")
    if re.match(VERSION_RE_TEXT, spec) and not os.path.exists(spec):
        p = subprocess.run([os.path.join(ROOT, "tools", "node-install"), spec],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
        path = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
        if p.returncode != 0 or not path:
            why = p.stderr.strip().replace("\n", " / ") or f"tools/node-install exited {p.returncode}"
            return None, f"cannot get node {spec}: {why}"
        return path, None
    path = spec if os.sep in spec else shutil.which(spec)
    if not path or not os.access(path, os.X_OK):
        return None, f"{spec} is not an executable node binary"
    return path, None


def node_version(node):
    """(version, None) or (None, why)."""
    try:
        p = subprocess.run([node, "--version"], stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    if p.returncode != 0 or not p.stdout.strip():
        return None, f"{node} --version exited {p.returncode}"
    return p.stdout.strip(), None


_priority = None


def priority_prefix():
    """(command prefix, name): the highest scheduling priority this machine lets us give a
    process (SCHED_FIFO, else nice -20, else none)."""
    global _priority
    if _priority is not None:
        return _priority

    def runs(cmd):
        try:
            return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=TIMEOUT_S, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
    p = runs(["chrt", "-f", "1", "true"])
    if p is not None and p.returncode == 0:
        _priority = (["chrt", "-f", "1"], "SCHED_FIFO")
        return _priority
    # GNU nice runs the command even when it may not lower the niceness (it only warns): ask
    # the niceness the command got
    here, there = runs(["nice"]), runs(["nice", "-n", "-20", "nice"])
    try:
        if here and there and int(there.stdout.strip()) < int(here.stdout.strip()):
            _priority = (["nice", "-n", "-20"], "nice -20")
            return _priority
    except ValueError:
        pass
    _priority = ([], "normal priority")
    return _priority


def norm(out):
    return out if not out or out.endswith("\n") else out + "\n"


def run_node(node, js_path, cwd, runs, boosted=False):
    """[(stdout, exit code)] of `runs` runs of node on js_path (stdin /dev/null)."""
    prefix = priority_prefix()[0] if boosted else []
    res = []
    for _ in range(runs):
        p = subprocess.run(prefix + [node, js_path], cwd=cwd, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT_S, check=False)
        res.append((norm(p.stdout.decode("utf-8", "replace")), p.returncode))
    return res


def target_args(version):
    """loopsim's options for what a program runs on: `--node VERSION` for a Node version
    ("v20.20.2"), the arguments themselves for a list or tuple (("--env", "browser"))."""
    if isinstance(version, (list, tuple)):
        return list(version)
    return ["--node", version.lstrip("v")]


def loopsim_orders(loopsim, scenario, version, extra=()):
    """The set of (lines, exit code) `loopsim orders` lists, or (None, why) if it cannot tell
    (exit 3: the search stopped at --max-paths).  `version`: see target_args."""
    env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1")
    p = subprocess.run([loopsim, "orders", "--format", "json", "--samples", "0"]
                       + target_args(version) + list(extra) + [scenario],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env,
                       timeout=ORDERS_TIMEOUT_S, check=False)
    if p.returncode not in (0, 3):
        return None, f"loopsim orders exited {p.returncode}: {p.stderr.strip()[-200:]}"
    doc = json.loads(p.stdout)
    allowed = {("".join(l + "\n" for l in o["lines"]), o.get("exit_code", 0))
               for o in doc["orders"]}
    if not doc["complete"] or not doc["listed_all"]:
        return allowed, "incomplete"
    return allowed, None


def loopsim_run(loopsim, scenario, version, extra=()):
    """(stdout, exit code) of `loopsim run`, or None if loopsim itself failed."""
    p = subprocess.run([loopsim, "run", "--no-note"] + target_args(version) + list(extra)
                       + [scenario], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                       timeout=ORDERS_TIMEOUT_S, check=False)
    if p.returncode != 0:
        return None
    code = 0
    for line in p.stderr.splitlines():
        if line.startswith("loopsim: the process exits with code "):
            code = int(line.rsplit(" ", 1)[1])
    return norm(p.stdout), code


def slower_machine(loopsim, scenario, version, outputs, deterministic):
    """Rule 4: the largest factor K of SLOWER needed for the model, with every cost K times as
    long, to give each of `outputs` (loopsim run's order for a generated program,
    `deterministic`; one of loopsim orders' else), or None if some output is none of them."""
    left, used = set(outputs), None
    for k in SLOWER:
        extra = ("--slower", str(k))
        if deterministic:
            got = loopsim_run(loopsim, scenario, version, extra)
            given = {got} if got else set()
        else:
            given, _ = loopsim_orders(loopsim, scenario, version, extra)
            given = given or set()
        if left & given:
            used = k
        left -= given
        if not left:
            return used
    return None


class Quiet:
    """Lets a re-run happen alone: workers hold it shared while they run node, a re-run holds
    it exclusively (writers first, so a re-run does not wait forever)."""

    def __init__(self):
        self._cond = threading.Condition()
        self._shared = 0
        self._exclusive = False
        self._waiting = 0

    def shared(self):
        return _Hold(self, False)

    def alone(self):
        return _Hold(self, True)

    def _acquire(self, exclusive):
        with self._cond:
            if exclusive:
                self._waiting += 1
                while self._exclusive or self._shared:
                    self._cond.wait()
                self._waiting -= 1
                self._exclusive = True
            else:
                while self._exclusive or self._waiting:
                    self._cond.wait()
                self._shared += 1

    def _release(self, exclusive):
        with self._cond:
            if exclusive:
                self._exclusive = False
            else:
                self._shared -= 1
            self._cond.notify_all()


class _Hold:
    def __init__(self, q, exclusive):
        self.q, self.exclusive = q, exclusive

    def __enter__(self):
        self.q._acquire(self.exclusive)

    def __exit__(self, *exc):
        self.q._release(self.exclusive)


def judge(node, js_path, cwd, first_runs, allowed, quiet=None, rounds=len(BACKOFF_S),
          slower=None, rerun=None):
    """The gate rule for one program.  `first_runs` are the runs already made; `allowed(out)`
    says whether an output (stdout, exit code) is allowed; `slower(outputs)` is rule 4 (the
    factor K of a slower machine on which the model gives them all, or None); `rerun(n)`, if
    given, makes n more runs and returns their outputs (tools/browser-diff: in Chromium),
    instead of running node on js_path.  Returns
    (verdict, detail):
      ('ok', None)                    every output allowed;
      ('noise', [suspects])           some were not, and none came back when re-run alone;
      ('slow', {'suspects', 'back', 'factor'})  some came back, and the model gives each of them
                                      on a machine 'factor' times slower (rule 4);
      ('fail', {'suspects', 'back'})  an output that is not allowed came back (the re-runs'
                                      outputs that are not allowed are in 'back')."""
    suspects = [o for o in first_runs if not allowed(o)]
    if not suspects:
        return "ok", None
    back = []
    for r in range(rounds):
        time.sleep(BACKOFF_S[min(r, len(BACKOFF_S) - 1)])
        if rerun is not None:
            again = rerun(RUNS)
        elif quiet is not None:
            with quiet.alone():
                again = run_node(node, js_path, cwd, RUNS, boosted=True)
        else:
            again = run_node(node, js_path, cwd, RUNS, boosted=True)
        back = [o for o in again if not allowed(o)]
        if back:
            k = slower(set(suspects) | set(back)) if slower else None
            if k:
                return "slow", {"suspects": suspects, "back": back, "rounds": r + 1,
                                "factor": k}
            return "fail", {"suspects": suspects, "back": back, "rounds": r + 1}
    return "noise", suspects


def oneline(out):
    return " ".join(out.split())
