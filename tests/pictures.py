#!/usr/bin/env python3
"""pictures.py [LOOPSIM [ROOT]] [--update] - pin the pictures loopsim draws of the seed quizzes.

For each seed quiz as written, scenarios/seeds/NAME.js, tests/pictures/NAME.timeline.svg holds
what `loopsim explain --format svg` drew, tests/pictures/NAME.orders.svg what `loopsim orders
--format svg` drew and tests/pictures/NAME.steps.html the page `loopsim explain --format html`
wrote, when a person last looked at them (`--update` rewrites them from the current loopsim, for
review with git diff and a look in a browser).  Besides the bytes, each picture is checked for
what a picture must be whatever its content (docs/pictures.md):

  - it is well-formed XML, one <svg> with no script and no external reference;
  - its ids are unique (the same program gives the same ids: no counter leaks between runs);
  - no two callback boxes of the timeline overlap, and each lies inside the picture;
  - the timeline has one box per callback `loopsim run --format json` traces, and its console
    lists the lines `loopsim run` prints, in order;
  - `loopsim run --format svg` draws what `explain --format svg` draws;
  - the page refers to nothing outside itself, has one step per callback of the trace, each
    queued at a step before it (or its own), and its console is what `loopsim run` prints;
  - the pictures docs/ shows (docs/pictures/SEED.timeline.svg) are the current ones.

Text extents need a browser: tests/pictures_browser.py checks them in headless Chromium.
Prints "ok   NAME" / "FAIL NAME: why", then "N passed, N failed"; exits 1 if anything failed.
"""
import difflib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True

SVG = "{http://www.w3.org/2000/svg}"


def run(loopsim, root, args):
    env = dict(os.environ, LOOPSIM_NO_TIME_BUDGET="1")
    p = subprocess.run([loopsim] + args, cwd=root, env=env, capture_output=True, timeout=600)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def boxes_of(tree):
    out = []
    for rect in tree.iter(SVG + "rect"):
        if "box" in (rect.get("class") or "").split():
            out.append(tuple(float(rect.get(k)) for k in ("x", "y", "width", "height")))
    return out


def overlapping(boxes):
    """The first two boxes that overlap (touching edges do not), or None."""
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    for a_i, a in enumerate(order):
        ax, ay, aw, ah = boxes[a]
        for b in order[a_i + 1:]:
            bx, by, bw, bh = boxes[b]
            if bx >= ax + aw:
                break
            if ay < by + bh and by < ay + ah:
                return boxes[a], boxes[b]
    return None


def structural(text, kind):
    """What every picture must be; a list of problems."""
    problems = []
    try:
        tree = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]
    if tree.tag != SVG + "svg":
        problems.append(f"the root is <{tree.tag}>, not <svg>")
    if any(True for _ in tree.iter(SVG + "script")):
        problems.append("it has a <script>")
    if re.search(r'(href|src)\s*=\s*"(?!#)', text) or "url(http" in text:
        problems.append("it refers to something outside itself")
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        problems.append(f"ids used twice: {dup[:5]}")
    width, height = float(tree.get("width")), float(tree.get("height"))
    boxes = boxes_of(tree)
    if kind == "timeline":
        pair = overlapping(boxes)
        if pair:
            problems.append(f"two boxes overlap: {pair[0]} and {pair[1]}")
    for x, y, w, h in boxes:
        if x < 0 or y < 0 or x + w > width or y + h > height:
            problems.append(f"a box ({x}, {y}, {w}, {h}) is outside the {width}x{height} picture")
            break
    return problems


def page_problems(text, loopsim, root, path):
    """What the step-through page must be: self-contained, its data the run's."""
    problems = []
    if re.search(r'\b(src|href)\s*=\s*"(?!#)', text) or re.search(r"url\(|https?://|@import",
                                                                   text):
        problems.append("it refers to something outside itself")
    ids = re.findall(r'\bid="([^"]+)"', text)
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        problems.append(f"ids used twice: {dup[:5]}")
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
    if not m:
        return problems + ["no data block"]
    data = json.loads(m.group(1))
    _, js, _ = run(loopsim, root, ["run", "--no-note", "--format", "json", path])
    trace = json.loads(js).get("trace", [])
    if len(data["steps"]) != len(trace):
        problems.append(f"{len(data['steps'])} steps for the {len(trace)} callbacks of the trace")
    for i, step in enumerate(data["steps"]):
        if not 0 <= step["queued_at"] <= i:
            problems.append(f"step {i + 1} was queued at step {step['queued_at'] + 1}, after it")
            break
        want = trace[i]["queued_by"] if i < len(trace) else None
        if want is not None and step["queued_at"] < want:
            problems.append(f"step {i + 1} waits from step {step['queued_at'] + 1}, before the "
                            f"callback that queued it (#{want + 1}) ran")
            break
    _, printed, _ = run(loopsim, root, ["run", "--no-note", path])
    shown = [c["text"] for c in data["console"] if not c["err"]]
    if shown != printed.splitlines():
        problems.append(f"the console holds {shown}, loopsim run prints {printed.splitlines()}")
    return problems


def console_lines(text):
    """The lines the timeline's console lists (stdout only), without the numbers and box refs."""
    tree = ET.fromstring(text)
    out = []
    for g in tree.iter(SVG + "g"):
        if g.get("id") != "console":
            continue
        for t in g.iter(SVG + "text"):
            if "out" not in (t.get("class") or "").split():
                continue
            s = "".join(t.itertext())
            title = t.find(SVG + "title")
            if title is not None:  # cut: the whole text is its title
                s = title.text or ""
            m = re.match(r"^\s*\d+  (.*?)(  \(#\d+\))?$", s, re.S)
            out.append(m.group(1) if m else s)
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv[1:]
    root = os.path.abspath(args[1]) if len(args) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    loopsim = os.path.abspath(args[0]) if args else os.path.join(root, "build", "loopsim")
    pictures = os.path.join(root, "tests", "pictures")
    seeds = sorted(f for f in os.listdir(os.path.join(root, "scenarios", "seeds"))
                   if f.endswith(".js"))
    passed = failed = 0

    def verdict(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "\n     ".join(problems))
        else:
            passed += 1
            print(f"ok   {name}")

    for seed in seeds:
        path = f"scenarios/seeds/{seed}"
        base = seed[:-3]
        for kind, cmd in (("timeline", ["explain", "--format", "svg", path]),
                          ("orders", ["orders", "--format", "svg", path]),
                          ("steps", ["explain", "--format", "html", path])):
            name = f"{base}.{kind}.{'html' if kind == 'steps' else 'svg'}"
            rc, out, err = run(loopsim, root, cmd)
            problems = []
            if rc != 0:
                problems.append(f"loopsim {' '.join(cmd)} exited {rc}: {err.strip()}")
            elif kind == "steps":
                problems += page_problems(out, loopsim, root, path)
            else:
                problems += structural(out, kind)
            golden = os.path.join(pictures, name)
            if not problems and update:
                os.makedirs(pictures, exist_ok=True)
                with open(golden, "w", encoding="utf-8") as f:
                    f.write(out)
            elif not problems:
                try:
                    with open(golden, encoding="utf-8") as f:
                        want = f.read()
                except FileNotFoundError:
                    want = None
                if want is None:
                    problems.append(f"no {os.path.relpath(golden, root)} (--update writes it)")
                elif want != out:
                    diff = difflib.unified_diff(want.splitlines(), out.splitlines(), "pinned",
                                                "loopsim", lineterm="", n=1)
                    problems.append("differs from the pinned picture:\n" +
                                    "\n".join(list(diff)[:40]))
            if kind == "timeline" and not problems:
                rc2, printed, _ = run(loopsim, root, ["run", "--no-note", path])
                if console_lines(out) != printed.splitlines():
                    problems.append(f"the console lists {console_lines(out)}, loopsim run "
                                    f"prints {printed.splitlines()}")
                rc3, js, _ = run(loopsim, root, ["run", "--no-note", "--format", "json", path])
                trace = json.loads(js).get("trace", [])
                callbacks = [t for t in trace if t.get("api") != "(queues)"]
                nboxes = len(boxes_of(ET.fromstring(out)))
                if nboxes != len(callbacks):
                    problems.append(f"{nboxes} boxes for the {len(callbacks)} callbacks of the "
                                    "trace")
                rc4, same, _ = run(loopsim, root, ["run", "--format", "svg", path])
                if same != out:
                    problems.append("run --format svg draws another picture than explain "
                                    "--format svg")
            verdict(name, problems)
    shown = os.path.join(root, "docs", "pictures")
    for name in sorted(os.listdir(shown)) if os.path.isdir(shown) else []:
        if not name.endswith(".timeline.svg"):
            continue
        seed = name[:-len(".timeline.svg")] + ".js"
        rc, out, err = run(loopsim, root, ["explain", "--format", "svg", f"scenarios/seeds/{seed}"])
        with open(os.path.join(shown, name), encoding="utf-8") as f:
            same = f.read() == out
        verdict(f"docs/pictures/{name}", [] if rc == 0 and same else
                [f"not what loopsim explain --format svg scenarios/seeds/{seed} draws now (copy "
                 f"tests/pictures/{name} there)"])
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
