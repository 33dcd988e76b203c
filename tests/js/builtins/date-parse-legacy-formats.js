function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const legacy = ["2024/03/05", "03/05/2024", "3/5/2024 10:20", "March 5, 2024", "5 March 2024", "Mar 5 2024 10:00:00 GMT+0100", "Tue Mar 05 2024 10:00:00 GMT+0000 (Coordinated Universal Time)", "Tue, 05 Mar 2024 10:00:00 GMT", "12/31/99", "1/1/50", "1/1/49", "Jan 1 2000 12:30 am", "Jan 1 2000 12:30 pm", "Jan 1 2000 3pm", "Jan 1 2000 3:00 PM", "Sat, 01 Jan 2000 00:00:00 PST", "Jan 1 2000 00:00 EDT", "2000-01-01T00:00:00.000+0530", "June 2024", "1 2 3", "Thursday, 2024 July 4", "July 4 2024 10:00:00.250", "2024 July 4 UTC", "Jan 1 2000 GMT-8", "Jan 1 2000 UTC+0130", "foo", "", "Jan 32 2000", "2000 Foo 1", "(comment) Jan 1 2000", "Jan 1 2000 (note)", "12:00 1/1/2000", "1/1/2000 12:00:00:00", "Dec 25, 1995 13:30", "1995-12-17T03:24:00", "Mon, 25 Dec 1995 13:30:00 +0430"];
for (const s of legacy) show(JSON.stringify(s), () => Date.parse(s));
