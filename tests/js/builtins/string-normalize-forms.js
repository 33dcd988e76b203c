function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("ascii NFC", () => "abc".normalize());
show("ascii NFD", () => "abc".normalize("NFD"));
show("NFD length", () => "é".normalize("NFD").length);
show("NFC of decomposed", () => "e\u0301".normalize() === "é");
show("NFC round trip", () => "Crème brûlée".normalize("NFD").normalize("NFC") === "Crème brûlée");
show("NFKC latin letters", () => "café".normalize("NFKC"));
show("bad form", () => "a".normalize("nfc"));
show("undefined form", () => "a".normalize(undefined));
show("length", () => String.prototype.normalize.length);
