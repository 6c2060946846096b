// Units: cutting the source into independently parsed groups of blocks, and writing unedited
// units back as their remembered source.

#include "markdown/markdowninternal.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <md4c.h>

namespace fo::markdown_detail {

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
// Units: the body cut at blank lines into the smallest groups of top-level blocks that parse on
// their own exactly as in the whole text. md4c reports no source offsets; re-parsing candidate
// groups and comparing signatures finds the boundaries without a second Markdown parser.

namespace {

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

} // namespace

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

namespace {

int groupIdOf(const QTextBlock &block)
{
    return block.isValid() ? block.blockFormat().intProperty(Prop::GroupId) : 0;
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

} // namespace
} // namespace fo::markdown_detail

namespace fo {

using namespace markdown_detail;

QString documentToMarkdown(const QTextDocument *doc)
{
    const QVector<Segment> segments = writeSegments(doc, 0, doc->blockCount() - 1);
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

} // namespace fo
