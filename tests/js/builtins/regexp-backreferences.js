function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("\\1", () => m(/(\w)\1/, "abccd"));
show("\\1 repeated", () => m(/(a+)b\1/, "aaabaa"));
show("before group", () => m(/\1(a)/, "aa"));
show("unmatched group", () => m(/(a)?b\1/, "b"));
show("case insensitive", () => /(a)\1/i.test("aA"));
show("nested", () => m(/((a)b)\2\1/, "abaab"));
show("\\10 with ten groups", () => /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10/.test("abcdefghijj"));
show("html tag", () => m(/<(\w+)>.*?<\/\1>/, "<b>x</i></b>"));
show("spec lookahead example", () => m(/(?=(a+))a*b\1/, "baaabac"));
show("spec negative example", () => m(/(.*?)a(?!(a+)b\2c)\2(.*)/, "baaabaac"));
