/* text.h - a string built in a caller's buffer, piece by piece, cut (and always terminated) at
 * the buffer's end as snprintf cuts.  For the words of timing decisions, made several times per
 * run of a search: glibc's vsnprintf costs some thousand instructions a call, these pieces a
 * copy each. */
#ifndef LOOPSIM_TEXT_H
#define LOOPSIM_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* FNV-1a over n bytes, going on from h (FNV1A_START to begin): the hash of the search's
 * facts, the picture's labels and the workers' results (fanout.c). */
#define FNV1A_START UINT64_C(1469598103934665603)

static inline uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * UINT64_C(1099511628211);
    return h;
}

typedef struct {
    char *buf;
    size_t cap, len; /* cap > 0; buf[len] == '\0' */
} ls_text;

static inline ls_text text_on(char *buf, size_t cap)
{
    buf[0] = '\0';
    return (ls_text){buf, cap, 0};
}

static inline ls_text *text_put(ls_text *t, const char *s)
{
    size_t n = strlen(s), room = t->cap - 1 - t->len;
    if (n > room)
        n = room;
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
    return t;
}

static inline ls_text *text_u64(ls_text *t, unsigned long long v)
{
    char digits[24], *p = digits + sizeof digits;
    *--p = '\0';
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    return text_put(t, p);
}

#endif
