# SPDX-License-Identifier: MIT
# The Debian package (cpack -G DEB in the build directory), as lintian
# --pedantic accepts it: a maintainer to set, the copyright in DEP-5 form
# from LICENSE, a changelog from NEWS.md, and the binary stripped of what a
# package does not ship.
set(BACKCARE_PACKAGE_MAINTAINER "The backcare authors <maintainers@backcare.example.org>" CACHE STRING
  "The Maintainer of the Debian package: a packager sets their own")
set(doc ${PROJECT_BINARY_DIR}/package)
file(MAKE_DIRECTORY ${doc})

# copyright: machine-readable (DEP-5), the licence text from LICENSE.
file(READ ${PROJECT_SOURCE_DIR}/LICENSE licence)
string(REGEX REPLACE "^MIT License\n\n[^\n]*\n\n" "" licence "${licence}")
string(REGEX REPLACE "\n+$" "" licence "${licence}")
string(REPLACE "\n\n" "\n.\n" licence "${licence}")
string(REPLACE "\n" "\n " licence " ${licence}")
file(WRITE ${doc}/copyright "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: backcare
Upstream-Contact: ${BACKCARE_PACKAGE_MAINTAINER}

Files: *
Copyright: 2026 The backcare authors
License: Expat

License: Expat
${licence}
")

# changelog.gz: each release of NEWS.md ("## 0.2.0 (2026-12-07)", then its
# summary and "- " items) as an entry of a Debian changelog, newest first.
file(STRINGS ${PROJECT_SOURCE_DIR}/NEWS.md news)
set(changelog "")
set(entry "")
set(item "")
macro(end_item)
  if(item)
    string(APPEND entry "  * ${item}\n")
    set(item "")
  endif()
endmacro()
macro(end_entry)
  end_item()
  if(entry)
    execute_process(COMMAND date -uR -d "${date} 12:00" OUTPUT_VARIABLE when OUTPUT_STRIP_TRAILING_WHITESPACE
      COMMAND_ERROR_IS_FATAL ANY)
    string(APPEND changelog "backcare (${release}) unstable; urgency=medium\n\n${entry}\n -- ${BACKCARE_PACKAGE_MAINTAINER}  ${when}\n\n")
    set(entry "")
  endif()
endmacro()
foreach(line IN LISTS news)
  if(line MATCHES "^## ([0-9.]+) \\(([0-9-]+)\\)")
    end_entry()
    set(release ${CMAKE_MATCH_1})
    set(date ${CMAKE_MATCH_2})
  elseif(release AND line MATCHES "^- (.*)")
    end_item()
    set(item "${CMAKE_MATCH_1}")
  elseif(release AND line MATCHES "^  +(.*)" AND item)
    string(APPEND item "\n    ${CMAKE_MATCH_1}")
  elseif(release AND line MATCHES "^[^ #-].*")
    end_item()
    set(item "${line}")
  endif()
endforeach()
end_entry()
file(WRITE ${doc}/changelog "${changelog}")
execute_process(COMMAND ${GZIP} -9nc ${doc}/changelog OUTPUT_FILE ${doc}/changelog.gz COMMAND_ERROR_IS_FATAL ANY)
install(FILES ${doc}/copyright ${doc}/changelog.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})

# A shipped binary carries no symbols and no compiler notes (.comment).
install(CODE "
  set(binary \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/backcare\")
  if(EXISTS \"\${binary}\" AND \"${CMAKE_BUILD_TYPE}\" STREQUAL \"Release\")
    execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --strip-unneeded --remove-section=.comment \"\${binary}\"
      COMMAND_ERROR_IS_FATAL ANY)
  endif()")

set(CPACK_PACKAGE_NAME backcare)
set(CPACK_PACKAGE_VENDOR "The backcare authors")
set(CPACK_PACKAGE_CONTACT "${BACKCARE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "Builds short stretching and strengthening routines for the upper back from an
exercise catalogue, logs the sessions done to SQLite and shows progress.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY backcare)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
