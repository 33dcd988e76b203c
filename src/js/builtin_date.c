/* builtin_date.c - Date (ECMA-262 21.4).
 *
 * A Date is a CLASS_DATE object whose primitive is its time value: milliseconds since the
 * epoch, or NaN, as TimeClip (21.4.1.31) leaves it.  The calendar arithmetic is 21.4.1's
 * (Day, TimeWithinDay, MakeTime, MakeDay, MakeDate), with the civil-from-days conversion in
 * integers so that it is exact over the whole range of +-8.64e15 ms.
 *
 * Local time is UTC in loopsim: the simulated process runs with TZ=UTC, so LocalTime(t) = t,
 * getTimezoneOffset() is 0, the local getters and setters are the UTC ones, and toString
 * prints "GMT+0000 (Coordinated Universal Time)", exactly what Node prints under TZ=UTC.
 *
 * The clock: new Date() and Date.now() read the embedder's clock
 * (js_host.current_time_ms, the simulated time); without one the time is 0.
 *
 * Date.parse is V8's DateParser (src/date/dateparser*): first the ES5 ISO format
 * (21.4.1.32, with V8's extensions: hhmm offsets, any number of fraction digits, date-only
 * forms in UTC), then V8's legacy parser, which reads the rest as numbers, month names,
 * time zone names (UT, UTC, GMT, Z and the US zones), AM/PM, signed offsets and ignores
 * other words before the first number and text in parentheses.
 *
 * The string forms are V8's: toString "Tue Mar 05 2024 10:00:00 GMT+0000 (Coordinated
 * Universal Time)", toUTCString "Tue, 05 Mar 2024 10:00:00 GMT", toISOString with six-digit
 * signed years outside 0..9999.  The locale forms are Node's (ICU) en-US ones in UTC:
 * "3/5/2024, 10:00:00 AM"; loopsim does not model other locales or formatting options, and
 * refuses them with a RangeError rather than printing something Node would not.
 *
 * V8's messages: the getters and valueOf say "this is not a Date object.", the other
 * methods "Method Date.prototype.x called on incompatible receiver ...".
 */
#include "jsi.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

#define MS_PER_DAY 86400000.0
#define MAX_TIME 8.64e15

static const char *const week_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ======================================================================================
 * the calendar (21.4.1)
 * ====================================================================================== */

/* days from 1970-01-01 to y-m-d (m 1..12), proleptic Gregorian */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

typedef struct {
    int64_t year;
    int month;     /* 0..11 */
    int day;       /* 1..31 */
    int weekday;   /* 0 Sunday */
    int hour, minute, second, ms;
} civil;

static civil civil_from_time(double t)
{
    civil c;
    int64_t days = (int64_t)floor(t / MS_PER_DAY);
    int64_t in_day = (int64_t)(t - (double)days * MS_PER_DAY);
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    c.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    c.month = (int)(mp < 10 ? mp + 2 : mp - 10);
    c.year = yoe + era * 400 + (c.month <= 1);
    c.weekday = (int)(((days % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
    c.hour = (int)(in_day / 3600000);
    c.minute = (int)(in_day / 60000 % 60);
    c.second = (int)(in_day / 1000 % 60);
    c.ms = (int)(in_day % 1000);
    return c;
}

/* 21.4.1.27 MakeTime */
static double make_time(double h, double m, double s, double ms)
{
    if (!isfinite(h) || !isfinite(m) || !isfinite(s) || !isfinite(ms))
        return NAN;
    return js_to_integer_or_infinity(h) * 3600000.0 + js_to_integer_or_infinity(m) * 60000.0 +
           js_to_integer_or_infinity(s) * 1000.0 + js_to_integer_or_infinity(ms);
}

/* 21.4.1.28 MakeDay */
static double make_day(double year, double month, double date)
{
    if (!isfinite(year) || !isfinite(month) || !isfinite(date))
        return NAN;
    double y = js_to_integer_or_infinity(year), m = js_to_integer_or_infinity(month);
    double dt = js_to_integer_or_infinity(date);
    double ym = y + floor(m / 12);
    if (fabs(ym) > 400000)
        return NAN;
    double mn = fmod(m, 12);
    if (mn < 0)
        mn += 12;
    return (double)days_from_civil((int64_t)ym, (int64_t)mn + 1, 1) + dt - 1;
}

/* 21.4.1.29 MakeDate */
static double make_date(double day, double time)
{
    if (!isfinite(day) || !isfinite(time))
        return NAN;
    double tv = day * MS_PER_DAY + time;
    return isfinite(tv) ? tv : NAN;
}

/* 21.4.1.31 TimeClip */
static double time_clip(double t)
{
    if (!isfinite(t) || fabs(t) > MAX_TIME)
        return NAN;
    return js_to_integer_or_infinity(t) + 0.0; /* +0.0: no -0 */
}

/* MakeFullYear: 0..99 are 1900..1999 */
static double full_year(double y)
{
    if (isnan(y))
        return y;
    double yi = js_to_integer_or_infinity(y);
    return yi >= 0 && yi <= 99 ? 1900 + yi : y;
}

/* ======================================================================================
 * Date.parse: V8's DateParser
 * ====================================================================================== */

enum { NONE = 0x7fffffff };
enum { T_INVALID, T_UNKNOWN, T_SPACE, T_NUMBER, T_SYMBOL, T_END, T_MONTH, T_ZONE, T_TSEP, T_AMPM };

typedef struct {
    int tag;
    int length;
    int value;
} date_token;

typedef struct {
    const uint16_t *s;
    uint32_t n, i;
    date_token next;
} date_scanner;

static bool is_date_space(uint32_t c)
{
    return (c >= 9 && c <= 13) || c == ' ' || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static uint32_t ch(const date_scanner *sc)
{
    return sc->i < sc->n ? sc->s[sc->i] : 0;
}

/* a word: a month name (its first three letters), a zone, am/pm, T */
static date_token keyword(const uint32_t *pre, int len)
{
    static const struct {
        char w[4];
        int tag, value;
    } words[] = {
        {"jan", T_MONTH, 1}, {"feb", T_MONTH, 2},  {"mar", T_MONTH, 3},  {"apr", T_MONTH, 4},
        {"may", T_MONTH, 5}, {"jun", T_MONTH, 6},  {"jul", T_MONTH, 7},  {"aug", T_MONTH, 8},
        {"sep", T_MONTH, 9}, {"oct", T_MONTH, 10}, {"nov", T_MONTH, 11}, {"dec", T_MONTH, 12},
        {"am", T_AMPM, 0},   {"pm", T_AMPM, 12},   {"ut", T_ZONE, 0},    {"utc", T_ZONE, 0},
        {"z", T_ZONE, 0},    {"gmt", T_ZONE, 0},   {"cdt", T_ZONE, -5},  {"cst", T_ZONE, -6},
        {"edt", T_ZONE, -4}, {"est", T_ZONE, -5},  {"mdt", T_ZONE, -6},  {"mst", T_ZONE, -7},
        {"pdt", T_ZONE, -7}, {"pst", T_ZONE, -8},  {"t", T_TSEP, 0},
    };
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        bool same = true;
        for (int j = 0; j < 3; j++)
            same = same && pre[j] == (uint32_t)(unsigned char)words[k].w[j];
        if (same && (len <= 3 || words[k].tag == T_MONTH))
            return (date_token){words[k].tag, len, words[k].value};
    }
    return (date_token){T_INVALID + 100, len, 0}; /* an unknown word: a keyword of no type */
}

static date_token scan(date_scanner *sc)
{
    uint32_t start = sc->i, c = ch(sc);
    if (sc->i >= sc->n)
        return (date_token){T_END, 0, -1};
    if (c >= '0' && c <= '9') {
        int v = 0, digits = 0;
        while ((c = ch(sc)) >= '0' && c <= '9' && sc->i < sc->n) {
            if (digits++ < 9)
                v = v * 10 + (int)(c - '0');
            sc->i++;
        }
        return (date_token){T_NUMBER, (int)(sc->i - start), v};
    }
    if (c == ':' || c == '-' || c == '+' || c == '.' || c == ')') {
        sc->i++;
        return (date_token){T_SYMBOL, 1, (int)c};
    }
    if (c >= 'A') {
        uint32_t pre[3] = {0, 0, 0};
        int len = 0;
        for (; ch(sc) >= 'A' && sc->i < sc->n; sc->i++, len++)
            if (len < 3)
                pre[len] = ch(sc) >= 'A' && ch(sc) <= 'Z' ? ch(sc) + 32 : ch(sc);
        return keyword(pre, len);
    }
    if (is_date_space(c)) {
        sc->i++;
        return (date_token){T_SPACE, 1, -1};
    }
    if (c == '(') {
        int balance = 0;
        do {
            c = ch(sc);
            balance += c == '(' ? 1 : c == ')' ? -1 : 0;
            sc->i++;
        } while (balance > 0 && sc->i < sc->n);
        return (date_token){T_UNKNOWN, 1, -1};
    }
    sc->i++;
    return (date_token){T_UNKNOWN, 1, -1};
}

static date_token next_token(date_scanner *sc)
{
    date_token t = sc->next;
    sc->next = scan(sc);
    return t;
}

static bool skip_symbol(date_scanner *sc, int c)
{
    if (sc->next.tag == T_SYMBOL && sc->next.value == c) {
        sc->next = scan(sc);
        return true;
    }
    return false;
}

static bool is_fixed_number(date_token t, int length)
{
    return t.tag == T_NUMBER && t.length == length;
}

static bool is_sign(date_token t)
{
    return t.tag == T_SYMBOL && (t.value == '-' || t.value == '+');
}

static bool is_keyword(date_token t)
{
    return t.tag >= T_MONTH;
}

static bool between(int x, int lo, int hi)
{
    return x >= lo && x <= hi;
}

/* the composers of V8's parser */
typedef struct {
    int comp[3], n, named_month;
    bool iso;
} day_parts;

typedef struct {
    int comp[4], n, hour_offset;
} time_parts;

typedef struct {
    int sign, hour, minute;
} zone_parts;

static bool day_add(day_parts *d, int v)
{
    if (d->n >= 3)
        return false;
    d->comp[d->n++] = v;
    return true;
}

static bool time_add(time_parts *t, int v)
{
    if (t->n >= 4)
        return false;
    t->comp[t->n++] = v;
    return true;
}

static bool time_add_final(time_parts *t, int v)
{
    if (!time_add(t, v))
        return false;
    while (t->n < 4)
        t->comp[t->n++] = 0;
    return true;
}

static bool time_expecting(const time_parts *t, int v)
{
    return (t->n == 1 && between(v, 0, 59)) || (t->n == 2 && between(v, 0, 59)) ||
           (t->n == 3 && between(v, 0, 999));
}

static void zone_set(zone_parts *z, int hours)
{
    z->sign = hours < 0 ? -1 : 1;
    z->hour = hours * z->sign;
    z->minute = 0;
}

static bool zone_expecting(const zone_parts *z, int v)
{
    return z->hour != NONE && z->minute == NONE && between(v, 0, 59);
}

/* the first three significant digits of a fraction */
static int read_milliseconds(date_token t)
{
    int v = t.value, len = t.length;
    if (len == 1)
        return v * 100;
    if (len == 2)
        return v * 10;
    if (len > 9)
        len = 9;
    while (len-- > 3)
        v /= 10;
    return v;
}

/* a two-digit number in [lo, hi] is next (consumed): its value, or -1 */
static int fixed2(date_scanner *sc, int lo, int hi)
{
    if (!is_fixed_number(sc->next, 2) || !between(sc->next.value, lo, hi))
        return -1;
    return next_token(sc).value;
}

/* the ISO date: [+-yyyyyy|yyyy][-MM[-DD]]; false: the legacy parser takes over with *t */
static bool parse_iso_date(date_scanner *sc, day_parts *day, date_token *t)
{
    if (is_sign(sc->next)) {
        date_token sign = next_token(sc);
        *t = sign;
        if (!is_fixed_number(sc->next, 6))
            return false;
        int y = next_token(sc).value;
        if (sign.value == '-' && y == 0)
            return false;
        day_add(day, sign.value == '-' ? -y : y);
    } else if (is_fixed_number(sc->next, 4)) {
        day_add(day, next_token(sc).value);
    } else {
        *t = next_token(sc);
        return false;
    }
    for (int part = 0; part < 2 && skip_symbol(sc, '-'); part++) {
        int v = fixed2(sc, 1, part ? 31 : 12);
        if (v < 0) {
            *t = next_token(sc);
            return false;
        }
        day_add(day, v);
    }
    return true;
}

/* the ISO offset after the time: Z, +hh:mm or +hhmm; false if malformed */
static bool parse_iso_zone(date_scanner *sc, zone_parts *tz)
{
    if (sc->next.tag == T_ZONE && sc->next.length == 1 && sc->next.value == 0) {
        next_token(sc);
        zone_set(tz, 0);
        return true;
    }
    if (!is_sign(sc->next))
        return true;
    tz->sign = next_token(sc).value == '+' ? 1 : -1;
    if (is_fixed_number(sc->next, 4)) {
        int hm = next_token(sc).value;
        tz->hour = hm / 100;
        tz->minute = hm % 100;
        return between(tz->hour, 0, 23) && between(tz->minute, 0, 59);
    }
    if ((tz->hour = fixed2(sc, 0, 23)) < 0 || !skip_symbol(sc, ':'))
        return false;
    return (tz->minute = fixed2(sc, 0, 59)) >= 0;
}

/* the ISO time after the T: HH:mm[:ss[.sss]] and the offset (24:00 alone is allowed) */
static bool parse_iso_time(date_scanner *sc, time_parts *time, zone_parts *tz)
{
    int h = fixed2(sc, 0, 24);
    if (h < 0 || !skip_symbol(sc, ':'))
        return false;
    time_add(time, h);
    int max = h == 24 ? 0 : 59, v = fixed2(sc, 0, max);
    if (v < 0)
        return false;
    time_add(time, v);
    if (skip_symbol(sc, ':')) {
        if ((v = fixed2(sc, 0, max)) < 0)
            return false;
        time_add(time, v);
        if (skip_symbol(sc, '.')) {
            if (sc->next.tag != T_NUMBER || (h == 24 && sc->next.value > 0))
                return false;
            time_add(time, read_milliseconds(next_token(sc)));
        }
    }
    return parse_iso_zone(sc, tz) && sc->next.tag == T_END;
}

/* the ES5 ISO format (21.4.1.32) with V8's extensions; returns the token the legacy parser
 * continues with (T_END when done, T_INVALID when hopeless) */
static date_token parse_iso(date_scanner *sc, day_parts *day, time_parts *time, zone_parts *tz)
{
    date_token t, invalid = {T_INVALID, 0, -1};
    if (!parse_iso_date(sc, day, &t))
        return t;
    if (sc->next.tag == T_TSEP) {
        next_token(sc);
        if (!parse_iso_time(sc, time, tz))
            return invalid;
    } else if (sc->next.tag != T_END) {
        return next_token(sc);
    }
    /* date-only forms are UTC, date-time forms local time */
    if (tz->hour == NONE && time->n == 0)
        zone_set(tz, 0);
    day->iso = true;
    return (date_token){T_END, 0, -1};
}

/* a number in the legacy parser: a time part, a zone's minutes or a date part */
static bool legacy_number(date_scanner *sc, date_token t, day_parts *day, time_parts *time,
                          zone_parts *tz)
{
    int n = t.value;
    if (skip_symbol(sc, ':')) {
        if (skip_symbol(sc, ':')) {
            if (time->n)
                return false;
            time_add(time, n);
            time_add(time, 0);
        } else {
            if (!time_add(time, n))
                return false;
            if (sc->next.tag == T_SYMBOL && sc->next.value == '.')
                next_token(sc);
        }
    } else if (skip_symbol(sc, '.') && time_expecting(time, n)) {
        time_add(time, n);
        if (sc->next.tag != T_NUMBER)
            return false;
        time_add_final(time, read_milliseconds(next_token(sc)));
    } else if (zone_expecting(tz, n)) {
        tz->minute = n;
    } else if (time_expecting(time, n)) {
        time_add_final(time, n);
        date_token p = sc->next;
        if (p.tag != T_END && p.tag != T_SPACE && !(p.tag == T_ZONE && p.length == 1 && p.value == 0) &&
            !is_sign(p))
            return false;
    } else {
        if (!day_add(day, n))
            return false;
        skip_symbol(sc, '-');
    }
    return true;
}

/* a signed offset after UTC or a time: +hh, +hhmm, +hh:mm */
static bool legacy_offset(date_scanner *sc, date_token t, zone_parts *tz)
{
    tz->sign = t.value == '+' ? 1 : -1;
    int n = 0, length = 0;
    if (sc->next.tag == T_NUMBER) {
        date_token num = next_token(sc);
        length = num.length;
        n = num.value;
    }
    if (sc->next.tag == T_SYMBOL && sc->next.value == ':') {
        tz->hour = n;
        tz->minute = NONE;
    } else if (length == 1 || length == 2) {
        tz->hour = n;
        tz->minute = 0;
    } else if (length == 3 || length == 4) {
        tz->hour = n / 100;
        tz->minute = n % 100;
    } else {
        return false;
    }
    return true;
}

static bool legacy_parse(date_scanner *sc, date_token t, day_parts *day, time_parts *time,
                         zone_parts *tz)
{
    bool has_number = day->n > 0;
    for (; t.tag != T_END; t = next_token(sc)) {
        if (t.tag == T_NUMBER) {
            has_number = true;
            if (!legacy_number(sc, t, day, time, tz))
                return false;
        } else if (is_keyword(t)) {
            if (t.tag == T_AMPM && time->n) {
                time->hour_offset = t.value;
            } else if (t.tag == T_MONTH) {
                day->named_month = t.value;
                skip_symbol(sc, '-');
            } else if (t.tag == T_ZONE && has_number) {
                zone_set(tz, t.value);
            } else if (has_number || sc->next.tag == T_NUMBER) {
                return false;
            }
        } else if (is_sign(t) && ((tz->hour == 0 && tz->minute == 0) || time->n)) {
            if (!legacy_offset(sc, t, tz))
                return false;
            has_number = true;
        } else if ((is_sign(t) || (t.tag == T_SYMBOL && t.value == ')')) && has_number) {
            return false;
        }
    }
    return true;
}

/* DayComposer::Write: year, month (0-based), day */
static bool write_day(day_parts *d, double *out)
{
    if (d->n < 1)
        return false;
    while (d->n < 3)
        d->comp[d->n++] = 1;
    int year = 0, month, dayv;
    if (d->named_month == NONE) {
        if (d->iso || (d->n == 3 && !between(d->comp[0], 1, 31))) {
            year = d->comp[0];
            month = d->comp[1];
            dayv = d->comp[2];
        } else {
            month = d->comp[0];
            dayv = d->comp[1];
            year = d->comp[2];
        }
    } else {
        month = d->named_month;
        if (d->n == 1) {
            dayv = d->comp[0];
        } else if (!between(d->comp[0], 1, 31)) {
            year = d->comp[0];
            dayv = d->comp[1];
        } else {
            dayv = d->comp[0];
            year = d->comp[1];
        }
    }
    if (!d->iso)
        year += between(year, 0, 49) ? 2000 : between(year, 50, 99) ? 1900 : 0;
    if (!between(month, 1, 12) || !between(dayv, 1, 31))
        return false;
    out[0] = year;
    out[1] = month - 1;
    out[2] = dayv;
    return true;
}

static bool write_time(time_parts *t, double *out)
{
    while (t->n < 4)
        t->comp[t->n++] = 0;
    int h = t->comp[0], m = t->comp[1], s = t->comp[2], ms = t->comp[3];
    if (t->hour_offset != NONE) {
        if (!between(h, 0, 12))
            return false;
        h = h % 12 + t->hour_offset;
    }
    if (!between(h, 0, 23) || !between(m, 0, 59) || !between(s, 0, 59) || !between(ms, 0, 999))
        if (h != 24 || m || s || ms)
            return false;
    out[3] = h;
    out[4] = m;
    out[5] = s;
    out[6] = ms;
    return true;
}

/* the offset in seconds, or NaN for none (local time) */
static double zone_offset(const zone_parts *z)
{
    if (z->sign == NONE)
        return NAN;
    double h = z->hour == NONE ? 0 : z->hour, m = z->minute == NONE ? 0 : z->minute;
    return z->sign * (h * 3600 + m * 60);
}

/* V8's ParseDateTimeString */
static double parse_date(const js_string *str)
{
    uint16_t *u = str_units(str);
    date_scanner sc = {u, str->length, 0, {0, 0, 0}};
    sc.next = scan(&sc);
    day_parts day = {{0}, 0, NONE, false};
    time_parts time = {{0}, 0, NONE};
    zone_parts tz = {NONE, NONE, NONE};
    double f[7];
    date_token t = parse_iso(&sc, &day, &time, &tz);
    bool ok = t.tag != T_INVALID && legacy_parse(&sc, t, &day, &time, &tz) &&
              write_day(&day, f) && write_time(&time, f);
    free(u);
    if (!ok)
        return NAN;
    double date = make_date(make_day(f[0], f[1], f[2]), make_time(f[3], f[4], f[5], f[6]));
    double offset = zone_offset(&tz);
    if (isnan(offset)) {
        if (fabs(date) > MAX_TIME + 864000000.0)
            return NAN;
    } else {
        date -= offset * 1000;
    }
    return time_clip(date);
}

/* ======================================================================================
 * formatting
 * ====================================================================================== */

static void year_text(char *buf, size_t n, int64_t y)
{
    snprintf(buf, n, y < 0 ? "%05lld" : "%04lld", (long long)y);
}

static js_string *invalid_date(js_vm *vm)
{
    return atom_cstr(vm, "Invalid Date");
}

enum { FMT_DATE_TIME, FMT_DATE, FMT_TIME, FMT_UTC, FMT_ISO };

static js_string *format(js_vm *vm, double t, int how)
{
    if (isnan(t))
        return invalid_date(vm);
    civil c = civil_from_time(t);
    char y[32], buf[160];
    year_text(y, sizeof y, c.year);
    const char *zone = "GMT+0000 (Coordinated Universal Time)";
    switch (how) {
    case FMT_DATE:
        snprintf(buf, sizeof buf, "%s %s %02d %s", week_days[c.weekday], months[c.month], c.day, y);
        break;
    case FMT_TIME:
        snprintf(buf, sizeof buf, "%02d:%02d:%02d %s", c.hour, c.minute, c.second, zone);
        break;
    case FMT_UTC:
        snprintf(buf, sizeof buf, "%s, %02d %s %s %02d:%02d:%02d GMT", week_days[c.weekday], c.day,
                 months[c.month], y, c.hour, c.minute, c.second);
        break;
    case FMT_ISO:
        if (c.year >= 0 && c.year <= 9999)
            snprintf(y, sizeof y, "%04lld", (long long)c.year);
        else
            snprintf(y, sizeof y, "%c%06lld", c.year < 0 ? '-' : '+', (long long)llabs(c.year));
        snprintf(buf, sizeof buf, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", y, c.month + 1, c.day,
                 c.hour, c.minute, c.second, c.ms);
        break;
    default:
        snprintf(buf, sizeof buf, "%s %s %02d %s %02d:%02d:%02d %s", week_days[c.weekday],
                 months[c.month], c.day, y, c.hour, c.minute, c.second, zone);
        break;
    }
    return str_cstr(vm, buf);
}

/* en-US in UTC, as ICU formats it: "3/5/2024, 1:04:05 PM" (years before 1 CE as their
 * era's year, without the era) */
enum { LOCALE_BOTH, LOCALE_DATE, LOCALE_TIME };

static js_string *format_locale(js_vm *vm, double t, int how)
{
    if (isnan(t))
        return invalid_date(vm);
    civil c = civil_from_time(t);
    char date[64], time[64];
    long long year = c.year > 0 ? (long long)c.year : 1 - (long long)c.year;
    snprintf(date, sizeof date, "%d/%d/%lld", c.month + 1, c.day, year);
    snprintf(time, sizeof time, "%d:%02d:%02d %s", c.hour % 12 ? c.hour % 12 : 12, c.minute,
             c.second, c.hour < 12 ? "AM" : "PM");
    if (how == LOCALE_DATE)
        return str_cstr(vm, date);
    if (how == LOCALE_TIME)
        return str_cstr(vm, time);
    return str_printf(vm, "%s, %s", date, time);
}

/* ======================================================================================
 * the constructor and Date's functions
 * ====================================================================================== */

static double now(js_vm *vm)
{
    return vm->host.current_time_ms ? floor(vm->host.current_time_ms(vm->host.ctx)) : 0;
}

/* numbers of the arguments from `from`, at most n (missing ones: NaN, and *count says how
 * many there were) */
static js_status number_args(const js_args *a, int from, int n, double *out, int *count)
{
    *count = 0;
    for (int i = 0; i < n; i++) {
        out[i] = NAN;
        if (from + i >= a->argc)
            continue;
        js_status st = to_number(a->vm, a->argv[from + i], &out[i]);
        if (st != JS_OK)
            return st;
        (*count)++;
    }
    return JS_OK;
}

/* year, month[, day, hours, minutes, seconds, ms] to a time value (before TimeClip) */
static js_status time_from_parts(const js_args *a, double *out)
{
    double f[7];
    int count;
    js_status st = number_args(a, 0, 7, f, &count);
    if (st != JS_OK)
        return st;
    static const double defaults[7] = {NAN, 0, 1, 0, 0, 0, 0};
    for (int i = count; i < 7; i++)
        f[i] = defaults[i];
    *out = make_date(make_day(full_year(f[0]), f[1], f[2]), make_time(f[3], f[4], f[5], f[6]));
    return JS_OK;
}

/* the time value of new Date(value) */
static js_status time_from_value(js_vm *vm, js_value v, double *out)
{
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_DATE) {
        *out = v.u.object->u.primitive.u.number;
        return JS_OK;
    }
    js_value p;
    js_status st = to_primitive(vm, v, 0, &p);
    if (st != JS_OK)
        return st;
    if (p.type == JS_TSTRING) {
        *out = parse_date(p.u.string);
        return JS_OK;
    }
    return to_number(vm, p, out);
}

static js_status date_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    if (js_is_undefined(a->new_target)) {
        *out = js_strv(format(vm, now(vm), FMT_DATE_TIME));
        return JS_OK;
    }
    double tv;
    js_status st = JS_OK;
    if (a->argc == 0)
        tv = now(vm);
    else if (a->argc == 1)
        st = time_from_value(vm, a->argv[0], &tv);
    else
        st = time_from_parts(a, &tv);
    if (st != JS_OK)
        return st;
    js_object *o = obj_new(vm, CLASS_DATE, fn_proto_of(vm, a->new_target, vm->in.date_prototype));
    o->u.primitive = js_number(time_clip(tv));
    *out = js_obj(o);
    return JS_OK;
}

static js_status date_now(const js_args *a, js_value *out)
{
    *out = js_number(now(a->vm));
    return JS_OK;
}

static js_status date_parse(const js_args *a, js_value *out)
{
    js_string *s;
    js_status st = to_string(a->vm, js_arg(a, 0), &s);
    if (st != JS_OK)
        return st;
    *out = js_number(parse_date(s));
    return JS_OK;
}

static js_status date_utc(const js_args *a, js_value *out)
{
    double tv;
    js_status st = time_from_parts(a, &tv);
    *out = js_number(time_clip(tv));
    return st;
}

/* ======================================================================================
 * the prototype
 * ====================================================================================== */

static js_status incompatible(const js_args *a, const char *name)
{
    return throw_kind(a->vm, ERR_TYPE, "Method Date.prototype.%s called on incompatible "
                                       "receiver %s", name, str_describe(a->vm, a->this_value)->chars);
}

/* thisTimeValue, with the message of a getter (V8's "this is not a Date object.") or of
 * another method (incompatible receiver) */
static js_status this_time(const js_args *a, bool getter, double *t)
{
    js_value v = a->this_value;
    *t = NAN;
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_DATE) {
        *t = v.u.object->u.primitive.u.number;
        return JS_OK;
    }
    if (getter)
        return throw_kind(a->vm, ERR_TYPE, "this is not a Date object.");
    return incompatible(a, a->callee->u.native.name);
}

static js_status store(const js_args *a, double t, js_value *out)
{
    js_object *o = a->this_value.u.object;
    gc_note_write(a->vm, o);
    o->u.primitive = js_number(time_clip(t));
    *out = o->u.primitive;
    return JS_OK;
}

/* ---- getters: the field is the native's data ---- */

enum { F_YEAR, F_MONTH, F_DATE, F_HOURS, F_MINUTES, F_SECONDS, F_MS, F_DAY, F_TIME, F_OFFSET };

static js_status date_get(const js_args *a, js_value *out)
{
    double t;
    js_status st = this_time(a, true, &t);
    if (st != JS_OK)
        return st;
    int field = (int)(intptr_t)a->callee->u.native.data;
    if (isnan(t) || field == F_TIME) {
        *out = js_number(t);
        return JS_OK;
    }
    civil c = civil_from_time(t);
    double v = 0;
    switch (field) {
    case F_YEAR: v = (double)c.year; break;
    case F_MONTH: v = c.month; break;
    case F_DATE: v = c.day; break;
    case F_HOURS: v = c.hour; break;
    case F_MINUTES: v = c.minute; break;
    case F_SECONDS: v = c.second; break;
    case F_MS: v = c.ms; break;
    case F_DAY: v = c.weekday; break;
    default: v = 0; break; /* the offset: local time is UTC */
    }
    *out = js_number(v);
    return JS_OK;
}

/* B.2.3.1 getYear */
static js_status date_get_year(const js_args *a, js_value *out)
{
    double t;
    js_status st = this_time(a, false, &t);
    if (st != JS_OK)
        return st;
    *out = js_number(isnan(t) ? t : (double)civil_from_time(t).year - 1900);
    return JS_OK;
}

/* ---- setters: the first field and the number of fields are the native's data ---- */

#define SETTER(first, n) ((void *)(intptr_t)((first) * 8 + (n)))

static js_status date_set(const js_args *a, js_value *out)
{
    double t;
    js_status st = this_time(a, false, &t);
    if (st != JS_OK)
        return st;
    int data = (int)(intptr_t)a->callee->u.native.data, first = data / 8, n = data % 8;
    /* V8 converts the first argument, and the others only for a valid date (or a year) */
    double args[4];
    int count, more;
    if ((st = number_args(a, 0, 1, args, &count)) != JS_OK)
        return st;
    if (isnan(t)) {
        if (first != F_YEAR)
            return store(a, NAN, out);
        t = 0;
    }
    if ((st = number_args(a, 1, n - 1, args + 1, &more)) != JS_OK)
        return st;
    count += more;
    civil c = civil_from_time(t);
    double f[7] = {(double)c.year, c.month, c.day, c.hour, c.minute, c.second, c.ms};
    for (int i = 0; i < n && i < (count ? count : 1); i++)
        f[first + i] = args[i];
    return store(a, make_date(make_day(f[0], f[1], f[2]), make_time(f[3], f[4], f[5], f[6])), out);
}

static js_status date_set_time(const js_args *a, js_value *out)
{
    double t;
    js_status st = this_time(a, false, &t);
    if (st != JS_OK || (st = to_number(a->vm, js_arg(a, 0), &t)) != JS_OK)
        return st;
    return store(a, t, out);
}

/* B.2.3.2 setYear */
static js_status date_set_year(const js_args *a, js_value *out)
{
    double t, y;
    js_status st = this_time(a, false, &t);
    if (st != JS_OK || (st = to_number(a->vm, js_arg(a, 0), &y)) != JS_OK)
        return st;
    if (isnan(y))
        return store(a, NAN, out);
    civil c = civil_from_time(isnan(t) ? 0 : t);
    double in_day = make_time(c.hour, c.minute, c.second, c.ms);
    return store(a, make_date(make_day(full_year(y), c.month, c.day), in_day), out);
}

/* ---- conversions ---- */

static js_status date_to_string_as(const js_args *a, int how, js_value *out)
{
    double t;
    js_status st = this_time(a, false, &t);
    if (st != JS_OK)
        return st;
    if (how == FMT_ISO && isnan(t))
        return throw_kind(a->vm, ERR_RANGE, "Invalid time value");
    *out = js_strv(format(a->vm, t, how));
    return JS_OK;
}

static js_status date_to_string(const js_args *a, js_value *out) { return date_to_string_as(a, FMT_DATE_TIME, out); }
static js_status date_to_date_string(const js_args *a, js_value *out) { return date_to_string_as(a, FMT_DATE, out); }
static js_status date_to_time_string(const js_args *a, js_value *out) { return date_to_string_as(a, FMT_TIME, out); }
static js_status date_to_utc_string(const js_args *a, js_value *out) { return date_to_string_as(a, FMT_UTC, out); }
static js_status date_to_iso_string(const js_args *a, js_value *out) { return date_to_string_as(a, FMT_ISO, out); }

/* the locales and options loopsim models: none, or en-US (en), in UTC */
static js_status check_locale(const js_args *a)
{
    js_vm *vm = a->vm;
    js_value locale = js_arg(a, 0), options = js_arg(a, 1);
    bool ok = js_is_undefined(locale) ||
              (locale.type == JS_TSTRING && (!strcmp(locale.u.string->chars, "en-US") ||
                                             !strcmp(locale.u.string->chars, "en")));
    if (ok && options.type == JS_TOBJECT) {
        uint32_t n;
        js_value *keys = obj_own_keys(vm, options.u.object, true, false, true, &n);
        for (uint32_t i = 0; i < n && ok; i++) {
            js_value v;
            ok = !strcmp(keys[i].u.string->chars, "timeZone") &&
                 obj_get(vm, options.u.object, &keys[i].u.string->gc, options, &v) == JS_OK &&
                 v.type == JS_TSTRING && !strcmp(v.u.string->chars, "UTC");
        }
        free(keys);
    } else if (ok && !js_is_undefined(options)) {
        ok = false;
    }
    if (!ok)
        return throw_kind(vm, ERR_RANGE, "loopsim models Date.prototype.%s only for en-US in "
                                         "UTC, without other options", a->callee->u.native.name);
    return JS_OK;
}

static js_status to_locale_as(const js_args *a, int how, js_value *out)
{
    double t;
    js_status st = this_time(a, false, &t);
    if (st != JS_OK || (st = check_locale(a)) != JS_OK)
        return st;
    *out = js_strv(format_locale(a->vm, t, how));
    return JS_OK;
}

static js_status date_to_locale_string(const js_args *a, js_value *out) { return to_locale_as(a, LOCALE_BOTH, out); }
static js_status date_to_locale_date_string(const js_args *a, js_value *out) { return to_locale_as(a, LOCALE_DATE, out); }
static js_status date_to_locale_time_string(const js_args *a, js_value *out) { return to_locale_as(a, LOCALE_TIME, out); }

static js_status date_value_of(const js_args *a, js_value *out)
{
    double t;
    js_status st = this_time(a, true, &t);
    if (st == JS_OK)
        *out = js_number(t);
    return st;
}

/* 21.4.4.37 toJSON */
static js_status date_to_json(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o;
    js_value tv, fn;
    js_status st = to_object(vm, a->this_value, &o);
    if (st != JS_OK || (st = to_primitive(vm, js_obj(o), 1, &tv)) != JS_OK)
        return st;
    if (tv.type == JS_TNUMBER && !isfinite(tv.u.number)) {
        *out = js_null();
        return JS_OK;
    }
    if ((st = obj_get(vm, o, &atom_cstr(vm, "toISOString")->gc, js_obj(o), &fn)) != JS_OK)
        return st;
    if (!js_is_callable(fn))
        return throw_kind(vm, ERR_TYPE, "toISOString is not a function");
    return vm_call(vm, fn, js_obj(o), 0, NULL, out);
}

/* 7.1.1.1 OrdinaryToPrimitive */
static js_status ordinary_to_primitive(js_vm *vm, js_value o, bool string_first, js_value *out)
{
    js_key order[2] = {&A(vm, valueOf)->gc, &A(vm, toString)->gc};
    if (string_first) {
        order[0] = &A(vm, toString)->gc;
        order[1] = &A(vm, valueOf)->gc;
    }
    for (int i = 0; i < 2; i++) {
        js_value fn;
        js_status st = val_get(vm, o, order[i], &fn);
        if (st != JS_OK)
            return st;
        if (!js_is_callable(fn))
            continue;
        if ((st = vm_call(vm, fn, o, 0, NULL, out)) != JS_OK)
            return st;
        if (out->type != JS_TOBJECT)
            return JS_OK;
    }
    return throw_kind(vm, ERR_TYPE, "Cannot convert object to primitive value");
}

/* 21.4.4.45 Date.prototype[@@toPrimitive](hint) */
static js_status date_to_primitive(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    if (a->this_value.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Method Date.prototype [ @@toPrimitive ] called on "
                                        "incompatible receiver %s",
                          str_describe(vm, a->this_value)->chars);
    js_value hint = js_arg(a, 0);
    const char *h = hint.type == JS_TSTRING ? hint.u.string->chars : "";
    if (hint.type != JS_TSTRING || (strcmp(h, "string") && strcmp(h, "default") &&
                                    strcmp(h, "number")))
        return throw_kind(vm, ERR_TYPE, "Invalid hint: %s", js_to_string_safe(vm, hint)->chars);
    return ordinary_to_primitive(vm, a->this_value, strcmp(h, "number") != 0, out);
}

/* ---- setup ---- */

typedef struct {
    const char *name;
    int length;
    js_native_fn fn;
    void *data;
} date_method;

#define GET(name, field) {name, 0, date_get, (void *)(intptr_t)(field)}
#define SET(name, first, n) {name, n, date_set, SETTER(first, n)}

static const date_method methods[] = {
    {"toString", 0, date_to_string, NULL},
    {"toDateString", 0, date_to_date_string, NULL},
    {"toTimeString", 0, date_to_time_string, NULL},
    {"toISOString", 0, date_to_iso_string, NULL},
    {"toUTCString", 0, date_to_utc_string, NULL},
    GET("getDate", F_DATE), SET("setDate", F_DATE, 1),
    GET("getDay", F_DAY),
    GET("getFullYear", F_YEAR), SET("setFullYear", F_YEAR, 3),
    GET("getHours", F_HOURS), SET("setHours", F_HOURS, 4),
    GET("getMilliseconds", F_MS), SET("setMilliseconds", F_MS, 1),
    GET("getMinutes", F_MINUTES), SET("setMinutes", F_MINUTES, 3),
    GET("getMonth", F_MONTH), SET("setMonth", F_MONTH, 2),
    GET("getSeconds", F_SECONDS), SET("setSeconds", F_SECONDS, 2),
    GET("getTime", F_TIME), {"setTime", 1, date_set_time, NULL},
    GET("getTimezoneOffset", F_OFFSET),
    GET("getUTCDate", F_DATE), SET("setUTCDate", F_DATE, 1),
    GET("getUTCDay", F_DAY),
    GET("getUTCFullYear", F_YEAR), SET("setUTCFullYear", F_YEAR, 3),
    GET("getUTCHours", F_HOURS), SET("setUTCHours", F_HOURS, 4),
    GET("getUTCMilliseconds", F_MS), SET("setUTCMilliseconds", F_MS, 1),
    GET("getUTCMinutes", F_MINUTES), SET("setUTCMinutes", F_MINUTES, 3),
    GET("getUTCMonth", F_MONTH), SET("setUTCMonth", F_MONTH, 2),
    GET("getUTCSeconds", F_SECONDS), SET("setUTCSeconds", F_SECONDS, 2),
    {"valueOf", 0, date_value_of, NULL},
    {"getYear", 0, date_get_year, NULL},
    {"setYear", 1, date_set_year, NULL},
    {"toJSON", 1, date_to_json, NULL},
    {"toLocaleString", 0, date_to_locale_string, NULL},
    {"toLocaleDateString", 0, date_to_locale_date_string, NULL},
    {"toLocaleTimeString", 0, date_to_locale_time_string, NULL},
};

void builtin_date(js_vm *vm)
{
    js_object *proto = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    vm->in.date_prototype = proto;
    js_object *ctor = define_ctor(vm, "Date", 7, date_ctor, proto);
    define_native(vm, ctor, "now", 0, date_now);
    define_native(vm, ctor, "parse", 1, date_parse);
    define_native(vm, ctor, "UTC", 7, date_utc);
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        js_object *f = define_native(vm, proto, methods[i].name, methods[i].length, methods[i].fn);
        f->u.native.data = methods[i].data;
        if (!strcmp(methods[i].name, "toUTCString"))
            prop_define_value(vm, proto, &atom_cstr(vm, "toGMTString")->gc, js_obj(f), PROP_HIDDEN);
    }
    js_object *tp = native_new(vm, "[Symbol.toPrimitive]", 1, date_to_primitive, false);
    prop_define_value(vm, proto, sym_key(vm->sym.to_primitive), js_obj(tp), PROP_CONFIGURABLE);
}
