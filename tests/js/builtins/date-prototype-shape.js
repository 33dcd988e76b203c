function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const names = Object.getOwnPropertyNames(Date.prototype);
console.log(names.join());
console.log(names.filter(n => n !== "constructor").map(n => n + "/" + Date.prototype[n].length).join(" "));
console.log(Date.prototype.toGMTString.name, Date.prototype.constructor === Date, Date.name);
console.log(Object.prototype.toString.call(new Date(0)), Object.prototype.toString.call(Date.prototype));
