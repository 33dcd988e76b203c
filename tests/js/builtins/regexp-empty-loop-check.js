function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("(a*)*", () => m(/(a*)*/, "b"));
show("(a*)+", () => m(/(a*)+/, "b"));
show("(a|)*", () => m(/(a|)*b/, "aab"));
show("(?:a?)*", () => m(/(?:a?)*?b/, "aab"));
show("empty iteration fails past min", () => m(/(a*){2,}/, "aa"));
show("(a*?)*", () => m(/(a*?)*/, "aa"));
show("captures reset", () => m(/(?:(a)|(b))*/, "ab"));
show("(x?)*y", () => m(/(x?)*y/, "xxy"));
show("lookahead in loop", () => m(/(?:(?=a)a)*/, "aaab"));
