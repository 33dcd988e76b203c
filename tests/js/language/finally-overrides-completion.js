// a return, break or continue in a finally block overrides the try's completion
function f(){ try { return 1 } finally { console.log("f"); return 2 } } console.log(f());
function g(){ for (let i = 0; i < 3; i++) { try { if (i == 1) break; console.log('i', i) } finally { console.log('fin', i); if (i == 1) continue; } } return 'g'; } console.log(g());
function h(){ outer: for (const a of [1,2]) { try { try { return 'h' + a } finally { console.log('in1', a) } } finally { console.log('in2', a); if (a == 1) continue outer; } } return 'end' } console.log(h());
