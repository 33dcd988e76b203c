function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("\\d\\D", () => m(/\d\D/, "12a3"));
show("\\w\\W", () => m(/\w+\W/, "ab_9!x"));
show("\\s\\S", () => m(/\s\S/, "a \tb"));
show("unicode spaces in \\s", () => /^\s+$/.test("\u00a0\u2003\ufeff\u3000\n\r\t\v\f"));
show("class range", () => m(/[a-c]+/, "xxabcabd"));
show("negated class", () => m(/[^a-c]+/, "abcxyzabc"));
show("class with escapes", () => m(/[\d_]+/, "ab1_2c"));
show("class with \\s and -", () => m(/[\s-]+/, "a - b"));
show("dash at ends", () => m(/[-a]+/, "x-a-")+" "+m(/[a-]+/, "x-a-"));
show("\\b in class", () => /[\b]/.test("\b") + " " + /[\b]/.test("b"));
show("control escapes", () => /\t\n\v\f\r/.test("\t\n\v\f\r"));
show("\\x and \\u", () => /\x41\u0042/.test("AB"));
show("\\0", () => /\0/.test("\0"));
show("\\cJ", () => /\cJ/.test("\n"));
show("caret in class", () => m(/[\^a]+/, "x^a^"));
show("bracket in class", () => m(/[\]]+/, "a]]b"));
show("class of surrogates", () => /^[😀]$/.test("😀") + " " + /^[😀]$/u.test("😀"));
show("\\W with unicode letters", () => m(/\W+/, "abcé"));
