/* picture.c - see picture.h for what the pictures show and why they are laid out so. */
#include "picture.h"
#include "xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"

/* ---- text: escaped for XML, cut to a width ------------------------------------------------ */

/* Every text is set in a monospace font; at 11 px DejaVu Sans Mono (what Chromium picks for
 * `monospace` on Debian) advances 6.62 px per character, so 6.7 leaves a margin. */
#define CHAR_W 6.7
#define CHAR_W_SMALL 6.1 /* 10 px */

static size_t columns_for(double width, double char_w)
{
    return width <= char_w ? 1 : (size_t)(width / char_w);
}

/* The code point at s (n bytes left), its byte length in *len; 0xFFFD for a bad sequence. */
static uint32_t next_code_point(const unsigned char *s, size_t n, size_t *len)
{
    unsigned c = s[0];
    size_t need = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (need == 0 || need > n) {
        *len = 1;
        return 0xFFFD;
    }
    uint32_t cp = need == 1 ? c : need == 2 ? c & 0x1F : need == 3 ? c & 0x0F : c & 0x07;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *len = need;
    return cp;
}

/* How many columns a code point takes: East Asian wide and emoji ranges take two. */
static size_t cp_columns(uint32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

static size_t text_columns(const char *s, size_t n)
{
    size_t cols = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        cols += cp_columns(next_code_point((const unsigned char *)s + i, n - i, &len));
        i += len;
    }
    return cols;
}

/* One code point, escaped: XML's five, and the characters XML 1.0 does not allow (control
 * characters, a bad UTF-8 sequence) as a visible replacement. */
static void put_cp(FILE *f, const char *s, size_t len, uint32_t cp)
{
    switch (cp) {
    case '&': fputs("&amp;", f); return;
    case '<': fputs("&lt;", f); return;
    case '>': fputs("&gt;", f); return;
    case '"': fputs("&quot;", f); return;
    case '\'': fputs("&apos;", f); return;
    default: break;
    }
    if ((cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0xD800 && cp <= 0xDFFF) ||
        cp == 0xFFFE || cp == 0xFFFF || cp == 0xFFFD)
        fputs("\xEF\xBF\xBD", f); /* U+FFFD */
    else
        fwrite(s, 1, len, f);
}

/* `s` (n bytes), escaped, cut to `max` columns with an ellipsis (0: no cut).  Returns whether
 * it was cut. */
static bool put_text_n(FILE *f, const char *s, size_t n, size_t max)
{
    bool cut = max && text_columns(s, n) > max;
    size_t room = cut ? max - 1 : SIZE_MAX, cols = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = next_code_point((const unsigned char *)s + i, n - i, &len);
        size_t w = cp_columns(cp);
        if (cols + w > room)
            break;
        put_cp(f, s + i, len, cp);
        cols += w;
        i += len;
    }
    if (cut)
        fputs("\xE2\x80\xA6", f); /* … */
    return cut;
}

static bool put_text(FILE *f, const char *s, size_t max)
{
    return put_text_n(f, s, strlen(s), max);
}

/* A <text> element: `s` cut to the width, its whole text as a <title> when cut. */
static void text_el(FILE *f, double x, double y, const char *cls, const char *anchor,
                    const char *s, size_t n, double width, double char_w)
{
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\"%s%s%s>", x, y, cls,
            anchor ? " text-anchor=\"" : "", anchor ? anchor : "", anchor ? "\"" : "");
    size_t max = columns_for(width, char_w);
    if (text_columns(s, n) > max) {
        fputs("<title>", f);
        put_text_n(f, s, n, 0);
        fputs("</title>", f);
    }
    put_text_n(f, s, n, max);
    fputs("</text>\n", f);
}

/* `text` broken at spaces into lines of at most `cols` columns (a longer word is cut). */
static size_t wrap_words(ls_engine *e, const char *text, size_t cols, const char ***out)
{
    size_t cap = 8, n = 0;
    const char **lines = arena_alloc(e->arena, cap * sizeof *lines);
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *end = p, *last_fit = NULL;
        for (;;) {
            const char *sp = strchr(end, ' ');
            const char *word_end = sp ? sp : end + strlen(end);
            if (text_columns(p, (size_t)(word_end - p)) > cols)
                break;
            last_fit = word_end;
            if (!sp)
                break;
            end = sp + 1;
        }
        const char *stop = last_fit ? last_fit : p + strlen(p);
        if (!last_fit) { /* one word longer than the line: it is cut when written */
            const char *sp = strchr(p, ' ');
            stop = sp ? sp : p + strlen(p);
        }
        if (n == cap) {
            lines = arena_grow(e->arena, lines, n, cap * 2, sizeof *lines);
            cap *= 2;
        }
        lines[n++] = arena_printf(e->arena, "%.*s", (int)(stop - p), p);
        p = stop;
    }
    *out = lines;
    return n;
}

/* ---- the style sheet and the palette ------------------------------------------------------- */

/* Okabe & Ito's palette ("Color Universal Design", 2008): told apart with every common
 * deficiency of colour vision.  Fills are the colours lightened; strokes the colours (yellow,
 * too light on white, darkened); the text is always near-black on them. */
typedef struct {
    const char *name;
    const char *fill, *stroke;
} lane_style;

enum {
    LANE_MAIN, LANE_TICKS, LANE_MICRO, LANE_TIMERS, LANE_PENDING, LANE_POLL, LANE_CHECK,
    LANE_CLOSE, LANE_BEFORE_EXIT, LANE_EXIT, LANE_COUNT
};

static const lane_style LANES[LANE_COUNT] = {
    {"main", "#e8e8e8", "#000000"},
    {"nextTick queue", "#cce3f0", "#0072b2"},
    {"microtask queue", "#c8ecdf", "#009e73"},
    {"timers", "#f9e3b0", "#e69f00"},
    {"pending", "#faf6c8", "#8f8500"},
    {"poll", "#d9eefa", "#56b4e9"},
    {"check", "#f3dbe8", "#cc79a7"},
    {"close", "#f6d2bd", "#d55e00"},
    {"beforeExit", "#eeeeee", "#666666"},
    {"exit", "#eeeeee", "#666666"},
};

static void style_sheet(FILE *f)
{
    fputs("<style>\n"
          "text { font-family: 'DejaVu Sans Mono', monospace; font-size: 11px; fill: #111; }\n"
          ".title { font-size: 15px; font-weight: bold; }\n"
          ".sub { font-size: 12px; fill: #333; }\n"
          ".lane-name { font-weight: bold; }\n"
          ".band-name { font-size: 12px; font-weight: bold; }\n"
          ".clock, .dim { font-size: 10px; fill: #555; }\n"
          ".api { fill: #444; }\n"
          ".label { font-weight: bold; }\n"
          ".out { fill: #00513a; }\n"
          ".pre { white-space: pre; }\n"
          ".err { fill: #8f3300; }\n"
          ".race-tag { fill: #fff; font-size: 10px; font-weight: bold; }\n"
          ".head { font-weight: bold; }\n"
          ".diff { font-weight: bold; }\n"
          ".box { stroke-width: 1.5; }\n"
          ".arrow { fill: none; stroke-width: 1.3; stroke-opacity: 0.7; }\n"
          ".drain { fill: none; stroke: #777; stroke-dasharray: 4 3; }\n"
          ".ms { stroke: #999; stroke-dasharray: 2 4; }\n"
          ".race { stroke: #000; stroke-width: 2; stroke-dasharray: 8 3 2 3; }\n"
          ".cut { fill: none; stroke: #555; stroke-width: 1.5; }\n"
          "@media print { .band-even { fill: #fff; } }\n"
          "</style>\n",
          f);
}

static void svg_open(FILE *f, double w, double h, const char *title)
{
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
               "viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n<title>", w, h, w, h);
    put_text(f, title, 0);
    fputs("</title>\n", f);
    style_sheet(f);
    fprintf(f, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", w, h);
}

/* ---- the timeline -------------------------------------------------------------------------- */

#define LEFT 140.0      /* the lanes' names */
#define PITCH 172.0     /* one column: a box and the gap after it */
#define BOX_W 160.0
#define CUT_W 64.0      /* the gap where the clock jumps */
#define JUMP_NS 1000000 /* a jump of this much or more is cut and written */
#define TOP 112.0       /* the first lane */
#define LINE_H 14.0
#define MAX_LINES 5     /* printed lines shown in a box (then "+N more") */
#define EMPTY_LANE_H 30.0
#define LANE_PAD 8.0

typedef struct {
    size_t record;
    int lane;
    double x, y, h;
    size_t *lines;    /* indexes into e->out.lines (stdout) */
    size_t nlines;
    size_t *errs;     /* indexes into e->out.errs */
    size_t nerrs;
} box;

typedef struct {
    size_t box;       /* where it is decided */
    const ls_order *order;
    size_t order_index;
} race;

static bool is_main_script(const ls_record *r)
{
    return strcmp(r->label, "main script") == 0;
}

static bool is_drain(const ls_record *r)
{
    return explain_is_drain_api(r->api) && !is_main_script(r);
}

int picture_phase_lane(ls_phase phase)
{
    switch (phase) {
    case PHASE_MAIN: return LANE_MAIN;
    case PHASE_TIMERS: return LANE_TIMERS;
    case PHASE_PENDING: return LANE_PENDING;
    case PHASE_IDLE:
    case PHASE_PREPARE:
    case PHASE_POLL: return LANE_POLL;
    case PHASE_CHECK: return LANE_CHECK;
    case PHASE_CLOSE: return LANE_CLOSE;
    case PHASE_BEFORE_EXIT: return LANE_BEFORE_EXIT;
    case PHASE_EXIT: return LANE_EXIT;
    /* --env browser has no pictures of its own yet: the commands refuse them (cli/options.c) */
    case PHASE_TASK:
    case PHASE_RENDER:
    case PHASE_IDLE_PERIOD: return LANE_MAIN;
    }
    return LANE_MAIN;
}

static int lane_of(const ls_record *r)
{
    if (is_main_script(r))
        return LANE_MAIN;
    if (is_drain(r))
        return strcmp(r->api, "process.nextTick") == 0 ? LANE_TICKS : LANE_MICRO;
    return picture_phase_lane((ls_phase)r->phase);
}

int picture_lane_of(const ls_record *r)
{
    return lane_of(r);
}

bool picture_lane_queues(int lane)
{
    return lane != LANE_MAIN && lane != LANE_BEFORE_EXIT && lane != LANE_EXIT;
}

int picture_lane_count(void)
{
    return LANE_COUNT;
}

const char *picture_lane_name(int lane)
{
    return LANES[lane].name;
}

const char *picture_lane_color(int lane, bool fill)
{
    return fill ? LANES[lane].fill : LANES[lane].stroke;
}

bool picture_is_drain(const ls_record *r)
{
    return is_drain(r);
}

/* The band a record is in: 0 for the main script and its drain, 1 for what runs before the
 * first iteration (libuv 1.45+), k + 1 for iteration k. */
static uint64_t band_of(const ls_record *r)
{
    if ((ls_phase)r->phase == PHASE_MAIN)
        return 0;
    return r->iteration + 1;
}

static const char *band_name(ls_engine *e, uint64_t band)
{
    if (band == 0)
        return "main script, then its drain";
    if (band == 1)
        return "before the loop";
    return arena_printf(e->arena, "iteration %llu", (unsigned long long)(band - 1));
}

static const char *percent(ls_engine *e, const ls_orders *orders, const ls_order *o)
{
    if (!orders->samples)
        return "p not sampled";
    if (o->samples == 0)
        return arena_printf(e->arena, "p < %.2g%%", 100.0 / (double)orders->samples);
    return arena_printf(e->arena, "p = %.1f%%", 100.0 * (double)o->samples / (double)orders->samples);
}

/* `text` wrapped to the width, a <text> per line from (x, *y) down; *y moves past it. */
static void paragraph_w(FILE *f, ls_engine *e, double x, double *y, double width, const char *cls,
                        const char *text, double char_w)
{
    const char **lines;
    size_t n = wrap_words(e, text, columns_for(width, char_w), &lines);
    for (size_t i = 0; i < n; i++) {
        text_el(f, x, *y, cls, NULL, lines[i], strlen(lines[i]), width, char_w);
        *y += LINE_H + (char_w > CHAR_W ? 2 : 0);
    }
}

static void paragraph(FILE *f, ls_engine *e, double x, double *y, double width, const char *cls,
                      const char *text)
{
    paragraph_w(f, e, x, y, width, cls, text, CHAR_W);
}

int picture_timeline_svg(const ls_program *program, const ls_costs *costs,
                         const ls_profile *profile, const ls_limits *limits,
                         const ls_orders *orders, FILE *f)
{
    int code;
    ls_engine *e = explain_traced_run(program, costs, profile, limits, &code);
    if (!e)
        return -1;
    const ls_output *o = &e->out;
    ls_label_words *words = explain_words(e);

    /* the boxes: every callback record, in the order they ran */
    box *boxes = arena_alloc(e->arena, (o->nrecords + 1) * sizeof *boxes);
    size_t *box_of = arena_alloc(e->arena, (o->nrecords + 1) * sizeof *box_of);
    size_t nboxes = 0;
    for (size_t r = 0; r < o->nrecords; r++) {
        box_of[r] = SIZE_MAX;
        if (strcmp(o->records[r].api, "(queues)") == 0)
            continue;
        box_of[r] = nboxes;
        boxes[nboxes++] = (box){r, lane_of(&o->records[r]), 0, 0, 0, NULL, 0, NULL, 0};
    }
    /* the lines each printed (a record's lines need not be contiguous: a nested one prints
     * between them) */
    for (size_t l = 0; l < o->nlines; l++)
        if (o->lines[l].record < o->nrecords && box_of[o->lines[l].record] != SIZE_MAX)
            boxes[box_of[o->lines[l].record]].nlines++;
    for (size_t l = 0; l < o->nerrs; l++)
        if (o->errs[l].record < o->nrecords && box_of[o->errs[l].record] != SIZE_MAX)
            boxes[box_of[o->errs[l].record]].nerrs++;
    for (size_t b = 0; b < nboxes; b++) {
        boxes[b].lines = arena_alloc(e->arena, (boxes[b].nlines + 1) * sizeof(size_t));
        boxes[b].errs = arena_alloc(e->arena, (boxes[b].nerrs + 1) * sizeof(size_t));
        boxes[b].nlines = boxes[b].nerrs = 0;
    }
    for (size_t l = 0; l < o->nlines; l++)
        if (o->lines[l].record < o->nrecords && box_of[o->lines[l].record] != SIZE_MAX) {
            box *b = &boxes[box_of[o->lines[l].record]];
            b->lines[b->nlines++] = l;
        }
    for (size_t l = 0; l < o->nerrs; l++)
        if (o->errs[l].record < o->nrecords && box_of[o->errs[l].record] != SIZE_MAX) {
            box *b = &boxes[box_of[o->errs[l].record]];
            b->errs[b->nerrs++] = l;
        }

    /* x: a column per box, and a gap where the clock jumps */
    bool *cut_before = arena_alloc(e->arena, (nboxes + 1) * sizeof *cut_before);
    double x = LEFT + 12;
    for (size_t b = 0; b < nboxes; b++) {
        if (b > 0 && o->records[boxes[b].record].time_ns - o->records[boxes[b - 1].record].time_ns
                         >= JUMP_NS) {
            cut_before[b] = true;
            x += CUT_W;
        }
        boxes[b].x = x;
        x += PITCH;
    }
    double width = x + 12 < 760 ? 760 : x + 12;
    char range[64];
    const char *title = arena_printf(e->arena, "%s: Node %s (profile %s), the run with the "
                                     "nominal timing", program->file,
                                     profile_range(profile->first, profile->last, range,
                                                   sizeof range), profile->id);
    if (width < 60 + 9.1 * (double)text_columns(title, strlen(title)))
        width = 60 + 9.1 * (double)text_columns(title, strlen(title));

    /* heights: a box's lines; a lane as high as its highest box */
    double lane_h[LANE_COUNT], lane_y[LANE_COUNT + 1];
    for (int l = 0; l < LANE_COUNT; l++)
        lane_h[l] = EMPTY_LANE_H;
    for (size_t b = 0; b < nboxes; b++) {
        size_t shown = boxes[b].nlines + boxes[b].nerrs;
        if (shown > MAX_LINES)
            shown = MAX_LINES + 1;
        boxes[b].h = 12 + LINE_H * (2 + (double)shown);
        if (boxes[b].h + 2 * LANE_PAD > lane_h[boxes[b].lane])
            lane_h[boxes[b].lane] = boxes[b].h + 2 * LANE_PAD;
    }
    lane_y[0] = TOP;
    for (int l = 0; l < LANE_COUNT; l++)
        lane_y[l + 1] = lane_y[l] + lane_h[l];
    for (size_t b = 0; b < nboxes; b++)
        boxes[b].y = lane_y[boxes[b].lane] + LANE_PAD;
    double lanes_end = lane_y[LANE_COUNT];

    /* the races: a condition of another order that names the phase a box begins */
    const ls_order *nominal = NULL;
    for (size_t i = 0; orders && i < orders->n; i++)
        if (orders->orders[i].nominal)
            nominal = &orders->orders[i];
    race *races = NULL;
    size_t nraces = 0, races_cap = 0;
    for (size_t b = 0; nominal && b < nboxes; b++) {
        const ls_record *r = &o->records[boxes[b].record];
        if (b > 0) {
            const ls_record *p = &o->records[boxes[b - 1].record];
            if (p->phase == r->phase && p->iteration == r->iteration && !is_main_script(r))
                continue;
        }
        for (size_t i = 0; i < orders->n; i++) {
            const ls_order *x2 = &orders->orders[i];
            if (x2 == nominal || !explain_order_races_at(e, x2, (ls_phase)r->phase, r->iteration))
                continue;
            if (nraces == races_cap) {
                size_t cap = races_cap ? 2 * races_cap : 8;
                races = arena_grow(e->arena, races, nraces, cap, sizeof *races);
                races_cap = cap;
            }
            races[nraces++] = (race){b, x2, i};
        }
    }

    /* the legend's text, to know the height: console, ending, races */
    double legend_w = width - 40;
    const char **console_lines = arena_alloc(e->arena, (o->nlines + o->nerrs + 1) * sizeof(char *));
    size_t nconsole = 0;
    {
        size_t err = 0;
        for (size_t l = 0; l <= o->nlines; l++) {
            for (; err < o->nerrs && o->errs[err].after == l; err++) {
                const ls_err_line *el = &o->errs[err];
                const char *who = el->record < o->nrecords && box_of[el->record] != SIZE_MAX
                                      ? arena_printf(e->arena, "  (#%zu)", box_of[el->record] + 1)
                                      : "";
                console_lines[nconsole++] = arena_printf(e->arena, "stderr: %.*s%s",
                                                         (int)strnlen(el->text, el->len),
                                                         el->text, who);
            }
            if (l == o->nlines)
                break;
            const ls_line *ln = &o->lines[l];
            const char *who = ln->record < o->nrecords && box_of[ln->record] != SIZE_MAX
                                  ? arena_printf(e->arena, "  (#%zu)", box_of[ln->record] + 1)
                                  : "";
            console_lines[nconsole++] = arena_printf(e->arena, "%4zu  %.*s%s", l + 1,
                                                     (int)strnlen(ln->text, ln->len), ln->text,
                                                     who);
        }
    }
    char *ending = NULL;
    size_t ending_len = 0;
    if (e->stop != STOP_NONE || code != 0) {
        FILE *g = open_memstream(&ending, &ending_len);
        if (g) {
            out_render_ending(e, code, true, g);
            fclose(g);
        }
    }
    /* the legend is written to memory first: its height decides the picture's */
    char *legend = NULL;
    size_t legend_len = 0;
    double ly = 0;
    {
        FILE *g = open_memstream(&legend, &legend_len);
        if (!g)
            ls_out_of_memory(0);
        ly = lanes_end + 34;
        fprintf(g, "<g id=\"console\">\n");
        const char *console_head = "Console (stdout, and stderr marked; #N: the box that "
                                   "printed the line)";
        text_el(g, 20, ly, "head", NULL, console_head, strlen(console_head), legend_w, CHAR_W);
        ly += LINE_H + 4;
        for (size_t i = 0; i < nconsole; i++) {
            text_el(g, 20, ly, strncmp(console_lines[i], "stderr: ", 8) == 0 ? "err pre" : "out pre",
                    NULL, console_lines[i], strlen(console_lines[i]), legend_w, CHAR_W);
            ly += LINE_H;
        }
        if (nconsole == 0) {
            text_el(g, 20, ly, "dim", NULL, "(the program prints nothing)", 28, legend_w, CHAR_W);
            ly += LINE_H;
        }
        if (ending && ending_len) {
            ly += 6;
            for (char *line = ending, *nl; line && *line; line = nl ? nl + 1 : NULL) {
                nl = strchr(line, '\n');
                if (nl)
                    *nl = '\0';
                paragraph(g, e, 20, &ly, legend_w, "err", line);
            }
        }
        fprintf(g, "</g>\n");
        if (orders && orders->count > 1 && nominal) {
            ly += 16;
            fprintf(g, "<g id=\"races\">\n");
            text_el(g, 20, ly, "head", NULL, "Races", 5, legend_w, CHAR_W);
            ly += LINE_H + 4;
            paragraph(g, e, 20, &ly, legend_w, "",
                      arena_printf(e->arena, "This is the run with the nominal timing (loopsim "
                                   "run's order, %s under the timing model); %llu orders are "
                                   "possible (loopsim orders lists them).",
                                   percent(e, orders, nominal),
                                   (unsigned long long)orders->count));
            for (size_t k = 0; k < nraces; k++) {
                const race *rc = &races[k];
                const ls_record *r = &o->records[boxes[rc->box].record];
                const char *where = r->iteration == 0
                                        ? arena_printf(e->arena, "the %s phase before the loop",
                                                       phase_name((ls_phase)r->phase))
                                        : arena_printf(e->arena, "the %s phase of iteration %llu",
                                                       phase_name((ls_phase)r->phase),
                                                       (unsigned long long)r->iteration);
                const char *all = explain_conditions(words, e, rc->order->conditions,
                                                     rc->order->nconditions);
                paragraph(g, e, 20, &ly, legend_w, "",
                          arena_printf(e->arena, "race %zu, at %s (before #%zu): if %s, it "
                                       "prints order %zu of loopsim orders instead (%s): %s",
                                       k + 1, where, rc->box + 1, all, rc->order_index + 1,
                                       percent(e, orders, rc->order),
                                       explain_order_lines(e, rc->order)));
            }
            if (nraces == 0) {
                for (size_t i = 0; i < orders->n; i++) {
                    const ls_order *x2 = &orders->orders[i];
                    if (x2 == nominal)
                        continue;
                    const char *all = explain_conditions(words, e, x2->conditions,
                                                         x2->nconditions);
                    paragraph(g, e, 20, &ly, legend_w, "",
                              arena_printf(e->arena, "order %zu (%s)%s%s: %s", i + 1,
                                           percent(e, orders, x2), *all ? ", when " : "", all,
                                           explain_order_lines(e, x2)));
                }
            }
            fprintf(g, "</g>\n");
        }
        fclose(g);
    }
    double height = ly + 16;

    svg_open(f, width, height, title);
    fputs("<defs>\n", f);
    for (int l = 0; l < LANE_COUNT; l++)
        fprintf(f, "<marker id=\"head-%d\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
                   "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                   "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>\n", l, LANES[l].stroke);
    fputs("</defs>\n", f);
    text_el(f, 20, 26, "title", NULL, title, strlen(title), width - 40, 9.1);
    const char *sub = arena_printf(e->arena, "%zu callback%s; %s. Columns: the order things "
                                   "ran in; arrows: what queued what; dashed frames: a callback "
                                   "and the drain after it (docs/pictures.md).",
                                   nboxes, nboxes == 1 ? "" : "s",
                                   !orders ? "races not searched"
                                   : orders->count > 1
                                       ? arena_printf(e->arena, "racy: %llu orders are possible",
                                                      (unsigned long long)orders->count)
                                       : orders->complete ? "deterministic under the timing model"
                                                          : "the search for races did not finish");
    text_el(f, 20, 46, "sub", NULL, sub, strlen(sub), width - 40, 7.3);

    /* bands: one per loop iteration */
    fputs("<g id=\"bands\">\n", f);
    for (size_t b = 0, k = 0; b < nboxes; k++) {
        uint64_t band = band_of(&o->records[boxes[b].record]);
        size_t end = b;
        while (end + 1 < nboxes && band_of(&o->records[boxes[end + 1].record]) == band)
            end++;
        double x0 = boxes[b].x - 6, x1 = boxes[end].x + BOX_W + 6;
        fprintf(f, "<rect class=\"band%s\" x=\"%.1f\" y=\"60\" width=\"%.1f\" height=\"%.1f\" "
                   "fill=\"%s\"/>\n", k % 2 ? "-even" : "", x0, x1 - x0, lanes_end - 60,
                k % 2 ? "#f4f4f4" : "#fbfbfb");
        const char *name = band_name(e, band);
        text_el(f, x0 + 6, 76, "band-name", NULL, name, strlen(name), x1 - x0 - 8, 7.3);
        b = end + 1;
    }
    fputs("</g>\n", f);

    /* lanes */
    fputs("<g id=\"lanes\">\n", f);
    for (int l = 0; l < LANE_COUNT; l++) {
        fprintf(f, "<line x1=\"10\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cccccc\"/>\n",
                lane_y[l], width - 10, lane_y[l]);
        fprintf(f, "<rect x=\"10\" y=\"%.1f\" width=\"6\" height=\"%.1f\" fill=\"%s\"/>\n",
                lane_y[l] + 3, lane_h[l] - 6, LANES[l].stroke);
        text_el(f, 22, lane_y[l] + 18, "lane-name", NULL, LANES[l].name, strlen(LANES[l].name),
                LEFT - 26, CHAR_W);
    }
    fprintf(f, "<line x1=\"10\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cccccc\"/>\n",
            lanes_end, width - 10, lanes_end);
    fputs("</g>\n", f);

    /* the clock: each column's start, the loop's milliseconds, the cuts */
    fputs("<g id=\"clock\">\n", f);
    for (size_t b = 0; b < nboxes; b++) {
        const ls_record *r = &o->records[boxes[b].record];
        char t[48];
        snprintf(t, sizeof t, "%.3f ms", (double)r->time_ns / 1e6);
        text_el(f, boxes[b].x, 94, "clock", NULL, t, strlen(t), BOX_W, CHAR_W_SMALL);
        if (b == 0)
            continue;
        const ls_record *p = &o->records[boxes[b - 1].record];
        if (cut_before[b]) {
            double cx = boxes[b].x - (PITCH - BOX_W) - CUT_W / 2;
            fprintf(f, "<path class=\"cut\" d=\"M%.1f,96 l-5,10 M%.1f,96 l-5,10\"/>\n", cx,
                    cx + 5);
            fprintf(f, "<line class=\"ms\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
                    cx + 3, TOP, cx + 3, lanes_end);
            char j[48];
            snprintf(j, sizeof j, "+%.1f ms", (double)(r->time_ns - p->time_ns) / 1e6);
            text_el(f, cx + 3, 92, "clock", "middle", j, strlen(j), CUT_W + 8, CHAR_W_SMALL);
        } else if (r->time_ns / 1000000 != p->time_ns / 1000000) {
            double mx = boxes[b].x - (PITCH - BOX_W) / 2;
            fprintf(f, "<line class=\"ms\" x1=\"%.1f\" y1=\"98\" x2=\"%.1f\" y2=\"%.1f\"><title>"
                       "loop-ms %lld begins</title></line>\n",
                    mx, mx, lanes_end, (long long)(r->time_ns / 1000000));
        }
    }
    fputs("</g>\n", f);

    /* the drain after each callback, framed with it */
    fputs("<g id=\"drains\">\n", f);
    for (size_t b = 0; b < nboxes; b++) {
        const ls_record *r = &o->records[boxes[b].record];
        if (is_drain(r))
            continue;
        size_t end = b;
        while (end + 1 < nboxes) {
            const ls_record *n = &o->records[boxes[end + 1].record];
            if (!is_drain(n) || n->phase != r->phase || n->iteration != r->iteration)
                break;
            end++;
        }
        if (end == b)
            continue;
        int top = boxes[b].lane, bottom = boxes[b].lane;
        for (size_t k = b; k <= end; k++) {
            if (boxes[k].lane < top)
                top = boxes[k].lane;
            if (boxes[k].lane > bottom)
                bottom = boxes[k].lane;
        }
        fprintf(f, "<rect class=\"drain\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                   "rx=\"6\"><title>#%zu and the drain of the nextTick and microtask queues after "
                   "it</title></rect>\n",
                boxes[b].x - 4, lane_y[top] + 3, boxes[end].x + BOX_W + 8 - boxes[b].x,
                lane_y[bottom + 1] - lane_y[top] - 6, b + 1);
        b = end;
    }
    fputs("</g>\n", f);

    /* arrows: from what queued a callback to the callback (under the boxes, which hide what
     * passes behind them) */
    fputs("<g id=\"arrows\">\n", f);
    for (size_t b = 0; b < nboxes; b++) {
        const ls_record *r = &o->records[boxes[b].record];
        if (r->parent >= o->nrecords || box_of[r->parent] == SIZE_MAX)
            continue;
        const box *from = &boxes[box_of[r->parent]], *to = &boxes[b];
        if (from == to)
            continue;
        double x1 = from->x + BOX_W, y1 = from->y + 10;
        double x2 = to->x, y2 = to->y + 10;
        double dx = (x2 - x1) / 3 < 24 ? 24 : (x2 - x1) / 3;
        fprintf(f, "<path class=\"arrow\" stroke=\"%s\" marker-end=\"url(#head-%d)\" "
                   "d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\"><title>#%zu queued #%zu"
                   "</title></path>\n",
                LANES[to->lane].stroke, to->lane, x1, y1, x1 + dx, y1, x2 - dx, y2, x2, y2,
                box_of[r->parent] + 1, b + 1);
    }
    fputs("</g>\n", f);

    /* the callbacks */
    fputs("<g id=\"boxes\">\n", f);
    for (size_t b = 0; b < nboxes; b++) {
        const box *bx = &boxes[b];
        const ls_record *r = &o->records[bx->record];
        const lane_style *ls = &LANES[bx->lane];
        fprintf(f, "<g id=\"cb-%zu\">\n<title>#%zu, %.3f ms, ", b + 1, b + 1,
                (double)r->time_ns / 1e6);
        put_text(f, r->iteration == 0 && r->phase != PHASE_MAIN
                        ? arena_printf(e->arena, "%s phase before the loop",
                                       phase_name((ls_phase)r->phase))
                    : r->phase == PHASE_MAIN ? "main"
                    : arena_printf(e->arena, "iteration %llu, %s phase",
                                   (unsigned long long)r->iteration,
                                   phase_name((ls_phase)r->phase)), 0);
        fputs(": ", f);
        put_text(f, arena_printf(e->arena, "%s %s", r->api, explain_display_label(e, r->label)),
                 0);
        if (r->queued) {
            fputs("; queues ", f);
            put_text(f, explain_humanize(words, e, r->queued), 0);
        }
        fputs("</title>\n", f);
        fprintf(f, "<rect class=\"box\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                   "rx=\"4\" fill=\"%s\" stroke=\"%s\"/>\n",
                bx->x, bx->y, BOX_W, bx->h, ls->fill, ls->stroke);
        char num[32];
        snprintf(num, sizeof num, "#%zu", b + 1);
        size_t num_cols = strlen(num) + 1;
        text_el(f, bx->x + BOX_W - 6, bx->y + 15, "dim", "end", num, strlen(num), 60,
                CHAR_W_SMALL);
        text_el(f, bx->x + 6, bx->y + 15, "api", NULL, r->api, strlen(r->api),
                BOX_W - 12 - (double)num_cols * CHAR_W_SMALL, CHAR_W);
        /* an anonymous function is named by where it is ("anonymous@7:25": line 7, column 25) */
        const char *label = strncmp(r->label, "anonymous@", 10) == 0
                                ? arena_printf(e->arena, "anon. %s", r->label + 10)
                                : r->label;
        text_el(f, bx->x + 6, bx->y + 29, "label", NULL, label, strlen(label), BOX_W - 12,
                CHAR_W + 0.3);
        double ty = bx->y + 29 + LINE_H;
        size_t total = bx->nlines + bx->nerrs, shown = 0;
        size_t li = 0, ei = 0;
        while ((li < bx->nlines || ei < bx->nerrs) && shown < MAX_LINES + (total == MAX_LINES + 1)) {
            /* stdout and stderr lines in the order they were written */
            bool take_err = ei < bx->nerrs &&
                            (li >= bx->nlines || o->errs[bx->errs[ei]].after <= bx->lines[li]);
            const char *text;
            size_t len;
            if (take_err) {
                text = arena_printf(e->arena, "! %.*s",
                                    (int)strnlen(o->errs[bx->errs[ei]].text,
                                                 o->errs[bx->errs[ei]].len),
                                    o->errs[bx->errs[ei]].text);
                ei++;
            } else {
                text = arena_printf(e->arena, "> %.*s",
                                    (int)strnlen(o->lines[bx->lines[li]].text,
                                                 o->lines[bx->lines[li]].len),
                                    o->lines[bx->lines[li]].text);
                li++;
            }
            len = strlen(text);
            text_el(f, bx->x + 6, ty, take_err ? "err" : "out", NULL, text, len, BOX_W - 12,
                    CHAR_W);
            ty += LINE_H;
            shown++;
        }
        if (shown < total) {
            char more[48];
            snprintf(more, sizeof more, "+%zu more line%s", total - shown,
                     total - shown == 1 ? "" : "s");
            text_el(f, bx->x + 6, ty, "dim", NULL, more, strlen(more), BOX_W - 12, CHAR_W_SMALL);
        }
        fputs("</g>\n", f);
    }
    fputs("</g>\n", f);

    /* races: where each is decided */
    fputs("<g id=\"race-marks\">\n", f);
    for (size_t k = 0; k < nraces; k++) {
        double rx = boxes[races[k].box].x - 5;
        size_t same = 0; /* races decided at the same box: their tags side by side */
        for (size_t j = 0; j < k; j++)
            same += races[j].box == races[k].box;
        fprintf(f, "<line class=\"race\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", rx,
                TOP - 12, rx, lanes_end);
        double tx = rx + 4 + (double)same * 56;
        fprintf(f, "<g><title>race %zu: see Races below</title><rect x=\"%.1f\" y=\"%.1f\" "
                   "width=\"52\" height=\"14\" rx=\"3\" fill=\"#000000\"/>\n",
                k + 1, tx, TOP - 14);
        char tag[32];
        snprintf(tag, sizeof tag, "race %zu", k + 1);
        text_el(f, tx + 26, TOP - 3, "race-tag", "middle", tag, strlen(tag), 52, CHAR_W_SMALL);
        fputs("</g>\n", f);
    }
    fputs("</g>\n", f);

    fwrite(legend, 1, legend_len, f);
    fputs("</svg>\n", f);
    free(legend);
    free(ending);
    engine_free(e);
    return code;
}

/* ---- the orders, side by side ------------------------------------------------------------- */

#define ORDER_W 240.0
#define MAX_ORDER_COLUMNS 24

typedef struct {
    const char **lines;
    size_t n;
} split_lines;

static split_lines split(ls_engine *e, const ls_order *x)
{
    split_lines s = {NULL, 0};
    size_t cap = 0;
    for (const char *c = x->lines; c < x->lines + x->len;) {
        const char *nl = memchr(c, '\n', (size_t)(x->lines + x->len - c));
        size_t n = nl ? (size_t)(nl - c) : (size_t)(x->lines + x->len - c);
        if (s.n == cap) {
            size_t cap2 = cap ? 2 * cap : 16;
            s.lines = arena_grow(e->arena, s.lines, s.n, cap2, sizeof *s.lines);
            cap = cap2;
        }
        s.lines[s.n++] = arena_printf(e->arena, "%.*s", (int)n, c);
        c += n + 1;
    }
    return s;
}

int picture_orders_svg(const ls_program *program, const ls_costs *costs,
                       const ls_profile *profile, const ls_limits *limits,
                       const ls_orders *orders, FILE *f)
{
    int code;
    ls_engine *e = explain_traced_run(program, costs, profile, limits, &code);
    if (!e)
        return -1;
    ls_label_words *words = explain_words(e);
    size_t n = orders->n < MAX_ORDER_COLUMNS ? orders->n : MAX_ORDER_COLUMNS;
    split_lines *cols = arena_alloc(e->arena, (n + 1) * sizeof *cols);
    size_t nominal = 0, rows = 0;
    for (size_t i = 0; i < n; i++) {
        cols[i] = split(e, &orders->orders[i]);
        if (orders->orders[i].nominal)
            nominal = i;
        if (cols[i].n > rows)
            rows = cols[i].n;
    }
    /* the prefix every order shown shares */
    size_t prefix = rows;
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (k < cols[i].n && k < cols[0].n && strcmp(cols[i].lines[k], cols[0].lines[k]) == 0)
            k++;
        if (k < prefix)
            prefix = k;
    }
    /* each order's first line that differs from the nominal order's */
    size_t *diff = arena_alloc(e->arena, (n + 1) * sizeof *diff);
    for (size_t i = 0; i < n; i++) {
        const split_lines *a = &cols[i], *b = &cols[nominal];
        size_t k = 0;
        if (i == nominal) {
            diff[i] = SIZE_MAX; /* the order the others are compared with */
            continue;
        }
        while (k < a->n && k < b->n && strcmp(a->lines[k], b->lines[k]) == 0)
            k++;
        diff[i] = k; /* may be a->n: it only stops earlier */
    }
    /* what goes under each column: ending, conditions */
    const char ***notes = arena_alloc(e->arena, (n + 1) * sizeof *notes);
    size_t *nnotes = arena_alloc(e->arena, (n + 1) * sizeof *nnotes);
    size_t max_notes = 0;
    size_t note_cols = columns_for(ORDER_W - 20, CHAR_W);
    for (size_t i = 0; i < n; i++) {
        const ls_order *x = &orders->orders[i];
        const char *text = "";
        if (x->ending && x->ending[0])
            text = arena_printf(e->arena, "%s. ", x->ending);
        if (orders->count > 1) {
            if (!orders->listed_all && x->searched)
                text = arena_printf(e->arena, "%swhen: not listed (more than %d orders)", text,
                                    LS_MAX_LISTED);
            else if (!x->searched)
                text = arena_printf(e->arena, "%swhen: a sampled timing printed it", text);
            else if (x->nconditions == 0 && x->nalternatives > 0) {
                text = arena_printf(e->arena, "%swhen, for one (no condition is shared by "
                                    "every timing that prints it):", text);
                for (size_t c = 0; c < x->alternative_len[0]; c++)
                    text = arena_printf(e->arena, "%s%s %s", text, c ? " and" : "",
                                        explain_humanize(words, e, x->alternatives[0][c]));
            } else if (x->nconditions == 0)
                text = arena_printf(e->arena, "%swhen: several timings, no condition in common",
                                    text);
            else {
                text = arena_printf(e->arena, "%swhen:", text);
                for (size_t c = 0; c < x->nconditions; c++)
                    text = arena_printf(e->arena, "%s%s %s", text, c ? " and" : "",
                                        explain_humanize(words, e, x->conditions[c]));
            }
        }
        nnotes[i] = wrap_words(e, text, note_cols, &notes[i]);
        if (nnotes[i] > max_notes)
            max_notes = nnotes[i];
    }
    double left = 56, top = 118, row_h = 16;
    double columns_end = left + (double)n * (ORDER_W + 12) - 12;
    double width = columns_end + 20;
    if (width < 760)
        width = 760;
    double lines_end = top + (double)(rows ? rows : 1) * row_h;
    double height = lines_end + 24 + (double)max_notes * LINE_H + 40;
    char range[64];
    const char *title = arena_printf(e->arena, "%s: %s%llu possible order%s (Node %s, "
                                     "profile %s)", program->file,
                                     orders->complete && !orders->count_capped ? ""
                                     : orders->count_capped ? "more than " : "at least ",
                                     (unsigned long long)orders->count,
                                     orders->count == 1 ? "" : "s",
                                     profile_range(profile->first, profile->last, range,
                                                   sizeof range), profile->id);
    if (width < 60 + 9.1 * (double)text_columns(title, strlen(title)))
        width = 60 + 9.1 * (double)text_columns(title, strlen(title));
    svg_open(f, width, height, title);
    text_el(f, 20, 26, "title", NULL, title, strlen(title), width - 40, 9.1);
    const char *sub = arena_printf(e->arena, "Lines side by side; %s; highlighted: where each "
                                   "order first differs from the nominal one (loopsim run's).%s",
                                   prefix == 0 ? "the orders differ from their first line"
                                   : arena_printf(e->arena, "shaded: the %zu line%s every order "
                                                  "shown prints first", prefix,
                                                  prefix == 1 ? "" : "s"),
                                   orders->samples
                                       ? arena_printf(e->arena, " Probabilities from %llu "
                                                      "sampled timings.",
                                                      (unsigned long long)orders->samples)
                                       : "");
    double sy = 46;
    paragraph_w(f, e, 20, &sy, width - 40, "sub", sub, 7.3);
    /* the line numbers */
    fputs("<g id=\"rows\">\n", f);
    for (size_t k = 0; k < rows; k++) {
        double y = top + (double)k * row_h;
        if (k < prefix)
            fprintf(f, "<rect x=\"10\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                       "fill=\"#ececec\"/>\n", y, columns_end + 4 - 10, row_h);
        char num[24];
        snprintf(num, sizeof num, "%zu", k + 1);
        text_el(f, left - 10, y + 12, "dim", "end", num, strlen(num), left - 14, CHAR_W_SMALL);
    }
    fputs("</g>\n", f);
    for (size_t i = 0; i < n; i++) {
        const ls_order *x = &orders->orders[i];
        double cx = left + (double)i * (ORDER_W + 12);
        fprintf(f, "<g id=\"order-%zu\">\n", i + 1);
        fprintf(f, "<rect class=\"box\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                   "rx=\"4\" fill=\"none\" stroke=\"%s\"/>\n",
                cx, top - 40, ORDER_W, lines_end - top + 44,
                x->nominal ? "#000000" : "#888888");
        char head[64];
        snprintf(head, sizeof head, "order %zu%s", i + 1, x->nominal ? " (loopsim run's)" : "");
        text_el(f, cx + 8, top - 24, "head", NULL, head, strlen(head), ORDER_W - 16, CHAR_W + 0.3);
        const char *p = percent(e, orders, x);
        text_el(f, cx + 8, top - 9, "dim", NULL, p, strlen(p), ORDER_W - 16, CHAR_W_SMALL);
        for (size_t k = 0; k < cols[i].n; k++) {
            double y = top + (double)k * row_h;
            bool first_diff = k == diff[i];
            if (first_diff)
                fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                           "fill=\"#f0e442\"><title>first line that differs from the nominal "
                           "order</title></rect>\n", cx + 2, y, ORDER_W - 4, row_h);
            text_el(f, cx + 8, y + 12, first_diff ? "diff" : "", NULL, cols[i].lines[k],
                    strlen(cols[i].lines[k]), ORDER_W - 16, CHAR_W + (first_diff ? 0.3 : 0));
        }
        if (cols[i].n == 0)
            text_el(f, cx + 8, top + 12, "dim", NULL, "(prints nothing)", 16, ORDER_W - 16,
                    CHAR_W);
        double ny = lines_end + 24;
        for (size_t k = 0; k < nnotes[i]; k++) {
            text_el(f, cx + 8, ny, "dim", NULL, notes[i][k], strlen(notes[i][k]), ORDER_W - 16,
                    CHAR_W_SMALL);
            ny += LINE_H;
        }
        fputs("</g>\n", f);
    }
    if (n < orders->n) {
        const char *more = arena_printf(e->arena, "... and %zu more orders (loopsim orders "
                                        "--format json lists them all)", orders->n - n);
        text_el(f, 20, height - 12, "dim", NULL, more, strlen(more), width - 40, CHAR_W_SMALL);
    }
    fputs("</svg>\n", f);
    engine_free(e);
    return 0;
}
