function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("upper", () => "Hello, World!".toUpperCase());
show("lower", () => "Hello, World!".toLowerCase());
show("latin1", () => "àéîõü ÀÉÎÕÜ ÿ".toUpperCase() + " " + "ÀÉÎÕÜ".toLowerCase());
show("eszett", () => "straße".toUpperCase());
show("greek", () => "ΑΒΓ αβγ".toLowerCase() + " " + "αβγ".toUpperCase());
show("final sigma", () => "ΟΔΟΣ ΣΑΣ".toLowerCase());
show("cyrillic", () => "Привет".toUpperCase() + " " + "МИР".toLowerCase());
show("dotted I", () => "İ".toLowerCase().length);
show("ligature", () => "ﬁne".toUpperCase());
show("locale versions", () => "aBc".toLocaleUpperCase() + "aBc".toLocaleLowerCase());
show("on number", () => String.prototype.toUpperCase.call(true));
show("micro sign", () => "µ".toUpperCase().charCodeAt(0));
show("digraph", () => "ǅ".toUpperCase() + "ǅ".toLowerCase());
