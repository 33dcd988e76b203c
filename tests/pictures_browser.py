#!/usr/bin/env python3
"""pictures_browser.py [LOOPSIM [ROOT]] [--keep DIR] - the pictures, as headless Chromium shows them.

tests/pictures.py pins the bytes of the seed quizzes' pictures and checks their geometry from
the attributes; what only a browser knows is how wide the text is in the font it picks.  This
test draws every seed quiz's timeline (`explain --format svg`) and orders (`orders --format
svg`) afresh, puts them in one page with a script that measures the rendered elements
(getBBox), loads it in headless Chromium (`--dump-dom`: the script's verdict is written into the
page), and checks:

  - no two callback boxes overlap (timeline), and no box leaves the picture;
  - every text of a callback box lies inside its box, every line of an order inside its column,
    and every text inside the picture (a text that runs out was cut too late);
  - the console of the timeline, as rendered, lists the lines `loopsim run` prints.

Each seed quiz's step-through page (`explain --format html`) is loaded too, with a script added
at its end that steps it through its own controls (clicking "next" until the page disables it)
and reads the page at every step.  At the last step the console must be what `loopsim run`
prints, the callback's words and the snapshot of the queues must be what `loopsim explain`
says (the same words, whatever the wrapping); at every step, what the page shows waiting in
each queue must be the callbacks the trace (`run --format json`, "queued_by") says were queued
before that step and run after it.

It also takes a screenshot of each picture and of each page at its last step (kept with --keep
DIR, for a person to look at) and checks that Chromium wrote one.  Chromium is the Debian package (tools/test installs it); where
it cannot be had the test is skipped (exit 77) with the reason.  Nothing is written inside the
repository: the pages and screenshots go to a temporary directory unless --keep names one.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

CHECK_SCRIPT = r"""
const out = [];
const EPS = 0.75;
function inside(a, b) {  /* a within b */
  return a.x >= b.x - EPS && a.y >= b.y - EPS && a.x + a.width <= b.x + b.width + EPS &&
         a.y + a.height <= b.y + b.height + EPS;
}
for (const fig of document.querySelectorAll('figure')) {
  const name = fig.dataset.name, kind = fig.dataset.kind;
  const svg = fig.querySelector('svg');
  const whole = {x: 0, y: 0, width: +svg.getAttribute('width'), height: +svg.getAttribute('height')};
  const problems = [];
  const boxes = [...svg.querySelectorAll('rect.box')].map(r => r.getBBox());
  if (kind === 'timeline') {
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
          problems.push(`boxes ${i + 1} and ${j + 1} overlap`);
      }
    for (const g of svg.querySelectorAll('g[id^="cb-"]')) {
      const box = g.querySelector('rect.box').getBBox();
      for (const t of g.querySelectorAll('text'))
        if (!inside(t.getBBox(), box))
          problems.push(`${g.id}: the text "${t.textContent}" runs out of its box`);
    }
  } else {
    for (const g of svg.querySelectorAll('g[id^="order-"]')) {
      const col = g.querySelector('rect.box').getBBox();
      for (const t of g.querySelectorAll('text')) {
        const b = t.getBBox();
        if (b.x < col.x - EPS || b.x + b.width > col.x + col.width + EPS)
          problems.push(`${g.id}: the text "${t.textContent}" runs out of its column`);
      }
    }
  }
  for (const b of boxes)
    if (!inside(b, whole)) problems.push('a box leaves the picture');
  for (const t of svg.querySelectorAll('text'))
    if (!inside(t.getBBox(), whole)) problems.push(`the text "${t.textContent}" leaves the picture`);
  const console = [...svg.querySelectorAll('#console text.out')].map(t => {
    const title = t.querySelector('title');
    const s = title ? title.textContent : t.textContent;
    const m = s.match(/^\s*\d+  ([\s\S]*?)(  \(#\d+\))?$/);
    return m ? m[1] : s;
  });
  out.push({name, kind, boxes: boxes.length, texts: svg.querySelectorAll('text').length,
            console, problems: problems.slice(0, 10)});
}
document.getElementById('result').textContent = JSON.stringify(out);
"""


STEP_SCRIPT = r"""
(() => {
  const next = document.getElementById('next');
  const seen = [];
  const read = () => ({
    count: document.getElementById('step-count').textContent,
    queues: [...document.querySelectorAll('#queues .q')].map(q =>
      [q.dataset.lane, [...q.querySelectorAll('li')].map(li => li.textContent)]),
    lit: [...document.querySelectorAll('.phase.lit')].map(p => p.textContent)});
  seen.push(read());
  let clicks = 0;
  while (!next.disabled && clicks < 100000) { next.click(); clicks++; seen.push(read()); }
  const r = {clicks, seen,
    steps: JSON.parse(document.getElementById('data').textContent).steps.length,
    console: [...document.querySelectorAll('#console li')].map(li =>
      ({err: li.classList.contains('err'), text: li.textContent})),
    words: document.getElementById('callback-words').textContent,
    snapshot: document.getElementById('snapshot').textContent};
  const pre = document.createElement('pre');
  pre.id = 'verdict';
  pre.hidden = true;
  pre.textContent = JSON.stringify(r);
  document.body.appendChild(pre);
})();
"""


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def expected_waiting(trace, k):
    """From the trace: the callbacks queued before step k (0-based) and run after it, by lane."""
    out = {}
    for j, t in enumerate(trace):
        if j <= k:
            continue
        at = t.get("queued_by")
        if t["api"] == "setInterval":  # a later run waits from the interval's previous run
            for p in range(j - 1, -1, -1):
                if trace[p]["api"] == t["api"] and trace[p]["label"] == t["label"]:
                    at = p if at is None or p > at else at
                    break
        if at is None or at >= k:
            continue
        out.setdefault(j, True)
    return sorted(out)


def check_page(chromium, loopsim, root, work, shots, base, path):
    """The step-through page of one seed; a list of problems."""
    rc, page, err = run_loopsim(loopsim, root, ["explain", "--format", "html", path])
    if rc != 0:
        return [f"loopsim explain --format html exited {rc}: {err.strip()}"]
    stepped = page.replace("</body>", "<script>" + STEP_SCRIPT + "</script>\n</body>")
    file = os.path.join(work, base + ".steps.html")
    with open(file, "w", encoding="utf-8") as f:
        f.write(stepped)
    p = subprocess.run(chromium_cmd(chromium, "--dump-dom", "file://" + file),
                       capture_output=True, timeout=300)
    m = re.search(r'<pre id="verdict" hidden="">(.*?)</pre>', p.stdout.decode("utf-8", "replace"),
                  re.S)
    if not m:
        return ["the page's verdict is missing (did its script run?)"]
    r = json.loads(html.unescape(m.group(1)))
    problems = []
    if r["clicks"] != r["steps"] - 1:
        problems.append(f"'next' went {r['clicks']} times for {r['steps']} steps")
    if r["seen"][-1]["count"] != f"step {r['steps']} of {r['steps']}":
        problems.append(f"the last step reads '{r['seen'][-1]['count']}'")
    _, printed, _ = run_loopsim(loopsim, root, ["run", "--no-note", path])
    shown = [c["text"] for c in r["console"] if not c["err"]]
    if shown != printed.splitlines():
        problems.append(f"the console at the last step is {shown}, loopsim run prints "
                        f"{printed.splitlines()}")
    env_nc = dict(os.environ, NO_COLOR="1", LOOPSIM_NO_TIME_BUDGET="1")
    ex = subprocess.run([loopsim, "explain", path], cwd=root, env=env_nc, capture_output=True,
                        timeout=600).stdout.decode("utf-8")
    walk = squash(ex)
    if squash(r["words"]) not in walk:
        problems.append(f"the last step's words '{r['words']}' are not explain's")
    if squash(r["snapshot"]) not in walk:
        problems.append(f"the snapshot '{r['snapshot']}' is not explain's")
    _, js, _ = run_loopsim(loopsim, root, ["run", "--no-note", "--format", "json", path])
    trace = json.loads(js)["trace"]
    for k, seen in enumerate(r["seen"]):
        got = sorted(int(re.search(r"\(#(\d+)\)$", item).group(1)) - 1
                     for _, items in seen["queues"] for item in items)
        want = expected_waiting(trace, k)
        if got != want:
            problems.append(f"step {k + 1}: the page shows steps {[g + 1 for g in got]} waiting, "
                            f"the trace says {[w + 1 for w in want]}")
            break
        if len(seen["lit"]) != 1:
            problems.append(f"step {k + 1}: {len(seen['lit'])} phases lit")
            break
    shot = os.path.join(shots, base + ".steps.png")
    subprocess.run(chromium_cmd(chromium, f"--screenshot={shot}", "--window-size=1400,1100",
                                "file://" + file), capture_output=True, timeout=300)
    if not os.path.exists(shot) or os.path.getsize(shot) < 1000:
        problems.append("Chromium wrote no screenshot")
    return problems


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_cmd(chromium, *args):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + PROFILE] + list(args)


PROFILE = ""


def run_loopsim(loopsim, root, args):
    env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1")
    p = subprocess.run([loopsim] + args, cwd=root, env=env, capture_output=True, timeout=600)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def main():
    global PROFILE
    argv = sys.argv[1:]
    keep = None
    if "--keep" in argv:
        i = argv.index("--keep")
        keep = os.path.abspath(argv[i + 1])
        del argv[i:i + 2]
    root = os.path.abspath(argv[1]) if len(argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    loopsim = os.path.abspath(argv[0]) if argv else os.path.join(root, "build", "loopsim")
    chromium = find_chromium()
    if not chromium:
        print("skipped: no chromium on PATH (tools/test installs the Debian package chromium as "
              "root; install it to run this test)")
        return 77
    work = tempfile.mkdtemp(prefix="loopsim-pictures-")
    PROFILE = os.path.join(work, "profile")
    shots = keep or os.path.join(work, "shots")
    os.makedirs(shots, exist_ok=True)
    try:
        v = subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=60)
        print(f"# {v.stdout.strip() or chromium}")
    except (OSError, subprocess.SubprocessError) as e:
        print(f"skipped: {chromium} --version failed: {e}")
        return 77

    seeds = sorted(f for f in os.listdir(os.path.join(root, "scenarios", "seeds"))
                   if f.endswith(".js"))
    figures, expected_console, failed, passed = [], {}, 0, 0
    for seed in seeds:
        path = f"scenarios/seeds/{seed}"
        base = seed[:-3]
        for kind, cmd in (("timeline", ["explain", "--format", "svg", path]),
                          ("orders", ["orders", "--format", "svg", path])):
            rc, svg, err = run_loopsim(loopsim, root, cmd)
            name = f"{base}.{kind}"
            if rc != 0:
                print(f"FAIL {name}: loopsim exited {rc}: {err.strip()}")
                failed += 1
                continue
            with open(os.path.join(work, name + ".svg"), "w", encoding="utf-8") as f:
                f.write(svg)
            body = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
            figures.append(f'<figure data-name="{name}" data-kind="{kind}">{body}</figure>')
            if kind == "timeline":
                _, printed, _ = run_loopsim(loopsim, root, ["run", "--no-note", path])
                expected_console[name] = printed.splitlines()
    page = os.path.join(work, "check.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n")
        f.write("\n".join(figures))
        f.write("\n<pre id=\"result\"></pre>\n<script>" + CHECK_SCRIPT + "</script></body></html>\n")
    p = subprocess.run(chromium_cmd(chromium, "--dump-dom", "file://" + page),
                       capture_output=True, timeout=300)
    dom = p.stdout.decode("utf-8", "replace")
    m = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    if not m or not m.group(1).strip():
        print("FAIL chromium: the page's verdict is missing (exit %d): %s" %
              (p.returncode, p.stderr.decode("utf-8", "replace")[-600:]))
        return 1
    results = json.loads(html.unescape(m.group(1)))
    for r in results:
        problems = list(r["problems"])
        if r["kind"] == "timeline" and r["console"] != expected_console.get(r["name"]):
            problems.append(f"the console reads {r['console']}, loopsim run prints "
                            f"{expected_console.get(r['name'])}")
        if r["boxes"] == 0:
            problems.append("no box was drawn")
        shot = os.path.join(shots, r["name"] + ".png")
        svg_path = os.path.join(work, r["name"] + ".svg")
        with open(svg_path, encoding="utf-8") as f:
            head = f.read(400)
        size = re.search(r'width="(\d+)" height="(\d+)"', head)
        w, h = (int(size.group(1)), int(size.group(2))) if size else (1200, 800)
        subprocess.run(chromium_cmd(chromium, f"--screenshot={shot}",
                                    f"--window-size={min(w, 16000)},{min(h, 16000)}",
                                    "file://" + svg_path),
                       capture_output=True, timeout=300)
        if not os.path.exists(shot) or os.path.getsize(shot) < 1000:
            problems.append("Chromium wrote no screenshot")
        if problems:
            failed += 1
            print(f"FAIL {r['name']}: " + "\n     ".join(problems))
        else:
            passed += 1
            print(f"ok   {r['name']} ({r['boxes']} boxes, {r['texts']} texts"
                  f"{', screenshot ' + shot if keep else ''})")
    for seed in seeds:
        base = seed[:-3]
        problems = check_page(chromium, loopsim, root, work, shots, base,
                              f"scenarios/seeds/{seed}")
        if problems:
            failed += 1
            print(f"FAIL {base}.steps: " + "\n     ".join(problems))
        else:
            passed += 1
            print(f"ok   {base}.steps{' (screenshot in ' + shots + ')' if keep else ''}")
    if len(results) != len(figures):
        print(f"FAIL chromium: {len(results)} verdicts for {len(figures)} pictures")
        failed += 1
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
