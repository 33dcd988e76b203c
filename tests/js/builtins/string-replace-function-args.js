function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("string pattern args", () => "xay".replace("a", function () { return "[" + Array.prototype.join.call(arguments, "|") + "]"; }));
show("regexp args", () => "x12y".replace(/(\d)(\d)/, (m, a, b, off, s) => [m, a, b, off, s].join("|")));
show("optional group undefined", () => "ab".replace(/(a)(z)?/, (m, a, z) => String(z)));
show("named groups last arg", () => "2024-03".replace(/(?<y>\d+)-(?<m>\d+)/, function () { const g = arguments[arguments.length - 1]; return g.m + "/" + g.y; }));
show("arg count", () => "aXbX".replace(/X/g, function () { return arguments.length; }));
show("global offsets", () => "aXbXc".replace(/X/g, (m, off) => off));
show("return value stringified", () => "abc".replace("b", () => 42));
show("this is undefined", () => "abc".replace("b", function () { "use strict"; return String(this); }));
show("replaceAll function", () => "a.b.c".replaceAll(".", (m, off, s) => off + s.length));
