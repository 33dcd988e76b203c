// constructor names from the prototype chain
class Animal {}
class Dog extends Animal {}
const d = new Dog();
console.log(d);
console.log(Object.create(Dog.prototype));
console.log(Object.create(Animal.prototype, { x: { value: 1, enumerable: true } }));
console.log({ constructor: 'not a function' });
console.log({ constructor: function Fake() {} });
const noName = Object.create({ constructor: function () {} });
console.log(noName);
function Old() { this.v = 1; }
Old.prototype = { method() {} };
console.log(new Old());
function Fixed() {}
Fixed.prototype = { constructor: Fixed };
console.log(new Fixed());
console.log(Object.create(Array.prototype));
console.log(Object.create(Map.prototype));
console.log(Object.create(Promise.prototype));
console.log(Object.create(Function.prototype));
const fakeArray = Object.setPrototypeOf([1, 2], Dog.prototype);
console.log(fakeArray);
const realArrayAsObject = Object.setPrototypeOf({ 0: 'a' }, Array.prototype);
console.log(realArrayAsObject);
class Base { constructor() { this.base = true; } }
const chain = Object.create(Object.create(Base.prototype));
console.log(chain);
