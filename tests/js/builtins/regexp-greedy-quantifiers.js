function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("*", () => m(/a*/, "aaab"));
show("+", () => m(/a+/, "baaab"));
show("?", () => m(/colou?r/, "color colour"));
show("greedy backtracks", () => m(/a.*b/, "a1b2b3"));
show("star then char", () => m(/\d*5/, "123456"));
show("nested greedy", () => m(/(a+)+/, "aaa"));
show("star of group", () => m(/(ab)*/, "ababx"));
show("plus on class", () => m(/[a-z]+\d/, "abc1"));
show("greedy surrogates u", () => m(/.+/u, "😀😀x"));
show("give back pair", () => m(/^.*😀$/u, "a😀"));
