// async generators, for await, async iteration of sync iterables, await in loops
async function* ticks(n) { for (let i = 0; i < n; i++) { await null; yield i; } }
(async () => {
  for await (const t of ticks(3)) console.log('tick', t);
  for await (const v of [Promise.resolve('a'), 'b']) console.log(v);
  const ag = ticks(5);
  console.log(await ag.next(), await ag.return('r'), await ag.next());
  process.nextTick(() => console.log('nextTick'));
  await undefined;
  console.log('after await');
})().then(() => console.log('end'));
Promise.resolve().then(() => console.log('microtask'));
console.log('sync');
