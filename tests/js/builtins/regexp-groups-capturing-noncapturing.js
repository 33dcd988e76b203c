function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("capture", () => m(/(a)(b)(c)/, "abc"));
show("nested", () => m(/((a)(b))c/, "abc"));
show("non-capturing", () => m(/(?:a)(b)/, "ab"));
show("optional unmatched", () => { const r = /(a)?(b)/.exec("b"); return r[1] === undefined ? "undefined" : r[1]; });
show("group count", () => /(a)(b)?(c)*/.exec("a").length);
show("alternation captures", () => m(/(a)|(b)/, "b"));
show("repeated group keeps last", () => m(/(\w)+/, "abc"));
show("reset per iteration", () => m(/(?:(a)|b)+/, "ab"));
show("spec example z", () => m(/(z)((a+)?(b+)?(c))*/, "zaacbbbcac"));
show("quantified group", () => m(/(ab){2}/, "ababab"));
