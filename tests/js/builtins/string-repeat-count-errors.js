function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("repeat", () => "ab".repeat(3));
show("repeat 0", () => JSON.stringify("ab".repeat(0)));
show("repeat 2.9", () => "ab".repeat(2.9));
show("repeat string", () => "x".repeat("3"));
show("repeat -1", () => "ab".repeat(-1));
show("repeat Infinity", () => "ab".repeat(Infinity));
show("repeat -Infinity", () => "ab".repeat(-Infinity));
show("repeat NaN", () => JSON.stringify("ab".repeat(NaN)));
show("repeat huge", () => "ab".repeat(2 ** 30));
show("empty repeat huge", () => JSON.stringify("".repeat(2 ** 40)));
