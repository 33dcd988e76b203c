function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const bad = new Date("nope");
show("getTime", () => bad.getTime());
show("toString", () => bad.toString() + " | " + bad.toDateString() + " | " + bad.toTimeString() + " | " + bad.toUTCString());
show("toISOString", () => bad.toISOString());
show("isNaN", () => isNaN(bad));
show("String", () => String(new Date(NaN)));
show("JSON", () => JSON.stringify([bad]));
show("setters stay NaN", () => bad.setMinutes(3) + " " + bad.setUTCDate(1));
