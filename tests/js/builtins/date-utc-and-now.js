function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("UTC", () => Date.UTC(2024, 2, 5, 10, 20, 30, 400));
show("UTC year only", () => Date.UTC(2024));
show("UTC none", () => Date.UTC());
show("UTC 0-99", () => Date.UTC(99, 11, 31) + " " + Date.UTC(-1, 0));
show("UTC overflow", () => Date.UTC(2024, 0, 32) === Date.UTC(2024, 1, 1));
show("UTC NaN", () => Date.UTC(2024, "x"));
show("now is a number", () => typeof Date.now() + " " + Number.isInteger(Date.now()));
show("lengths", () => Date.length + " " + Date.UTC.length + " " + Date.parse.length + " " + Date.now.length);
show("statics", () => Object.getOwnPropertyNames(Date).join());
