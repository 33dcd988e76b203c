function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const d = new Date(Date.UTC(2024, 2, 5, 13, 4, 5, 6));
show("toLocaleString", () => d.toLocaleString());
show("toLocaleDateString", () => d.toLocaleDateString());
show("toLocaleTimeString", () => d.toLocaleTimeString());
show("midnight", () => new Date(Date.UTC(2024, 0, 1)).toLocaleTimeString());
show("noon", () => new Date(Date.UTC(2024, 0, 1, 12)).toLocaleTimeString());
show("en-US", () => d.toLocaleString("en-US"));
show("UTC option", () => d.toLocaleDateString("en-US", { timeZone: "UTC" }));
show("early year", () => new Date(Date.UTC(5, 0, 1)).toLocaleDateString());
show("invalid", () => new Date(NaN).toLocaleString());
