function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
const bad = [["x(", ""], ["x(", "g"], [")", ""], ["*", ""], ["a**", ""], ["+a", ""], ["a|?", ""], ["[b-a]", ""], ["[", ""], ["\\", ""], ["(?<a>x)(?<a>y)", ""], ["\\k<b>(?<a>x)", ""], ["a{2,1}", ""], ["{1}", ""], ["(?x)", ""], ["(?<1a>x)", ""], ["(?<>x)", ""], ["(?<a", ""], ["^*", ""], ["\\b+", ""], ["(?<=a)?", ""], ["{", "u"], ["}", "u"], ["]", "u"], ["\\a", "u"], ["\\u{110000}", "u"], ["\\u12", "u"], ["\\x1", "u"], ["\\1", "u"], ["\\00", "u"], ["[\\d-a]", "u"], ["(?=a)*", "u"], ["a{1", "u"], ["\\k", "u"], ["(?<a>.)\\k", ""], ["\\c", "u"]];
for (const [p, f] of bad) show("/" + p + "/" + f, () => new RegExp(p, f));
show("error class", () => { try { new RegExp("("); } catch (e) { return e instanceof SyntaxError; } });
