function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("increment numbers", () => JSON.stringify(JSON.parse('{"a":1,"b":[2,3]}', (k, v) => typeof v === "number" ? v + 1 : v)));
show("delete by undefined", () => JSON.stringify(JSON.parse('{"a":1,"b":2}', (k, v) => k === "a" ? undefined : v)));
show("array holes", () => { const a = JSON.parse("[1,2,3]", (k, v) => k === "1" ? undefined : v); return a.length + " " + (1 in a); });
show("visit order", () => { const order = []; JSON.parse('{"a":{"b":1},"c":[1,2]}', function (k, v) { order.push(k === "" ? "<root>" : k); return v; }); return order.join(","); });
show("this is holder", () => { const r = []; JSON.parse('{"x":{"y":1}}', function (k, v) { if (k === "y") r.push(this.y); if (k === "") r.push(Object.keys(this).join()); return v; }); return r.join("|"); });
show("root replaced", () => JSON.parse("[1]", (k, v) => k === "" ? "root" : v));
show("two arguments", () => JSON.parse("1", function () { return arguments.length; }));
show("dates", () => JSON.parse('{"d":"2020-01-01T00:00:00.000Z"}', (k, v) => k === "d" ? new Date(v).getTime() : v).d);
show("non-callable reviver", () => JSON.parse("[1]", 5).length);
