// SPDX-License-Identifier: MIT
#include "safety.hpp"

namespace backcare {

const std::vector<RedFlagGroup>& red_flags() {
    static const std::vector<RedFlagGroup> groups{
        {"Call an emergency number (999 in the UK, 112 in the EU, 911 in the US) or go to an emergency department if "
         "back pain comes with any of these:",
         {"chest pain, pressure or tightness, or pain spreading to the arm, neck or jaw, with breathlessness, sweating "
          "or feeling sick: it may be the heart",
          "a fall, an accident or another injury just before it began",
          "numbness, tingling or weakness in both legs, or numbness around the genitals or buttocks",
          "new trouble passing urine, or losing control of the bladder or bowels"}},
        {"Stop exercising and see a doctor urgently (in the UK, ask for an urgent GP appointment or call 111) if back "
         "pain comes with any of these:",
         {"a high temperature, or feeling generally unwell",
          "weight lost without trying",
          "pain that is there all the time, does not ease with rest, or is worse at night",
          "pain made worse by coughing or sneezing",
          "numbness, pins and needles or weakness spreading into an arm or hand",
          "a lump or swelling on the back, or a change in the back's shape",
          "a history of cancer, osteoporosis or long use of steroid tablets, and new back pain",
          "new pain between the shoulder blades with no clear cause, such as a strain or long sitting, that is not easing"}},
    };
    return groups;
}

const std::vector<SafetySource>& safety_sources() {
    static const std::vector<SafetySource> sources{
        {"NHS: Back pain", "https://www.nhs.uk/conditions/back-pain/"},
        {"NHS: Heart attack", "https://www.nhs.uk/conditions/heart-attack/"},
        {"NHS: Neck pain", "https://www.nhs.uk/conditions/neck-pain/"},
    };
    return sources;
}

std::string safety_intro() {
    return "Most upper-back pain is not serious and eases with gentle movement. Some signs mean a doctor should see it "
           "first, whatever the routine says.";
}

std::string safety_outro() {
    return "Otherwise, ease or stop any exercise that hurts, and see a physiotherapist or doctor if pain lasts more "
           "than a few weeks or keeps coming back. backcare plans exercise; it does not diagnose.";
}

}  // namespace backcare
