function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("first only", () => "a-b-c".replace("-", "+"));
show("no match", () => "abc".replace("x", "y"));
show("$&", () => "abc".replace("b", "[$&]"));
show("$` and $'", () => "abc".replace("b", "[$`|$']"));
show("$$", () => "abc".replace("b", "$$"));
show("$1 literal", () => "abc".replace("b", "$1"));
show("$<n> literal", () => "abc".replace("b", "$<n>"));
show("lone $", () => "abc".replace("b", "$"));
show("empty pattern", () => "abc".replace("", "-"));
show("number pattern", () => "a1b1".replace(1, "!"));
show("undefined replacement", () => "abc".replace("b"));
show("object replacement", () => "abc".replace("b", { toString() { return "B"; } }));
show("null this", () => String.prototype.replace.call(null, "a", "b"));
