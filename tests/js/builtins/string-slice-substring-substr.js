function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("slice", () => "abcdef".slice(1, 4) + "|" + "abcdef".slice(-2) + "|" + "abcdef".slice(4, 1) + "|");
show("slice NaN", () => "abcdef".slice(NaN, 2));
show("slice big", () => "abc".slice(-100, 100));
show("substring", () => "abcdef".substring(4, 1) + "|" + "abcdef".substring(-1, 2) + "|" + "abcdef".substring(2));
show("substring NaN", () => "abcdef".substring(NaN, 3));
show("substr", () => "abcdef".substr(1, 3) + "|" + "abcdef".substr(-3, 2) + "|" + "abcdef".substr(2));
show("substr negative length", () => JSON.stringify("abc".substr(1, -1)));
show("substr big start", () => JSON.stringify("abc".substr(5)));
show("lengths", () => [String.prototype.slice.length, String.prototype.substring.length, String.prototype.substr.length].join());
show("non-ascii slice", () => "héllo".slice(1, 3) + " " + "😀ab".slice(2));
