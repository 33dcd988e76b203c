/* output.c - see output.h. */
#include "output.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

void out_format_number(double x, char *buf, size_t size)
{
    if (isnan(x)) {
        snprintf(buf, size, "NaN");
        return;
    }
    if (isinf(x)) {
        snprintf(buf, size, x < 0 ? "-Infinity" : "Infinity");
        return;
    }
    if (x == 0) {
        snprintf(buf, size, "0");
        return;
    }
    if (x == trunc(x) && fabs(x) < 1e21) {
        snprintf(buf, size, "%.0f", x);
        return;
    }
    /* Shortest %.*e that round-trips gives the digits and the exponent. */
    char tmp[40];
    int prec = 1;
    for (; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, x);
        if (strtod(tmp, NULL) == x)
            break;
    }
    /* tmp is "[-]d.ddde[+-]XX": split into sign, digits and exponent. */
    bool neg = tmp[0] == '-';
    const char *p = tmp + (neg ? 1 : 0);
    char digits[24];
    size_t nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    digits[nd] = '\0';
    int exp10 = atoi(p + 1); /* x = 0.d1d2... * 10^(exp10 + 1) */
    int n = exp10 + 1;       /* ECMA-262 Number::toString: the position of the decimal point */
    char out[64];
    size_t o = 0;
    if (neg)
        out[o++] = '-';
    if ((int)nd <= n && n <= 21) {
        memcpy(out + o, digits, nd);
        o += nd;
        for (int i = (int)nd; i < n; i++)
            out[o++] = '0';
    } else if (0 < n && n <= 21) {
        memcpy(out + o, digits, (size_t)n);
        o += (size_t)n;
        out[o++] = '.';
        memcpy(out + o, digits + n, nd - (size_t)n);
        o += nd - (size_t)n;
    } else if (-6 < n && n <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int i = 0; i < -n; i++)
            out[o++] = '0';
        memcpy(out + o, digits, nd);
        o += nd;
    } else {
        out[o++] = digits[0];
        if (nd > 1) {
            out[o++] = '.';
            memcpy(out + o, digits + 1, nd - 1);
            o += nd - 1;
        }
        o += (size_t)snprintf(out + o, sizeof out - o, "e%c%d", n - 1 < 0 ? '-' : '+',
                              abs(n - 1));
    }
    out[o] = '\0';
    snprintf(buf, size, "%s", out);
}

void out_begin(ls_engine *e, ls_origin origin)
{
    ls_output *o = &e->out;
    if (!o->recording)
        return;
    if (o->nrecords == o->records_cap) {
        size_t cap = o->records_cap ? o->records_cap * 2 : 64;
        o->records = arena_grow(e->arena, o->records, o->nrecords, cap, sizeof *o->records);
        o->records_cap = cap;
    }
    ls_record *r = &o->records[o->nrecords];
    memset(r, 0, sizeof *r);
    r->time_ns = clock_now_ns(&e->clock);
    r->iteration = e->iteration;
    r->phase = (int)e->phase;
    r->api = origin.api;
    r->label = origin.label;
    r->parent = origin.seq < o->nseq ? o->seq_record[origin.seq] : SIZE_MAX;
    r->seq = origin.seq;
    if (o->nopen == o->open_cap) {
        size_t cap = o->open_cap ? o->open_cap * 2 : 8;
        o->open = arena_grow(e->arena, o->open, o->nopen, cap, sizeof *o->open);
        o->open_cap = cap;
    }
    o->open[o->nopen++] = o->nrecords++;
}

void out_note_seq(ls_engine *e, uint64_t seq)
{
    ls_output *o = &e->out;
    if (!o->recording)
        return;
    if (seq >= o->seq_cap) {
        size_t cap = o->seq_cap ? o->seq_cap : 64;
        while (cap <= seq)
            cap *= 2;
        o->seq_record = arena_grow(e->arena, o->seq_record, o->nseq, cap, sizeof *o->seq_record);
        o->seq_cap = cap;
    }
    while (o->nseq < seq)
        o->seq_record[o->nseq++] = SIZE_MAX;
    o->seq_record[o->nseq++] = o->nopen ? o->open[o->nopen - 1] : SIZE_MAX;
}

void out_end(ls_engine *e)
{
    if (e->out.recording && e->out.nopen > 0)
        e->out.nopen--;
}

void out_queued(ls_engine *e, const char *api, const char *label)
{
    ls_output *o = &e->out;
    if (!o->recording || !o->queued || o->nopen == 0)
        return;
    ls_record *r = &o->records[o->open[o->nopen - 1]];
    size_t add = strlen(api) + strlen(label) + 5;
    char *q = arena_alloc(e->arena, r->queued_len + add + 1);
    if (r->queued) {
        memcpy(q, r->queued, r->queued_len);
        memcpy(q + r->queued_len, ", ", 2);
        r->queued_len += 2;
    }
    r->queued_len += (size_t)sprintf(q + r->queued_len, "%s(%s)", api, label);
    r->queued = q;
}

void out_snapshot(ls_engine *e, const char *text)
{
    ls_output *o = &e->out;
    if (!o->recording || !o->snapshots)
        return;
    ls_origin origin = {"(queues)", text, 0};
    out_begin(e, origin);
    out_end(e);
}

void out_line(ls_engine *e, const char *text)
{
    out_line_n(e, text, strlen(text), false);
}

void out_err_line(ls_engine *e, const char *text)
{
    out_line_n(e, text, strlen(text), true);
}

static void add_line(ls_engine *e, const char *text, size_t len)
{
    ls_output *o = &e->out;
    if (o->nlines == o->lines_cap) {
        size_t cap = o->lines_cap ? o->lines_cap * 2 : 64;
        o->lines = arena_grow(e->arena, o->lines, o->nlines, cap, sizeof *o->lines);
        o->lines_cap = cap;
    }
    o->lines[o->nlines].text = text;
    o->lines[o->nlines].len = len;
    o->lines[o->nlines].record = o->nopen ? o->open[o->nopen - 1] : SIZE_MAX;
    o->nlines++;
}

static void add_err_line(ls_engine *e, const char *text, size_t len)
{
    ls_output *o = &e->out;
    if (o->nerrs == o->errs_cap) {
        size_t cap = o->errs_cap ? o->errs_cap * 2 : 16;
        o->errs = arena_grow(e->arena, o->errs, o->nerrs, cap, sizeof *o->errs);
        o->errs_cap = cap;
    }
    o->errs[o->nerrs].text = text;
    o->errs[o->nerrs].len = len;
    o->errs[o->nerrs].record = o->nopen ? o->open[o->nopen - 1] : SIZE_MAX;
    o->errs[o->nerrs].after = o->nlines;
    o->nerrs++;
}

void out_line_n(ls_engine *e, const char *text, size_t len, bool to_stderr)
{
    if (to_stderr)
        add_err_line(e, text, len);
    else
        add_line(e, text, len);
}

/* a line and its newline, NULs included */
static void put_line(FILE *f, const char *text, size_t len)
{
    fwrite(text, 1, len, f);
    fputc('\n', f);
}

void out_warning(ls_engine *e, const char *text)
{
    out_err_line(e, arena_printf(e->arena, "(node:4242) %s", text));
}

void out_render_errs(const ls_engine *e, FILE *f)
{
    for (size_t i = 0; i < e->out.nerrs; i++)
        put_line(f, e->out.errs[i].text, e->out.errs[i].len);
}

void out_json_string(FILE *f, const char *s)
{
    out_json_string_n(f, s, strlen(s));
}

void out_json_string_n(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; p < (const unsigned char *)s + len; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

static void render_trace_text(const ls_engine *e, FILE *f)
{
    const ls_output *o = &e->out;
    /* Chain each record's lines: first[r] -> next[l] -> ... (SIZE_MAX ends a chain). */
    size_t *first = malloc((o->nrecords + 1) * sizeof *first);
    size_t *last = malloc((o->nrecords + 1) * sizeof *last);
    size_t *next = malloc((o->nlines + 1) * sizeof *next);
    if (!first || !last || !next) {
        free(first);
        free(last);
        free(next);
        ls_out_of_memory((o->nrecords + o->nlines + 2) * sizeof *last);
    }
    for (size_t r = 0; r <= o->nrecords; r++)
        first[r] = last[r] = SIZE_MAX;
    for (size_t l = 0; l < o->nlines; l++) {
        size_t r = o->lines[l].record == SIZE_MAX ? o->nrecords : o->lines[l].record;
        next[l] = SIZE_MAX;
        if (last[r] == SIZE_MAX)
            first[r] = l;
        else
            next[last[r]] = l;
        last[r] = l;
    }
    fprintf(f, "%11s  %4s  %-10s  %-24s  %s\n", "clock", "iter", "phase", "queued by",
            "callback");
    for (size_t r = 0; r <= o->nrecords; r++) {
        if (r < o->nrecords) {
            const ls_record *rec = &o->records[r];
            fprintf(f, "%8.3f ms  %4llu  %-10s  %-24s  %s", (double)rec->time_ns / 1e6,
                    (unsigned long long)rec->iteration, phase_name((ls_phase)rec->phase),
                    rec->api, rec->label);
            if (rec->queued)
                fprintf(f, "  -> %s", rec->queued);
            fputc('\n', f);
        }
        for (size_t l = first[r]; l != SIZE_MAX; l = next[l])
        {
            fprintf(f, "%11s  | ", "");
            put_line(f, o->lines[l].text, o->lines[l].len);
        }
        for (size_t l = 0; l < o->nerrs; l++) /* few: a linear scan */
            if ((o->errs[l].record == SIZE_MAX ? o->nrecords : o->errs[l].record) == r)
            {
                fprintf(f, "%11s  | (stderr) ", "");
                put_line(f, o->errs[l].text, o->errs[l].len);
            }
    }
    free(first);
    free(last);
    free(next);
}

void out_render(const ls_engine *e, FILE *f, ls_out_format format, bool trace)
{
    const ls_output *o = &e->out;
    if (format == FORMAT_TEXT) {
        if (trace) {
            render_trace_text(e, f);
            return;
        }
        for (size_t i = 0; i < o->nlines; i++)
            put_line(f, o->lines[i].text, o->lines[i].len);
        return;
    }
    fputs("{\n  \"output\": [", f);
    for (size_t i = 0; i < o->nlines; i++) {
        fputs(i ? ", " : "", f);
        out_json_string_n(f, o->lines[i].text, o->lines[i].len);
    }
    fputs("],\n  \"stderr\": [", f);
    for (size_t i = 0; i < o->nerrs; i++) {
        fputs(i ? ", " : "", f);
        out_json_string_n(f, o->errs[i].text, o->errs[i].len);
    }
    fprintf(f, "],\n  \"exit_code\": %d,\n  \"stopped\": ", e->exit_code);
    if (e->stop == STOP_CALLBACK_LIMIT || e->stop == STOP_TIME_LIMIT || e->stop == STOP_HANG)
        out_json_string(f, e->stop_message);
    else
        fputs("null", f);
    fprintf(f, ",\n  \"profile\": ");
    out_json_string(f, e->profile->id);
    fputs(",\n  \"trace\": [", f);
    for (size_t i = 0; i < o->nrecords; i++) {
        const ls_record *r = &o->records[i];
        fprintf(f, "%s\n    {\"clock_ms\": %.6f, \"iteration\": %llu, \"phase\": ", i ? "," : "",
                (double)r->time_ns / 1e6, (unsigned long long)r->iteration);
        out_json_string(f, phase_name((ls_phase)r->phase));
        fputs(", \"api\": ", f);
        out_json_string(f, r->api);
        fputs(", \"label\": ", f);
        out_json_string(f, r->label);
        fputs(", \"queued\": ", f);
        out_json_string(f, r->queued ? r->queued : "");
        if (r->parent < o->nrecords)
            fprintf(f, ", \"queued_by\": %zu", r->parent);
        else
            fputs(", \"queued_by\": null", f);
        fputs(", \"output\": [", f);
        bool first = true;
        for (size_t l = 0; l < o->nlines; l++) {
            if (o->lines[l].record != i)
                continue;
            fputs(first ? "" : ", ", f);
            first = false;
            out_json_string_n(f, o->lines[l].text, o->lines[l].len);
        }
        fputs("]}", f);
    }
    fputs("\n  ]\n}\n", f);
}

bool out_render_ending(const ls_engine *e, int exit_code, bool timed, FILE *f)
{
    switch (e->stop) {
    case STOP_CALLBACK_LIMIT:
    case STOP_TIME_LIMIT:
    case STOP_HANG:
        if (!timed) {
            fprintf(f, "loopsim: stopped: %s\n", e->stop_message);
            return true;
        }
        fprintf(f, "loopsim: stopped at %.3f ms of virtual time after %llu callbacks: %s\n",
                (double)clock_elapsed_ns(&e->clock) / 1e6, (unsigned long long)e->callbacks_run,
                e->stop_message);
        return true;
    case STOP_FATAL:
        if (e->fatal_report)
            fputs(e->fatal_report, f);
        else
            fprintf(f, "loopsim: node would print on stderr: %s\n", e->stop_message);
        fprintf(f, "loopsim: the process exits with code %d\n", exit_code);
        return false;
    default:
        if (exit_code != 0)
            fprintf(f, "loopsim: the process exits with code %d\n", exit_code);
        return false;
    }
}

void out_wrap(FILE *f, int indent, const char *lead, const char *text, int width)
{
    int hang = indent + (int)strlen(lead);
    int col = fprintf(f, "%*s%s", indent, "", lead);
    bool first = true;
    for (const char *p = text; *p;) {
        const char *sp = strchr(p, ' ');
        int len = sp ? (int)(sp - p) : (int)strlen(p);
        if (!first && col + 1 + len > width) {
            fprintf(f, "\n%*s", hang, "");
            col = hang;
        } else if (!first) {
            fputc(' ', f);
            col++;
        }
        col += fprintf(f, "%.*s", len, p);
        first = false;
        p += len;
        while (*p == ' ')
            p++;
    }
    fputc('\n', f);
}

void out_print_lines(FILE *f, const char *lines, size_t len, const char *indent)
{
    for (const char *line = lines, *end = lines + len; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
        fprintf(f, "%s%.*s\n", indent, (int)n, line);
        line += n + 1;
    }
}

void out_json_lines(FILE *f, const char *lines, size_t len)
{
    fputc('[', f);
    for (const char *line = lines, *end = lines + len; line < end;) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(end - line);
        char *copy = strndup(line, n);
        if (!copy)
            ls_out_of_memory(0);
        fputs(line == lines ? "" : ", ", f);
        out_json_string(f, copy);
        free(copy);
        line += n + 1;
    }
    fputc(']', f);
}
