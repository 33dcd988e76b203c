function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("fromCharCode", () => String.fromCharCode(72, 105, 33));
show("fromCharCode wraps", () => String.fromCharCode(65 + 65536, 66.9));
show("fromCharCode pair", () => String.fromCharCode(0xD83D, 0xDE00) === "😀");
show("fromCharCode none", () => JSON.stringify(String.fromCharCode()));
show("fromCodePoint", () => String.fromCodePoint(128512, 65).length);
show("fromCodePoint equal", () => String.fromCodePoint(0x1F600) === "😀");
show("fromCodePoint -1", () => String.fromCodePoint(-1));
show("fromCodePoint 1.5", () => String.fromCodePoint(1.5));
show("fromCodePoint NaN", () => String.fromCodePoint("x"));
show("fromCodePoint too big", () => String.fromCodePoint(0x110000));
show("fromCodePoint Infinity", () => String.fromCodePoint(Infinity));
show("lengths", () => String.fromCharCode.length + " " + String.fromCodePoint.length + " " + String.raw.length);
