function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("non-global", () => { const m = "a1b22".match(/(\d)(\d)?/); return [m[0], m[1], m[2], m.index, m.input, m.length].join("|"); });
show("global", () => "a1b22c333".match(/\d+/g).join(","));
show("global no match", () => "abc".match(/\d/g));
show("non-global no match", () => "abc".match(/\d/));
show("string pattern", () => "a.b".match(".").index);
show("string pattern special", () => "a+b".match("a+").length);
show("undefined pattern", () => JSON.stringify("abc".match()));
show("global empty", () => "ab".match(/x*/g).length);
show("global lastIndex reset", () => { const r = /a/g; r.lastIndex = 5; "aaa".match(r); return r.lastIndex; });
show("groups", () => "k=v".match(/(?<key>\w)=(?<val>\w)/).groups.val);
