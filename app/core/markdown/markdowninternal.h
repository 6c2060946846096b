#pragma once

// Private to the Markdown conversion (markdown*.cpp): what its parts share. Not a public API;
// see markdowndocument.h.

#include "markdown/markdowndocument.h"

#include <QChar>
#include <QString>
#include <QStringList>
#include <QTextCharFormat>
#include <QVector>

class QTextBlock;
class QTextDocument;

namespace fo::markdown_detail {

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

// md4c parse of markdown, recorded (markdownreader.cpp).
Events parseMarkdown(const QString &markdown);
// The event ranges of the top-level blocks (markdownreader.cpp).
QVector<Range> topLevelBlocks(const Events &events);

// What events render as, comparable: equal signatures render the same (markdownunits.cpp).
QString signature(const Events &events, int from, int to);
QString renderSignature(const QString &markdown);

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

// Inline model (markdowninline.cpp).
bool isBlank(QChar c);
bool isBreak(QChar c);
QTextCharFormat makeCharFormat(const RunFormat &f, int heading);
RunFormat runFormatOf(const QTextCharFormat &cf);
// Brings inline content to what Markdown can express.
void normalize(InlineText &t, bool heading);
// Inline content of a document block.
InlineText extractBlock(const QTextBlock &block);
// Inline content of a single parsed paragraph (heading == 0) or heading; false if it is not that.
bool eventsToInline(const Events &events, int heading, InlineText *out);

// Writer output, cut at top-level blank lines so that a unit's source can stand in for the
// segments its blocks produced.

struct Segment
{
    int firstBlock = 0;
    int lastBlock = 0;
    QString text;
};

// Writer (markdownwriter.cpp).
bool isOrderedStyle(int style);
// The canonical Markdown of blocks first..last, cut into segments.
QVector<Segment> writeSegments(const QTextDocument *doc, int first, int last);
QString joinSegments(const QVector<Segment> &segments);
QString canonicalOf(const QTextDocument *doc, int first, int last);

// A unit: top-level blocks of the source that parse on their own as in the whole text.

struct Unit
{
    int begin = 0; // source range, whole lines, without the final newline
    int end = 0;
    int firstTop = 0;
    int topCount = 0;
    bool definitions = false; // holds link reference definitions that canonical writing would drop
};

// Units (markdownunits.cpp).
// The units of text, or one unit for the whole body when it cannot be split.
QVector<Unit> matchUnits(const QString &text, const Events &events, const QVector<Range> &tops);
// Joins a list unit with a following unit that depends on it.
QVector<Unit> mergeDependentUnits(const QVector<Unit> &units, const QString &text,
                                  const Events &events, const QVector<Range> &tops);
// Marks blocks first..end of doc as unit id, remembering its source.
void markUnit(QTextDocument *doc, int first, int id, const QString &source,
              const QString &canonical, const QString &separator);

} // namespace fo::markdown_detail
