function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 250));
show("full year", () => d.getFullYear() + " " + d.getUTCFullYear());
show("month date day", () => [d.getMonth(), d.getDate(), d.getDay(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()].join());
show("time parts", () => [d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()].join());
show("utc time parts", () => [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()].join());
show("time and offset", () => d.getTime() + " " + d.valueOf() + " " + d.getTimezoneOffset());
show("getYear", () => d.getYear() + " " + new Date(Date.UTC(1899, 0)).getYear());
show("negative times", () => { const n = new Date(-1); return [n.getUTCFullYear(), n.getUTCMonth(), n.getUTCDate(), n.getUTCHours(), n.getUTCMilliseconds(), n.getUTCDay()].join(); });
show("ancient", () => { const n = new Date(-62198755200000); return n.getUTCFullYear() + " " + n.getUTCDay(); });
show("leap years", () => [1900, 2000, 2023, 2024].map(y => new Date(Date.UTC(y, 1, 29)).getUTCMonth()).join());
show("weekdays", () => [0, 1, 2, 3, 4, 5, 6].map(i => new Date(Date.UTC(2024, 0, 7 + i)).getDay()).join());
show("invalid", () => new Date(NaN).getFullYear() + " " + new Date(NaN).getTimezoneOffset());
