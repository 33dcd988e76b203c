function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("^", () => /^a/.test("ba") + " " + /^a/.test("ab"));
show("$", () => /a$/.test("ab") + " " + /a$/.test("ba"));
show("^ no m", () => /^b/.test("a\nb"));
show("^ m", () => /^b/m.test("a\nb"));
show("$ m", () => /a$/m.test("a\nb"));
show("m global", () => "a1\nb2\nc3".match(/^\w/gm).join(","));
show("m end", () => "x\ny\n".match(/\w$/gm).join(","));
show("m \\r", () => /^b/m.test("a\rb") + " " + /^b/m.test("a\u2029b"));
show("empty at end", () => m(/$/, "abc"));
show("^$ empty", () => /^$/.test("") + " " + /^$/.test("a"));
