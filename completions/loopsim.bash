# bash completion for loopsim(1): the commands, each command's options, the values of
# --format, --node (the versions `loopsim profiles` lists) and --cost/--vary (the timing
# parameters `loopsim run --help` lists), and programs (.js, .mjs, .cjs, .json, .html) for the rest.
# Installed as share/bash-completion/completions/loopsim; tests/install.py checks that every
# option of every --help is offered here.

_loopsim_commands="run orders sweep check explain emit-js profiles gen help"

_loopsim_options()
{
    case "$1" in
    run) echo "--trace --format --esm --seed --node --env --cost --slower --max-callbacks --max-time
              --max-seconds --max-memory --no-note --help" ;;
    orders) echo "--node --env --esm --cost --slower --seed --samples --max-paths --no-merge
                 --max-seconds --max-memory --format --max-callbacks --max-time --jobs --help" ;;
    sweep) echo "--vary --format --node --env --esm --cost --slower --seed --max-callbacks --max-time
                --max-seconds --jobs --help" ;;
    check) echo "--answer --node --env --esm --cost --slower --seed --max-callbacks --max-time
                --max-seconds --max-memory --jobs --help" ;;
    explain) echo "--node --env --esm --cost --slower --seed --max-callbacks --max-time --max-seconds
                  --max-memory --format --jobs --help" ;;
    emit-js) echo "--node --esm --help" ;;
    profiles) echo "--help" ;;
    gen) echo "--seed --size --node --help" ;;
    esac
}

_loopsim_formats()
{
    case "$1" in
    run | orders) echo "text json svg" ;;
    sweep) echo "text csv json" ;;
    explain) echo "text svg html" ;;
    *) echo "text" ;;
    esac
}

# The versions: each profile's first, and each major line ("20": its latest).
_loopsim_versions()
{
    local loopsim="$1"
    "$loopsim" profiles 2>/dev/null |
        sed -n 's/^[^ ]*: Node \([0-9][0-9]*\)\(\.[0-9.]*\) to .*/\1 \1\2/p' | tr ' ' '\n' | sort -uV
}

_loopsim_cost_keys()
{
    "$1" run --help 2>/dev/null | sed -n '/^timing parameters/,/^$/s/^  \([a-z][a-z0-9_]*\) .*/\1=/p'
}

_loopsim()
{
    local cur prev cmd i loopsim="${COMP_WORDS[0]}"
    COMPREPLY=()
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD - 1]}"
    command -v "$loopsim" >/dev/null 2>&1 || loopsim=loopsim
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        -*) ;;
        *) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    if [[ -z "$cmd" ]]; then
        if [[ "$cur" == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "--help --version" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$_loopsim_commands" -- "$cur")
        fi
        return 0
    fi
    case "$prev" in
    --format)
        mapfile -t COMPREPLY < <(compgen -W "$(_loopsim_formats "$cmd")" -- "$cur")
        return 0 ;;
    --node)
        local all=""
        [[ "$cmd" == run ]] && all="all"
        mapfile -t COMPREPLY < <(compgen -W "$(_loopsim_versions "$loopsim") $all" -- "$cur")
        return 0 ;;
    --env)
        local all=""
        [[ "$cmd" == run ]] && all="all"
        mapfile -t COMPREPLY < <(compgen -W "node browser $all" -- "$cur")
        return 0 ;;
    --cost | --vary)
        compopt -o nospace 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -W "$(_loopsim_cost_keys "$loopsim")" -- "$cur")
        return 0 ;;
    --answer)
        mapfile -t COMPREPLY < <(compgen -f -- "$cur"; [[ -z "$cur" || "$cur" == - ]] && echo -)
        return 0 ;;
    --seed | --slower | --max-callbacks | --max-time | --max-seconds | --max-memory | \
        --samples | --max-paths | --size | --jobs)
        return 0 ;;
    esac
    if [[ "$cmd" == help ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$_loopsim_commands" -- "$cur")
        return 0
    fi
    if [[ "$cur" == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_loopsim_options "$cmd")" -- "$cur")
        return 0
    fi
    # a program: JavaScript files, JSON scenarios, and directories to go into
    compopt -o filenames 2>/dev/null
    local f
    mapfile -t COMPREPLY < <(compgen -d -- "$cur")
    while IFS= read -r f; do
        case "$f" in
        *.js | *.mjs | *.cjs | *.json | *.html | *.htm) [[ -d "$f" ]] || COMPREPLY+=("$f") ;;
        esac
    done < <(compgen -f -- "$cur")
    return 0
}

complete -F _loopsim loopsim
