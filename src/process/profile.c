/* profile.c - see profile.h and profile.def. */
#include "profile.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define LS_FEATURE(group, field, first, backport, what)
#define LS_BROWSER(...)

static ls_profile profiles[] = {
#define LS_PROFILE(id, first, last, per_callback, per_list, fractional, await_direct, qm, \
                   idle_metrics, timers_at_end, rejections_throw, esm, server_shutdown,  \
                   bootstrap, first_fd)                                                 \
    {id, first, last, false, {0}, per_callback, per_list, fractional, await_direct, qm,    \
     idle_metrics, timers_at_end, rejections_throw, esm, server_shutdown, bootstrap,      \
     first_fd, {0}, {0}},
#include "profile.def"
#undef LS_PROFILE
};
#undef LS_BROWSER

#define LS_PROFILE(...)
static ls_profile browser_profiles[] = {
#define LS_BROWSER(id_, name_, first_, last_, clamp_nesting, clamp_ms, script_start,    \
                   starve_after)                                                        \
    {.id = id_, .first = first_, .last = last_, .is_browser = true,                    \
     .browser = {name_, clamp_nesting, clamp_ms, script_start, starve_after}},
#include "profile.def"
#undef LS_BROWSER
};
#undef LS_PROFILE
const ls_profile *const ls_browser_profiles = browser_profiles;
const size_t ls_browser_profile_count = sizeof browser_profiles / sizeof browser_profiles[0];

const ls_profile *profile_browser_default(void)
{
    return &browser_profiles[ls_browser_profile_count - 1];
}
#undef LS_FEATURE
const ls_profile *const ls_profiles = profiles;
const size_t ls_profile_count = sizeof profiles / sizeof profiles[0];

const ls_feature_info ls_feature_table[] = {
#define LS_BROWSER(...)
#define LS_PROFILE(...)
#define LS_FEATURE(group, field, first, backport, what) {#group, #field, first, backport, what},
#include "profile.def"
#undef LS_FEATURE
#undef LS_PROFILE
#undef LS_BROWSER
};
const size_t ls_feature_count = sizeof ls_feature_table / sizeof ls_feature_table[0];

const char *profile_range(const char *first, const char *last, char *buf, size_t size)
{
    if (strcmp(last, "99.99.99") == 0)
        snprintf(buf, size, "%s and later", first);
    else
        snprintf(buf, size, "%s to %s", first, last);
    return buf;
}

const char *profile_versions(const ls_profile *p, char *buf, size_t size)
{
    char range[64];
    if (p->is_browser)
        snprintf(buf, size, "%s %s", p->browser.name, p->first);
    else
        snprintf(buf, size, "Node %s", profile_range(p->first, p->last, range, sizeof range));
    return buf;
}

const ls_profile *profile_default(void)
{
    return profile_for_version("20");
}

/* Parses up to three dot-separated numbers; missing parts become `fill`.  False if malformed. */
static bool parse_version(const char *s, long fill, long out[3])
{
    if (*s == 'v' || *s == 'V')
        s++;
    int n = 0;
    while (n < 3) {
        if (!isdigit((unsigned char)*s))
            return false;
        char *end;
        out[n++] = strtol(s, &end, 10);
        s = end;
        if (*s == '\0')
            break;
        if (*s != '.')
            return false;
        s++;
    }
    if (*s != '\0')
        return false;
    for (; n < 3; n++)
        out[n] = fill;
    return true;
}

static int compare(const long a[3], const long b[3])
{
    for (int i = 0; i < 3; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

const ls_profile *profile_for_version(const char *version)
{
    long v[3];
    if (!parse_version(version, 99, v))
        return NULL;
    for (size_t i = 0; i < ls_profile_count; i++) {
        long lo[3], hi[3];
        parse_version(ls_profiles[i].first, 0, lo);
        parse_version(ls_profiles[i].last, 0, hi);
        if (compare(v, lo) >= 0 && compare(v, hi) <= 0)
            return &ls_profiles[i];
    }
    return NULL;
}

int profile_compare_versions(const char *a, const char *b)
{
    long va[3], vb[3];
    bool oka = parse_version(a, 0, va), okb = parse_version(b, 0, vb);
    if (!oka || !okb)
        return oka - okb;
    return compare(va, vb);
}

/* backport: "" or versions separated by spaces, at most one per major line ("16.15.0 14.20.0") */
static bool has_feature(const char *version, const char *since, const char *backport)
{
    if (profile_compare_versions(version, since) >= 0)
        return true;
    for (const char *b = backport; *b;) {
        char one[16];
        size_t n = strcspn(b, " ");
        snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), b);
        if (profile_compare_versions(version, one) >= 0 && atol(version) == atol(one))
            return true;
        b += n;
        while (*b == ' ')
            b++;
    }
    return false;
}

/* The LS_FEATURE columns of every row, from its first version. */
__attribute__((constructor)) static void fill_features(void)
{
    for (size_t i = 0; i < ls_profile_count; i++) {
        ls_profile *p = &profiles[i];
        /* the language layer's copy of the column (V8's await, R8.1) */
        p->language.await_direct = p->await_direct;
#define LS_BROWSER(...)
#define LS_PROFILE(...)
#define LS_FEATURE(group, field, since, backport, what) \
        p->group.field = has_feature(p->first, since, backport);
#include "profile.def"
#undef LS_FEATURE
#undef LS_PROFILE
#undef LS_BROWSER
    }
    /* a browser's language is its V8's, newer than any Node's here: the newest Node profile's
     * features, with the Node columns (unused by html.c) copied from it too ... */
    for (size_t i = 0; i < ls_browser_profile_count; i++) {
        ls_profile *b = &browser_profiles[i];
        ls_profile copy = profiles[ls_profile_count - 1];
        copy.id = b->id;
        copy.first = b->first;
        copy.last = b->last;
        copy.is_browser = true;
        copy.browser = b->browser;
        /* ... but no Node process: none of Node's own features (its 'multipleResolves'
         * events, its modules' details) */
        memset(&copy.process, 0, sizeof copy.process);
        *b = copy;
    }
}
