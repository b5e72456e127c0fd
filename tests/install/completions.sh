#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The completions of the installed package (run by .ci/run after apt-get
# installs the .deb): each shell, started as it would be, finds ours where
# the package put it and completes with it.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work
fail() { echo "completions.sh: $*" >&2; exit 1; }

# bash: bash-completion loads ours on demand from /usr/share/bash-completion/completions.
got=$(bash -c 'source /usr/share/bash-completion/bash_completion
  _completion_loader backcare
  COMP_WORDS=(backcare sta); COMP_CWORD=1; COMP_LINE="backcare sta"; COMP_POINT=12
  _backcare; printf "%s\n" "${COMPREPLY[@]}"')
[[ $got == stats ]] || fail "bash offered '$got' for 'backcare sta'"
got=$(bash -c 'source /usr/share/bash-completion/bash_completion
  _completion_loader backcare
  COMP_WORDS=(backcare plan --format = js); COMP_CWORD=4; COMP_LINE="backcare plan --format=js"; COMP_POINT=25
  _backcare; printf "%s\n" "${COMPREPLY[@]}"')
[[ $got == json ]] || fail "bash offered '$got' for 'backcare plan --format=js'"

# zsh: compinit finds _backcare on zsh's own fpath (vendor-completions on Debian).
got=$(zsh -fc 'autoload -U compinit; compinit -u -d "$HOME/zcompdump"; print -r -- ${_comps[backcare]}')
[[ $got == _backcare ]] || fail "zsh has '$got' for backcare, not _backcare"

# fish: vendor completions are found, with no configuration of ours (HOME is empty).
got=$(cd "$work" && fish -c 'complete -C "backcare pl"' | cut -f1)
[[ $got == plan ]] || fail "fish offered '$got' for 'backcare pl'"
got=$(cd "$work" && fish -c 'complete -C "backcare stats --by "' | cut -f1 | sort | tr '\n' ' ')
[[ $got == "day month week " ]] || fail "fish offered '$got' for 'backcare stats --by '"
echo "completions of the installed package: bash, zsh and fish ok"
