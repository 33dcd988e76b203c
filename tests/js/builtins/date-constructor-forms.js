function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("ms", () => new Date(0).getTime() + " " + new Date(1700000000123).getTime());
show("fractional ms truncated", () => new Date(1.9).getTime() + " " + new Date(-1.9).getTime());
show("string", () => new Date("2024-03-05T10:20:30Z").getTime());
show("components", () => new Date(2024, 2, 5, 10, 20, 30, 400).toISOString());
show("two components", () => new Date(2024, 0).toISOString());
show("month overflow", () => new Date(2024, 13, 1).toISOString());
show("negative day", () => new Date(2024, 0, 0).toISOString());
show("year 0-99", () => new Date(99, 0).getFullYear() + " " + new Date(0, 0).getFullYear() + " " + new Date(100, 0).getFullYear());
show("copy date", () => { const d = new Date(5); const c = new Date(d); return (c !== d) + " " + c.getTime(); });
show("boolean and null", () => new Date(true).getTime() + " " + new Date(null).getTime());
show("object with valueOf", () => new Date({ valueOf() { return 42; } }).getTime());
show("object with toString", () => new Date({ toString() { return "1970-01-02"; }, valueOf: undefined }).getTime());
show("NaN component", () => new Date(2020, NaN).getTime());
show("undefined arg", () => new Date(undefined).getTime());
show("out of range", () => new Date(8.64e15 + 1).getTime() + " " + new Date(8.64e15).getTime() + " " + new Date(-8.64e15).getTime());
show("called as function", () => typeof Date() + " " + typeof Date(0) + " " + (Date(0).length === Date().length));
show("prototype", () => Object.getPrototypeOf(new Date(0)) === Date.prototype);
show("subclass", () => { class D extends Date { year() { return this.getUTCFullYear(); } } return new D(0).year(); });
