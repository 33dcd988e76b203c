function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const s = "abc ".repeat(50000);
show("no match scan", () => /\d+/.test(s));
show("global words", () => s.match(/\w+/g).length);
show("search miss", () => s.search(/[xyz]/));
show("replace all b", () => s.replace(/b/g, "").length);
show("split spaces", () => s.split(/ +/).length);
show("lazy scan", () => s.match(/a.*?c/gs).length);
show("backtracking bounded", () => /^(\w+\s?)*$/.test("a few words here, then punctuation"));
