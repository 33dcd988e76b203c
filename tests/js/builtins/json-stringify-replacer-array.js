function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("filter", () => JSON.stringify({ a: 1, b: 2, c: { a: 3, d: 4 } }, ["a", "c"]));
show("numbers as keys", () => JSON.stringify({ 1: "one", 2: "two", x: 0 }, [1, "x"]));
show("order follows list", () => JSON.stringify({ a: 1, b: 2 }, ["b", "a"]));
show("duplicates", () => JSON.stringify({ a: 1 }, ["a", "a"]));
show("wrappers in list", () => JSON.stringify({ a: 1, 2: 2 }, [new String("a"), new Number(2)]));
show("other values ignored", () => JSON.stringify({ a: 1, true: 2 }, [true, null, {}, "a"]));
show("arrays unaffected", () => JSON.stringify([{ a: 1, b: 2 }, 3], ["a"]));
show("missing keys", () => JSON.stringify({ a: 1 }, ["z"]));
