function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const d = new Date(Date.UTC(2024, 2, 5, 9, 7, 3, 45));
show("toString", () => d.toString());
show("toDateString", () => d.toDateString());
show("toTimeString", () => d.toTimeString());
show("toUTCString", () => d.toUTCString());
show("toGMTString", () => d.toGMTString() + " " + (Date.prototype.toGMTString === Date.prototype.toUTCString));
show("String()", () => String(d));
show("template", () => `${new Date(0)}`);
show("concat", () => new Date(0) + "!");
show("negative year", () => new Date(-7e13).toString());
show("year -1", () => new Date(-62198755200000).toUTCString());
show("big year", () => new Date(8.64e15).toString());
show("year 999", () => new Date(Date.UTC(999, 0, 1)).toDateString());
