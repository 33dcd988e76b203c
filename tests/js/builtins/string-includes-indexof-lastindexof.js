function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("includes", () => "hello".includes("ell") + " " + "hello".includes("ell", 2));
show("includes empty", () => "".includes(""));
show("indexOf", () => "banana".indexOf("an") + " " + "banana".indexOf("an", 2) + " " + "banana".indexOf("x"));
show("indexOf empty", () => "abc".indexOf("") + " " + "abc".indexOf("", 2) + " " + "abc".indexOf("", 10));
show("indexOf negative", () => "abc".indexOf("a", -5));
show("indexOf coerces", () => "a1b2".indexOf(2) + " " + "nullnull".indexOf(null, 1));
show("lastIndexOf", () => "banana".lastIndexOf("an") + " " + "banana".lastIndexOf("an", 2) + " " + "banana".lastIndexOf("an", 0));
show("lastIndexOf NaN pos", () => "banana".lastIndexOf("a", NaN));
show("lastIndexOf negative", () => "banana".lastIndexOf("b", -3) + " " + "banana".lastIndexOf("a", -3));
show("lastIndexOf empty", () => "abc".lastIndexOf("") + " " + "abc".lastIndexOf("", 1));
show("lastIndexOf longer", () => "ab".lastIndexOf("abc"));
show("non-ascii indexOf", () => "héllo wörld".indexOf("wö") + " " + "😀😀x".indexOf("x"));
