function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("all", () => "a-b-c".replaceAll("-", "+"));
show("overlapping", () => "aaaa".replaceAll("aa", "b"));
show("empty search", () => "abc".replaceAll("", "_"));
show("$& in all", () => "ab".replaceAll("b", "$&$&"));
show("global regexp", () => "a1b22".replaceAll(/\d+/g, "#"));
show("non-global regexp", () => "a1b2".replaceAll(/\d/, "#"));
show("no match", () => "abc".replaceAll("x", "y"));
show("length", () => String.prototype.replaceAll.length + " " + String.prototype.replace.length);
