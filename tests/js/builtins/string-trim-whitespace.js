function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("trim", () => "[" + "  \t\n x y \r\n ".trim() + "]");
show("trimStart", () => "[" + "  x  ".trimStart() + "]");
show("trimEnd", () => "[" + "  x  ".trimEnd() + "]");
show("unicode spaces", () => "\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeffx\u00a0".trim());
show("not space", () => "\u200bx\u200b".trim().length);
show("aliases", () => (String.prototype.trimLeft === String.prototype.trimStart) + " " + (String.prototype.trimRight === String.prototype.trimEnd));
show("alias names", () => String.prototype.trimLeft.name + " " + String.prototype.trimRight.name);
show("vertical tab and form feed", () => "\v\fx\v\f".trim());
