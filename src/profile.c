/* profile.c - see profile.h and profile.def. */
#include "profile.h"

#include <ctype.h>
#include <stdlib.h>

const ls_profile ls_profiles[] = {
#define LS_PROFILE(id, first, last, per_callback, per_list, fractional, await_direct, qm, \
                   idle_metrics, timers_at_end, rejections_throw, esm, server_shutdown,  \
                   bootstrap)                                                           \
    {id, first, last, per_callback, per_list, fractional, await_direct, qm, idle_metrics,   \
     timers_at_end, rejections_throw, esm, server_shutdown, bootstrap},
#include "profile.def"
#undef LS_PROFILE
};
const size_t ls_profile_count = sizeof ls_profiles / sizeof ls_profiles[0];

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
