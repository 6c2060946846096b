// QTextDocument -> canonical Markdown: inline writing and escaping, then blocks and containers.

#include "markdown/markdowninternal.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

namespace fo::markdown_detail {
namespace {

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

} // namespace

bool isOrderedStyle(int style)
{
    return style <= QTextListFormat::ListDecimal;
}

namespace {

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

} // namespace

QVector<Segment> writeSegments(const QTextDocument *doc, int first, int last)
{
    return BlockWriter().write(doc, first, last);
}

QString joinSegments(const QVector<Segment> &segments)
{
    QStringList parts;
    for (const Segment &s : segments)
        parts << s.text;
    return parts.join(QStringLiteral("\n\n"));
}

QString canonicalOf(const QTextDocument *doc, int first, int last)
{
    return joinSegments(writeSegments(doc, first, last));
}

} // namespace fo::markdown_detail

namespace fo {

using namespace markdown_detail;

QString documentToCanonicalMarkdown(const QTextDocument *doc)
{
    const QString body = canonicalOf(doc, 0, doc->blockCount() - 1);
    return body.isEmpty() ? body : body + u'\n';
}

} // namespace fo
