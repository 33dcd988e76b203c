function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("$1 $2", () => "John Smith".replace(/(\w+)\s(\w+)/, "$2, $1"));
show("$01", () => "abc".replace(/(b)/, "[$01]"));
show("$10 with one group", () => "abc".replace(/(b)/, "[$10]"));
show("$0 $00", () => "abc".replace(/(b)/, "[$0|$00]"));
show("$2 missing group", () => "abc".replace(/(b)/, "[$2]"));
show("$11 with eleven", () => "abcdefghijk".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11$10$1"));
show("$<name>", () => "2024-03-05".replace(/(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)/, "$<d>.$<m>.$<y>"));
show("$<missing>", () => "ab".replace(/(?<x>a)/, "[$<nope>]"));
show("$<unterminated", () => "ab".replace(/(?<x>a)/, "[$<x]"));
show("$& $` $'", () => "abc".replace(/b/, "[$&|$`|$']"));
show("unmatched group", () => "ac".replace(/a(b)?c/, "[$1]"));
show("global", () => "a1b2c3".replace(/\d/g, "#"));
show("global empty matches", () => "abc".replace(/x*/g, "-"));
show("case insensitive", () => "Hello HELLO hello".replace(/hello/gi, "bye"));
