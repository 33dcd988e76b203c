function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("initial", () => JSON.stringify([RegExp.input, RegExp.$1, RegExp.lastMatch]));
show("after exec", () => { /(a)(b)?c/.exec("xxabcyy"); return JSON.stringify([RegExp.$1, RegExp.$2, RegExp.$3, RegExp.lastMatch, RegExp["$&"], RegExp.lastParen, RegExp.leftContext, RegExp["$`"], RegExp.rightContext, RegExp["$'"], RegExp.input, RegExp.$_]); });
show("failed keeps", () => { /(q)/.exec("none"); return RegExp.$1; });
show("replace updates", () => { "k1 k2".replace(/k(\d)/g, ""); return RegExp.$1; });
show("test updates", () => { /(\w+)@/.test("me@x"); return RegExp.$1; });
show("input setter", () => { RegExp.input = "changed"; return RegExp.input + " " + RegExp.$1; });
show("$1 setter ignored", () => { RegExp.$1 = "x"; return RegExp.$1; });
show("names", () => Object.getOwnPropertyNames(RegExp).join());
