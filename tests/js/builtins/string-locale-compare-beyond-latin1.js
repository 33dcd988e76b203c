function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("emoji before letters", () => ["b", "😀", "a", "1", "★"].sort((x, y) => x.localeCompare(y)).join(" "));
show("greek and cyrillic after latin", () => ["я", "z", "α", "Ω", "a"].sort((x, y) => x.localeCompare(y)).join(" "));
show("latin extended", () => ["b", "ā", "a", "Ā", "c", "ő", "o"].sort((x, y) => x.localeCompare(y)).join(" "));
show("currency", () => ["0", "€", "$", "~"].sort((x, y) => x.localeCompare(y)).join(" "));
show("dash", () => ["-", "–", ","].sort((x, y) => x.localeCompare(y)).join(" "));
show("ignorable joiner", () => "a\u200db".localeCompare("ab"));
show("combining mark", () => "a".localeCompare("a\u0301") + " " + "a\u0301".localeCompare("b"));
