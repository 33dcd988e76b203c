function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const names = ["getTime", "getFullYear", "getUTCDay", "valueOf", "getTimezoneOffset", "getYear", "setDate", "setTime", "toString", "toISOString", "toUTCString", "toGMTString", "toLocaleString", "toDateString"];
for (const n of names) show(n, () => Date.prototype[n].call({}));
show("on number", () => Date.prototype.getTime.call(5));
show("on class instance", () => { class Foo {} return Date.prototype.toString.call(new Foo()); });
show("prototype is not a date", () => Date.prototype.getTime());
