#include "domain/pseudonymasterisks.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QVector>

#include <algorithm>

// The rule.
//
// Editors mark a pseudonym with an asterisk after the name (`Amina*`) and explain it in a footnote
// line that starts with one (`*Name changed to protect her identity.`). In Markdown a single
// asterisk may open or close emphasis, so such a mark could turn the text between two of them
// into italics. The importer escapes them; real emphasis stays.
//
// Only single asterisks count: a run of two or more (`**bold**`) is left alone, and so is anything
// in code (fenced or indented blocks, `code spans`) and an asterisk that is already escaped. Each
// single asterisk is judged within its paragraph (lines up to a blank line; a heading, list item
// or block quote starts a new one), with CommonMark's flanking rules (can open: not followed by a
// blank, and not followed by punctuation unless preceded by a blank or punctuation; can close:
// the mirror image).
//   - A *pseudonym mark* follows a letter (or combining mark) and is followed by a blank, the end
//     of the paragraph or punctuation: `Amina*`, `Amina*,`, `Amina*.`, `Amina*'s`.
//   - A *footnote mark* starts a line and is followed by a letter: `*Name changed …`.
// Emphasis is paired as CommonMark pairs `*`: left to right, an asterisk that can close closes the
// nearest open one, else one that can open opens; except that a pseudonym mark never closes a
// footnote mark of an earlier line (`*Name changed.` ⏎ `Amina* is 16.` is no emphasis).
// A word is a *known pseudonym* when it is written `Word\*` anywhere in the text, or when one of
// its pseudonym marks stays unpaired in that pairing. Then the pairing is done again, and this
// time a pseudonym mark after a known pseudonym never closes emphasis. Every pseudonym or footnote
// mark that is still unpaired is escaped; any other asterisk (`5 * 3`) is left as written.
//
// So: `Amina* and Joseph* met` → both escaped. `*Names changed.*` stays emphasis.
// `Amina*, 16, said *this* was hard` → `Amina\*`, and `*this*` stays emphasis.
// `*Names changed: Amina* and Joseph*.` escapes all three when Amina* or Joseph* appears unpaired
// elsewhere in the story (otherwise CommonMark's reading, emphasis up to `Amina*`, wins: the text
// alone cannot tell).

namespace fo {

namespace {

struct Mark
{
    int pos = 0;
    bool canOpen = false;
    bool canClose = false;
    bool pseudonym = false;
    bool footnote = false;
    bool paired = false;
    int lineStart = 0; // where the mark's line starts in the text
    QString word;      // the word before a pseudonym mark
};

using Paragraph = QVector<Mark>;

bool isPunctuation(QChar c)
{
    if (c.unicode() < 128) {
        return QLatin1String("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").contains(c);
    }
    return c.isPunct();
}

bool isWordChar(QChar c)
{
    return c.isLetter() || c.isMark() || c.isSurrogate();
}

int runLength(const QString &text, int i, int end, QChar c)
{
    int n = 0;
    while (i + n < end && text.at(i + n) == c) {
        ++n;
    }
    return n;
}

/// Lines inside fenced or indented code blocks.
QVector<bool> codeLines(const QStringList &lines)
{
    static const QRegularExpression fenceOpen(QStringLiteral("^ {0,3}(`{3,}|~{3,})"));
    QVector<bool> code(lines.size(), false);
    QString fence;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (!fence.isEmpty()) {
            code[i] = true;
            const QString t = line.trimmed();
            if (t.size() >= fence.size() && runLength(t, 0, t.size(), fence.at(0)) == t.size()) {
                fence.clear();
            }
            continue;
        }
        const QRegularExpressionMatch m = fenceOpen.match(line);
        if (m.hasMatch()) {
            fence = m.captured(1);
            code[i] = true;
            continue;
        }
        const bool indented =
            line.startsWith(QLatin1String("    ")) || line.startsWith(QLatin1Char('\t'));
        const bool afterBreak = i == 0 || lines.at(i - 1).trimmed().isEmpty() || code[i - 1];
        code[i] = indented && afterBreak && !line.trimmed().isEmpty();
    }
    return code;
}

Mark classify(const QString &text, int i, int start, int end)
{
    Mark m;
    m.pos = i;
    const QChar prev = i > start ? text.at(i - 1) : QLatin1Char('\n');
    const QChar next = i + 1 < end ? text.at(i + 1) : QLatin1Char('\n');
    const bool prevBlank = prev.isSpace();
    const bool nextBlank = next.isSpace();
    m.canOpen = !nextBlank && (!isPunctuation(next) || prevBlank || isPunctuation(prev));
    m.canClose = !prevBlank && (!isPunctuation(prev) || nextBlank || isPunctuation(next));
    m.pseudonym = isWordChar(prev) && (nextBlank || isPunctuation(next));
    if (m.pseudonym) {
        int w = i;
        while (w > start && isWordChar(text.at(w - 1))) {
            --w;
        }
        m.word = text.mid(w, i - w);
    }
    m.lineStart =
        i > start ? std::max(start, int(text.lastIndexOf(QLatin1Char('\n'), i - 1)) + 1) : start;
    const bool atLineStart = text.mid(m.lineStart, i - m.lineStart).trimmed().isEmpty();
    m.footnote = atLineStart && isWordChar(next);
    return m;
}

/// The single asterisks of text[start, end), outside code spans and escapes.
Paragraph collectMarks(const QString &text, int start, int end)
{
    Paragraph marks;
    int i = start;
    while (i < end) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            i += 2;
        } else if (c == QLatin1Char('`')) {
            // A code span ends at the next backtick run of the same length; without one the
            // backticks are text.
            const int run = runLength(text, i, end, c);
            int j = i + run;
            int close = -1;
            while (j < end) {
                const int r = text.at(j) == c ? runLength(text, j, end, c) : 0;
                if (r == run) {
                    close = j;
                    break;
                }
                j += std::max(r, 1);
            }
            i = close < 0 ? i + run : close + run;
        } else if (c == QLatin1Char('*')) {
            const int run = runLength(text, i, end, c);
            if (run == 1) {
                marks.append(classify(text, i, start, end));
            }
            i += run;
        } else {
            ++i;
        }
    }
    return marks;
}

/// Paragraphs as [start, end) ranges of the text, code left out.
QVector<QPair<int, int>> paragraphs(const QStringList &lines)
{
    static const QRegularExpression blockStart(QStringLiteral(
        "^ {0,3}(?:#{1,6}(?:[ \\t]|$)|[-+*](?:[ \\t]|$)|[0-9]{1,9}[.)](?:[ \\t]|$)|>)"));
    static const QRegularExpression heading(QStringLiteral("^ {0,3}#{1,6}(?:[ \\t]|$)"));
    static const QRegularExpression quote(QStringLiteral("^ {0,3}>"));
    const QVector<bool> code = codeLines(lines);
    QVector<QPair<int, int>> ranges;
    int start = -1;
    int end = -1;
    bool lastHeading = false;
    bool lastQuote = false;
    const auto close = [&] {
        if (start >= 0) {
            ranges.append({start, end});
        }
        start = -1;
    };
    int offset = 0;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int lineStart = offset;
        offset += line.size() + 1;
        if (code.at(i) || line.trimmed().isEmpty()) {
            close();
            continue;
        }
        const bool isQuote = quote.match(line).hasMatch();
        if (lastHeading || (blockStart.match(line).hasMatch() && !(isQuote && lastQuote))) {
            close();
        }
        if (start < 0) {
            start = lineStart;
        }
        end = lineStart + line.size();
        lastHeading = heading.match(line).hasMatch();
        lastQuote = isQuote;
    }
    close();
    return ranges;
}

void pairEmphasis(Paragraph &marks, const QSet<QString> &knownPseudonyms)
{
    QVector<int> open;
    for (int k = 0; k < marks.size(); ++k) {
        Mark &m = marks[k];
        m.paired = false;
        bool closes =
            m.canClose && !open.isEmpty() && !(m.pseudonym && knownPseudonyms.contains(m.word));
        if (closes && m.pseudonym) {
            const Mark &opener = marks.at(open.last());
            closes = !(opener.footnote && opener.lineStart != m.lineStart);
        }
        if (closes) {
            marks[open.takeLast()].paired = true;
            m.paired = true;
        } else if (m.canOpen) {
            open.append(k);
        }
    }
}

} // namespace

QString escapePseudonymAsterisks(const QString &markdown)
{
    if (!markdown.contains(QLatin1Char('*'))) {
        return markdown;
    }
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QVector<Paragraph> paras;
    for (const auto &range : paragraphs(lines)) {
        paras.append(collectMarks(markdown, range.first, range.second));
    }

    QSet<QString> escaped;
    static const QRegularExpression escapedMark(QStringLiteral("([\\p{L}\\p{M}]+)\\\\\\*"));
    for (auto it = escapedMark.globalMatch(markdown); it.hasNext();) {
        escaped.insert(it.next().captured(1));
    }
    QSet<QString> known = escaped;
    for (Paragraph &p : paras) {
        pairEmphasis(p, escaped); // every paragraph with the same set: the order does not matter
        for (const Mark &m : std::as_const(p)) {
            if (m.pseudonym && !m.paired) {
                known.insert(m.word);
            }
        }
    }
    QVector<int> positions;
    for (Paragraph &p : paras) {
        pairEmphasis(p, known);
        for (const Mark &m : std::as_const(p)) {
            if (!m.paired && (m.pseudonym || m.footnote)) {
                positions.append(m.pos);
            }
        }
    }
    std::sort(positions.begin(), positions.end(), std::greater<int>());
    QString out = markdown;
    for (const int pos : std::as_const(positions)) {
        out.insert(pos, QLatin1Char('\\'));
    }
    return out;
}

} // namespace fo
