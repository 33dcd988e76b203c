function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("dot", () => m(/a.c/, "abc"));
show("dot newline", () => /a.c/.test("a\nc") + " " + /a.c/.test("a\rc") + " " + /a.c/.test("a\u2028c"));
show("dotAll", () => /a.c/s.test("a\nc") + " " + /a.c/s.dotAll + " " + /a.c/.dotAll);
show("dot surrogates", () => /^.$/.test("😀") + " " + /^..$/.test("😀") + " " + /^.$/u.test("😀"));
show("dot star newline", () => m(/a.*/, "abc\ndef"));
show("dotAll star", () => m(/a.*/s, "ab\ncd"));
