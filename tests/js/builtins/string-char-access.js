function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("charAt", () => "hello".charAt(1) + "|" + "hello".charAt(10) + "|" + "hello".charAt(-1) + "|");
show("charAt default", () => "hello".charAt());
show("charCodeAt", () => "ABC".charCodeAt(1));
show("charCodeAt out of range", () => "ABC".charCodeAt(5));
show("charCodeAt surrogates", () => "😀".charCodeAt(0) + "," + "😀".charCodeAt(1));
show("codePointAt pair", () => "😀x".codePointAt(0));
show("codePointAt trail", () => "😀x".codePointAt(1));
show("codePointAt after", () => "😀x".codePointAt(2));
show("codePointAt out", () => "😀x".codePointAt(3));
show("codePointAt lone lead", () => "\ud83d".codePointAt(0));
show("index access", () => "xyz"[1] + "xyz"[5]);
show("length of pair", () => "a😀b".length);
show("latin1", () => "é".charCodeAt(0) + " " + "ñ".length);
