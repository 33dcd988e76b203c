// promise combinators, thenables, rejection handled late, finally semantics
const delay = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
Promise.all([delay(2, 'a'), 'b', { then(r) { r('thenable'); } }]).then(v => console.log('all', v));
Promise.allSettled([delay(1, 'x', true), delay(1, 'y')]).then(r => console.log(r.map(x => x.status)));
Promise.race([delay(3, 'slow'), delay(1, 'fast')]).then(v => console.log('race', v));
Promise.any([delay(1, 'e1', true), delay(2, 'e2', true)]).catch(e => console.log(e.constructor.name, e.errors.length));
const late = Promise.reject(new Error('late'));
setTimeout(() => late.catch(e => console.log('handled late', e.message)), 0);
Promise.resolve(1).finally(() => 2).then(v => console.log('finally keeps', v));
Promise.reject(3).finally(() => { throw 4; }).catch(v => console.log('finally throws', v));
const { promise, resolve } = Promise.withResolvers(); promise.then(v => console.log('withResolvers', v)); resolve('ok');
new Promise((res) => { res(1); res(2); throw new Error('ignored'); }).then(v => console.log('first wins', v));
