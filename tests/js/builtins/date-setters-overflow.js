function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
function t(f) { const d = new Date(Date.UTC(2024, 0, 31, 12, 0, 0)); const r = f(d); return r + " " + d.toISOString(); }
show("setMonth overflow", () => t(d => d.setMonth(1)));
show("setDate 0", () => t(d => d.setDate(0)));
show("setDate 32", () => t(d => d.setUTCDate(32)));
show("setHours multi", () => t(d => d.setHours(25, 61, 61, 1001)));
show("setMinutes", () => t(d => d.setMinutes(-1)));
show("setSeconds ms", () => t(d => d.setSeconds(5, 500)));
show("setMilliseconds", () => t(d => d.setUTCMilliseconds(-1)));
show("setFullYear", () => t(d => d.setFullYear(2023, 1, 29)));
show("setUTCFullYear", () => t(d => d.setUTCFullYear(1999)));
show("setTime", () => t(d => d.setTime(86400000)));
show("setTime string", () => t(d => d.setTime("5")));
show("set NaN", () => { const d = new Date(0); return d.setHours(NaN) + " " + d.getTime(); });
show("no args", () => { const d = new Date(0); return d.setDate() + " " + d.getTime(); });
show("on invalid date", () => { const d = new Date(NaN); return d.setMonth(1) + " " + d.setFullYear(2020) + " " + d.toISOString(); });
show("setYear", () => { const d = new Date(0); return d.setYear(99) + " " + d.setYear(2005) + " " + d.setYear(NaN); });
show("clipped", () => { const d = new Date(0); return d.setTime(9e15) + " " + d.getTime(); });
show("arg conversion order", () => { const log = []; const d = new Date(NaN); d.setHours({ valueOf() { log.push("h"); return 1; } }, { valueOf() { log.push("m"); return 2; } }); return log.join(); });
