// scopes: closures in loops, TDZ, hoisting, var in blocks, labeled statements, with, arguments
'use strict';
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
for (var j = 0; j < 3; j++) setTimeout(() => console.log('var j', j));
console.log(fns.map(f => f()), hoisted());
function hoisted() { return typeof later; }
try { console.log(tdz); let tdz = 1; } catch (e) { console.log(e.name + ': ' + e.message); }
outer: for (let i = 0; i < 3; i++) { for (let k = 0; k < 3; k++) { if (k === 1) continue outer; if (i === 2) break outer; console.log(i, k); } }
block: { console.log('in block'); break block; }
function args() { return arguments.length + [].slice.call(arguments).join(); }
console.log(args(1, 2, 3), (function () { return this; })(), typeof undeclared);
try { undeclared = 1; } catch (e) { console.log(e.message); }
let later = 1;
switch (3) { case 1: console.log(1); case 3: console.log(3); case 4: console.log(4); break; default: console.log('d'); }
