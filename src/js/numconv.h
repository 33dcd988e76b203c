/* numconv.h - ECMAScript's number <-> string conversions, as V8 (Node 20) performs them.
 *
 * Self-contained (C11 and <math.h>; no state, no locale): each function below is one abstract
 * operation or built-in of ECMA-262, with V8's answer wherever the specification leaves a
 * choice (the digits of Number.prototype.toString(radix) for a fraction, parseInt's rounding
 * for a radix that is not a power of two).  numconv.c says how, and which V8 function each
 * one follows.
 *
 * Strings.  Inputs are byte strings of a given length, UTF-8: only the white space and line
 * terminators ECMA-262 trims (U+0009-000D, U+0020, U+00A0, U+1680, U+2000-200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000, U+FEFF) are decoded; any other non-ASCII byte, and any
 * NUL byte, is simply a character that is not part of a number.
 *
 * Outputs are ASCII, written like snprintf: at most size-1 characters and a terminating NUL
 * (nothing if size is 0); the return value is the length of the whole result, so a return
 * value >= size means the buffer was too small.  A buffer of the JS_*_MAX sizes below is
 * always large enough.  The formatting functions return 0 (and write "") exactly where the
 * built-in throws a RangeError, a result no valid call produces.
 */
#ifndef LOOPSIM_JS_NUMCONV_H
#define LOOPSIM_JS_NUMCONV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Buffer sizes (with the NUL) that hold any result of ... */
#define JS_NUMBER_STRING_MAX 32   /* js_number_to_string: "-1.2345678901234567e-308" */
#define JS_NUMBER_FORMAT_MAX 128  /* js_number_to_fixed, _exponential, _precision */
#define JS_NUMBER_RADIX_MAX 1120  /* js_number_to_radix_string: -(2^-1074) in base 2 */

/* Number::toString(x) (ECMA-262 6.1.6.1.20 with radix 10): the shortest digits that read
 * back as x.  "NaN", "Infinity", "-Infinity", "0" for both zeros, "123.456", "1e+21",
 * "1.5e-7". */
size_t js_number_to_string(double x, char *buf, size_t size);

/* Number.prototype.toString(radix) (ECMA-262 21.1.3.6), radix 2..36, with V8's digits for
 * fractions and for integers beyond 2^53 (V8's DoubleToRadixCString).  Radix 10 is
 * js_number_to_string.  Returns 0 for a radix outside 2..36 (a RangeError). */
size_t js_number_to_radix_string(double x, int radix, char *buf, size_t size);

/* Number.prototype.toFixed(digits) (ECMA-262 21.1.3.3), digits 0..100: exact decimal
 * rounding of the binary value, ties away from zero ((1.005).toFixed(2) is "1.00", (2.5)
 * .toFixed(0) is "3"); |x| >= 1e21 and non-finite x give js_number_to_string(x).  Returns 0
 * for digits outside 0..100 (the RangeError comes before the test of x). */
size_t js_number_to_fixed(double x, int digits, char *buf, size_t size);

/* Number.prototype.toExponential(digits) (ECMA-262 21.1.3.2), digits 0..100, or -1 for
 * undefined (as many digits as js_number_to_string needs).  Non-finite x gives
 * js_number_to_string(x) whatever digits is; otherwise digits outside -1..100 returns 0. */
size_t js_number_to_exponential(double x, int digits, char *buf, size_t size);

/* Number.prototype.toPrecision(precision) (ECMA-262 21.1.3.5), precision 1..100, or 0 for
 * undefined (js_number_to_string(x)).  Non-finite x gives js_number_to_string(x) whatever
 * precision is; otherwise precision outside 0..100 returns 0. */
size_t js_number_to_precision(double x, int precision, char *buf, size_t size);

/* StringToNumber (ECMA-262 7.1.4.1.1, ToNumber applied to a String): trims white space and
 * line terminators; "" is 0; a StrDecimalLiteral (sign, "Infinity", digits with an optional
 * point and exponent, ".5", "5.") or an unsigned 0x/0o/0b literal, correctly rounded;
 * anything else is NaN. */
double js_string_to_number(const char *s, size_t len);

/* The bounds [*from, *to) of s without its leading and trailing white space and line
 * terminators, as StringToNumber trims them (StringToBigInt trims the same way). */
void js_string_trim(const char *s, size_t len, size_t *from, size_t *to);

/* parseInt(string, radix) (ECMA-262 19.2.5), radix already converted by ToInt32: 0 means
 * undefined (10, or 16 after "0x"); outside 2..36 gives NaN.  The longest prefix of digits
 * counts; radix 10 and the powers of two are correctly rounded, other radixes round as V8
 * does (32-bit chunks accumulated in a double). */
double js_parse_int(const char *s, size_t len, int radix);

/* parseFloat(string) (ECMA-262 19.2.4): the longest prefix that is a StrDecimalLiteral
 * ("3.14abc" is 3.14, "Infinityx" is Infinity, "0x10" is 0), NaN if there is none. */
double js_parse_float(const char *s, size_t len);

/* ToInt32, ToUint32 (ECMA-262 7.1.6, 7.1.7): NaN and infinities are 0, else the
 * truncation modulo 2^32. */
int32_t js_to_int32(double x);
uint32_t js_to_uint32(double x);

/* ToIntegerOrInfinity (ECMA-262 7.1.5): NaN is 0, infinities stay, else the truncation
 * (never -0). */
double js_to_integer_or_infinity(double x);

/* Whether s is an array index (ECMA-262 6.1.7): the canonical numeric string of an integer
 * 0 .. 2^32-2, i.e. "0" or a digit string without a leading zero, at most 4294967294.  If
 * so and out is not NULL, stores the index. */
bool js_number_is_array_index(const char *s, size_t len, uint32_t *out);

#endif
