// SPDX-License-Identifier: MIT
#include "safety_render.hpp"

#include "safety.hpp"
#include "text.hpp"

namespace backcare {
namespace {

void paragraph(std::ostream& out, std::string_view text, const Style& style, std::size_t indent = 0,
               std::string_view first_prefix = "") {
    const std::size_t width = style.width > indent + 20 ? style.width - indent : 20;
    bool first = true;
    for (const auto& line : wrap(text, width)) {
        const std::size_t shown = display_width(first_prefix);
        out << (first ? std::string(first_prefix) + std::string(indent > shown ? indent - shown : 0, ' ')
                      : std::string(indent, ' '))
            << line << '\n';
        first = false;
    }
}

// "Pain warning: ..." with the label in bold red.
void labelled(std::ostream& out, std::string_view label, const std::string& text, const Style& style) {
    const auto lines = wrap(text, style.width);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == 0 && lines[0].rfind(label, 0) == 0)
            out << style.red(style.bold(label)) << lines[0].substr(label.size()) << '\n';
        else
            out << lines[i] << '\n';
    }
}

}  // namespace

void render_safety_text(std::ostream& out, const Style& style) {
    out << style.bold("When back pain needs a doctor, not exercise") << "\n\n";
    paragraph(out, safety_intro(), style);
    const std::string bullet = style.unicode ? "  • " : "  - ";
    for (const RedFlagGroup& g : red_flags()) {
        out << '\n';
        paragraph(out, g.heading, style);
        for (const std::string& sign : g.signs) paragraph(out, sign, style, 4, bullet);
    }
    out << '\n';
    paragraph(out, safety_outro(), style);
    out << '\n' << style.dim("Sources:") << '\n';
    for (const SafetySource& s : safety_sources()) out << "  " << s.title << ", " << s.url << '\n';
}

void render_pain_warning(std::ostream& out, const PainWarning& w, const Style& style) {
    labelled(out, "Pain warning:", pain_warning_message(w), style);
    out << '\n';
}

void render_painful_session(std::ostream& out, const std::optional<int>& before, const std::optional<int>& after,
                            const Style& style) {
    labelled(out, "Pain warning:", painful_session_message(before, after), style);
}

}  // namespace backcare
