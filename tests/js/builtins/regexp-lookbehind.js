function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("(?<=", () => m(/(?<=\$)\d+/, "cost: $42"));
show("(?<!", () => m(/(?<!\$)\b\d+/, "$42 17"));
show("captures in lookbehind", () => m(/(?<=(\d)(\d))x/, "12x"));
show("backward greedy", () => m(/(?<=(\d+)(\d+))$/, "1053"));
show("backreference in lookbehind", () => m(/(?<=\1(a))b/, "aab"));
show("replace with lookbehind", () => "price 10 cost 20".replace(/(?<=cost )\d+/, "X"));
show("at start", () => /(?<=^)a/.test("a") + " " + /(?<=a)/.test(""));
show("variable length", () => m(/(?<=a+)b/, "aaab"));
show("negative at start", () => m(/(?<!a)b/, "bab"));
show("quantified lookbehind", () => new RegExp("(?<=a)+"));
