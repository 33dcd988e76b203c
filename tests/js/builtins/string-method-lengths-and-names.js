function show(label, f) {
  try { console.log(label + ": " + String(f())); }
  catch (e) { console.log(label + " threw " + e.name + ": " + e.message); }
}
const names = ["at", "charAt", "charCodeAt", "codePointAt", "concat", "endsWith", "includes", "indexOf", "lastIndexOf", "localeCompare", "match", "matchAll", "normalize", "padEnd", "padStart", "repeat", "replace", "replaceAll", "search", "slice", "split", "startsWith", "substr", "substring", "toLocaleLowerCase", "toLocaleUpperCase", "toLowerCase", "toString", "toUpperCase", "trim", "trimEnd", "trimStart", "valueOf"];
for (const n of names) console.log(n, String.prototype[n].length, String.prototype[n].name);
console.log("iterator", String.prototype[Symbol.iterator].name, String.prototype[Symbol.iterator].length);
console.log("ctor", String.length, String.name);
console.log("enumerable", Object.keys(String.prototype).length);
