function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("first wins", () => m(/a|ab/, "abc"));
show("longer later", () => m(/ab|a/, "abc"));
show("empty alternative", () => m(/a|/, "b"));
show("in group", () => m(/x(a|b|c)y/, "xcy"));
show("anchored alternatives", () => "cat dog".match(/^cat|dog$/g).join());
show("backtracks into alternative", () => m(/(a|ab)c/, "abc"));
show("many", () => "one two three four".match(/one|three|five/g).join());
