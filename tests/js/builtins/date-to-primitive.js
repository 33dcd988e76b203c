function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const d = new Date(0);
show("default hint is string", () => d + 1);
show("number hint", () => d - 1 + " " + +d);
show("comparison", () => (new Date(1) < new Date(2)) + " " + (new Date(5) == 5) + " " + (new Date(5) == new Date(5)));
show("toPrimitive string", () => d[Symbol.toPrimitive]("string"));
show("toPrimitive number", () => d[Symbol.toPrimitive]("number"));
show("toPrimitive default", () => d[Symbol.toPrimitive]("default"));
show("bad hint", () => d[Symbol.toPrimitive]("x"));
show("no hint", () => d[Symbol.toPrimitive]());
show("generic", () => Date.prototype[Symbol.toPrimitive].call({ toString() { return "S"; }, valueOf() { return 7; } }, "number"));
show("receiver", () => Date.prototype[Symbol.toPrimitive].call(1, "number"));
show("descriptor", () => { const p = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive); return [p.writable, p.enumerable, p.configurable, p.value.name, p.value.length].join(); });
show("Number()", () => Number(new Date(123)));
show("JSON key order", () => Object.keys(JSON.parse(JSON.stringify({ d: new Date(0) }))).join());
