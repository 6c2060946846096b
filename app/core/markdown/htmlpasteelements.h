#pragma once

// Private to the paste (markdownpaste.cpp): what a pasted HTML element is for it.

#include <QString>

#include <gumbo.h>

namespace fo::markdown_detail {

enum class Role
{
    Skip,    // neither it nor its content: scripts, styles, forms, images, foreign content
    Reparse, // its content is raw text that a browser never shows: parsed again as HTML
    Block,
    Inline,
    Break,
};

/// What a pasted element is: skipped with its content, re-parsed, a block, inline, a break.
Role roleOf(const GumboElement &e);
/// The value of an attribute, or an empty string.
QString attribute(const GumboElement &e, const char *name);
/// Hidden by the hidden attribute or display:none (`style` lower-cased).
bool isHidden(const GumboElement &e, const QString &style);
/// Bold and italic as inline CSS sets them (Word's spans, Google Docs' <b style=…normal>).
void applyInlineStyle(const QString &style, bool *bold, bool *italic);

} // namespace fo::markdown_detail
