function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("padStart", () => "5".padStart(3, "0"));
show("padStart multi", () => "abc".padStart(10, "123"));
show("padStart default", () => JSON.stringify("abc".padStart(6)));
show("padStart short", () => "abc".padStart(2, "x"));
show("padStart empty filler", () => "abc".padStart(10, ""));
show("padEnd", () => "abc".padEnd(7, "xy"));
show("padEnd NaN", () => "abc".padEnd(NaN, "x"));
show("padEnd string length", () => "abc".padEnd("5", "-"));
show("padEnd undefined filler", () => JSON.stringify("a".padEnd(3, undefined)));
show("padStart number filler", () => "7".padStart(4, 0));
show("lengths", () => String.prototype.padStart.length + " " + String.prototype.padEnd.length);
