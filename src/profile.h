/* profile.h - the Node version profiles of profile.def. */
#ifndef LOOPSIM_PROFILE_H
#define LOOPSIM_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *id;
    const char *versions;
    bool await_direct;
    bool loop_timers_at_end;
    bool unhandled_rejections_throw;
    int readfile_trips;
} ls_profile;

extern const ls_profile ls_profiles[];
extern const size_t ls_profile_count;

const ls_profile *profile_default(void);

#endif
