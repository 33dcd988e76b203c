# tools/lib/setup.sh - shared set-up of tools/run and tools/test.  Source it; don't run it.
#
#   loopsim_install_deps [--with-jsonschema]
#       Makes sure meson, ninja, pkg-config, a C compiler, libcjson, zlib, check, scdoc and man
#       are installed.
#       As root, installs what is missing with apt-get; otherwise prints one line naming the
#       missing packages and exits 2.  With --with-jsonschema, a missing python3-jsonschema is
#       installed too when root (when not root, only a warning: the schema test is skipped).
#   loopsim_build DIR [meson options]
#       Configures DIR (relative to the repository root, or absolute) with `meson setup` if it
#       is not configured yet (reconfigures it when the set of tests/test_*.c files changed, as
#       meson.build builds only the ones that exist), then builds it with ninja.  All output goes
#       to stderr, and only if something fails (or on the first configuration).  Returns 1 if
#       configuring or building failed.
#   loopsim_install_chromium
#       Makes sure headless Chromium can be run (tests/pictures_browser.py looks at the pictures
#       in it) and that the DejaVu fonts the pictures are measured for are there.  As root,
#       installs the Debian packages chromium and fonts-dejavu-core with apt-get when missing;
#       returns 1 with the reason on stderr if they cannot be had (that test then skips).
#   loopsim_install_fuzzer
#       Makes sure clang can build a libFuzzer program with AddressSanitizer and UBSan (it
#       compiles and links a tiny one) and sets LOOPSIM_CLANG to that compiler (clang or
#       clang-14).  As root, installs clang and libclang-rt-dev (the runtimes,
#       libclang-rt-14-dev on Debian 12) with apt-get when that fails; returns 1 with the
#       reason on stderr if they cannot be had (tools/fuzz then skips).
#
# Sets LOOPSIM_ROOT to the repository root.

LOOPSIM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOOPSIM_APT_PACKAGES=(meson ninja-build pkg-config libcjson-dev zlib1g-dev check scdoc man-db
                      python3-jsonschema)

loopsim_log() {
    printf 'loopsim: %s\n' "$*" >&2
}

# Prints the Debian packages whose programs/libraries are missing, one per line.
loopsim_missing_packages() {
    command -v meson >/dev/null 2>&1 || echo meson
    command -v ninja >/dev/null 2>&1 || echo ninja-build
    command -v scdoc >/dev/null 2>&1 || echo scdoc     # the man pages (docs/install.md)
    command -v man >/dev/null 2>&1 || echo man-db      # tests/install.py renders them
    if command -v pkg-config >/dev/null 2>&1; then
        pkg-config --exists libcjson || echo libcjson-dev
        pkg-config --exists zlib || echo zlib1g-dev
        pkg-config --exists check || echo check
    else
        printf '%s\n' pkg-config libcjson-dev zlib1g-dev check
    fi
    if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
        printf '%s\n' gcc libc6-dev
    fi
}

loopsim_have_jsonschema() {
    local py
    for py in python3 /usr/bin/python3; do
        command -v "$py" >/dev/null 2>&1 && "$py" -c 'import jsonschema' >/dev/null 2>&1 && return 0
    done
    return 1
}

loopsim_install_deps() {
    local want_jsonschema=0
    [[ "${1:-}" == --with-jsonschema ]] && want_jsonschema=1
    local missing
    missing=($(loopsim_missing_packages))
    local need_jsonschema=0
    if [[ $want_jsonschema == 1 ]] && ! loopsim_have_jsonschema; then
        need_jsonschema=1
    fi
    if [[ ${#missing[@]} == 0 && $need_jsonschema == 0 ]]; then
        return 0
    fi
    local pkgs=("${LOOPSIM_APT_PACKAGES[@]}")
    local p
    for p in "${missing[@]}"; do
        [[ " ${pkgs[*]} " == *" $p "* ]] || pkgs+=("$p")
    done
    if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        if [[ ${#missing[@]} == 0 ]]; then
            loopsim_log "python3-jsonschema is missing: the schema test will be skipped"
            return 0
        fi
        loopsim_log "missing packages: ${missing[*]}; run as root: apt-get install -y ${pkgs[*]}"
        exit 2
    fi
    loopsim_log "installing ${pkgs[*]} (missing: ${missing[*]:-python3-jsonschema})"
    # Package lists are often absent in fresh containers: update once, then install.
    apt-get update >&2 || loopsim_log "apt-get update failed; trying to install anyway"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}" >&2; then
        loopsim_log "apt-get install failed"
        exit 2
    fi
    hash -r
    missing=($(loopsim_missing_packages))
    if [[ ${#missing[@]} != 0 ]]; then
        loopsim_log "still missing after apt-get install: ${missing[*]}"
        exit 2
    fi
}

# The tests/test_*.c files present now, for the reconfigure check.
loopsim_test_files() {
    (cd "$LOOPSIM_ROOT" && shopt -s nullglob && printf '%s\n' tests/test_*.c)
}

loopsim_build() {
    local dir="$1"
    shift
    [[ "$dir" == /* ]] || dir="$LOOPSIM_ROOT/$dir"
    local name="${dir#"$LOOPSIM_ROOT"/}"
    local stamp="$dir/.loopsim-test-files"
    local tests_now
    tests_now="$(loopsim_test_files)"
    local log
    log="$(mktemp)"
    local setup=()
    if [[ ! -f "$dir/build.ninja" ]]; then
        setup=(setup)
        # A half-configured directory (an interrupted setup): start it again.
        [[ -d "$dir/meson-private" ]] && setup+=(--wipe)
        loopsim_log "configuring $name"
    elif [[ "$(cat "$stamp" 2>/dev/null)" != "$tests_now" ]]; then
        setup=(setup --reconfigure)
    fi
    if [[ ${#setup[@]} != 0 ]]; then
        if ! meson "${setup[@]}" --wrap-mode=nodownload "$@" "$dir" "$LOOPSIM_ROOT" >"$log" 2>&1; then
            cat "$log" >&2
            loopsim_log "meson setup of $name failed"
            rm -f "$log"
            return 1
        fi
        printf '%s\n' "$tests_now" >"$stamp"
    fi
    if ! ninja -C "$dir" >"$log" 2>&1; then
        cat "$log" >&2
        loopsim_log "build of $name failed"
        rm -f "$log"
        return 1
    fi
    rm -f "$log"
    return 0
}

# True if clang (or clang-14) links a -fsanitize=fuzzer,address,undefined program (so libFuzzer
# and the sanitizer runtimes are there); sets LOOPSIM_CLANG to that compiler.
loopsim_have_fuzzer() {
    local cc dir ok=1
    dir="$(mktemp -d)"
    printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
        >"$dir/t.c"
    for cc in clang clang-14; do
        command -v "$cc" >/dev/null 2>&1 || continue
        if "$cc" -fsanitize=fuzzer,address,undefined -o "$dir/t" "$dir/t.c" >/dev/null 2>&1; then
            LOOPSIM_CLANG="$cc"
            ok=0
            break
        fi
    done
    rm -rf "$dir"
    return $ok
}

loopsim_install_chromium() {
    if command -v chromium >/dev/null 2>&1 && fc-match -f '%{family}' 'DejaVu Sans Mono' 2>/dev/null |
        grep -q 'DejaVu Sans Mono'; then
        return 0
    fi
    if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        loopsim_log "no chromium (or no DejaVu fonts): the pictures' browser test will be skipped; as root: apt-get install -y chromium fonts-dejavu-core"
        return 1
    fi
    loopsim_log "installing chromium fonts-dejavu-core (the pictures' browser test)"
    apt-get update >&2 || loopsim_log "apt-get update failed; trying to install anyway"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium \
        fonts-dejavu-core >&2 || loopsim_log "apt-get install of chromium failed"
    hash -r
    command -v chromium >/dev/null 2>&1
}

loopsim_install_fuzzer() {
    loopsim_have_fuzzer && return 0
    if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        if command -v clang >/dev/null 2>&1 || command -v clang-14 >/dev/null 2>&1; then
            loopsim_log "clang cannot link a libFuzzer program (-fsanitize=fuzzer): the runtimes are missing; as root: apt-get install -y libclang-rt-dev"
        else
            loopsim_log "no clang; as root: apt-get install -y clang libclang-rt-dev"
        fi
        return 1
    fi
    loopsim_log "installing clang libclang-rt-dev (libFuzzer and the sanitizer runtimes)"
    apt-get update >&2 || loopsim_log "apt-get update failed; trying to install anyway"
    DEBIAN_FRONTEND=noninteractive apt-get install -y clang libclang-rt-dev >&2 ||
        DEBIAN_FRONTEND=noninteractive apt-get install -y clang-14 libclang-rt-14-dev >&2 ||
        loopsim_log "apt-get install of clang failed"
    hash -r
    if ! loopsim_have_fuzzer; then
        loopsim_log "clang still cannot link a libFuzzer program after apt-get install"
        return 1
    fi
}
