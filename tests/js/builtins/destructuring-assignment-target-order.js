// A destructuring assignment evaluates each target reference (its object and key) before it
// takes the value from the iterator or the source object; the key's ToPropertyKey waits for
// the store (ECMA-262 13.15.5.5 IteratorDestructuringAssignmentEvaluation, 13.15.5.6
// KeyedDestructuringAssignmentEvaluation).
const log = [];
const P = (name, v) => { log.push(name); return v; };
function target(label) {
  return { set a(v) { log.push(label + ".a=" + v); }, set b(v) { log.push(label + ".b=" + v); } };
}
function iter(vals) {
  let i = 0;
  return { [Symbol.iterator]() { log.push("iter"); return {
    next() { log.push("next" + i); return i < vals.length ? { value: vals[i++], done: false } : { done: true }; },
    return() { log.push("return"); return {}; } }; } };
}
const key = (k) => ({ toString() { log.push("toString " + k); return k; } });
function show(label) { console.log(label + ": " + log.join(" | ")); log.length = 0; }
[P("t1", target("t1")).a, P("t2", target("t2"))[P("k", key("b"))]] = iter([1, 2]);
show("array pattern");
({ x: P("t1", target("t1")).a, [P("srcKey", "y")]: P("t2", target("t2"))[P("k", key("b"))] } =
  { get x() { log.push("get x"); return 1; }, get y() { log.push("get y"); return 2; } });
show("object pattern");
[P("t1", target("t1")).a = P("dflt", 5)] = iter([undefined]);
show("default value");
[...P("t1", target("t1")).a] = iter([1, 2]);
show("rest element");
({ ...P("t1", target("t1")).a } = { z: 1 });
show("object rest");
for ([P("t1", target("t1")).a] of [iter([7])]) ;
show("for-of head");
const o = {}, k = "q";
[o.a, o[k]] = [1, 2];
({ x: o[k + "x"], y: o.y = 9 } = { x: 3 });
[o.b, ...o.c] = [4, 5, 6];
({ ...o.r } = { m: 1, n: 2 });
console.log("stored:", JSON.stringify(o));
class K { #p; static set(x) { [x.#p] = [42]; ({ v: x.#p } = { v: x.#p + 1 }); return x.#p; } }
console.log("private target:", K.set(new K()));
