function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("slash", () => new RegExp("a/b").source);
show("slash in class", () => new RegExp("[/]").source);
show("escaped slash", () => new RegExp("\\/").source);
show("newline", () => JSON.stringify(new RegExp("a\nb").source));
show("cr and separators", () => JSON.stringify(new RegExp("\r\u2028\u2029").source));
show("backslash newline", () => JSON.stringify(new RegExp("\\\n").source));
show("empty", () => new RegExp("").source + " " + RegExp.prototype.source);
show("literal source", () => /[a-z]+\d?/g.source);
show("round trip", () => new RegExp(new RegExp("a/b").source).test("a/b"));
show("source receiver", () => Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get.call({}));
