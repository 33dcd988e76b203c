#!/usr/bin/env python3
"""schema.py [ROOT] - check scenarios/schema.json against the scenarios.

  - scenarios/schema.json is a valid JSON Schema, and its "timing" keys are exactly the keys
    of src/process/costs.def;
  - every scenarios/seeds/*.json and scenarios/rules/*.json is valid under it;
  - every scenarios/errors/*.json is rejected by it, except those that are not JSON at all
    (or repeat a key, which JSON Schema cannot see) and those whose name matches
    CANNOT_EXPRESS below: errors the schema cannot express, found only by loopsim's loader.

Prints "ok   NAME", "skip NAME: why" or "FAIL NAME: why" per check, then "N passed, N failed";
exits 1 if anything failed, 77 (a skipped test, for meson) if the jsonschema module is missing
(Debian: apt-get install python3-jsonschema).  ROOT defaults to the directory above this script.
"""
import fnmatch
import json
import os
import re
import sys

# Error scenarios the schema cannot reject: (glob on the name without .json, why).  Keep it
# small; a new error scenario the schema accepts and that is not listed here fails the test.
CANNOT_EXPRESS = [
    ("*unknown-var*", "variable scoping"),
    ("bad-timing-range", "an order between two numbers (LO <= HI)"),
    ("*undeclared*", "variable scoping"),
    ("*undefined-var*", "variable scoping"),
    ("*unknown-function*", "function names"),
    ("*undefined-function*", "function names"),
    ("*unknown-timer*", "variable scoping"),
    ("*non-promise*", "the type of a value at run time"),
    ("*not-a-function*", "what a name holds"),
    ("*redeclar*", "variable scoping"),
    ("*await*", "await outside an async function"),
    ("*cycle*", "a cycle of synchronous calls"),
    ("*recursion*", "a cycle of synchronous calls"),
    ("*duplicate*", "repeated keys"),
    ("*malformed*", "not JSON"),
    ("script-file-missing", "whether a file exists"),
]

try:
    import jsonschema
except ImportError:
    # The python3 on PATH may not be Debian's (pyenv, venv): try Debian's before giving up.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
            os.path.realpath("/usr/bin/python3") and not os.environ.get("LOOPSIM_SCHEMA_REEXEC"):
        os.environ["LOOPSIM_SCHEMA_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("schema.py: the python module jsonschema is missing; skipping "
          "(Debian: apt-get install python3-jsonschema)")
    sys.exit(77)


class DuplicateKey(ValueError):
    pass


def no_duplicates(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise DuplicateKey("repeated key %r" % k)
        d[k] = v
    return d


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicates)


def costs_keys(root):
    with open(os.path.join(root, "src", "process", "costs.def"), encoding="utf-8") as f:
        return set(re.findall(r'^\s*LS_COST\(\s*\w+\s*,\s*"([^"]+)"', f.read(), re.M))


def where(error):
    path = "$"
    for p in error.absolute_path:
        path += "[%d]" % p if isinstance(p, int) else "." + str(p)
    return path


def json_files(d):
    return sorted(f for f in os.listdir(d) if f.endswith(".json")) if os.path.isdir(d) else []


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(here, ".."))
    results = {"ok": 0, "FAIL": 0}

    def report(status, name, why=""):
        if status in results:
            results[status] += 1
        print("%-4s %s%s" % (status, name, ": " + why if why else ""))

    schema_path = os.path.join(root, "scenarios", "schema.json")
    try:
        schema = load(schema_path)
        cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
        cls.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        report("FAIL", "scenarios/schema.json", str(e).split("\n")[0])
        print("%d passed, %d failed" % (results["ok"], results["FAIL"]))
        return 1
    report("ok", "scenarios/schema.json", "a valid %s schema" % cls.__name__)
    validator = cls(schema)

    try:
        want = costs_keys(root)
        timing = schema.get("$defs", {}).get("timing", {}).get("properties", {})
        have = set(timing)
        if want == have:
            report("ok", "timing keys = src/process/costs.def")
        else:
            report("FAIL", "timing keys = src/process/costs.def",
                   "missing from the schema: %s; not in costs.def: %s"
                   % (sorted(want - have) or "none", sorted(have - want) or "none"))
    except OSError as e:
        report("FAIL", "timing keys = src/process/costs.def", str(e))

    for kind in ("seeds", "rules"):
        d = os.path.join(root, "scenarios", kind)
        for f in json_files(d):
            name = "%s/%s" % (kind, f[:-5])
            try:
                doc = load(os.path.join(d, f))
            except (ValueError, UnicodeDecodeError) as e:
                report("FAIL", name, "not valid JSON: %s" % e)
                continue
            errors = list(validator.iter_errors(doc))
            if not errors:
                report("ok", name)
                continue
            best = jsonschema.exceptions.best_match(errors)
            report("FAIL", name, "%s: %s" % (where(best), best.message))
            if len(errors) > 1:
                print("    (%d errors in all)" % len(errors))

    d = os.path.join(root, "scenarios", "errors")
    for f in json_files(d):
        stem = f[:-5]
        name = "errors/" + stem
        try:
            doc = load(os.path.join(d, f))
        except DuplicateKey as e:
            report("skip", name, "%s (the schema cannot see repeated keys)" % e)
            continue
        except (ValueError, UnicodeDecodeError):
            report("skip", name, "not JSON (the loader's own error)")
            continue
        errors = list(validator.iter_errors(doc))
        allowed = [why for pat, why in CANNOT_EXPRESS if fnmatch.fnmatch(stem, pat)]
        if errors:
            best = jsonschema.exceptions.best_match(errors)
            report("ok", name, "rejected: %s: %s" % (where(best), best.message[:100]))
        elif allowed:
            report("skip", name, "accepted; the schema cannot express %s" % allowed[0])
        else:
            report("FAIL", name, "the schema accepts this error scenario; make it stricter, or "
                   "add the name to CANNOT_EXPRESS in tests/schema.py if it cannot say why")

    print("%d passed, %d failed" % (results["ok"], results["FAIL"]))
    return 1 if results["FAIL"] else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)
    sys.exit(main(sys.argv))
