// number literals beyond int32 compile as numbers, not as int operands
console.log(4294967295, -2147483648, -2147483649, 2147483647, 2147483648, 1e300, -0, 2 ** 53 + 2);
console.log(Object.keys({ 4294967295: 'a', 4294967294: 'b', 1: 'c' }));
