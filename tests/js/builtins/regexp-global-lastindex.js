function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function m(re, s) {
  const r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.from(r)) + "@" + r.index;
}
show("exec loop", () => { const r = /\d/g; const out = []; let x; while ((x = r.exec("a1b2c3")) !== null) out.push(x[0] + r.lastIndex); return out.join(","); });
show("test advances", () => { const r = /a/g; return [r.test("aa"), r.lastIndex, r.test("aa"), r.lastIndex, r.test("aa"), r.lastIndex].join(); });
show("lastIndex past end", () => { const r = /a/g; r.lastIndex = 10; return r.test("aaa") + " " + r.lastIndex; });
show("non-global ignores lastIndex", () => { const r = /a/; r.lastIndex = 2; return r.exec("abca").index + " " + r.lastIndex; });
show("lastIndex string", () => { const r = /a/g; r.lastIndex = "1"; return r.exec("aa").index; });
show("lastIndex own property", () => { const d = Object.getOwnPropertyDescriptor(/a/, "lastIndex"); return [d.value, d.writable, d.enumerable, d.configurable].join(); });
show("empty match advance in replace", () => "abc".replace(/(?:)/g, "."));
show("frozen lastIndex", () => { const r = Object.freeze(/a/g); try { return r.test("a"); } catch (e) { return e.name + " " + r.lastIndex; } });
show("match resets lastIndex", () => { const r = /a/g; r.lastIndex = 2; "aa".match(r); return r.lastIndex; });
