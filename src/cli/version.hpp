// SPDX-License-Identifier: MIT
#pragma once
// The program's version, from one place: the project's VERSION in
// CMakeLists.txt, or git describe between releases (src/version.cmake).
namespace backcare {
const char* program_version();
}
