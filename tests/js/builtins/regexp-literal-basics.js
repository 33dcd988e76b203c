function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("simple", () => m(/abc/, "xxabcxx"));
show("no match", () => m(/abd/, "abc"));
show("digits", () => m(/\d+/, "ab123cd"));
show("empty pattern", () => m(/(?:)/, "abc"));
show("slash escape", () => m(/a\/b/, "x a/b"));
show("test", () => /ab/.test("cab") + " " + /ab/.test("ba"));
show("constructor string", () => m(new RegExp("b+"), "abbbc"));
show("metachar literal", () => m(/a\.b\*c\?\+\(\)\[\]\{\}\|\^\$/, "a.b*c?+()[]{}|^$"));
show("typeof", () => typeof /x/ + " " + (/x/ instanceof RegExp) + " " + Object.prototype.toString.call(/x/));
show("each literal new object", () => { const f = () => /x/; return f() === f(); });
