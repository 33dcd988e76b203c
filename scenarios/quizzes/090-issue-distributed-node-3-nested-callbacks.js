// Source: https://github.com/tlhunter/distributed-node/issues/3 (second program of the issue (the same steps without async/await))
// Claimed answer: observed by the asker: 2 1 4 3 6 8 5 7
setImmediate(() => console.log(1))
console.log(2)
Promise.resolve().then(() =>
	setTimeout(() => {
		setImmediate(() => console.log(3))
		console.log(4)
		Promise.resolve().then(() =>
			setImmediate(() => {
				setImmediate(() => console.log(5))
				console.log(6)
				Promise.resolve().then(() => {
					setImmediate(() => console.log(7))
					console.log(8)
				})
			})
		)
	}, 0)
)
