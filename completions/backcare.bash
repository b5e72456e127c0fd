# SPDX-License-Identifier: MIT
# bash completion for backcare. The candidates come from the program itself
# (backcare __complete), so they follow its options and your own exercises.
# It exits 3 where a file name is wanted: then bash completes file names.
_backcare() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        # One word for --format=json and cat-cow:10, as the program reads them.
        _get_comp_words_by_ref -n =: cur words cword
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local out status
    out=$(command backcare __complete "${words[@]:1:cword}" 2>/dev/null)
    status=$?
    COMPREPLY=()
    if ((status == 3)); then
        compopt -o default 2>/dev/null
        return 0
    fi
    [[ -n $out ]] || return 0
    # Readline replaces only what follows the last = or : that breaks words:
    # each candidate goes in without what comes before it.
    local breaks=${COMP_WORDBREAKS//[^=:]/} head=""
    if [[ -n $breaks && $cur == *["$breaks"]* ]]; then
        head=${cur%"${cur##*["$breaks"]}"}
    fi
    local candidate
    while IFS= read -r candidate; do
        COMPREPLY+=("${candidate#"$head"}")
    done <<<"$out"
}
complete -o nosort -F _backcare backcare 2>/dev/null || complete -F _backcare backcare
