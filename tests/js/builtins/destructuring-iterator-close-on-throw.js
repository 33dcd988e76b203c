// An exception while an array pattern takes its elements closes the iterator (IteratorClose,
// ECMA-262 7.4.11) unless the iterator is done - a throwing next() leaves it done - and what
// return() itself throws then is ignored; for-of closes it the same way.
const log = [];
function iter(vals, opts = {}) {
  let i = 0;
  return { [Symbol.iterator]() { log.push("iter"); return {
    next() { log.push("next" + i); if (opts.throwNext === i) throw new Error("next threw");
      return i < vals.length ? { value: vals[i++], done: false } : { done: true }; },
    return() { log.push("return"); if (opts.throwReturn) throw new Error("return threw"); return {}; } }; } };
}
function run(name, f) {
  try { f(); log.push("ok"); } catch (e) { log.push("caught " + (e && e.message || e)); }
  console.log(name + ": " + log.join(" | "));
  log.length = 0;
}
const boom = (m) => { throw new Error(m); };
run("binding default throws", () => { const [a = boom("default")] = iter([undefined, 2]); });
run("next throws", () => { const [a, b] = iter([1, 2], { throwNext: 1 }); });
run("return throws after a throw", () => { let a; [a = boom("default")] = iter([undefined], { throwReturn: true }); });
run("return throws after a normal end", () => { const [a] = iter([1, 2], { throwReturn: true }); });
run("nested patterns", () => { const [[a, b], c] = iter([iter([1, 2, 3]), 4]); log.push(a + b + c); });
run("inner pattern throws", () => { const [[a = boom("inner")]] = iter([iter([undefined])]); });
run("exhausted: no close", () => { const [a, b, c] = iter([1]); log.push(String(c)); });
run("rest: no close", () => { const [a, ...r] = iter([1, 2, 3]); log.push(r.join()); });
run("setter throws", () => { const o = { set x(v) { boom("setter"); } }; [o.x] = iter([1, 2]); });
run("target evaluation throws", () => { let t = null; [t.x] = iter([1]); });
run("parameters", () => { (function ([a, b = log.push("d")], { c, d: [e] = [5] }) { log.push(a + "," + b + "," + c + "," + e); })(iter([1]), { c: 3 }); });
run("for-of break, return throws", () => { for (const x of iter([1, 2], { throwReturn: true })) break; });
run("for-of body throws, return throws", () => { for (const x of iter([1, 2], { throwReturn: true })) boom("body"); });
run("generator resumed inside a default", () => {
  function* g() { const [a = yield 1] = iter([undefined]); log.push("a=" + a); }
  const it = g(); it.next(); it.next(7); });
run("inside try/finally", () => { try { const [a = boom("x")] = iter([undefined]); } finally { log.push("finally"); } });
run("inside try/catch", () => { try { const [a = boom("x")] = iter([undefined]); } catch (e) { log.push("inner " + e.message); } });
run("for-of head pattern throws", () => { for (const [a = boom("h")] of iter([iter([undefined])])) ; });
run("catch parameter pattern", () => { try { throw iter([undefined]); } catch ([a = boom("c")]) { log.push("never"); } });
run("three levels", () => { const [[[a = boom("deep")]]] = iter([iter([iter([undefined])])]); });
run("arrow parameters", () => { (([a = boom("ap")]) => a)(iter([undefined])); });
run("default recovers in its own try", () => { const [a = (() => { try { return boom("t"); } catch (e) { return "recovered"; } })()] = iter([undefined]); log.push(a); });
(async () => {
  try { const [a = await Promise.reject(new Error("awaited"))] = iter([undefined]); } catch (e) { log.push("caught " + e.message); }
  console.log("await in a default: " + log.join(" | "));
})();
