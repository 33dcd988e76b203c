#!/usr/bin/env python3
"""install.py LOOPSIM BUILD_DIR [ROOT] - loopsim installed, as a user gets it.

Installs the build into a temporary directory (`meson install --destdir`), then checks what
was installed:

  - the installed binary runs a seed quiz and prints what the built one prints, and
    `--version` names its version, commit and the Node versions it models;
  - every man page (loopsim(1), one per command, loopsim-scenario(5), loopsim-timing(7)) is
    there and `man -l` renders it; `man` finds them through MANPATH;
  - the bash and zsh completions, the JSON Schema and the documentation are there.

and that the help, the man pages and the completions say the same:

  - every option of every `loopsim CMD --help` is in loopsim-CMD(1), and every option a man
    page's OPTIONS section names is in the help (neither can drift from the other);
  - the installed bash completion offers every option of a command after `loopsim CMD --`,
    every timing parameter after `--cost`, and each command after `loopsim`;
  - the zsh completion names every option in its command's section;
  - loopsim-timing(7) lists every timing parameter `loopsim run --help` lists.

Nothing is written inside the repository (the install goes to a temporary directory).  Skipped
(exit 77) with the reason when the man pages were not built (no scdoc: tools/test installs it)
or `man` is missing.  Prints "ok   NAME" / "FAIL NAME: why", then "N passed, N failed".
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True

COMMANDS = ["run", "orders", "sweep", "check", "explain", "emit-js", "profiles", "gen"]
PAGES = ["loopsim.1"] + [f"loopsim-{c}.1" for c in COMMANDS] + ["loopsim-scenario.5",
                                                                 "loopsim-timing.7"]


def options_in(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*[a-z])", text))


def out(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    return p.returncode, p.stdout, p.stderr


def bash_complete(script, loopsim, words):
    """COMPREPLY of the bash completion for `words` (the last one being completed)."""
    prog = ("source \"$1\"; shift; COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
            "COMPREPLY=(); _loopsim; printf '%s\\n' \"${COMPREPLY[@]}\"")
    env = dict(os.environ, PATH=os.path.dirname(loopsim) + os.pathsep + os.environ["PATH"])
    rc, o, e = out(["bash", "-c", prog, "bash", script, "loopsim"] + words, env=env)
    return set(o.split())


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    loopsim = os.path.abspath(args[0])
    build = os.path.abspath(args[1])
    root = os.path.abspath(args[2]) if len(args) > 2 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    if not shutil.which("man"):
        print("skipped: no man command (apt-get install man-db)")
        return 77
    if not os.path.exists(os.path.join(build, "loopsim.1")):
        print("skipped: the man pages were not built (no scdoc when the build was configured; "
              "tools/test installs it)")
        return 77
    dest = tempfile.mkdtemp(prefix="loopsim-install-")
    passed = failed = 0

    def verdict(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "\n     ".join(problems))
        else:
            passed += 1
            print(f"ok   {name}")

    try:
        rc, o, e = out(["meson", "install", "-C", build, "--no-rebuild", "--destdir", dest])
        if rc != 0:
            verdict("meson install", [f"exit {rc}: {(o + e)[-1500:]}"])
            return 1
        verdict("meson install", [])
        found = [os.path.join(d, f) for d, _, fs in os.walk(dest) for f in fs]
        binary = next((f for f in found if f.endswith("/bin/loopsim")), None)
        if not binary:
            verdict("binary", ["no bin/loopsim installed"])
            return 1
        prefix = os.path.dirname(os.path.dirname(binary))
        share = os.path.join(prefix, "share")

        # the installed binary
        seed = os.path.join(root, "scenarios", "seeds", "003-interview-quiz.js")
        rc1, o1, _ = out([binary, "run", "--no-note", seed])
        rc2, o2, _ = out([loopsim, "run", "--no-note", seed])
        verdict("installed binary runs a seed quiz",
                [] if rc1 == 0 and o1 == o2 and o1 else [f"exit {rc1}, printed {o1!r}"])
        rc, v, _ = out([binary, "--version"])
        verdict("--version", [] if rc == 0 and re.search(r"commit \w+", v) and "Node.js 10" in v
                and "browsers" in v else [f"printed {v!r}"])

        # man pages
        for page in PAGES:
            section = page.rsplit(".", 1)[1]
            path = os.path.join(share, "man", "man" + section, page)
            problems = []
            if not os.path.exists(path):
                problems.append(f"not installed at {os.path.relpath(path, dest)}")
            else:
                env = dict(os.environ, MANWIDTH="100")
                env.pop("MAN_KEEP_FORMATTING", None)
                rc, text, err = out(["man", "-l", path], env=env)
                if rc != 0 or "NAME" not in text or "SEE ALSO" not in text:
                    problems.append(f"man -l exited {rc}: {err.strip()[:300]}")
                if err.strip():
                    problems.append(f"man -l warned: {err.strip()[:300]}")
            verdict(f"man {page}", problems)
        rc, where, _ = out(["man", "-w", "loopsim-orders"],
                           env=dict(os.environ, MANPATH=os.path.join(share, "man")))
        verdict("MANPATH finds loopsim-orders(1)", [] if rc == 0 and dest in where
                else [f"man -w printed {where!r}"])

        # the rest of what is installed
        problems = []
        bash_script = os.path.join(share, "bash-completion", "completions", "loopsim")
        zsh_script = next((f for f in found if f.endswith("/_loopsim")), None)
        for what, path in (("bash completion", bash_script), ("zsh completion", zsh_script),
                           ("JSON Schema", os.path.join(share, "loopsim", "schema.json")),
                           ("README", os.path.join(share, "doc", "loopsim", "README.md")),
                           ("pictures doc", os.path.join(share, "doc", "loopsim", "pictures.md")),
                           ("an example", os.path.join(share, "doc", "loopsim", "examples",
                                                       "seeds", "003-interview-quiz.js"))):
            if not path or not os.path.exists(path):
                problems.append(f"no {what}")
        if not problems:
            with open(os.path.join(share, "loopsim", "schema.json"), encoding="utf-8") as f:
                json.load(f)
        verdict("completions, schema, docs installed", problems)
        if problems:
            return 1

        # help = man = completions
        with open(zsh_script, encoding="utf-8") as f:
            zsh = f.read()
        zsh_common = options_in(zsh[zsh.index("common=("):zsh.index("if (( CURRENT == 2 ))")])
        top = {"--help", "--version"}  # loopsim's own (the rest of its usage is the commands')
        verdict("loopsim(1) and loopsim --help", sorted(
            f"{o} of --help is not in loopsim(1)" for o in top
            if o not in open(os.path.join(root, "man", "loopsim.1.scd")).read()))
        commands_offered = bash_complete(bash_script, loopsim, [""])
        verdict("bash completes the commands", [f"{c} not offered" for c in COMMANDS
                                                if c not in commands_offered])
        for cmd in COMMANDS:
            helped = options_in(out([loopsim, cmd, "--help"])[1]) | {"--help"}
            with open(os.path.join(root, "man", f"loopsim-{cmd}.1.scd"), encoding="utf-8") as f:
                man = f.read()
            options_section = man[man.index("# OPTIONS"):man.index("# EXIT STATUS")]
            documented = options_in(options_section)
            problems = [f"{o} of --help is not in loopsim-{cmd}(1)" for o in sorted(helped)
                        if o not in documented]
            problems += [f"loopsim-{cmd}(1) documents {o}, which --help does not name"
                         for o in sorted(documented - helped)]
            offered = bash_complete(bash_script, loopsim, [cmd, "--"])
            problems += [f"bash does not offer {o}" for o in sorted(helped - offered)]
            problems += [f"bash offers {o}, which --help does not name"
                         for o in sorted(offered - helped)]
            m = re.search(r"^    %s\)\n(.*?);;" % re.escape(cmd), zsh, re.S | re.M)
            section = options_in(m.group(1)) if m else set()
            if m and "$common" in m.group(1):
                section |= zsh_common
            problems += [f"zsh does not name {o}" for o in sorted(helped - section)]
            verdict(f"{cmd}: --help, man page and completions agree", problems)

        keys = re.findall(r"^  ([a-z][a-z0-9_]*) ", out([loopsim, "run", "--help"])[1].split(
            "timing parameters")[1], re.M)
        with open(os.path.join(root, "man", "loopsim-timing.7.scd"), encoding="utf-8") as f:
            timing = f.read()
        offered = bash_complete(bash_script, loopsim, ["orders", "--cost", ""])
        verdict("timing parameters in loopsim-timing(7) and in bash's --cost", [
            f"{k} is not in loopsim-timing(7)" for k in keys if f"*{k}*" not in timing] + [
            f"bash does not offer {k}= after --cost" for k in keys if k + "=" not in offered] + (
            ["no timing parameter found in loopsim run --help"] if not keys else []))
    finally:
        shutil.rmtree(dest, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
