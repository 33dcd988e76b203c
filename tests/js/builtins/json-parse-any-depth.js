function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
show("depth 100000", () => { const v = JSON.parse("[".repeat(100000) + "]".repeat(100000)); let d = 0, x = v; while (x.length) { x = x[0]; d++; } return d; });
show("objects 50000", () => { const v = JSON.parse('{"a":'.repeat(50000) + "1" + "}".repeat(50000)); let d = 0, x = v; while (typeof x === "object") { x = x.a; d++; } return d + " " + x; });
show("error deep inside", () => JSON.parse("[".repeat(1000) + "x" + "]".repeat(1000)));
show("stringify 3000 deep", () => { let a = []; for (let i = 0; i < 3000; i++) a = [a]; return JSON.stringify(a).length; });
show("stringify too deep", () => { let a = []; for (let i = 0; i < 20000; i++) a = [a]; return JSON.stringify(a).length; });
