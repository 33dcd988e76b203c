function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("regexp", () => JSON.stringify("a1b22c".split(/\d+/)));
show("captures", () => JSON.stringify("a1b2c".split(/(\d)/)));
show("optional capture", () => JSON.stringify("a1b".split(/(\d)(x)?/)));
show("limit with captures", () => JSON.stringify("a1b2c".split(/(\d)/, 2)));
show("empty matches", () => JSON.stringify("abc".split(/x*/)));
show("empty regexp", () => JSON.stringify("abc".split(/(?:)/)));
show("whitespace", () => JSON.stringify("  a  b ".split(/\s+/)));
show("empty string", () => JSON.stringify("".split(/,/)) + JSON.stringify("".split(/x*/)));
show("unicode empty", () => "😀😀".split(/(?:)/u).length + " " + "😀😀".split(/(?:)/).length);
show("case insensitive", () => JSON.stringify("aXbxc".split(/x/i)));
show("lookahead", () => JSON.stringify("oneTwoThree".split(/(?=[A-Z])/)));
