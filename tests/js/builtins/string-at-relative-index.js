function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("at(0)", () => "abc".at(0));
show("at(-1)", () => "abc".at(-1));
show("at(-3)", () => "abc".at(-3));
show("at(-4)", () => "abc".at(-4));
show("at(3)", () => "abc".at(3));
show("at(1.7)", () => "abc".at(1.7));
show("at('1')", () => "abc".at("1"));
show("at(NaN)", () => "abc".at(NaN));
show("at()", () => "abc".at());
show("at on number", () => String.prototype.at.call(12345, -2));
show("at surrogate half", () => "😀".at(0).length + " " + "😀".at(0).charCodeAt(0));
show("at length", () => String.prototype.at.length);
