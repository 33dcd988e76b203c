// builtin namespaces and prototypes
console.log(Object.prototype);
console.log(Array.prototype);
console.log(Promise.prototype);
console.log(Error.prototype);
console.log(Symbol.prototype);
console.log(Number.prototype);
console.log(String.prototype);
console.log(Boolean.prototype);
console.log(RegExp.prototype);
console.log(Date.prototype);
console.log(Map.prototype);
