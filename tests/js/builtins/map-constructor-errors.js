function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const list = (it) => JSON.stringify(Array.from(it));
show("without new", () => Map());
show("set without new", () => Set([1]));
show("not iterable", () => new Map(5));
show("bad entry", () => new Map([1]));
show("bad entry string", () => new Map([["a", 1], "b"]));
show("closes iterator", () => { let closed = false; const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed = true; return {}; } }; } }; try { new Map(it); } catch (e) { return closed + " " + e.message; } });
show("adder throws", () => { class M extends Map { set() { throw new Error("no"); } } return new M([[1, 2]]); });
show("weakmap bad key", () => new WeakMap([[1, 2]]));
show("weakset bad value", () => new WeakSet([1]));
