function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("toJSON", () => JSON.stringify({ x: { toJSON() { return 42; } } }));
show("toJSON key", () => JSON.stringify({ k: { toJSON(key) { return "key=" + key; } } }));
show("toJSON root key", () => JSON.stringify({ toJSON(key) { return "[" + key + "]"; } }));
show("toJSON in array", () => JSON.stringify([{ toJSON(k) { return k; } }]));
show("toJSON returns undefined", () => JSON.stringify({ a: { toJSON() { return undefined; } }, b: 1 }));
show("non-callable toJSON", () => JSON.stringify({ a: { toJSON: 1 } }));
show("inherited toJSON", () => { class P { toJSON() { return "p"; } } return JSON.stringify([new P()]); });
show("Date toJSON", () => JSON.stringify({ when: new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6)) }));
show("invalid date", () => JSON.stringify([new Date(NaN)]));
