function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("*?", () => m(/a.*?b/, "a1b2b"));
show("+?", () => m(/a+?/, "aaa"));
show("??", () => m(/ab??/, "ab"));
show("{2,}?", () => m(/a{2,}?/, "aaaa"));
show("{1,3}?", () => m(/a{1,3}?b/, "aaab"));
show("lazy tags", () => "<a><b>".match(/<.+?>/g).join(","));
show("lazy group", () => m(/(ab)+?/, "ababab"));
show("lazy before anchor", () => m(/\d+?$/, "12345"));
show("lazy replace", () => "aaa".replace(/a*?/g, "-"));
show("lazy with alternation", () => m(/(a|b)*?c/, "abac"));
