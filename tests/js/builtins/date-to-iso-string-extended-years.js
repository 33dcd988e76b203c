function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("normal", () => new Date(Date.UTC(2024, 2, 5, 1, 2, 3, 4)).toISOString());
show("year 0", () => new Date(Date.UTC(0, 0, 1) - 1900 * 0).toISOString());
show("year -1", () => new Date(-62198755200000).toISOString());
show("year 10000", () => new Date(Date.UTC(10000, 0)).toISOString());
show("max", () => new Date(8.64e15).toISOString());
show("min", () => new Date(-8.64e15).toISOString());
show("invalid", () => new Date(NaN).toISOString());
show("before epoch ms", () => new Date(-1).toISOString());
