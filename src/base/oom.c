/* oom.c - what loopsim does when memory runs out: see xalloc.h. */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The process's resident memory in MB, from /proc/self/statm (its second field, in pages);
 * -1 where it cannot be read. */
static double resident_mb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    unsigned long long size = 0, resident = 0;
    int got = fscanf(f, "%llu %llu", &size, &resident);
    fclose(f);
    long page = sysconf(_SC_PAGESIZE);
    return got == 2 && page > 0 ? (double)resident * (double)page / 1048576.0 : -1;
}

void ls_out_of_memory(size_t wanted)
{
    double held = resident_mb();
    char size[64] = "", have[64] = "";
    if (wanted >= 1048576)
        snprintf(size, sizeof size, " (an allocation of %.1f MB failed)", (double)wanted / 1048576.0);
    else if (wanted > 0)
        snprintf(size, sizeof size, " (an allocation of %zu bytes failed)", wanted);
    if (held >= 0)
        snprintf(have, sizeof have, "the %.0f MB it holds", held);
    else
        snprintf(have, sizeof have, "what it holds");
    fprintf(stderr, "loopsim: out of memory: this needs more than %s%s; the machine's memory, or "
            "the limit set for this process (ulimit -v), is reached\n", have, size);
    exit(2);
}
