/* dbm.c - see dbm.h.  The matrix is kept canonical (every entry the tightest bound the others
 * imply) so that emptiness and the bounds of one variable are read off in O(1); adding one
 * constraint re-closes it in O(n^2). */
#include "dbm.h"

#include <string.h>

static int64_t add_bound(int64_t a, int64_t b)
{
    if (a >= DBM_INF || b >= DBM_INF)
        return DBM_INF;
    return a + b;
}

void dbm_init(ls_dbm *d, int64_t lo, int64_t hi)
{
    d->n = 2;
    memset(d->used, 0, sizeof d->used);
    d->used[DBM_ZERO] = d->used[DBM_NOW] = true;
    d->m[DBM_ZERO][DBM_ZERO] = d->m[DBM_NOW][DBM_NOW] = 0;
    d->m[DBM_NOW][DBM_ZERO] = hi;
    d->m[DBM_ZERO][DBM_NOW] = -lo;
}

void dbm_advance(ls_dbm *d, int64_t lo, int64_t hi)
{
    /* now' = now + c: now' - x_j <= m[now][j] + hi, x_j - now' <= m[j][now] - lo.  The result
     * is still canonical: it is the projection of the zone extended by now'. */
    for (int j = 0; j < d->n; j++) {
        if (!d->used[j] || j == DBM_NOW)
            continue;
        d->m[DBM_NOW][j] = add_bound(d->m[DBM_NOW][j], hi);
        if (d->m[j][DBM_NOW] < DBM_INF)
            d->m[j][DBM_NOW] -= lo;
    }
}

int dbm_add(ls_dbm *d, int base, int64_t lo, int64_t hi)
{
    int x = -1;
    for (int i = 2; i < DBM_MAX; i++)
        if (!d->used[i]) {
            x = i;
            break;
        }
    if (x < 0)
        return -1;
    if (x >= d->n)
        d->n = x + 1;
    d->used[x] = true;
    for (int j = 0; j < d->n; j++) {
        if (!d->used[j] || j == x)
            continue;
        d->m[x][j] = add_bound(d->m[base][j], hi);
        d->m[j][x] = d->m[j][base] < DBM_INF ? d->m[j][base] - lo : DBM_INF;
    }
    d->m[x][base] = hi;
    d->m[base][x] = -lo;
    d->m[x][x] = 0;
    return x;
}

void dbm_assign(ls_dbm *d, int i, int j)
{
    if (i == j)
        return;
    for (int k = 0; k < d->n; k++) {
        if (!d->used[k] || k == i)
            continue;
        d->m[i][k] = d->m[j][k];
        d->m[k][i] = d->m[k][j];
    }
    d->m[i][j] = d->m[j][i] = 0;
    d->m[i][i] = 0;
}

void dbm_drop(ls_dbm *d, int i)
{
    if (i < 2 || i >= d->n)
        return;
    d->used[i] = false;
    while (d->n > 2 && !d->used[d->n - 1])
        d->n--;
}

bool dbm_allows(const ls_dbm *d, int i, int j, int64_t c)
{
    /* canonical: x_i - x_j <= c is consistent iff c + (tightest x_j - x_i) >= 0 */
    return add_bound(d->m[j][i], c) >= 0;
}

bool dbm_constrain(ls_dbm *d, int i, int j, int64_t c)
{
    if (!dbm_allows(d, i, j, c))
        return false;
    if (c >= d->m[i][j])
        return true;
    d->m[i][j] = c;
    /* re-close through the new edge i -> j */
    for (int k = 0; k < d->n; k++) {
        if (!d->used[k])
            continue;
        int64_t ki = d->m[k][i];
        if (ki >= DBM_INF)
            continue;
        for (int l = 0; l < d->n; l++) {
            if (!d->used[l])
                continue;
            int64_t via = add_bound(add_bound(ki, c), d->m[j][l]);
            if (via < d->m[k][l])
                d->m[k][l] = via;
        }
    }
    return true;
}

int64_t dbm_min(const ls_dbm *d, int i)
{
    return -d->m[DBM_ZERO][i];
}

int64_t dbm_max(const ls_dbm *d, int i)
{
    return d->m[i][DBM_ZERO];
}

void dbm_copy(ls_dbm *dst, const ls_dbm *src)
{
    dst->n = src->n;
    memcpy(dst->used, src->used, sizeof dst->used);
    for (int i = 0; i < src->n; i++)
        memcpy(dst->m[i], src->m[i], (size_t)src->n * sizeof src->m[i][0]);
}
