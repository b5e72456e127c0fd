#!/bin/sh
# SPDX-License-Identifier: MIT
# cmake --install puts every file in its GNUInstallDirs place, and the
# installed program works from any prefix, also after the prefix is moved.
# Usage: tests/install/check.sh BUILD_DIR
set -eu
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/first" >/dev/null
for f in bin/backcare \
         share/man/man1/backcare.1.gz share/man/man5/backcare-catalogue.5.gz share/man/man5/backcare-config.5.gz share/man/man5/backcare-files.5.gz \
         share/bash-completion/completions/backcare share/zsh/site-functions/_backcare \
         share/fish/vendor_completions.d/backcare.fish \
         share/doc/backcare/copyright share/doc/backcare/changelog.gz \
         share/backcare/catalogue/cat-cow.toml; do
  if [ ! -f "$work/first/$f" ]; then echo "not installed: $f" >&2; exit 1; fi
done
# Under a prefix named usr, zsh's completion goes where Debian's zsh looks.
cmake --install "$build" --prefix "$work/usr" >/dev/null
[ -f "$work/usr/share/zsh/vendor-completions/_backcare" ] || { echo "not installed: zsh vendor-completions under usr" >&2; exit 1; }
[ ! -e "$work/usr/share/zsh/site-functions" ] || { echo "zsh completion also in site-functions under usr" >&2; exit 1; }
zcat "$work/first/share/man/man1/backcare.1.gz" | grep -q '^\.TH BACKCARE 1'
zcat "$work/first/share/doc/backcare/changelog.gz" | head -1 | grep -q '^backcare ([0-9.]*) unstable; urgency=medium$'
grep -q '^License: Expat$' "$work/first/share/doc/backcare/copyright"
mv "$work/first" "$work/moved"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data" XDG_STATE_HOME="$work/home/state"
out=$("$work/moved/bin/backcare" plan --seed 1)
case $out in *"routine"*) ;; *) echo "the moved program printed no routine: $out" >&2; exit 1 ;; esac
"$work/moved/bin/backcare" log -q cat-cow:10
"$work/moved/bin/backcare" stats --format json | grep -q '"sessions": 1'
# The installed completion finds the installed program on PATH.
PATH="$work/moved/bin:$PATH" bash -c ". '$work/moved/share/bash-completion/completions/backcare'
  COMP_WORDS=(backcare sta); COMP_CWORD=1; _backcare; [ \"\${COMPREPLY[*]}\" = stats ]"
echo "installed, moved and run: ok"
