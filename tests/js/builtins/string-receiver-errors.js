function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("trim null", () => String.prototype.trim.call(null));
show("slice undefined", () => String.prototype.slice.call(undefined, 0));
show("at null", () => String.prototype.at.call(null, 0));
show("padStart undefined", () => String.prototype.padStart.call(undefined, 3));
show("toString on number", () => String.prototype.toString.call(1));
show("valueOf on object", () => String.prototype.valueOf.call({}));
show("toString on wrapper", () => String.prototype.toString.call(new String("w")));
show("split on number", () => JSON.stringify(String.prototype.split.call(12321, 2)));
show("symbol receiver", () => String.prototype.trim.call(Symbol("s")));
show("toLowerCase null", () => String.prototype.toLowerCase.call(null));
