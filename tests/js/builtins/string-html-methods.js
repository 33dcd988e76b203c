function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("anchor", () => "x".anchor('a"b'));
show("link", () => "x".link("http://e.com"));
show("fontcolor", () => "x".fontcolor("red"));
show("fontsize", () => "x".fontsize(7));
show("plain tags", () => ["big", "blink", "bold", "fixed", "italics", "small", "strike", "sub", "sup"].map(m => "x"[m]()).join(""));
show("lengths", () => "".anchor.length + " " + "".bold.length);
