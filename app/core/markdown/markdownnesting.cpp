// Bounding how deep lists and block quotes nest (storylimits.h): measured with md4c, flattened
// line by line.

#include "markdown/markdownnesting.h"

#include <QStringList>
#include <QVector>

#include <md4c.h>

namespace fo {

namespace {

int onEnter(MD_BLOCKTYPE type, void *, void *user)
{
    auto *depth = static_cast<int *>(user); // [current, deepest]
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI) {
        depth[1] = qMax(depth[1], ++depth[0]);
    }
    return 0;
}

int onLeave(MD_BLOCKTYPE type, void *, void *user)
{
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI) {
        --static_cast<int *>(user)[0];
    }
    return 0;
}

int onSpan(MD_SPANTYPE, void *, void *)
{
    return 0;
}

int onText(MD_TEXTTYPE, const MD_CHAR *, MD_SIZE, void *)
{
    return 0;
}

/// A list item (content column) or a block quote, as the line scanner tracks them.
struct Container
{
    bool quote = false;
    int contentColumn = 0;
};

/// Walks one line: position and column advance together, a tab to the next multiple of 4.
struct Cursor
{
    const QString *line = nullptr;
    int pos = 0;
    int column = 0;

    bool atEnd() const { return pos >= line->size(); }
    QChar peek() const { return atEnd() ? QChar() : line->at(pos); }
    bool atBlank() const { return !atEnd() && (peek() == u' ' || peek() == u'\t'); }
    void step()
    {
        column = peek() == u'\t' ? (column / 4 + 1) * 4 : column + 1;
        ++pos;
    }
    /// The cursor past the blanks from here (this one is not moved).
    Cursor pastBlanks() const
    {
        Cursor c = *this;
        while (c.atBlank()) {
            c.step();
        }
        return c;
    }
};

/// Length of a list marker at `at` ("-", "*", "+", "12.", "3)") followed by a blank or the end
/// of the line, else 0.
int listMarkerLength(const QString &line, int at)
{
    int end = at;
    const QChar c = end < line.size() ? line.at(end) : QChar();
    if (c == u'-' || c == u'*' || c == u'+') {
        ++end;
    } else {
        while (end < line.size() && end - at < 9 && line.at(end).isDigit() &&
               line.at(end).unicode() < 128) {
            ++end;
        }
        if (end == at || end >= line.size() || (line.at(end) != u'.' && line.at(end) != u')')) {
            return 0;
        }
        ++end;
    }
    if (end < line.size() && line.at(end) != u' ' && line.at(end) != u'\t') {
        return 0;
    }
    return end - at;
}

/// Opens the container that starts at the cursor, if one does: moves the cursor past its marker.
bool openContainer(Cursor &cur, Container *opened)
{
    const Cursor start = cur.pastBlanks();
    if (start.column - cur.column > 3 || start.atEnd()) {
        return false; // indented code, or nothing
    }
    if (start.peek() == u'>') {
        cur = start;
        cur.step();
        if (cur.peek() == u' ') {
            cur.step();
        }
        *opened = Container{true, 0};
        return true;
    }
    const int marker = listMarkerLength(*start.line, start.pos);
    if (marker == 0) {
        return false;
    }
    Cursor afterMarker = start;
    for (int i = 0; i < marker; ++i) {
        afterMarker.step();
    }
    const Cursor text = afterMarker.pastBlanks();
    if (text.atEnd() || text.column - afterMarker.column > 4) {
        // An empty item, or indented code inside one: the content starts one column in.
        cur = afterMarker;
        if (cur.atBlank()) {
            cur.step();
        }
        *opened = Container{false, afterMarker.column + 1};
    } else {
        cur = text;
        *opened = Container{false, text.column};
    }
    return true;
}

/// Reads lines the way CommonMark opens and continues containers, closely enough to find the
/// lines nested too deep; md4c checks the result.
class LineScanner
{
public:
    /// The positions in `line` after each of its containers; the last entry is where the text
    /// begins. `continued` gets how many leading containers go on from earlier lines.
    QVector<int> scan(const QString &line, int *continued)
    {
        QVector<int> ends;
        Cursor cur{&line};
        if (cur.pastBlanks().atEnd()) {
            mPreviousBlank = true; // a blank line closes nothing that matters here
            *continued = 0;
            ends.append(line.size());
            return ends;
        }
        int matched = 0;
        for (; matched < mStack.size(); ++matched) {
            const Container &k = mStack.at(matched);
            const Cursor next = cur.pastBlanks();
            if (k.quote) {
                if (next.column - cur.column > 3 || next.peek() != u'>') {
                    break;
                }
                cur = next;
                cur.step();
                if (cur.peek() == u' ') {
                    cur.step();
                }
            } else {
                if (next.column < k.contentColumn) {
                    break;
                }
                while (cur.column < k.contentColumn) {
                    cur.step();
                }
            }
            ends.append(cur.pos);
        }
        *continued = matched;
        Container opened;
        bool any = false;
        while (openContainer(cur, &opened)) {
            if (!any) {
                mStack.resize(matched);
                any = true;
            }
            mStack.append(opened);
            ends.append(cur.pos);
        }
        if (!any && matched < mStack.size() && mPreviousBlank) {
            mStack.resize(matched); // not a lazy continuation line: the rest are closed
        }
        mPreviousBlank = false;
        ends.append(cur.pos);
        return ends;
    }

private:
    QVector<Container> mStack;
    bool mPreviousBlank = true;
};

QString rightTrimmed(const QString &text)
{
    int n = int(text.size());
    while (n > 0 && text.at(n - 1).isSpace()) {
        --n;
    }
    return text.left(n);
}

QString leftTrimmed(const QString &text)
{
    int i = 0;
    while (i < text.size() && text.at(i).isSpace()) {
        ++i;
    }
    return text.mid(i);
}

void noteLine(FlattenedMarkdown *out, int line)
{
    if (out->changedLines++ == 0) {
        out->firstLine = line;
    }
    out->lastLine = line;
}

/// Keeps the first maxDepth containers of each line that has more.
FlattenedMarkdown flattenLines(const QStringList &lines, int maxDepth)
{
    FlattenedMarkdown out;
    QStringList result;
    result.reserve(lines.size());
    LineScanner scanner;
    bool previousFlattened = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        int continued = 0;
        const QVector<int> ends = scanner.scan(line, &continued);
        const int depth = int(ends.size()) - 1;
        if (depth <= maxDepth) {
            result.append(line);
            previousFlattened = false;
            continue;
        }
        const QString kept = line.left(ends.at(maxDepth - 1));
        if (previousFlattened && continued >= maxDepth) {
            // Two flattened lines would run together into one paragraph: keep them apart.
            result.append(rightTrimmed(kept));
        }
        result.append(kept + leftTrimmed(line.mid(ends.last())));
        noteLine(&out, i + 1);
        previousFlattened = true;
    }
    out.markdown = result.join(QLatin1Char('\n'));
    return out;
}

/// The fallback: every list and quote marker at the start of a line removed.
FlattenedMarkdown removeStructure(const QStringList &lines)
{
    FlattenedMarkdown out;
    QStringList result;
    result.reserve(lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        Cursor cur{&lines.at(i)};
        Container opened;
        bool any = false;
        for (cur = cur.pastBlanks(); openContainer(cur, &opened); cur = cur.pastBlanks()) {
            cur.column = 0; // any indentation: this is about markers, not columns
            any = true;
        }
        if (!any) {
            result.append(lines.at(i));
            continue;
        }
        result.append(lines.at(i).mid(cur.pos));
        noteLine(&out, i + 1);
    }
    out.markdown = result.join(QLatin1Char('\n'));
    out.structureRemoved = true;
    return out;
}

} // namespace

int markdownNestingDepth(const QString &markdown)
{
    int depth[2] = {0, 0};
    MD_PARSER parser{};
    parser.flags = MD_DIALECT_COMMONMARK;
    parser.enter_block = onEnter;
    parser.leave_block = onLeave;
    parser.enter_span = onSpan;
    parser.leave_span = onSpan;
    parser.text = onText;
    const QByteArray utf8 = markdown.toUtf8();
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, depth);
    return depth[1];
}

FlattenedMarkdown flattenDeepNesting(const QString &markdown, int maxDepth)
{
    maxDepth = qMax(1, maxDepth);
    if (markdownNestingDepth(markdown) <= maxDepth) {
        FlattenedMarkdown same;
        same.markdown = markdown;
        return same;
    }
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    FlattenedMarkdown flat = flattenLines(lines, maxDepth);
    if (markdownNestingDepth(flat.markdown) <= maxDepth) {
        return flat;
    }
    return removeStructure(lines);
}

QString flattenNote(const FlattenedMarkdown &flattened, int lineOffset)
{
    const int first = flattened.firstLine + lineOffset;
    const int last = flattened.lastLine + lineOffset;
    const QString lines = first == last ? QStringLiteral("line %1").arg(first)
                                        : QStringLiteral("lines %1-%2").arg(first).arg(last);
    if (flattened.structureRemoved) {
        return QStringLiteral("lists and quotes nested more than %1 deep: every list and quote "
                              "marker was removed (%2)")
            .arg(limits::kMaxNestingDepth)
            .arg(lines);
    }
    return QStringLiteral("lists and quotes nested more than %1 deep were flattened to %1 levels "
                          "(%2)")
        .arg(limits::kMaxNestingDepth)
        .arg(lines);
}

} // namespace fo
