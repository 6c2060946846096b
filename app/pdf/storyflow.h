#pragma once

#include "domain/story.h"
#include "pdflayout.h"

namespace fo {

/// The house typography of the PDF export, in one place.
namespace house {
constexpr unsigned kInk = 0x1b1b1b;
constexpr unsigned kMuted = 0x5a5a5a;
constexpr unsigned kAccent = 0x8a1c1c;
constexpr unsigned kRule = 0xc9c9c9;

TextStyle body();
TextStyle headline();
TextStyle standfirst();
TextStyle byline();
TextStyle kicker(); // small bold capitals: the embargo line, labels
TextStyle heading(int level);
TextStyle footnote();
TextStyle pageFurniture(); // running header and footer
} // namespace house

/// One story as a flow of blocks for the PDF: embargo line, headline, summary as a standfirst,
/// byline, a rule, the body with its dateline, and the safeguarding footnotes at the end.
QVector<FlowBlock> storyFlow(const Story &story, const PangoText &text, double width);

} // namespace fo
