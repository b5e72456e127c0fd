# SPDX-License-Identifier: MIT
# fish completion for backcare. The candidates come from the program itself
# (backcare __complete), so they follow its options and your own exercises.
# It exits 3 where a file name is wanted: then fish completes file names.
function __backcare_complete
    set -l words (commandline -opc)[2..-1] (commandline -ct)
    set -l candidates (command backcare __complete $words 2>/dev/null)
    if test $status -eq 3
        __fish_complete_path (commandline -ct)
    else
        printf '%s\n' $candidates
    end
end
complete -c backcare -f -a '(__backcare_complete)'
