function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("a vs b", () => "a".localeCompare("b"));
show("b vs a", () => "b".localeCompare("a"));
show("equal", () => "a".localeCompare("a"));
show("case", () => "a".localeCompare("A") + " " + "A".localeCompare("a") + " " + "a".localeCompare("B"));
show("sorted words", () => ["banana", "Apple", "cherry", "apple", "Banana", "_x", "10", "9", "a b", "a-b", "ab"].sort((x, y) => x.localeCompare(y)).join(","));
show("accents", () => ["résumé", "resume", "Resume", "résume", "resumé"].sort((x, y) => x.localeCompare(y)).join(","));
show("prefix", () => "abc".localeCompare("ab") + " " + "ab".localeCompare("abc"));
show("digits", () => "item2".localeCompare("item10"));
show("punctuation", () => ["!", "?", ".", ",", "-", "_", " ", "#", "$", "0", "a"].sort((x, y) => x.localeCompare(y)).join(""));
show("eszett", () => "ß".localeCompare("ss") + " " + "ß".localeCompare("st") + " " + "ß".localeCompare("sr"));
show("length", () => String.prototype.localeCompare.length);
