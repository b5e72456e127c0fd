# SPDX-License-Identifier: MIT
# bash completion for backcare. The candidates come from the program itself
# (backcare __complete), so they follow its options and your own exercises.
_backcare() {
    local IFS=$'\n'
    COMPREPLY=($(command backcare __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -o nosort -F _backcare backcare 2>/dev/null || complete -o default -F _backcare backcare
