function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("u code point", () => /^\u{1F600}$/u.test("😀"));
show("no u brace is literal", () => /^\u{2}$/.test("uu"));
show("u class", () => /^[😀-😂]$/u.test("😁"));
show("u surrogate escape pair", () => /^\ud83d\ude00$/u.test("😀"));
show("u lone surrogate not matched inside pair", () => /\ud83d/u.test("😀") + " " + /\ud83d/.test("😀"));
show("u lastIndex advance", () => "😀😀".replace(/(?:)/gu, "-"));
show("no u advance", () => "😀".replace(/(?:)/g, "-").length);
show("u match global", () => "a😀b".match(/./gu).length + " " + "a😀b".match(/./g).length);
show("u invalid escape", () => new RegExp("\\a", "u"));
show("u identity escape", () => /\//u.test("/") + " " + /\-/.test("-"));
show("unicode getter", () => /a/u.unicode + " " + /a/.unicode);
show("u split", () => "😀😀".split(/(?:)/u).length);
show("u \\W", () => /\W/u.test("😀"));
