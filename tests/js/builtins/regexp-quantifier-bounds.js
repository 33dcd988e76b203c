function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("{2}", () => m(/a{2}/, "aaa"));
show("{2,}", () => m(/a{2,}/, "aaaaa"));
show("{2,3}", () => m(/a{2,3}/, "aaaaa"));
show("{0}", () => m(/ba{0}c/, "bc"));
show("{0,0} group", () => m(/b(a){0}/, "ba"));
show("{,3} literal", () => m(/a{,3}/, "a{,3}"));
show("{ literal", () => m(/a{/, "a{"));
show("{1 literal", () => m(/x{1/, "x{1"));
show("} literal", () => m(/a}/, "a}"));
show("group {3}", () => m(/(\d){3}/, "12345"));
show("huge bounds", () => /a{0,4294967295}/.test("aa"));
show("out of order", () => new RegExp("a{3,2}"));
