function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("toString", () => String(/a\/b[/]/gi));
show("toString flags order", () => new RegExp("x", "yusmig").toString());
show("toString generic", () => RegExp.prototype.toString.call({ source: "S", flags: "F" }));
show("toString empty", () => String(new RegExp("")));
show("toString receiver", () => RegExp.prototype.toString.call(1));
show("test receiver", () => RegExp.prototype.test.call(1, "x"));
show("test generic exec", () => RegExp.prototype.test.call({ exec() { return {}; } }, "x"));
show("exec receiver", () => RegExp.prototype.exec.call({}, "x"));
show("template", () => `${/x/g}`);
show("concat", () => /a/ + "b");
