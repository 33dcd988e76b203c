function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("raw", () => String.raw({ raw: ["a", "b", "c"] }, 1, 2, 3));
show("raw string raw", () => String.raw({ raw: "xyz" }, "-", "+"));
show("raw fewer subs", () => String.raw({ raw: ["a", "b", "c"] }, 1));
show("raw empty", () => JSON.stringify(String.raw({ raw: { length: 0 } }, 1)));
show("raw array-like", () => String.raw({ raw: { length: 2, 0: "p", 1: "q" } }, "!"));
show("raw no raw", () => String.raw({}));
show("raw undefined", () => String.raw());
