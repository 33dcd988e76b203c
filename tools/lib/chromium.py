"""tools/lib/chromium.py - run a JavaScript program or a page in real headless Chromium and record
the console lines it prints, in order (tools/record-expected --env browser, tools/browser-diff,
tests/browser_record.py; docs/differential-testing.md, "The browser").

The browser
    One Chromium process per tool run (the Debian package's `chromium`; `--headless` (the new
    headless mode: a real browser without a window), `--no-sandbox` (needed as root),
    `--disable-gpu`, a temporary profile), driven over the DevTools protocol through
    `--remote-debugging-pipe`: file descriptor 3 carries our commands to it, 4 its answers and
    events, each message a JSON text ended by a NUL byte.  No virtual time, no throttling flags:
    timers, frames and tasks run at the speed of the machine, as for a user.  With a priority
    prefix (tools/lib/live.py priority_prefix: `chrt -f 1` or `nice -n -20`) every process of the
    browser runs at that priority (they inherit it).

The page
    The program is served by a small HTTP server on 127.0.0.1 (a random port, in a thread of
    the tool; every answer carries `Cache-Control: no-store`), because module scripts do not
    load from file://.  Each run gets a fresh browser context (no cache, no storage shared
    with another run) and a fresh page in it, navigated from about:blank to the program's page:

      NAME.js   (a classic script) is served as http://127.0.0.1:PORT/rN/index.html:
                    <!doctype html><html><head><meta charset=utf-8></head><body><script>
                    PROGRAM</script></body></html>
                (one inline classic script, so the HTML parser evaluates it; a newline after
                "<script>", and one at the program's end if it has none: line L of the program
                is line L + 1 of the page); every "</script" in the program
                (any case) is written "<\\/script", which reads the same inside a string, a
                template or a regular expression.  ("<!--" in a classic script is an HTML-like
                comment in the page as in any browser script; a program should not use it.)
      NAME.mjs  (a module script) the same, with <script type="module"> (an inline module
                script is deferred: it runs when the document has been parsed).
      NAME.html (a whole page) is served as it is, as http://127.0.0.1:PORT/rN/NAME.html; any
                other file the page asks for (a script's src=) is served from the program's
                directory, so such files belong in a subdirectory of it (NAME.files/...); a
                file that is not there gets a 404.

When a run ends
    When no console line has come for QUIET ms after the load event (the later of the load
    event and the last line): QUIET is 1000 ms, or, if the program's largest numeric literal
    (anywhere in its text but the lines that are only a // comment, capped at 10000) is larger
    than 500 (a setTimeout(..., 2000)), that number + 500 ms.  A run is cut after 15 s + QUIET
    whatever happens, and then marked as cut (the callers refuse to record it).  Nothing is injected into the page for this.

What is recorded
    The console as the user sees it, in order, one text per line:
      - every console call: log, info, debug, warn, error, dir, dirxml, table, trace, assert
        (only when it fails), count, timeEnd/timeLog, group/groupCollapsed (their label; the
        lines inside a group are indented by two spaces per level, as Node does); clear,
        profile and groupEnd print nothing.  The arguments are formatted as console.log formats
        them: a string as it is, a number as JavaScript prints it (-0, NaN, 1e+21, 10n), and
        %s %d %i %f %o %O %c in a first string argument are substituted; objects minimally,
        in Node's manner, from the preview Chromium sends: { a: 1, b: 'x' }, [ 1, 2 ],
        Foo { a: 1 }, Map(1) { 'a' => 1 }, Promise { <pending> }, nested objects as [Object]
        and [Array], a function as [Function: f] ([class A]), an error as its first lines
        ("Error: boom": the stack is left out);
      - every uncaught exception, as Chromium's console shows it: "Uncaught Error: boom",
        "Uncaught (in promise) Error: nope", "Uncaught 42" (no stack); a syntax error of the
        program too ("Uncaught SyntaxError: ...").  An unhandled rejection that gets a handler
        later (Runtime.exceptionRevoked) is taken out again, as the console takes it away.
    Network errors (a 404) and Chromium's own warnings are not console API calls and are not
    recorded.  A line with a newline in it is several lines.  The output of a run is the lines
    joined, each ended by "\\n", like Node's stdout.
"""
import fcntl
import http.server
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import threading
import time

DEFAULT_QUIET_MS = 1000
BIG_NUMBER = 500          # a program with a literal above this waits that long + QUIET_EXTRA
QUIET_EXTRA_MS = 500
QUIET_CAP_MS = 10000
HARD_CAP_S = 15.0
START_TIMEOUT_S = 60      # a hang guard for the browser's answers, not a timing assertion
EXTENSIONS = (".js", ".mjs", ".html")

PAGE_HEAD = b"<!doctype html><html><head><meta charset=utf-8></head><body>"
PAGE_TAIL = b"</script></body></html>\n"


class ChromiumError(Exception):
    """The browser could not be started, died, or did not answer."""


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def chromium_version(path):
    """'156.0.8078.114' from `chromium --version` ('Chromium 156.0.8078.114 built on ...'),
    or raises ChromiumError."""
    try:
        p = subprocess.run([path, "--version"], stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=START_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ChromiumError(f"cannot run {path} --version: {e}") from e
    m = re.search(r"(\d+\.\d+\.\d+\.\d+)", p.stdout)
    if p.returncode != 0 or not m:
        raise ChromiumError(f"{path} --version exited {p.returncode}: {p.stdout.strip()}"
                            f" {p.stderr.strip()[-200:]}")
    return m.group(1)


def page_of(path, source=None):
    """(file name the page is served as, bytes of the page) for a program file."""
    if source is None:
        with open(path, "rb") as f:
            source = f.read()
    name = os.path.basename(path)
    if name.endswith(".html"):
        return name, source
    if name.endswith(".mjs"):
        open_tag = b'<script type="module">'
    elif name.endswith(".js"):
        open_tag = b"<script>"
    else:
        raise ValueError(f"{name}: not a .js, .mjs or .html program")
    body = re.sub(rb"</(script)", rb"<\\/\1", source, flags=re.I)
    if not body.endswith(b"\n"):
        body += b"\n"
    return "index.html", PAGE_HEAD + open_tag + b"\n" + body + PAGE_TAIL


NUMBER_RE = re.compile(rb"(?<![\w$.])(\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?)")


def quiet_ms(source):
    """How long a run waits for a console line before it ends (see the module's docstring)."""
    biggest = 0.0
    # a line that is only a comment (the corpus's "// Source: URL, commit HASH" header) says
    # nothing about the program's delays
    code = b"\n".join(line for line in source.split(b"\n")
                      if not line.lstrip().startswith(b"//"))
    for m in NUMBER_RE.finditer(code):
        try:
            biggest = max(biggest, float(m.group(1).replace(b"_", b"")))
        except ValueError:
            continue
    if biggest > BIG_NUMBER:
        return int(min(biggest, QUIET_CAP_MS)) + QUIET_EXTRA_MS
    return DEFAULT_QUIET_MS


# ---------------------------------------------------------------- formatting console arguments

def _quote(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def _function_name(desc):
    m = re.match(r"\s*class\s+([\w$]+)", desc)
    if m:
        return f"[class {m.group(1)}]"
    if re.match(r"\s*class\b", desc):
        return "[class (anonymous)]"
    m = re.match(r"\s*(async\s+)?function\s*\*?\s*([\w$]+)", desc)
    if m:
        return f"[{'AsyncFunction' if m.group(1) else 'Function'}: {m.group(2)}]"
    return "[Function (anonymous)]"


def _error_text(desc):
    """An error's description without its stack frames."""
    lines = desc.split("\n")
    keep = []
    for line in lines:
        if re.match(r"\s+at\s", line):
            break
        keep.append(line)
    return "\n".join(keep) if keep else desc


def _preview_value(p):
    """A property of a preview (type, subtype, value) as Node shows a nested value."""
    t, sub, v = p.get("type"), p.get("subtype"), p.get("value", "")
    if t == "string":
        return _quote(v)
    if t in ("number", "boolean", "bigint", "symbol", "undefined"):
        return v if v else t
    if t == "function":
        return "[Function]" if not v.startswith("class") else "[class]"
    if t == "object":
        if sub == "null":
            return "null"
        if sub == "array":
            return "[Array]"
        if sub == "error":
            return f"[{v.split(':')[0] or 'Error'}]"
        if p.get("valuePreview"):
            return "[Object]"
        return "[Object]" if v in ("Object", "") else f"[{v}]"
    return v or t


def _prop_name(name):
    return name if re.fullmatch(r"[A-Za-z_$][\w$]*", name) else _quote(name)


def _object(o):
    sub, desc, cls = o.get("subtype"), o.get("description", ""), o.get("className", "")
    if sub == "null":
        return "null"
    if sub == "error":
        return _error_text(desc)
    if sub in ("regexp", "date"):
        return desc
    if sub == "node":
        return desc
    prev = o.get("preview") or {}
    props = prev.get("properties", [])
    more = [" ..."] if prev.get("overflow") else []
    if sub == "array":
        items = []
        expect = 0
        for p in props:
            if p["name"].isdigit():
                idx = int(p["name"])
                if idx > expect:
                    items.append(f"<{idx - expect} empty item{'s' if idx - expect > 1 else ''}>")
                items.append(_preview_value(p))
                expect = idx + 1
            else:
                items.append(f"{_prop_name(p['name'])}: {_preview_value(p)}")
        body = ", ".join(items) + ("," if more and items else "") + ("".join(more))
        return "[ " + body.strip() + " ]" if body.strip() else "[]"
    if sub in ("map", "set", "weakmap", "weakset"):
        entries = prev.get("entries", [])
        parts = []
        for e in entries:
            val = e.get("value", {})
            v = _object_preview(val)
            if "key" in e:
                parts.append(f"{_object_preview(e['key'])} => {v}")
            else:
                parts.append(v)
        head = desc
        if sub in ("weakmap", "weakset"):
            return f"{cls} {{ <items unknown> }}"
        return head + (" { " + ", ".join(parts) + (" ..." if prev.get("overflow") else "")
                       + " }" if parts else " {}")
    if sub == "promise":
        state = next((p.get("value") for p in props if p["name"] == "[[PromiseState]]"), None)
        result = next((p for p in props if p["name"] == "[[PromiseResult]]"), None)
        if state == "pending" or result is None:
            return "Promise { <pending> }"
        inner = _preview_value(result)
        return "Promise { " + ("<rejected> " if state == "rejected" else "") + inner + " }"
    items = [f"{_prop_name(p['name'])}: {_preview_value(p)}" for p in props
             if not p["name"].startswith("[[")]
    prefix = "" if cls in ("Object", "") else (cls + " ")
    if not items:
        return prefix + ("{ ... }" if more else "{}")
    return prefix + "{ " + ", ".join(items) + ("".join(more)) + " }"


def _object_preview(p):
    """An entry of a map's or set's preview (an ObjectPreview) as Node shows it."""
    t = p.get("type")
    if t == "string":
        return _quote(p.get("description", ""))
    if t == "object" and p.get("subtype") not in ("null",):
        return "[Object]" if p.get("subtype") != "array" else "[Array]"
    return p.get("description", t)


def format_value(o, top=True):
    """A Runtime.RemoteObject as console.log prints it (a string as it is at the top level)."""
    t = o.get("type")
    if t == "string":
        return o.get("value", "") if top else _quote(o.get("value", ""))
    if t == "undefined":
        return "undefined"
    if t in ("number", "bigint"):
        if "unserializableValue" in o:
            return o["unserializableValue"]
        return o.get("description", str(o.get("value")))
    if t == "boolean":
        return "true" if o.get("value") else "false"
    if t == "symbol":
        return o.get("description", "Symbol()")
    if t == "function":
        return _function_name(o.get("description", ""))
    if t == "object":
        return _object(o)
    return o.get("description", str(o.get("value", t)))


FORMAT_RE = re.compile(r"%[sdifoOc%]")


def format_args(args):
    """The console line of a console call's arguments (format specifiers in a first string
    argument substituted, the rest joined by spaces)."""
    if not args:
        return ""
    rest = list(args)
    out = []
    if args[0].get("type") == "string" and "%" in args[0].get("value", "") and len(args) > 1:
        fmt = args[0]["value"]
        rest = list(args[1:])
        pieces = []
        pos = 0
        for m in FORMAT_RE.finditer(fmt):
            pieces.append(fmt[pos:m.start()])
            pos = m.end()
            spec = m.group(0)
            if spec == "%%":
                pieces.append("%")
                continue
            if not rest:
                pieces.append(spec)
                continue
            a = rest.pop(0)
            if spec == "%c":
                continue
            if spec in ("%d", "%i"):
                if a.get("type") == "number" and isinstance(a.get("value"), (int, float)):
                    v = a["value"]
                    pieces.append(str(int(v)) if v == v and abs(v) != float("inf") else "NaN")
                elif a.get("type") == "bigint":
                    pieces.append(format_value(a))
                else:
                    pieces.append("NaN" if a.get("type") != "number" else format_value(a))
            elif spec == "%f":
                pieces.append(format_value(a) if a.get("type") == "number" else "NaN")
            elif spec == "%s":
                pieces.append(format_value(a, top=True))
            else:
                pieces.append(format_value(a, top=False))
        pieces.append(fmt[pos:])
        out.append("".join(pieces))
    out += [format_value(a, top=True) for a in rest]
    return " ".join(out)


def exception_line(details):
    """Runtime.exceptionThrown's details as Chromium's console shows them, without the stack."""
    text = details.get("text", "Uncaught")
    exc = details.get("exception")
    if exc is None:
        return text
    if exc.get("type") == "object" and exc.get("subtype") == "error":
        shown = _error_text(exc.get("description", ""))
    elif exc.get("type") == "string":
        shown = exc.get("value", "")
    else:
        shown = format_value(exc, top=False)
    return f"{text} {shown}" if shown else text


SILENT = {"clear", "profile", "profileEnd", "endGroup"}


class Console:
    """Collects the lines of one page's console."""

    def __init__(self):
        self.entries = []   # [exception id or None, [lines]]
        self.depth = 0

    def add(self, text, exception_id=None):
        pad = "  " * self.depth
        self.entries.append([exception_id, [pad + line for line in text.split("\n")]])

    def console_call(self, params):
        kind = params.get("type", "log")
        args = params.get("args", [])
        if kind == "endGroup":
            self.depth = max(0, self.depth - 1)
            return
        if kind in SILENT:
            return
        text = format_args(args)
        if kind == "assert":
            text = "Assertion failed" + (": " + text if text else "")
        elif kind == "trace" and not text:
            text = "console.trace"
        elif kind in ("startGroup", "startGroupCollapsed"):
            self.add(text or "console.group")
            self.depth += 1
            return
        self.add(text)

    def exception(self, params):
        details = params.get("exceptionDetails", {})
        self.add(exception_line(details), details.get("exceptionId"))

    def revoke(self, params):
        """A rejection that was reported unhandled got a handler later: Chromium's console
        takes its line away again, and so does the record."""
        self.entries = [e for e in self.entries
                        if e[0] is None or e[0] != params.get("exceptionId")]

    def output(self):
        return "".join(line + "\n" for _, lines in self.entries for line in lines)


# ---------------------------------------------------------------- the server

class _Handler(http.server.SimpleHTTPRequestHandler):
    server_version = "loopsim-record"

    def log_message(self, *args):  # quiet
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def translate_path(self, path):
        # /rN/FILE: the page of run N (its directory), else the program's own directory
        parts = path.split("?", 1)[0].split("#", 1)[0].lstrip("/").split("/", 1)
        runs = self.server.runs
        if len(parts) == 2 and parts[0] in runs:
            page_dir, fallback = runs[parts[0]]
            rest = os.path.normpath("/" + parts[1]).lstrip("/")
            for base in (page_dir, fallback):
                if base:
                    cand = os.path.join(base, rest)
                    if os.path.exists(cand):
                        return cand
            return os.path.join(page_dir, rest)
        return os.path.join(self.server.root, "nothing-here")


class Server:
    """An HTTP server on 127.0.0.1 (random port) in a thread, serving each run's page."""

    def __init__(self, root):
        self.root = root
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.root = root
        self.httpd.runs = {}
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.n = 0

    def add(self, program_path, source=None):
        """Writes the page of a program for a new run; returns its URL."""
        self.n += 1
        key = f"r{self.n}"
        d = os.path.join(self.root, key)
        os.makedirs(d)
        name, page = page_of(program_path, source)
        with open(os.path.join(d, name), "wb") as f:
            f.write(page)
        fallback = os.path.dirname(os.path.abspath(program_path)) if name.endswith(".html") \
            and name != "index.html" else None
        self.httpd.runs[key] = (d, fallback)
        return f"http://127.0.0.1:{self.port}/{key}/{name}", key

    def drop(self, key):
        d, _ = self.httpd.runs.pop(key, (None, None))
        if d:
            shutil.rmtree(d, ignore_errors=True)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------- the browser

class Run:
    """The result of one run: output (the lines, each ended by a newline), cut (the hard cap
    ended it), seconds (from the navigation to the end), crashed (the page's renderer died)."""

    def __init__(self, output, cut, seconds, crashed=False):
        self.output, self.cut, self.seconds, self.crashed = output, cut, seconds, crashed


class Chromium:
    """One headless Chromium process, driven over --remote-debugging-pipe.

        with Chromium(prefix=["chrt", "-f", "1"]) as b:
            run = b.run("scenarios/browser/x.js")     # a Run
    """

    def __init__(self, path=None, prefix=(), hard_cap_s=HARD_CAP_S):
        self.path = path or find_chromium()
        if not self.path:
            raise ChromiumError("no chromium on PATH (as root: apt-get install -y chromium)")
        self.version = chromium_version(self.path)
        self.prefix = list(prefix)
        self.hard_cap_s = hard_cap_s
        self.tmp = tempfile.mkdtemp(prefix="loopsim-chromium-")
        self.proc = None
        self.server = None
        self._id = 0
        self._buf = b""
        self._start()

    def _start(self):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # the child's ends at fds >= 10 first, so that moving them to 3 and 4 clobbers nothing
        child_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        child_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def wire():
            os.dup2(child_r, 3)
            os.dup2(child_w, 4)

        cmd = self.prefix + [
            self.path, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=" + os.path.join(self.tmp, "profile"), "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-component-update",
            "--disable-background-networking", "--disable-sync", "--mute-audio",
            "--disable-dev-shm-usage", "--window-size=800,600", "about:blank"]
        self.log_path = os.path.join(self.tmp, "chromium.log")
        with open(self.log_path, "wb") as log:
            try:
                self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                             stdout=subprocess.DEVNULL, stderr=log,
                                             preexec_fn=wire, pass_fds=(3, 4),
                                             start_new_session=True)
            except OSError as e:
                raise ChromiumError(f"cannot start {self.path}: {e}") from e
            finally:
                os.close(child_r)
                os.close(child_w)
        self._w, self._r = to_browser_w, from_browser_r
        try:
            self.product = self.call("Browser.getVersion")["product"]
        except ChromiumError:
            self.close()
            raise
        self.server = Server(os.path.join(self.tmp, "www"))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.server:
            self.server.close()
            self.server = None
        if self.proc and self.proc.poll() is None:
            try:
                self.send("Browser.close")
                self.proc.wait(timeout=10)
            except (ChromiumError, OSError, subprocess.TimeoutExpired):
                pass
            if self.proc.poll() is None:
                try:  # the browser's own process group (start_new_session): only what we started
                    os.killpg(self.proc.pid, 15)
                    self.proc.wait(timeout=10)
                except (OSError, subprocess.TimeoutExpired):
                    os.killpg(self.proc.pid, 9)
                    self.proc.wait()
        for fd in ("_w", "_r"):
            if hasattr(self, fd):
                try:
                    os.close(getattr(self, fd))
                except OSError:
                    pass
                delattr(self, fd)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def log_tail(self, n=5):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                lines = [l for l in f.read().splitlines() if "dbus" not in l]
            return " / ".join(lines[-n:])
        except OSError:
            return ""

    # the protocol: JSON messages ended by NUL
    def send(self, method, params=None, session=None):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        try:
            while data:
                data = data[os.write(self._w, data):]
        except OSError as e:
            raise ChromiumError(f"the browser is gone ({e}): {self.log_tail()}") from e
        return self._id

    def recv(self, timeout):
        """The next message, or None after `timeout` seconds without one."""
        end = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = end - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._r], [], [], left)
            if not ready:
                return None
            data = os.read(self._r, 1 << 16)
            if not data:
                raise ChromiumError(f"the browser closed its pipe: {self.log_tail()}")
            self._buf += data
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=None, on_event=None):
        i = self.send(method, params, session)
        end = time.monotonic() + START_TIMEOUT_S
        while True:
            msg = self.recv(max(0.0, end - time.monotonic()))
            if msg is None:
                raise ChromiumError(f"no answer to {method} in {START_TIMEOUT_S} s")
            if msg.get("id") == i:
                if "error" in msg:
                    raise ChromiumError(f"{method}: {msg['error'].get('message')}")
                return msg.get("result", {})
            if on_event and "method" in msg:
                on_event(msg)

    def run(self, program, source=None, quiet=None):
        """Runs one program (a .js, .mjs or .html file; `source` its text if not the file's)
        once in a fresh browser context; returns a Run."""
        if source is None:
            with open(program, "rb") as f:
                source = f.read()
        quiet_s = (quiet if quiet is not None else quiet_ms(source)) / 1000.0
        url, key = self.server.add(program, source)
        console = Console()
        state = {"loaded": None, "last": None, "crashed": False}
        ctx = self.call("Target.createBrowserContext",
                        {"disposeOnDetach": True})["browserContextId"]
        session = None
        try:
            target = self.call("Target.createTarget", {"url": "about:blank",
                                                      "browserContextId": ctx})["targetId"]
            session = self.call("Target.attachToTarget", {"targetId": target,
                                                          "flatten": True})["sessionId"]

            def on_event(msg):
                if msg.get("sessionId") != session:
                    if msg.get("method") == "Target.targetCrashed" and \
                            msg.get("params", {}).get("targetId") == target:
                        state["crashed"] = True
                    return
                m = msg["method"]
                if m == "Runtime.consoleAPICalled":
                    console.console_call(msg["params"])
                    state["last"] = time.monotonic()
                elif m == "Runtime.exceptionThrown":
                    console.exception(msg["params"])
                    state["last"] = time.monotonic()
                elif m == "Runtime.exceptionRevoked":
                    console.revoke(msg["params"])
                elif m == "Page.loadEventFired":
                    state["loaded"] = time.monotonic()
                elif m == "Inspector.targetCrashed":
                    state["crashed"] = True

            self.call("Page.enable", None, session, on_event)
            self.call("Runtime.enable", None, session, on_event)
            start = time.monotonic()
            self.call("Page.navigate", {"url": url}, session, on_event)
            cut = False
            cap_s = self.hard_cap_s + quiet_s  # a program that waits long is given that long
            while True:
                now = time.monotonic()
                if state["crashed"]:
                    break
                if now - start >= cap_s:
                    cut = True
                    break
                if state["loaded"] is not None:
                    since = max(state["loaded"], state["last"] or 0)
                    if now - since >= quiet_s:
                        break
                    wait = quiet_s - (now - since)
                else:
                    wait = 0.1
                wait = min(wait, cap_s - (now - start))
                msg = self.recv(max(0.001, wait))
                if msg is not None and "method" in msg:
                    on_event(msg)
            seconds = time.monotonic() - start
            return Run(console.output(), cut, seconds, state["crashed"])
        finally:
            try:
                if session:
                    self.call("Target.closeTarget", {"targetId": target})
                self.call("Target.disposeBrowserContext", {"browserContextId": ctx})
            except ChromiumError:
                pass
            self.server.drop(key)

    def runs(self, program, n, source=None):
        """[Run] of n runs."""
        return [self.run(program, source) for _ in range(n)]
