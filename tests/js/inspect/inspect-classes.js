// classes: [class A], [class B extends A], anonymous classes, static members
class A {}
class B extends A {}
console.log(A);
console.log(B);
console.log(class {});
console.log([A, B]);
console.log({ cls: A });
class WithStatic {}
WithStatic.x = 1;
WithStatic.y = { z: 2 };
console.log(WithStatic);
class Named extends Array {}
console.log(Named);
class ExtendsNull extends null {}
console.log(ExtendsNull);
const Expr = class Inner {};
console.log(Expr);
class StaticMethod { static m() {} }
console.log(StaticMethod);
class ErrSub extends Error {}
console.log(ErrSub);
