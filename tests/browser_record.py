#!/usr/bin/env python3
"""browser_record.py [ROOT] - the browser's recorder (tools/lib/chromium.py) on three tiny
programs, in real headless Chromium, once each.

The test writes the programs into a temporary directory, runs each once through the runner
tools/record-expected --env browser and tools/browser-diff use (one Chromium process, a local
HTTP server on 127.0.0.1: no network), and checks the console lines recorded:

  - a classic script that logs synchronously, with a string, a number, an object and an
    array, and a console.error: four lines, formatted as console.log formats them;
  - setTimeout(0) against Promise.then: the promise's reaction first (a microtask, run at the
    end of the script), then the timer, then an uncaught error thrown by a second timer,
    recorded as Chromium's console shows it ("Uncaught Error: boom");
  - a module script (.mjs: <script type="module">), which runs after the document is parsed
    and may await at its top level.

Also checks the page template (tools/lib/chromium.py page_of: "</script" escaped) and the rule
for how long a run waits (quiet_ms).  Skipped (exit 77, with the reason) when there is no
chromium or it cannot be started, or when it cannot finish a page here now (a run cut, a crash,
no answer in time: a loaded machine, not a wrong recording; any wrong output still fails).
Writes nothing into the repository.
"""
import os
import sys
import tempfile
import time

sys.dont_write_bytecode = True
ROOT = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else \
    os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools", "lib"))
import chromium  # noqa: E402

PROGRAMS = {
    "sync.js": (
        "console.log('one');\n"
        "console.log('two', 2, {a: 1, b: 'x'}, [1, 2]);\n"
        "console.error('three');\n"
        "console.log('</script> four');\n",
        "one\ntwo 2 { a: 1, b: 'x' } [ 1, 2 ]\nthree\n</script> four\n"),
    "timeout-promise.js": (
        "setTimeout(() => console.log('timeout'), 0);\n"
        "Promise.resolve().then(() => console.log('then'));\n"
        "setTimeout(() => { throw new Error('boom'); }, 20);\n"
        "console.log('script');\n",
        "script\nthen\ntimeout\nUncaught Error: boom\n"),
    "module.mjs": (
        "console.log('module', document.readyState);\n"
        "await null;\n"
        "console.log('after await', typeof import.meta.url);\n",
        "module interactive\nafter await string\n"),
}


def main():
    failed = passed = 0

    def verdict(name, ok, why=""):
        nonlocal failed, passed
        if ok:
            passed += 1
            print(f"ok   {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {why}")

    page = chromium.page_of("x.js", b"a('</SCRIPT>')")[1]
    verdict("page template", page == b"<!doctype html><html><head><meta charset=utf-8></head>"
            b"<body><script>\na('<\\/SCRIPT>')\n</script></body></html>\n", repr(page))
    verdict("quiet rule", (chromium.quiet_ms(b"setTimeout(f, 0)"), chromium.quiet_ms(
        b"setTimeout(f, 2000)"), chromium.quiet_ms(b"x = 1e9")) == (1000, 2500, 10500))

    path = chromium.find_chromium()
    if not path:
        print("skipped: no chromium on PATH (as root: apt-get install -y chromium; "
              "tools/lib/setup.sh loopsim_install_chromium)")
        return 77
    try:
        browser = chromium.Chromium(path)
    except chromium.ChromiumError as e:
        print(f"skipped: chromium cannot be started: {e}")
        return 77
    print(f"# chromium {browser.version}")
    trouble = []
    with tempfile.TemporaryDirectory(prefix="browser-record-") as tmp:
        try:
            for name, (source, want) in PROGRAMS.items():
                file = os.path.join(tmp, name)
                with open(file, "w", encoding="utf-8") as f:
                    f.write(source)
                t = time.monotonic()
                r = browser.run(file)
                took = time.monotonic() - t
                if r.cut or r.crashed:
                    # the machine, not the recorder: too loaded for Chromium to finish a page
                    # in time, or its renderer died (the verdict must not depend on load)
                    trouble.append(f"{name}: " + ("the run was cut" if r.cut
                                                  else "the renderer crashed"))
                else:
                    verdict(f"{name} ({took:.1f} s)", r.output == want,
                            f"recorded {r.output!r}, expected {want!r}")
        except chromium.ChromiumError as e:
            trouble.append(f"chromium: {e}")
        finally:
            browser.close()
    print(f"{passed} passed, {failed} failed")
    if failed:
        return 1
    if trouble:
        print("skipped: Chromium could not finish here now (" + "; ".join(trouble) + ")")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
