function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("\\1 octal without group", () => /\1/.test("\x01"));
show("\\8 literal", () => /\8/.test("8"));
show("\\12 octal", () => /\12/.test("\n"));
show("\\2 group later", () => m(/\2(a)(b)/, "ab"));
show("[\\1]", () => /[\1]/.test("\x01"));
show("\\c without letter", () => /\c1/.test("\\c1"));
show("[\\c1]", () => /[\c1]/.test("\x11"));
show("\\k without names", () => /\k/.test("k"));
show("\\q identity", () => /\q/.test("q"));
show("\\x1 literal", () => /\x1/.test("x1"));
show("\\u12 literal", () => /\u12/.test("u12"));
show("[\\w-a]", () => /[\w-a]/.test("-") + " " + /[a-\w]/.test("-"));
show("lone ]", () => /]/.test("]"));
show("\\p without u", () => /\p{L}/.test("p{L}"));
