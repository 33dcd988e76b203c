function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("well formed", () => "abc😀".isWellFormed());
show("lone lead", () => "ab\ud800".isWellFormed());
show("lone trail", () => "\udc00ab".isWellFormed());
show("toWellFormed", () => Array.from("a\ud800b\udc00".toWellFormed(), c => c.charCodeAt(0).toString(16)).join(","));
show("pair kept", () => "😀".toWellFormed() === "😀");
