function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("search", () => "hello world".search(/o/));
show("search none", () => "hello".search(/z/));
show("search string", () => "a.b".search("."));
show("search ignores global", () => { const r = /o/g; r.lastIndex = 5; return "foo boo".search(r) + " " + r.lastIndex; });
show("search undefined", () => "abc".search());
show("search sticky", () => "xa".search(/a/y));
