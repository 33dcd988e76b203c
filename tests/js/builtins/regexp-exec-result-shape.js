function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("keys", () => Object.keys(/a(b)/.exec("xab")).join());
show("d flag keys", () => Object.keys(/a/d.exec("a")).join());
show("indices", () => JSON.stringify(/a(b)(x)?/d.exec("zab").indices));
show("indices groups", () => JSON.stringify(/(?<n>b)/d.exec("ab").indices.groups));
show("input", () => /b/.exec("abc").input);
show("is array", () => Array.isArray(/b/.exec("abc")));
show("length", () => /(a)(b)?/.exec("a").length);
show("hasIndices", () => /a/d.hasIndices + " " + /a/.hasIndices);
show("groups undefined", () => "groups" in /a/.exec("a") ? String(/a/.exec("a").groups) : "absent");
show("exec coerces", () => m(/1/, 213) + " " + m(/null/, null) + " " + m(/undefined/, undefined));
show("exec no arg", () => m(/undefined/));
