function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("\\b", () => /\bfoo\b/.test("a foo b") + " " + /\bfoo\b/.test("afoo"));
show("\\B", () => m(/\Boo\B/, "foo boom") + " " + m(/oo\B/, "foo boom"));
show("\\b at ends", () => "one two".replace(/\b/g, "|"));
show("\\B everywhere", () => "ab cd".replace(/\B/g, "-"));
show("\\b with digits and _", () => "a_1 b-2".split(/\b/).join("|"));
show("\\b non-ascii", () => "é".replace(/\b/g, "|"));
