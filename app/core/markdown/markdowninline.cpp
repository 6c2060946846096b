// Inline content as both directions see it: one format per UTF-16 unit.

#include "markdown/markdowninternal.h"

#include <QFont>
#include <QPalette>
#include <QRegularExpression>
#include <QTextBlock>

#include <md4c.h>

namespace fo::markdown_detail {

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

bool isBreak(QChar c)
{
    return c == u'\n' || c == kLineSeparator;
}

QTextCharFormat makeCharFormat(const RunFormat &f, int heading)
{
    QTextCharFormat cf;
    if (heading > 0) {
        // DemiBold, so that strong text inside a heading (Bold) stays distinguishable.
        cf.setProperty(QTextFormat::FontSizeAdjustment, qBound(-2, 4 - heading, 3));
        cf.setFontWeight(QFont::DemiBold);
    }
    if (f.bold)
        cf.setFontWeight(QFont::Bold);
    if (f.italic)
        cf.setFontItalic(true);
    if (f.code || f.raw) {
        cf.setFontFixedPitch(true);
        cf.setFontFamilies({QStringLiteral("monospace")});
        cf.setProperty(f.code ? Prop::InlineCode : Prop::RawHtml, true);
    }
    if (!f.href.isEmpty()) {
        if (isAllowedLinkTarget(f.href)) {
            cf.setAnchor(true);
            cf.setAnchorHref(f.href);
            cf.setFontUnderline(true);
            cf.setForeground(QPalette().brush(QPalette::Link));
        } else {
            cf.setProperty(Prop::KeptHref, f.href);
        }
        if (!f.title.isEmpty())
            cf.setProperty(Prop::LinkTitle, f.title);
    }
    return cf;
}

RunFormat runFormatOf(const QTextCharFormat &cf)
{
    RunFormat f;
    f.bold = cf.fontWeight() >= QFont::Bold;
    f.italic = cf.fontItalic();
    f.code = cf.boolProperty(Prop::InlineCode);
    f.raw = !f.code && cf.boolProperty(Prop::RawHtml);
    f.href = cf.isAnchor() && !cf.anchorHref().isEmpty() ? cf.anchorHref()
                                                         : cf.stringProperty(Prop::KeptHref);
    if (!f.href.isEmpty())
        f.title = cf.stringProperty(Prop::LinkTitle);
    return f;
}

namespace {

// Drops spaces and tabs at the edges of lines (Markdown cannot write them) and a trailing hard
// break (a backslash at the end of a block is literal).
void trimLineEdges(InlineText &t)
{
    for (bool changed = true; changed;) {
        const int n = int(t.text.size());
        QVector<bool> drop(n, false);
        for (int pass = 0; pass < 2; ++pass) {
            bool edge = true;
            for (int k = 0; k < n; ++k) {
                const int i = pass == 0 ? k : n - 1 - k;
                if (isBlank(t.text[i]) && !t.formats[i].code)
                    drop[i] = drop[i] || edge;
                else
                    edge = isBreak(t.text[i]) && !t.formats[i].code;
            }
        }
        InlineText kept;
        for (int i = 0; i < n; ++i) {
            if (!drop[i])
                kept.append(t.text[i], t.formats[i]);
        }
        while (!kept.text.isEmpty() && kept.text.endsWith(kLineSeparator)) {
            kept.text.chop(1);
            kept.formats.removeLast();
        }
        changed = kept.text.size() != n;
        t = kept;
    }
}

// Emphasis never starts or ends on white space (CommonMark would not see it), does not run
// across a link boundary, and is the same over a whole code span.
void settleEmphasis(InlineText &t)
{
    const int n = int(t.text.size());
    const auto anchor = [&](int i) { return !t.text[i].isSpace() || t.formats[i].code; };
    for (int i = 0; i < n; ++i) {
        if (anchor(i))
            continue;
        int p = i - 1;
        while (p >= 0 && !anchor(p))
            --p;
        int q = i + 1;
        while (q < n && !anchor(q))
            ++q;
        const bool inside = p >= 0 && q < n && t.formats[p].sameLink(t.formats[i]) &&
                            t.formats[q].sameLink(t.formats[i]);
        RunFormat &f = t.formats[i];
        f.bold = f.bold && inside && t.formats[p].bold && t.formats[q].bold;
        f.italic = f.italic && inside && t.formats[p].italic && t.formats[q].italic;
    }
    for (int i = 0; i < n;) {
        int j = i;
        bool bold = true;
        bool italic = true;
        while (j < n && t.formats[j].code && t.formats[j].sameLink(t.formats[i])) {
            bold = bold && t.formats[j].bold;
            italic = italic && t.formats[j].italic;
            ++j;
        }
        for (int k = i; k < j; ++k) {
            t.formats[k].bold = bold;
            t.formats[k].italic = italic;
        }
        i = qMax(j, i + 1);
    }
}

} // namespace

// Brings inline content to what Markdown can express, so that comparing the document with a
// re-parse of the writer's output compares only what matters.
void normalize(InlineText &t, bool heading)
{
    const auto isSpaceLike = [](QChar c) { return c.isSpace() || c == kLineSeparator; };
    // No line breaks where they cannot be written (headings, code spans), and a soft break only
    // between two non-space characters.
    for (int i = 0; i < t.text.size(); ++i) {
        if (isBreak(t.text[i]) && (heading || t.formats[i].code))
            t.text[i] = u' ';
    }
    for (int i = 0; i < t.text.size(); ++i) {
        if (t.text[i] == u'\n' && (i == 0 || i + 1 == t.text.size() || isSpaceLike(t.text[i - 1]) ||
                                   isSpaceLike(t.text[i + 1])))
            t.text[i] = u' ';
    }
    trimLineEdges(t);
    settleEmphasis(t);
}

// Inline content of a document block. A space marked SoftBreak becomes a line break only between
// two non-space characters, and only if the character before it is unmarked: text typed right
// after the break inherits the mark, and must not turn its own spaces into more breaks.
InlineText extractBlock(const QTextBlock &block)
{
    InlineText t;
    QVector<bool> marked;
    const int length = block.length();
    t.text.reserve(length);
    t.formats.reserve(length);
    marked.reserve(length);
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        const QTextCharFormat cf = fragment.charFormat();
        if (cf.isImageFormat())
            continue;
        const RunFormat f = runFormatOf(cf);
        const bool softMark = cf.boolProperty(Prop::SoftBreak);
        for (QChar c : fragment.text()) {
            if (c == QChar::ObjectReplacementCharacter || c == QChar::Null)
                continue;
            if (c == QChar::ParagraphSeparator || c == u'\r' || c == u'\n')
                c = kLineSeparator;
            t.append(c, f);
            marked.append(softMark && !f.code);
        }
    }
    for (int i = 1; i + 1 < t.text.size(); ++i) {
        if (marked[i] && !marked[i - 1] && t.text[i] == u' ' && !t.text[i - 1].isSpace() &&
            !t.text[i + 1].isSpace())
            t.text[i] = u'\n';
    }
    return t;
}

namespace {

void trimTrailingBlanks(InlineText &t)
{
    while (!t.text.isEmpty() && isBlank(t.text.back()) && !t.formats.back().code &&
           !t.formats.back().raw) {
        t.text.chop(1);
        t.formats.removeLast();
    }
}

// One md4c text event as the builder would insert it: breaks as '\n' (soft) and U+2028 (hard),
// spaces before them dropped.
void appendText(InlineText *out, const MdEvent &e, const RunFormat &f)
{
    if (e.type == MD_TEXT_BR || e.type == MD_TEXT_SOFTBR) {
        trimTrailingBlanks(*out);
        const QChar c = f.code ? QChar(u' ') : e.type == MD_TEXT_BR ? kLineSeparator : QChar(u'\n');
        out->append(c, RunFormat{f.bold, f.italic, f.code, false, f.href, f.title});
        return;
    }
    for (QChar c : e.text)
        out->append(c == u'\n' ? (f.raw ? QChar(u'\n') : QChar(u' ')) : c, f);
}

} // namespace

// Inline content of a single paragraph (heading == 0) or heading parsed by md4c; false if the
// Markdown did not parse as exactly that one block with nothing the editor cannot show.
bool eventsToInline(const Events &events, int heading, InlineText *out)
{
    int depth = 0;
    int blocks = 0;
    int em = 0;
    int strong = 0;
    int code = 0;
    QVector<RunFormat> links;
    for (const MdEvent &e : events) {
        switch (e.kind) {
        case MdEvent::EnterBlock:
            ++depth;
            if (depth > 2)
                return false;
            if (depth == 2) {
                ++blocks;
                const bool expected = heading > 0 ? e.type == MD_BLOCK_H && e.number == heading
                                                  : e.type == MD_BLOCK_P;
                if (!expected)
                    return false;
            }
            break;
        case MdEvent::LeaveBlock:
            --depth;
            break;
        case MdEvent::EnterSpan:
        case MdEvent::LeaveSpan: {
            const int step = e.kind == MdEvent::EnterSpan ? 1 : -1;
            if (e.type == MD_SPAN_EM)
                em += step;
            else if (e.type == MD_SPAN_STRONG)
                strong += step;
            else if (e.type == MD_SPAN_CODE)
                code += step;
            else if (e.type == MD_SPAN_A && step > 0)
                links.append(RunFormat{false, false, false, false, e.href, e.title});
            else if (e.type == MD_SPAN_A)
                links.removeLast();
            else
                return false;
            break;
        }
        case MdEvent::Text: {
            RunFormat f{strong > 0, em > 0, code > 0, e.type == MD_TEXT_HTML, QString(), QString()};
            if (!links.isEmpty()) {
                f.href = links.last().href;
                f.title = links.last().title;
            }
            appendText(out, e, f);
            break;
        }
        }
    }
    return blocks == 1;
}

} // namespace fo::markdown_detail

namespace fo {

bool isAllowedLinkTarget(const QString &href)
{
    static const QRegularExpression allowed(QStringLiteral("^(?:https?://[^\\s/?#]|mailto:\\S)"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (QChar c : href) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return allowed.match(href).hasMatch();
}

} // namespace fo
