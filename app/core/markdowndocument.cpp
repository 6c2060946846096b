#include "markdowndocument.h"

#include <QFont>
#include <QHash>
#include <QPalette>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QVariant>

#include <md4c.h>

namespace fo {
namespace {

namespace Prop = MarkdownProperty;

constexpr QChar kLineSeparator = QChar(QChar::LineSeparator);
constexpr qreal kQuoteIndent = 24;

// ---------------------------------------------------------------------------------------------
// md4c events, recorded so that the same parse can be compared, replayed and built more than once.

struct MdEvent
{
    enum Kind : quint8
    {
        EnterBlock,
        LeaveBlock,
        EnterSpan,
        LeaveSpan,
        Text
    };
    Kind kind = Text;
    int type = 0;
    int number = 0; // heading level, ordered list start, code fence character
    bool tight = false;
    QString href; // link href, image src, code block info string
    QString title;
    QString text; // decoded: entities resolved, NUL replaced
};
using Events = QVector<MdEvent>;

struct Range
{
    int from = 0;
    int to = 0;
};

QString decodeEntity(const QString &entity)
{
    if (entity.startsWith(QLatin1String("&#"))) {
        const bool hex = entity.size() > 2 && (entity.at(2) == u'x' || entity.at(2) == u'X');
        const int skip = hex ? 3 : 2;
        bool ok = false;
        uint code = entity.mid(skip, entity.size() - skip - 1).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            code = 0xFFFD;
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    // Named entities go through Qt's HTML parser (the HTML 4 set). An unknown name stays as
    // written, here and in the signatures, so it round-trips either way.
    static thread_local QHash<QString, QString> cache;
    const auto it = cache.constFind(entity);
    if (it != cache.constEnd())
        return *it;
    QTextDocument html;
    html.setHtml(entity);
    QString decoded = html.firstBlock().text();
    if (decoded.isEmpty())
        decoded = entity;
    cache.insert(entity, decoded);
    return decoded;
}

QString attributeText(const MD_ATTRIBUTE &attribute)
{
    QString out;
    if (!attribute.text)
        return out;
    for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET from = attribute.substr_offsets[i];
        const MD_OFFSET to = attribute.substr_offsets[i + 1];
        const QString piece = QString::fromUtf8(attribute.text + from, int(to - from));
        if (attribute.substr_types[i] == MD_TEXT_ENTITY)
            out += decodeEntity(piece);
        else if (attribute.substr_types[i] == MD_TEXT_NULLCHAR)
            out += QChar(0xFFFD);
        else
            out += piece;
    }
    return out;
}

int onEnterBlock(MD_BLOCKTYPE type, void *detail, void *user)
{
    MdEvent e;
    e.kind = MdEvent::EnterBlock;
    e.type = type;
    if (type == MD_BLOCK_UL) {
        e.tight = static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight;
    } else if (type == MD_BLOCK_OL) {
        const auto *d = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
        e.tight = d->is_tight;
        e.number = int(qMin(d->start, 999999999u));
    } else if (type == MD_BLOCK_H) {
        e.number = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
    } else if (type == MD_BLOCK_CODE) {
        const auto *d = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
        e.href = attributeText(d->info);
        e.number = d->fence_char;
    }
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onLeaveBlock(MD_BLOCKTYPE type, void *, void *user)
{
    MdEvent e;
    e.kind = MdEvent::LeaveBlock;
    e.type = type;
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onEnterSpan(MD_SPANTYPE type, void *detail, void *user)
{
    MdEvent e;
    e.kind = MdEvent::EnterSpan;
    e.type = type;
    if (type == MD_SPAN_A) {
        const auto *d = static_cast<MD_SPAN_A_DETAIL *>(detail);
        e.href = attributeText(d->href);
        e.title = attributeText(d->title);
    } else if (type == MD_SPAN_IMG) {
        const auto *d = static_cast<MD_SPAN_IMG_DETAIL *>(detail);
        e.href = attributeText(d->src);
        e.title = attributeText(d->title);
    }
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onLeaveSpan(MD_SPANTYPE type, void *, void *user)
{
    MdEvent e;
    e.kind = MdEvent::LeaveSpan;
    e.type = type;
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user)
{
    MdEvent e;
    e.type = type;
    e.text = QString::fromUtf8(text, int(size));
    if (type == MD_TEXT_ENTITY) {
        e.type = MD_TEXT_NORMAL;
        e.text = decodeEntity(e.text);
    } else if (type == MD_TEXT_NULLCHAR) {
        e.type = MD_TEXT_NORMAL;
        e.text = QString(QChar(0xFFFD));
    }
    static_cast<Events *>(user)->append(e);
    return 0;
}

Events parseMarkdown(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    Events events;
    MD_PARSER parser{};
    // Plain CommonMark with raw HTML recognised: HTML is kept as text, never rendered.
    parser.flags = MD_DIALECT_COMMONMARK;
    parser.enter_block = onEnterBlock;
    parser.leave_block = onLeaveBlock;
    parser.enter_span = onEnterSpan;
    parser.leave_span = onLeaveSpan;
    parser.text = onText;
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &events);
    return events;
}

QVector<Range> topLevelBlocks(const Events &events)
{
    QVector<Range> out;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < events.size(); ++i) {
        if (events[i].kind == MdEvent::EnterBlock) {
            if (depth == 1)
                start = i;
            ++depth;
        } else if (events[i].kind == MdEvent::LeaveBlock) {
            --depth;
            if (depth == 1)
                out.append({start, i + 1});
        }
    }
    return out;
}

// What a range of events renders as, in a form that can be compared: text pieces of one kind
// merged, spaces before a line break dropped, source-only details (bullet character, fence
// length, escapes, entities) gone. Two texts with equal signatures render the same.
QString signature(const Events &events, int from, int to)
{
    QString out;
    QString pending;
    int pendingType = -1;
    const auto flush = [&] {
        if (pendingType >= 0)
            out += QStringLiteral("t%1:%2:%3").arg(pendingType).arg(pending.size()).arg(pending);
        pending.clear();
        pendingType = -1;
    };
    const auto field = [](const QString &s) { return QString::number(s.size()) + u':' + s; };
    for (int i = from; i < to; ++i) {
        const MdEvent &e = events[i];
        if (e.kind == MdEvent::Text && (e.type == MD_TEXT_BR || e.type == MD_TEXT_SOFTBR)) {
            if (pendingType == MD_TEXT_NORMAL) {
                while (pending.endsWith(u' ') || pending.endsWith(u'\t'))
                    pending.chop(1);
            }
            flush();
            out += e.type == MD_TEXT_BR ? QStringLiteral("|br") : QStringLiteral("|sb");
            continue;
        }
        if (e.kind == MdEvent::Text) {
            if (pendingType != e.type)
                flush();
            pendingType = e.type;
            pending += e.text;
            continue;
        }
        flush();
        switch (e.kind) {
        case MdEvent::EnterBlock:
            out += QStringLiteral("<b%1:%2:%3:%4>")
                       .arg(e.type)
                       .arg(e.number)
                       .arg(int(e.tight))
                       .arg(field(e.href));
            break;
        case MdEvent::LeaveBlock:
            out += QStringLiteral("</b>");
            break;
        case MdEvent::EnterSpan:
            out += QStringLiteral("<s%1:%2:%3>").arg(e.type).arg(field(e.href), field(e.title));
            break;
        default:
            out += QStringLiteral("</s>");
            break;
        }
    }
    flush();
    return out;
}

QString renderSignature(const QString &markdown)
{
    const Events events = parseMarkdown(markdown);
    return signature(events, 0, int(events.size()));
}

// ---------------------------------------------------------------------------------------------
// Inline content as the writer sees it: one format per UTF-16 unit. '\n' is a soft line break,
// U+2028 a hard one.

struct RunFormat
{
    bool bold = false;
    bool italic = false;
    bool code = false;
    bool raw = false;
    QString href;
    QString title;

    bool sameLink(const RunFormat &o) const { return href == o.href && title == o.title; }
    bool operator==(const RunFormat &o) const
    {
        return bold == o.bold && italic == o.italic && code == o.code && raw == o.raw &&
               sameLink(o);
    }
};

struct InlineText
{
    QString text;
    QVector<RunFormat> formats;

    void append(QChar c, const RunFormat &f)
    {
        text += c;
        formats.append(f);
    }
    bool operator==(const InlineText &o) const { return text == o.text && formats == o.formats; }
};

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

// ---------------------------------------------------------------------------------------------
// Inline writer.

const QRegularExpression &entityPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,47};)"));
    return re;
}

bool entityLikeAt(const QString &s, int i)
{
    return entityPattern().match(QStringView(s).mid(i, 60)).hasMatch();
}

QString escapeAttribute(const QString &s, const QString &special)
{
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'\\' || special.contains(c) || (c == u'&' && entityLikeAt(s, i)))
            out += u'\\';
        out += c;
    }
    return out;
}

QString linkDestination(const QString &href)
{
    int depth = 0;
    bool angle = false;
    for (QChar c : href) {
        if (c == u'(')
            ++depth;
        else if (c == u')' && --depth < 0)
            angle = true;
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f || c == u'<' || c == u'>')
            angle = true;
    }
    if (depth != 0)
        angle = true;
    if (!angle)
        return escapeAttribute(href, QString());
    QString clean = href;
    clean.remove(u'\n');
    return u'<' + escapeAttribute(clean, QStringLiteral("<>")) + u'>';
}

class InlineWriter
{
public:
    InlineWriter(const InlineText &t, bool heading) : mT(t), mHeading(heading) {}

    QString write()
    {
        const int n = int(mT.text.size());
        for (int i = 0; i < n;) {
            const RunFormat &f = mT.formats[i];
            int j = i + 1;
            while (j < n && mT.formats[j].sameLink(f))
                ++j;
            if (f.href.isEmpty()) {
                writeRange(i, j);
            } else if (isAutolink(i, j, mOut.isEmpty() || mOut.endsWith(u'\n'))) {
                mOut += u'<' + mT.text.mid(i, j - i) + u'>';
            } else {
                mOut += u'[';
                writeRange(i, j);
                mOut += QStringLiteral("](") + linkDestination(f.href);
                if (!f.title.isEmpty())
                    mOut += QStringLiteral(" \"") + escapeAttribute(f.title, QStringLiteral("\"")) +
                            u'"';
                mOut += u')';
            }
            i = j;
        }
        return mOut;
    }

private:
    bool isAutolink(int from, int to, bool lineStart) const
    {
        static const QRegularExpression uri(
            QStringLiteral("^[A-Za-z][A-Za-z0-9+.\\-]{1,31}:[^\\s<>\\\\&\\x00-\\x1f\\x7f]*$"));
        static const QRegularExpression email(QStringLiteral(
            "^[A-Za-z0-9.!#$%'*+/=?^_`{|}~\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?"
            "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?)*$"));
        for (int i = from; i < to; ++i) {
            const RunFormat &f = mT.formats[i];
            if (f.bold || f.italic || f.code || f.raw)
                return false;
        }
        const QString label = mT.text.mid(from, to - from);
        const QString &href = mT.formats[from].href;
        if (!mT.formats[from].title.isEmpty())
            return false;
        if (label == href)
            return uri.match(label).hasMatch();
        // md4c reads <name@host> at the start of a line as an HTML block.
        return !lineStart && href == QStringLiteral("mailto:") + label &&
               email.match(label).hasMatch();
    }

    // Where emphasis starting together should nest, the one that lasts longer goes outside.
    int runEnd(int from, int to, bool bold) const
    {
        int i = from;
        while (i < to && (bold ? mT.formats[i].bold : mT.formats[i].italic))
            ++i;
        return i;
    }

    void writeRange(int from, int to)
    {
        QVector<QChar> open; // 'b' and 'i', outermost first
        const auto delimiter = [](QChar kind) {
            return kind == u'b' ? QStringLiteral("**") : QStringLiteral("*");
        };
        for (int k = from; k < to;) {
            const RunFormat &f = mT.formats[k];
            int keep = 0;
            while (keep < open.size() && (open[keep] == u'b' ? f.bold : f.italic))
                ++keep;
            for (int s = int(open.size()) - 1; s >= keep; --s)
                mOut += delimiter(open[s]);
            open.resize(keep);
            const bool needBold = f.bold && !open.contains(u'b');
            const bool needItalic = f.italic && !open.contains(u'i');
            if (needBold && needItalic && runEnd(k, to, false) > runEnd(k, to, true)) {
                mOut += QStringLiteral("***");
                open << u'i' << u'b';
            } else {
                if (needBold) {
                    mOut += delimiter(u'b');
                    open << u'b';
                }
                if (needItalic) {
                    mOut += delimiter(u'i');
                    open << u'i';
                }
            }
            k = f.code ? writeCode(k, to) : writeChar(k);
        }
        for (int s = int(open.size()) - 1; s >= 0; --s)
            mOut += delimiter(open[s]);
    }

    int writeCode(int from, int to)
    {
        int end = from;
        while (end < to && mT.formats[end].code)
            ++end;
        const QString content = mT.text.mid(from, end - from);
        int longest = 0;
        int run = 0;
        for (QChar c : content) {
            run = c == u'`' ? run + 1 : 0;
            longest = qMax(longest, run);
        }
        const QString fence(longest + 1, u'`');
        const bool allSpace = content.trimmed().isEmpty();
        const bool pad = content.startsWith(u'`') || content.endsWith(u'`') ||
                         (!allSpace && content.startsWith(u' ') && content.endsWith(u' '));
        const QString padding = pad ? QStringLiteral(" ") : QString();
        mOut += fence + padding + content + padding + fence;
        return end;
    }

    QString lineRest(int i) const
    {
        int end = i;
        while (end < mT.text.size() && !isBreak(mT.text[end]))
            ++end;
        return mT.text.mid(i, end - i);
    }

    // Escapes for what would start a block at the beginning of a line; true if c was written.
    bool writeLineStart(int i)
    {
        static const QRegularExpression atx(QStringLiteral("^#{1,6}(?:[ \\t]|$)"));
        static const QRegularExpression dash(QStringLiteral("^(?:-(?:[ \\t]|$)|[- \\t]*$)"));
        static const QRegularExpression plus(QStringLiteral("^\\+(?:[ \\t]|$)"));
        static const QRegularExpression equals(QStringLiteral("^=+[ \\t]*$"));
        static const QRegularExpression ordered(QStringLiteral("^([0-9]{1,9})[.)](?:[ \\t]|$)"));
        const QChar c = mT.text[i];
        const QString rest = lineRest(i);
        bool escape = false;
        if (c == u'#')
            escape = atx.match(rest).hasMatch();
        else if (c == u'>')
            escape = true;
        else if (c == u'-')
            escape = dash.match(rest).hasMatch();
        else if (c == u'+')
            escape = plus.match(rest).hasMatch();
        else if (c == u'=')
            escape = equals.match(rest).hasMatch();
        else if (c == u'~')
            escape = rest.startsWith(QStringLiteral("~~~"));
        else if (c.isDigit()) {
            const QRegularExpressionMatch m = ordered.match(rest);
            if (m.hasMatch())
                mEscapeAt = i + int(m.capturedLength(1));
        }
        if (escape)
            mOut += u'\\' + QString(c);
        return escape;
    }

    int writeChar(int i)
    {
        const QChar c = mT.text[i];
        const RunFormat &f = mT.formats[i];
        if (c == u'\n') {
            mOut += u'\n';
            return i + 1;
        }
        if (c == kLineSeparator) {
            mOut += QStringLiteral("\\\n");
            return i + 1;
        }
        if (f.raw) {
            mOut += c;
            return i + 1;
        }
        if (!mHeading && (mOut.isEmpty() || mOut.endsWith(u'\n')) && writeLineStart(i))
            return i + 1;
        bool escape = i == mEscapeAt;
        switch (c.unicode()) {
        case u'\\':
        case u'*':
        case u'_':
        case u'`':
        case u'[':
        case u']':
        case u'<':
            escape = true;
            break;
        case u'&':
            escape = entityLikeAt(mT.text, i);
            break;
        case u'!':
            escape = i + 1 < mT.text.size() && !mT.formats[i + 1].href.isEmpty() &&
                     !mT.formats[i + 1].sameLink(f);
            break;
        case u'#': {
            // A heading's closing sequence is #s after a space at the end: keep them text.
            static const QRegularExpression closing(QStringLiteral("^#+[ \\t]*$"));
            escape = mHeading && (i == 0 || isBlank(mT.text[i - 1])) &&
                     closing.match(mT.text.mid(i)).hasMatch();
            break;
        }
        default:
            break;
        }
        if (escape)
            mOut += u'\\';
        mOut += c;
        return i + 1;
    }

    const InlineText &mT;
    const bool mHeading;
    QString mOut;
    int mEscapeAt = -1;
};

// Writes the inline content and checks it by parsing it back. When the check fails (emphasis
// that CommonMark cannot delimit, e.g. *"quoted"* inside a word), it tries again without
// emphasis, then as plain text: losing a format beats writing something else.
QString inlineMarkdown(const InlineText &t, int heading)
{
    QString written;
    for (int mode = 0; mode < 3; ++mode) {
        InlineText expected = t;
        for (RunFormat &f : expected.formats) {
            if (mode >= 1)
                f.bold = f.italic = false;
            if (mode >= 2)
                f = RunFormat();
        }
        normalize(expected, heading > 0);
        written = InlineWriter(expected, heading > 0).write();
        const QString probe = heading > 0 ? QString(heading, u'#') + u' ' + written : written;
        InlineText back;
        if (eventsToInline(parseMarkdown(probe), heading, &back)) {
            normalize(back, heading > 0);
            if (back == expected)
                return written;
        }
    }
    return written;
}

// ---------------------------------------------------------------------------------------------
// Block writer. Output is cut into segments at top-level blank lines so that a unit's source can
// stand in for the segments its blocks produced.

struct Segment
{
    int firstBlock = 0;
    int lastBlock = 0;
    QString text;
};

// One block as Markdown, without the container prefixes (quote, list marker) that go before it.
QString blockMarkdown(const QTextBlock &block)
{
    const QTextBlockFormat bf = block.blockFormat();
    if (bf.intProperty(Prop::BlockKind) == int(MarkdownBlockKind::Verbatim)) {
        QString s = block.text();
        s.replace(kLineSeparator, u'\n');
        s.replace(QChar(QChar::ParagraphSeparator), u'\n');
        s.remove(QChar(QChar::ObjectReplacementCharacter));
        while (s.endsWith(u'\n'))
            s.chop(1);
        // Only what Markdown itself treats as blank: a no-break space is content.
        for (QChar c : s) {
            if (c != u' ' && c != u'\t' && c != u'\n')
                return s;
        }
        return QString();
    }
    const int heading = qBound(0, bf.headingLevel(), 6);
    InlineText t = extractBlock(block);
    normalize(t, heading > 0);
    if (t.text.isEmpty())
        return QString();
    const QString text = inlineMarkdown(t, heading);
    return heading > 0 ? QString(heading, u'#') + u' ' + text : text;
}

bool isOrderedStyle(int style)
{
    return style <= QTextListFormat::ListDecimal;
}

QString quotePrefix(int depth)
{
    QString out;
    for (int i = 0; i < depth; ++i)
        out += QStringLiteral("> ");
    return out;
}

QString withoutTrailingSpaces(QString s)
{
    while (s.endsWith(u' '))
        s.chop(1);
    return s;
}

class BlockWriter
{
public:
    QVector<Segment> write(const QTextDocument *doc, int first, int last)
    {
        for (QTextBlock b = doc->findBlockByNumber(first); b.isValid() && b.blockNumber() <= last;
             b = b.next())
            writeBlock(b);
        return mSegments;
    }

private:
    struct OpenList
    {
        QTextList *list = nullptr;
        int indent = 1;
        bool ordered = false;
        bool loose = false;
        QChar marker;
        int number = 0;
        int width = 2;
    };

    void writeBlock(const QTextBlock &b)
    {
        const QString content = blockMarkdown(b);
        if (content.isEmpty())
            return;
        const QTextBlockFormat bf = b.blockFormat();
        const int depth = qMax(0, bf.intProperty(QTextFormat::BlockQuoteLevel));
        const int quoteId = depth > 0 ? bf.intProperty(Prop::QuoteId) : 0;
        const QString quote = quotePrefix(depth);
        QString firstPrefix = quote;
        QString restPrefix = quote;
        bool continuing = false;
        bool blank = true;
        if (QTextList *list = b.textList()) {
            if (depth != mListDepth || quoteId != mListQuoteId) {
                mStack.clear();
                mLastClosed.clear();
            }
            mListDepth = depth;
            mListQuoteId = quoteId;
            placeInList(list, b, &continuing, &blank);
            const OpenList &top = mStack.last();
            const QString marker = top.ordered ? QString::number(top.number) + top.marker + u' '
                                               : QString(top.marker) + u' ';
            mStack.last().width = int(marker.size());
            int indent = 0;
            for (int s = 0; s + 1 < mStack.size(); ++s)
                indent += mStack[s].width;
            firstPrefix = quote + QString(indent, u' ') + marker;
            restPrefix = quote + QString(indent + int(marker.size()), u' ');
        } else {
            mStack.clear();
            mLastClosed.clear();
            mListDepth = -1;
        }
        append(b.blockNumber(), prefixed(content, firstPrefix, restPrefix), continuing, blank,
               depth, quoteId);
    }

    static QString prefixed(const QString &content, const QString &first, const QString &rest)
    {
        QString text;
        const QStringList lines = content.split(u'\n');
        for (int l = 0; l < lines.size(); ++l) {
            const QString &prefix = l == 0 ? first : rest;
            if (l > 0)
                text += u'\n';
            text += lines[l].isEmpty() ? withoutTrailingSpaces(prefix) : prefix + lines[l];
        }
        return text;
    }

    // Joins the block to the current segment (inside a list or quote) or starts a new one.
    void append(int blockNumber, const QString &text, bool continuing, bool blank, int depth,
                int quoteId)
    {
        QString separator;
        bool newSegment = mSegments.isEmpty();
        if (!newSegment) {
            if (continuing)
                separator = blank ? u'\n' + withoutTrailingSpaces(quotePrefix(depth)) + u'\n'
                                  : QStringLiteral("\n");
            else if (depth > 0 && mPrevDepth > 0 && quoteId == mPrevQuoteId)
                separator =
                    u'\n' + withoutTrailingSpaces(quotePrefix(qMin(depth, mPrevDepth))) + u'\n';
            else
                newSegment = true;
        }
        if (newSegment) {
            mSegments.append({blockNumber, blockNumber, text});
        } else {
            mSegments.last().text += separator + text;
            mSegments.last().lastBlock = blockNumber;
        }
        mPrevDepth = depth;
        mPrevQuoteId = quoteId;
    }

    // Finds or opens the list entry for b; continuing is true when b stays inside a list that
    // was already open (so no top-level blank line), blank when a blank line must come before.
    void placeInList(QTextList *list, const QTextBlock &b, bool *continuing, bool *blank)
    {
        const QTextListFormat lf = list->format();
        const int indent = qMax(1, lf.indent());
        while (!mStack.isEmpty() && mStack.last().list != list && mStack.last().indent >= indent) {
            setLastClosed(int(mStack.size()) - 1, mStack.last().marker);
            mStack.removeLast();
        }
        if (!mStack.isEmpty() && mStack.last().list == list) {
            OpenList &top = mStack.last();
            top.number = qMin(top.number + 1, 999999999);
            *continuing = true;
            *blank = top.loose;
            mLastClosed.resize(qMin(mLastClosed.size(), mStack.size()));
            return;
        }
        OpenList entry;
        entry.list = list;
        entry.indent = indent;
        entry.ordered = isOrderedStyle(lf.style());
        entry.loose = lf.boolProperty(Prop::ListLoose);
        const int level = int(mStack.size());
        const QChar usual = entry.ordered ? u'.' : u'-';
        const QChar other = entry.ordered ? u')' : u'*';
        entry.marker = level < mLastClosed.size() && mLastClosed[level] == usual ? other : usual;
        setLastClosed(level, QChar());
        if (entry.ordered) {
            const int start = lf.hasProperty(Prop::ListStart) ? lf.intProperty(Prop::ListStart) : 1;
            entry.number = qBound(0, start + list->itemNumber(b), 999999999);
        }
        *continuing = !mStack.isEmpty();
        // A nested ordered list not starting at 1 cannot interrupt its parent's paragraph.
        *blank = *continuing && (mStack.last().loose || (entry.ordered && entry.number != 1));
        mStack.append(entry);
    }

    void setLastClosed(int level, QChar marker)
    {
        if (mLastClosed.size() <= level)
            mLastClosed.resize(level + 1);
        mLastClosed[level] = marker;
    }

    QVector<Segment> mSegments;
    QVector<OpenList> mStack;
    QVector<QChar> mLastClosed; // per nesting level: marker of the list that just ended there
    int mListDepth = -1;
    int mListQuoteId = -1;
    int mPrevDepth = 0;
    int mPrevQuoteId = 0;
};

QString joinSegments(const QVector<Segment> &segments)
{
    QStringList parts;
    for (const Segment &s : segments)
        parts << s.text;
    return parts.join(QStringLiteral("\n\n"));
}

QString canonicalOf(const QTextDocument *doc, int first, int last)
{
    return joinSegments(BlockWriter().write(doc, first, last));
}

// ---------------------------------------------------------------------------------------------
// Document builder: replays md4c events into a QTextDocument.

class DocBuilder
{
public:
    explicit DocBuilder(QTextDocument *doc) : mCursor(doc)
    {
        mCursor.movePosition(QTextCursor::End);
        const QTextBlock first = doc->firstBlock();
        mFresh = doc->blockCount() == 1 && first.length() <= 1 && !first.textList();
    }

    void beginUnit() { mFirstBlock = -1; }
    int unitFirstBlock() const { return mFirstBlock; }
    bool lossy() const { return mLossy; }

    void build(const Events &events, int from, int to)
    {
        for (int i = from; i < to; ++i) {
            const MdEvent &e = events[i];
            switch (e.kind) {
            case MdEvent::EnterBlock:
                enterBlock(e);
                break;
            case MdEvent::LeaveBlock:
                leaveBlock(e);
                break;
            case MdEvent::EnterSpan:
                span(e, 1);
                break;
            case MdEvent::LeaveSpan:
                span(e, -1);
                break;
            case MdEvent::Text:
                text(e);
                break;
            }
        }
    }

    void appendVerbatim(const QString &source)
    {
        QTextBlockFormat bf;
        bf.setProperty(Prop::BlockKind, int(MarkdownBlockKind::Verbatim));
        QTextCharFormat cf;
        cf.setFontFixedPitch(true);
        cf.setFontFamilies({QStringLiteral("monospace")});
        newBlock(bf, cf);
        QString shown = source;
        shown.replace(u'\n', kLineSeparator);
        mCursor.insertText(shown, cf);
    }

private:
    struct ListState
    {
        QTextListFormat format;
        QTextList *list = nullptr;
    };

    void enterBlock(const MdEvent &e)
    {
        if (mSkip > 0 || e.type == MD_BLOCK_HR || e.type == MD_BLOCK_CODE ||
            e.type == MD_BLOCK_HTML || e.type >= MD_BLOCK_TABLE) {
            // Only whole units are shown verbatim; this marks the unit as not representable.
            mLossy = true;
            ++mSkip;
            return;
        }
        if (e.type == MD_BLOCK_QUOTE || e.type == MD_BLOCK_UL || e.type == MD_BLOCK_OL ||
            e.type == MD_BLOCK_LI)
            mInLeaf = false; // a tight item's text has no paragraph around it to close
        switch (e.type) {
        case MD_BLOCK_QUOTE:
            if (!mLists.isEmpty())
                mLossy = true; // quotes are always the outer container in this model
            if (mQuoteDepth++ == 0)
                mQuoteId = ++mQuoteCounter;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL: {
            if (mItemPending)
                mLossy = true; // an item that starts with a nested list
            const int level = int(mLists.size());
            QTextListFormat lf;
            if (e.type == MD_BLOCK_OL) {
                lf.setStyle(QTextListFormat::ListDecimal);
                lf.setProperty(Prop::ListStart, e.number);
            } else {
                lf.setStyle(level == 0   ? QTextListFormat::ListDisc
                            : level == 1 ? QTextListFormat::ListCircle
                                         : QTextListFormat::ListSquare);
            }
            lf.setIndent(level + 1);
            if (!e.tight)
                lf.setProperty(Prop::ListLoose, true);
            mLists.append({lf, nullptr});
            break;
        }
        case MD_BLOCK_LI:
            mItemPending = true;
            mItemUsed.append(false);
            break;
        case MD_BLOCK_P:
        case MD_BLOCK_H:
            mHeading = e.type == MD_BLOCK_H ? e.number : 0;
            startLeaf();
            break;
        default:
            break;
        }
    }

    void leaveBlock(const MdEvent &e)
    {
        if (mSkip > 0) {
            --mSkip;
            return;
        }
        switch (e.type) {
        case MD_BLOCK_QUOTE:
            --mQuoteDepth;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            mLists.removeLast();
            break;
        case MD_BLOCK_LI:
            if (mItemPending)
                mLossy = true; // an empty item
            mItemPending = false;
            mItemUsed.removeLast();
            mInLeaf = false;
            break;
        case MD_BLOCK_P:
        case MD_BLOCK_H:
            mInLeaf = false;
            mHeading = 0;
            break;
        default:
            break;
        }
    }

    void span(const MdEvent &e, int step)
    {
        if (e.type == MD_SPAN_IMG) {
            mLossy = true;
            mSkip += step;
        } else if (mSkip > 0) {
            return;
        } else if (e.type == MD_SPAN_EM) {
            mEm += step;
        } else if (e.type == MD_SPAN_STRONG) {
            mStrong += step;
        } else if (e.type == MD_SPAN_CODE) {
            mCode += step;
        } else if (e.type == MD_SPAN_A && step > 0) {
            mLinks.append(RunFormat{false, false, false, false, e.href, e.title});
        } else if (e.type == MD_SPAN_A) {
            mLinks.removeLast();
        } else {
            mLossy = true;
        }
    }

    void text(const MdEvent &e)
    {
        if (mSkip > 0)
            return;
        if (!mInLeaf) {
            if (!mItemPending)
                mLossy = true;
            startLeaf();
        }
        RunFormat f;
        f.bold = mStrong > 0;
        f.italic = mEm > 0;
        f.code = mCode > 0;
        if (!mLinks.isEmpty()) {
            f.href = mLinks.last().href;
            f.title = mLinks.last().title;
        }
        if (e.type == MD_TEXT_BR || e.type == MD_TEXT_SOFTBR) {
            trimTrailingBlanksInBlock();
            const bool softBreak = e.type == MD_TEXT_SOFTBR && !f.code;
            QTextCharFormat cf = makeCharFormat(f, mHeading);
            if (softBreak)
                cf.setProperty(Prop::SoftBreak, true);
            const bool hard = e.type == MD_TEXT_BR && !f.code;
            mCursor.insertText(hard ? QString(kLineSeparator) : QStringLiteral(" "), cf);
            return;
        }
        f.raw = e.type == MD_TEXT_HTML;
        const QStringList lines = e.text.split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0) {
                QTextCharFormat cf = makeCharFormat(f, mHeading);
                if (!f.code)
                    cf.setProperty(Prop::SoftBreak, true);
                mCursor.insertText(QStringLiteral(" "), cf);
            }
            if (!lines[i].isEmpty())
                mCursor.insertText(lines[i], makeCharFormat(f, mHeading));
        }
    }

    // Spaces before a line break do not render; dropping them keeps one document per rendering.
    void trimTrailingBlanksInBlock()
    {
        while (mCursor.positionInBlock() > 0) {
            const QChar c = mCursor.block().text().at(mCursor.positionInBlock() - 1);
            const QTextCharFormat cf = mCursor.charFormat();
            if (!isBlank(c) || cf.boolProperty(Prop::InlineCode) || cf.boolProperty(Prop::RawHtml))
                break;
            mCursor.deletePreviousChar();
        }
    }

    void startLeaf()
    {
        if (!mItemPending && !mItemUsed.isEmpty() && mItemUsed.last())
            mLossy = true; // a second paragraph in one list item
        QTextBlockFormat bf;
        if (mHeading > 0)
            bf.setHeadingLevel(mHeading);
        if (mQuoteDepth > 0) {
            bf.setProperty(QTextFormat::BlockQuoteLevel, mQuoteDepth);
            bf.setProperty(Prop::QuoteId, mQuoteId);
            bf.setLeftMargin(kQuoteIndent * mQuoteDepth);
        }
        newBlock(bf, makeCharFormat(RunFormat(), mHeading));
        mInLeaf = true;
        if (mItemPending && !mLists.isEmpty()) {
            ListState &ls = mLists.last();
            if (!ls.list)
                ls.list = mCursor.createList(ls.format);
            else
                ls.list->add(mCursor.block());
            mItemPending = false;
            mItemUsed.last() = true;
        }
    }

    void newBlock(const QTextBlockFormat &bf, const QTextCharFormat &cf)
    {
        if (mFresh) {
            mCursor.setBlockFormat(bf);
            mCursor.setBlockCharFormat(cf);
            mFresh = false;
        } else {
            mCursor.insertBlock(bf, cf);
        }
        if (mFirstBlock < 0)
            mFirstBlock = mCursor.blockNumber();
    }

    QTextCursor mCursor;
    bool mFresh = true;
    int mFirstBlock = -1;
    bool mLossy = false;
    int mSkip = 0;
    QVector<ListState> mLists;
    QVector<bool> mItemUsed;
    bool mItemPending = false;
    bool mInLeaf = false;
    int mHeading = 0;
    int mQuoteDepth = 0;
    int mQuoteId = 0;
    int mQuoteCounter = 0;
    int mEm = 0;
    int mStrong = 0;
    int mCode = 0;
    QVector<RunFormat> mLinks;
};

// ---------------------------------------------------------------------------------------------
// Units: the body cut at blank lines into the smallest groups of top-level blocks that parse on
// their own exactly as in the whole text. md4c reports no source offsets; re-parsing candidate
// groups and comparing signatures finds the boundaries without a second Markdown parser.

struct Unit
{
    int begin = 0; // source range, whole lines, without the final newline
    int end = 0;
    int firstTop = 0;
    int topCount = 0;
    bool definitions = false; // holds link reference definitions that canonical writing would drop
};

QVector<Unit> chunksOf(const QString &text)
{
    QVector<Unit> chunks;
    int chunkBegin = -1;
    int chunkEnd = -1;
    for (int pos = 0; pos <= text.size();) {
        int nl = int(text.indexOf(u'\n', pos));
        if (nl < 0)
            nl = int(text.size());
        bool blank = true;
        for (int i = pos; i < nl && blank; ++i)
            blank = isBlank(text[i]);
        if (!blank) {
            if (chunkBegin < 0)
                chunkBegin = pos;
            chunkEnd = nl;
        } else if (chunkBegin >= 0) {
            chunks.append({chunkBegin, chunkEnd, 0, 0});
            chunkBegin = -1;
        }
        pos = nl + 1;
    }
    if (chunkBegin >= 0)
        chunks.append({chunkBegin, chunkEnd, 0, 0});
    return chunks;
}

// Chunks of nothing but link reference definitions: their own (verbatim) units, and context for
// parsing the others, whose links may use them.
QVector<bool> definitionChunks(const QString &text, const QVector<Unit> &chunks,
                               QString *definitionText)
{
    QVector<bool> definitions(chunks.size());
    for (int i = 0; i < chunks.size(); ++i) {
        const QString chunk = text.mid(chunks[i].begin, chunks[i].end - chunks[i].begin);
        definitions[i] = topLevelBlocks(parseMarkdown(chunk)).isEmpty();
        if (definitions[i])
            *definitionText += chunk + QStringLiteral("\n\n");
    }
    return definitions;
}

// How many top-level blocks from tops[t] the candidate reproduces exactly, or 0.
int matchingBlocks(const QString &candidate, const QString &definitionText, const QStringList &sigs,
                   int t)
{
    // The definitions go first: after the candidate, an unclosed fence would take them in.
    for (int context = 0; context < (definitionText.isEmpty() ? 1 : 2); ++context) {
        const Events ev = parseMarkdown(context ? definitionText + candidate : candidate);
        const QVector<Range> parts = topLevelBlocks(ev);
        bool same = !parts.isEmpty() && t + parts.size() <= sigs.size();
        for (int k = 0; k < parts.size() && same; ++k)
            same = signature(ev, parts[k].from, parts[k].to) == sigs[t + k];
        if (same)
            return int(parts.size());
    }
    return 0;
}

QVector<Unit> matchUnits(const QString &text, const Events &events, const QVector<Range> &tops)
{
    const QVector<Unit> chunks = chunksOf(text);
    if (chunks.isEmpty())
        return {};
    QStringList sigs;
    for (const Range &r : tops)
        sigs << signature(events, r.from, r.to);
    QString definitionText;
    const QVector<bool> definitions = definitionChunks(text, chunks, &definitionText);

    QVector<Unit> units;
    int t = 0;
    for (int i = 0; i < chunks.size();) {
        if (definitions[i]) {
            units.append({chunks[i].begin, chunks[i].end, t, 0, true});
            ++i;
            continue;
        }
        int j = i;
        int count = 0;
        for (; j < chunks.size() && count == 0; ++j) {
            // The last candidate runs to the end: an unclosed fence takes the blank lines after it.
            const int end = j + 1 == chunks.size() ? int(text.size()) : chunks[j].end;
            count = matchingBlocks(text.mid(chunks[i].begin, end - chunks[i].begin), definitionText,
                                   sigs, t);
        }
        if (count == 0)
            break;
        units.append({chunks[i].begin, chunks[j - 1].end, t, count});
        t += count;
        i = j;
    }
    // No independent split: typically a link whose reference definition sits inside another
    // unit. Rewriting that unit would drop the definition, so the whole body is one unit:
    // still exact, just coarser.
    if (t != tops.size())
        return {{chunks.first().begin, chunks.last().end, 0, int(tops.size())}};
    return units;
}

// A unit after a list is not independent of it when it starts indented (it may belong to the
// last item, depending on that item's content column, which canonical writing can change: "-  a"
// becomes "- a") or starts with a list (whether the two lists stay two depends on their markers,
// which canonical writing also chooses). Such neighbours become one unit.
QVector<Unit> mergeDependentUnits(const QVector<Unit> &units, const QString &text,
                                  const Events &events, const QVector<Range> &tops)
{
    const auto isList = [&](int top) {
        const int type = events[tops[top].from].type;
        return type == MD_BLOCK_UL || type == MD_BLOCK_OL;
    };
    QVector<Unit> merged;
    for (const Unit &unit : units) {
        const bool dependent =
            isBlank(text[unit.begin]) || (unit.topCount > 0 && isList(unit.firstTop));
        if (dependent && !merged.isEmpty() && merged.last().topCount > 0) {
            Unit &previous = merged.last();
            if (isList(previous.firstTop + previous.topCount - 1)) {
                previous.end = unit.end;
                previous.topCount += unit.topCount;
                previous.definitions = previous.definitions || unit.definitions;
                continue;
            }
        }
        merged.append(unit);
    }
    return merged;
}

bool isRepresentable(const Events &events, const QVector<Range> &tops, const Unit &unit,
                     QString *canonical)
{
    if (unit.topCount == 0 || unit.definitions)
        return false;
    QTextDocument scratch;
    DocBuilder builder(&scratch);
    for (int k = unit.firstTop; k < unit.firstTop + unit.topCount; ++k)
        builder.build(events, tops[k].from, tops[k].to);
    if (builder.lossy())
        return false;
    *canonical = canonicalOf(&scratch, 0, scratch.blockCount() - 1);
    const Events back = parseMarkdown(*canonical);
    const QVector<Range> parts = topLevelBlocks(back);
    if (parts.size() != unit.topCount)
        return false;
    for (int k = 0; k < parts.size(); ++k) {
        const Range &original = tops[unit.firstTop + k];
        if (signature(back, parts[k].from, parts[k].to) !=
            signature(events, original.from, original.to))
            return false;
    }
    return true;
}

void markUnit(QTextDocument *doc, int first, int id, const QString &source,
              const QString &canonical, const QString &separator)
{
    const int last = doc->blockCount() - 1;
    for (int n = first; n <= last; ++n) {
        QTextBlockFormat f;
        f.setProperty(Prop::GroupId, id);
        if (n == first) {
            f.setProperty(Prop::GroupSource, source);
            f.setProperty(Prop::GroupCanonical, canonical);
            f.setProperty(Prop::GroupSeparator, separator);
        }
        QTextCursor(doc->findBlockByNumber(n)).mergeBlockFormat(f);
    }
}

int groupIdOf(const QTextBlock &block)
{
    return block.isValid() ? block.blockFormat().intProperty(Prop::GroupId) : 0;
}

// ---------------------------------------------------------------------------------------------
// Paste: a QTextDocument that never fetches anything an <img>, <link> or CSS url() asks for.

class PasteDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

// Word marks list paragraphs with an mso-list style and draws the bullet or number as text inside
// <![if !supportLists]>. Made into real lists here, a pasted list stays a list without "·" junk.
QString wordListsToHtmlLists(const QString &html)
{
    static const QRegularExpression paragraph(QStringLiteral("<p\\b([^>]*)>(.*?)</p\\s*>"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression level(QStringLiteral("mso-list:\\s*l\\d+\\s+level(\\d+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression marker(
        QStringLiteral("<!\\[if !supportLists\\]>(.*?)<!\\[endif\\]>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression noise(QStringLiteral("<[^>]*>|&nbsp;|&#160;|\\s"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression numbered(QStringLiteral("^[0-9A-Za-z]{1,4}[.)]$"));
    if (!html.contains(QLatin1String("mso-list"), Qt::CaseInsensitive))
        return html;
    QString out;
    QVector<bool> open; // per nesting level: ordered
    const auto closeTo = [&](int depth) {
        while (open.size() > depth)
            out += open.takeLast() ? QStringLiteral("</ol>") : QStringLiteral("</ul>");
    };
    int last = 0;
    for (auto it = paragraph.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString between = html.mid(last, m.capturedStart() - last);
        last = int(m.capturedEnd());
        const QRegularExpressionMatch lm = level.match(m.captured(1));
        if (!lm.hasMatch() || !between.trimmed().isEmpty())
            closeTo(0);
        out += between;
        if (!lm.hasMatch()) {
            out += m.captured(0);
            continue;
        }
        QString body = m.captured(2);
        QString mark;
        const QRegularExpressionMatch mm = marker.match(body);
        if (mm.hasMatch()) {
            mark = mm.captured(1);
            mark.remove(noise);
            body.remove(mm.capturedStart(), mm.capturedLength());
        }
        const bool ordered = numbered.match(mark).hasMatch();
        const int depth = qBound(1, lm.captured(1).toInt(), 9);
        closeTo(depth);
        if (open.size() == depth && open.last() != ordered)
            closeTo(depth - 1);
        while (open.size() < depth) {
            out += ordered ? QStringLiteral("<ol>") : QStringLiteral("<ul>");
            open.append(ordered);
        }
        out += QStringLiteral("<li>") + body + QStringLiteral("</li>");
    }
    closeTo(0);
    return out + html.mid(last);
}

QString withoutHiddenMarkup(QString html)
{
    // Qt's parser already skips <script> and <style>; removing these first also drops the
    // content of elements it would show as text (noscript, template, Word's <xml> islands).
    static const QRegularExpression elements(
        QStringLiteral("<(script|style|head|title|iframe|object|embed|template|noscript|svg|math|"
                       "xml)\\b[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression unclosed(
        QStringLiteral("<(script|style|iframe|object|embed|template|noscript|svg|math|xml)\\b.*"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comments(QStringLiteral("<!--.*?(-->|$)"),
                                             QRegularExpression::DotMatchesEverythingOption);
    // Qt treats these void head elements as containers and would hide what follows them.
    static const QRegularExpression voids(QStringLiteral("<(link|meta|base)\\b[^>]*>"),
                                          QRegularExpression::CaseInsensitiveOption);
    html.remove(comments);
    html.remove(elements);
    html.remove(unclosed);
    html.remove(voids);
    return wordListsToHtmlLists(html);
}

struct KeptUnit
{
    int id = 0;
    QString source;
    QString separator;
};

// If segments[s] starts a unit that is unchanged since loading, fills kept with its original
// source and returns the index of the segment after the unit; otherwise returns s.
int unchangedUnitAt(const QTextDocument *doc, const QVector<Segment> &segments, int s,
                    KeptUnit *kept)
{
    QTextBlock block = doc->findBlockByNumber(segments[s].firstBlock);
    const int id = groupIdOf(block);
    while (id > 0 && groupIdOf(block.previous()) == id)
        block = block.previous();
    const QTextBlockFormat head = block.blockFormat();
    if (id <= 0 || !head.hasProperty(Prop::GroupSource) ||
        (s > 0 && segments[s - 1].lastBlock >= block.blockNumber()))
        return s;
    QTextBlock end = block;
    while (groupIdOf(end.next()) == id)
        end = end.next();
    const int last = end.blockNumber();
    int e = s;
    while (e + 1 < segments.size() && segments[e + 1].lastBlock <= last)
        ++e;
    if (segments[e].lastBlock > last ||
        (e + 1 < segments.size() && segments[e + 1].firstBlock <= last))
        return s;
    // Units that could influence each other's writing were merged at load, so a unit's segments
    // here are what it writes on its own: its canonical text.
    QStringList text;
    for (int k = s; k <= e; ++k)
        text << segments[k].text;
    if (text.join(QStringLiteral("\n\n")) != head.stringProperty(Prop::GroupCanonical))
        return s;
    kept->id = id;
    kept->source = head.stringProperty(Prop::GroupSource);
    kept->separator = head.stringProperty(Prop::GroupSeparator);
    return e + 1;
}

// Paste: one source block as a clean block (only what a body may hold) at the end of cursor's
// document. Qt marks every quote level 1 and nests quotes by margin, 40 px a level.
void appendPastedBlock(const QTextBlock &b, QTextCursor &cursor, bool fresh, int *quoteId,
                       bool *inQuote, QHash<QTextList *, QTextList *> *lists)
{
    const QTextBlockFormat sf = b.blockFormat();
    const int heading = sf.headingLevel() <= 0 ? 0 : sf.headingLevel() <= 2 ? 2 : 3;
    QTextBlockFormat bf;
    if (heading > 0)
        bf.setHeadingLevel(heading);
    const int depth = sf.intProperty(QTextFormat::BlockQuoteLevel) > 0
                          ? qBound(1, qRound(sf.leftMargin() / 40), 6)
                          : 0;
    if (depth > 0) {
        if (!*inQuote)
            ++*quoteId;
        bf.setProperty(QTextFormat::BlockQuoteLevel, depth);
        bf.setProperty(Prop::QuoteId, *quoteId);
        bf.setLeftMargin(kQuoteIndent * depth);
    }
    *inQuote = depth > 0;
    const QTextCharFormat blockChar = makeCharFormat(RunFormat(), heading);
    if (fresh) {
        cursor.setBlockFormat(bf);
        cursor.setBlockCharFormat(blockChar);
    } else {
        cursor.insertBlock(bf, blockChar);
    }
    if (QTextList *sourceList = b.textList()) {
        QTextList *&list = (*lists)[sourceList];
        if (!list) {
            QTextListFormat lf;
            lf.setStyle(isOrderedStyle(sourceList->format().style()) ? QTextListFormat::ListDecimal
                                                                     : QTextListFormat::ListDisc);
            lf.setIndent(qMax(1, sourceList->format().indent()));
            list = cursor.createList(lf);
        } else {
            list->add(cursor.block());
        }
    }
    for (auto it = b.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat cf = fragment.charFormat();
        if (!fragment.isValid() || cf.isImageFormat())
            continue;
        RunFormat f;
        f.bold = heading == 0 && cf.fontWeight() >= QFont::Bold;
        f.italic = cf.fontItalic();
        const QString href = cf.anchorHref().trimmed();
        if (cf.isAnchor() && isAllowedLinkTarget(href))
            f.href = href;
        QString piece = fragment.text();
        piece.remove(QChar(QChar::ObjectReplacementCharacter));
        piece.replace(QChar(QChar::ParagraphSeparator), kLineSeparator);
        cursor.insertText(piece, makeCharFormat(f, heading));
    }
}

} // namespace

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

void markdownToDocument(const QString &markdown, QTextDocument *doc)
{
    const bool undo = doc->isUndoRedoEnabled();
    doc->setUndoRedoEnabled(false);
    doc->clear();
    QString text = markdown;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    // The document uses U+2028 for line breaks, so a literal one could not survive a verbatim
    // block; like CR, U+2028 and U+2029 end a line.
    text.replace(kLineSeparator, u'\n');
    text.replace(QChar(QChar::ParagraphSeparator), u'\n');
    const Events events = parseMarkdown(text);
    const QVector<Range> tops = topLevelBlocks(events);
    const QVector<Unit> units =
        mergeDependentUnits(matchUnits(text, events, tops), text, events, tops);
    DocBuilder builder(doc);
    for (int u = 0; u < units.size(); ++u) {
        const Unit &unit = units[u];
        QString source = text.mid(unit.begin, unit.end - unit.begin);
        builder.beginUnit();
        QString canonical;
        if (isRepresentable(events, tops, unit, &canonical)) {
            for (int k = unit.firstTop; k < unit.firstTop + unit.topCount; ++k)
                builder.build(events, tops[k].from, tops[k].to);
        } else {
            // md4c 0.4.8 can read a body differently with a blank line in front (an indented line
            // after blank lines joins a list item only then), so a kept first unit keeps them.
            if (u == 0)
                source = text.left(unit.end);
            builder.appendVerbatim(source);
            canonical.clear();
        }
        const QString separator =
            u > 0 ? text.mid(units[u - 1].end, unit.begin - units[u - 1].end) : QString();
        const int first = builder.unitFirstBlock();
        if (first < 0)
            continue;
        if (canonical.isEmpty())
            canonical = canonicalOf(doc, first, doc->blockCount() - 1);
        markUnit(doc, first, u + 1, source, canonical, separator);
    }
    doc->setUndoRedoEnabled(undo);
    doc->setModified(false);
}

QString documentToCanonicalMarkdown(const QTextDocument *doc)
{
    const QString body = canonicalOf(doc, 0, doc->blockCount() - 1);
    return body.isEmpty() ? body : body + u'\n';
}

QString documentToMarkdown(const QTextDocument *doc)
{
    const QVector<Segment> segments = BlockWriter().write(doc, 0, doc->blockCount() - 1);
    if (segments.isEmpty())
        return QString();
    const QString canonical = joinSegments(segments) + u'\n';

    QString mixed;
    bool substituted = false;
    int previousUnit = 0;
    for (int s = 0; s < segments.size();) {
        KeptUnit kept;
        const int next = unchangedUnitAt(doc, segments, s, &kept);
        const int unit = next > s ? kept.id : 0;
        if (s > 0) {
            const bool adjacent = previousUnit > 0 && unit == previousUnit + 1;
            mixed += adjacent ? kept.separator : QStringLiteral("\n\n");
        }
        mixed += unit > 0 ? kept.source : segments[s].text;
        substituted = substituted || unit > 0;
        previousUnit = unit;
        s = qMax(next, s + 1);
    }
    if (!substituted)
        return canonical;
    mixed += u'\n';
    // A kept source renders as its unit did when loaded; its new neighbours could still change
    // that (a list running on into an edited one), so the whole text is checked once more.
    return renderSignature(mixed) == renderSignature(canonical) ? mixed : canonical;
}

QString sanitizeHtmlToMarkdown(const QString &html)
{
    PasteDocument source;
    source.setHtml(withoutHiddenMarkup(html));

    QTextDocument clean;
    QTextCursor cursor(&clean);
    bool fresh = true;
    QHash<QTextList *, QTextList *> lists;
    int quoteId = 0;
    bool inQuote = false;
    for (QTextBlock b = source.begin(); b.isValid(); b = b.next()) {
        bool empty = true;
        for (QChar c : b.text())
            empty = empty && (c.isSpace() || c == QChar::ObjectReplacementCharacter);
        if (empty)
            continue;
        appendPastedBlock(b, cursor, fresh, &quoteId, &inQuote, &lists);
        fresh = false;
    }
    return documentToCanonicalMarkdown(&clean);
}

} // namespace fo
