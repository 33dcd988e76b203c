// Source: https://github.com/nodejs/node/issues/22257 ("MacroTask and MicroTask execution order", jpsfs, Node 10.8.0)
// Claimed answer: browsers: Timeout 0, Promise 1 0, Promise 2 0, Timeout 1, Promise 1 1, Promise 2 1; Node (most frequent): Timeout 0, Timeout 1, Promise 1 0, Promise 2 0, Promise 1 1, Promise 2 1 ("sometimes it matches the browsers")
for (let i = 0; i < 2; i++) {
	setTimeout(() => {
		console.log("Timeout ", i);
		Promise.resolve().then(() => {
			console.log("Promise 1 ", i);
		}).then(() => {
			console.log("Promise 2 ", i);
		});
	})
}
