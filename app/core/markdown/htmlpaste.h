#pragma once

#include <QString>

namespace fo {

/// How deep pasted HTML may nest before its parser sees it. An HTML5 parser checks the open
/// elements at every tag, so nesting costs the square of its depth: a 500 KB paste of nested
/// <div>s held gumbo for many seconds. Web pages nest 20–40 deep; past this depth, start and end
/// tags are dropped and their text kept.
constexpr int kMaxPastedHtmlDepth = 100;

/// `html` with the tags that would open elements deeper than `maxDepth` removed (their content
/// stays). A linear scan that knows what an HTML5 tokenizer knows about comments, quoted
/// attribute values, void elements, elements that close themselves (p, li, td …) and raw-text
/// elements (script, style, textarea …); it only counts, the parser still does the parsing.
/// <noscript> goes with its content, as a browser that runs scripts never shows it.
QString boundHtmlNesting(const QString &html, int maxDepth = kMaxPastedHtmlDepth);

} // namespace fo
