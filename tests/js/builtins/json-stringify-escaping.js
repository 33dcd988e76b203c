function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("quotes and backslash", () => JSON.stringify("a\"b\\c"));
show("short escapes", () => JSON.stringify("\b\f\n\r\t"));
show("control", () => JSON.stringify("\u0000\u0001\u001f"));
show("del not escaped", () => JSON.stringify("\u007f").length);
show("slash not escaped", () => JSON.stringify("a/b"));
show("line separators", () => JSON.stringify("\u2028\u2029").length);
show("lone surrogates", () => JSON.stringify("\ud800 \udfff"));
show("pair kept", () => JSON.stringify("😀") === '"😀"');
show("pair made by concatenation", () => JSON.stringify("\ud83d" + "\ude00") === '"😀"');
show("keys escaped", () => JSON.stringify({ "a\nb": 1, "\"": 2 }));
show("non-ascii", () => JSON.stringify("héllo wörld"));
