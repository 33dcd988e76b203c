function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("(?=", () => m(/\w+(?=!)/, "hi there!"));
show("(?!", () => m(/\d+(?!px)\b/, "10px 20em"));
show("password rule", () => /^(?=.*\d)(?=.*[a-z]).{6,}$/.test("abc123") + " " + /^(?=.*\d)(?=.*[a-z]).{6,}$/.test("abcdef"));
show("captures kept", () => m(/(?=(\w+))\w/, "abc"));
show("negative drops captures", () => m(/(?!(a)b)\w+/, "ac"));
show("thousands", () => "1234567".replace(/\B(?=(\d{3})+(?!\d))/g, ","));
show("atomic", () => m(/(?=(a+))a*b/, "aaab"));
show("quantified lookahead (annex B)", () => m(/(?=a)*a/, "a"));
show("empty lookahead", () => m(/(?=)a/, "a"));
