// gen.return(x) at a yield runs the finally blocks around it (which may yield again)
function* g() { try { yield 1; yield 2; } finally { console.log('fin'); yield 'from finally'; console.log('after fy'); } }
const it = g(); console.log(JSON.stringify(it.next())); console.log(JSON.stringify(it.return(7))); console.log(JSON.stringify(it.next())); console.log(JSON.stringify(it.next()));
function* h() { for (const x of g()) { yield x; } }
const i2 = h(); i2.next(); console.log(JSON.stringify(i2.return(3)));
function* k() { try { yield 1; } finally { return 'override'; } }
const i3 = k(); i3.next(); console.log(JSON.stringify(i3.return(1)));
function* g() { try { yield 1; yield 2; } finally { console.log('fin'); } }
try { for (const v of g()) { if (v === 1) throw new Error('x'); } } catch (e) { console.log('caught'); }
async function* ag() { try { yield 1; yield 2; } finally { console.log('afin'); } }
const x = ag(); x.next().then(() => x.return(5)).then(r => console.log('ret', JSON.stringify(r)));
