function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("groups", () => { const g = /(?<y>\d{4})-(?<mo>\d{2})/.exec("on 2024-03").groups; return g.y + "/" + g.mo + " " + Object.keys(g).join(","); });
show("no named", () => /(a)/.exec("a").groups);
show("unmatched named", () => { const g = /(?<a>x)|(?<b>y)/.exec("y").groups; return String(g.a) + "," + g.b; });
show("null prototype", () => Object.getPrototypeOf(/(?<a>x)/.exec("x").groups));
show("numbered too", () => m(/(?<first>a)(b)/, "ab"));
show("\\k", () => /(?<q>["'])x\k<q>/.test("'x'") + " " + /(?<q>["'])x\k<q>/.test("'x\""));
show("replace $<>", () => "John Smith".replace(/(?<first>\w+) (?<last>\w+)/, "$<last>, $<first>"));
show("destructure", () => { const { groups: { h, mm } } = /(?<h>\d+):(?<mm>\d+)/.exec("12:34"); return h + mm; });
show("dollar name", () => /(?<$x_1>a)/.exec("a").groups.$x_1);
show("matchAll groups", () => [..."a=1,b=2".matchAll(/(?<k>\w)=(?<v>\d)/g)].map(r => r.groups.k + r.groups.v).join());
