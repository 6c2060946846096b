#include "storyflow.h"

#include "export/storydocument.h"

#include <pango/pango.h>

#include <vector>

namespace fo {

namespace house {

// Line heights are multiples of the font's own height (ascent plus descent), which for the Noto
// faces is about 1.36 em: 1.08 gives the body a leading of about 1.47.
TextStyle body()
{
    TextStyle s;
    s.size = 10.5;
    s.lineHeight = 1.08;
    // Ragged right: justified lines without hyphenation open wide gaps, worst in Tamil and
    // Bengali passages whose words are long.
    return s;
}

TextStyle headline()
{
    TextStyle s;
    s.face = TextStyle::Face::Sans;
    s.size = 21;
    s.bold = true;
    s.lineHeight = 0.9;
    return s;
}

TextStyle standfirst()
{
    TextStyle s;
    s.size = 12.5;
    s.italic = true;
    s.lineHeight = 0.98;
    s.rgb = 0x3a3a3a;
    return s;
}

TextStyle byline()
{
    TextStyle s;
    s.face = TextStyle::Face::Sans;
    s.size = 8.5;
    s.rgb = kMuted;
    s.letterSpacing = 0.2;
    return s;
}

TextStyle kicker()
{
    TextStyle s;
    s.face = TextStyle::Face::Sans;
    s.size = 8;
    s.bold = true;
    s.letterSpacing = 0.7;
    s.rgb = kAccent;
    return s;
}

TextStyle heading(int level)
{
    TextStyle s;
    s.face = TextStyle::Face::Sans;
    s.size = level <= 2 ? 12 : 10.5;
    s.bold = true;
    s.lineHeight = 0.95;
    return s;
}

TextStyle footnote()
{
    TextStyle s;
    s.size = 8.5;
    s.lineHeight = 0.98;
    s.rgb = kMuted;
    return s;
}

TextStyle pageFurniture()
{
    TextStyle s;
    s.face = TextStyle::Face::Sans;
    s.size = 7.5;
    s.rgb = 0x6e6e6e;
    s.letterSpacing = 0.2;
    return s;
}

} // namespace house

namespace {

constexpr double kParagraphGap = 7;
constexpr double kListIndent = 16;
constexpr double kQuoteIndent = 14;
constexpr int kShortQuoteLines = 8;
// Lists and quotes deeper than this are drawn at this depth: their text stays readable on the
// page, however deep a hostile or broken body nests them.
constexpr int kMaxIndentLevels = 10;

// Pango lays out one paragraph in more than linear time: a paragraph longer than this is laid
// out in pieces, each a block of its own that follows on without a gap. A piece ends after a
// line break, a sentence or a word, so that the only trace is one short line every few pages.
constexpr qsizetype kLongText = 8000;

/// Where to cut `text` at or before `room` characters: after a line break, else after the end of
/// a sentence, else after a space, and never before room / 2. 0 when there is no such place.
qsizetype cutBefore(const QString &text, qsizetype room)
{
    const qsizetype least = room / 2;
    for (const QLatin1String after :
         {QLatin1String("\n"), QLatin1String(". "), QLatin1String(" ")}) {
        const qsizetype at = text.lastIndexOf(after, room - after.size());
        if (at >= least) {
            return at + after.size();
        }
    }
    return 0;
}

/// The runs of a text block in pieces of at most kLongText characters (one piece, usually).
QVector<Inlines> splitLongText(const Inlines &runs)
{
    QVector<Inlines> out(1);
    qsizetype size = 0;
    for (TextRun run : runs) {
        while (size + run.text.size() > kLongText) {
            const qsizetype room = kLongText - size;
            qsizetype cut = cutBefore(run.text, room);
            if (cut == 0 && size > 0) {
                out.append(Inlines()); // try again in a piece of its own
                size = 0;
                continue;
            }
            if (cut == 0) {
                cut = room - (run.text.at(room - 1).isHighSurrogate() ? 1 : 0);
            }
            TextRun head = run;
            head.text = run.text.left(cut);
            out.last().append(head);
            run.text.remove(0, cut);
            out.append(Inlines());
            size = 0;
        }
        size += run.text.size();
        out.last().append(run);
    }
    return out;
}

/// Walks the block tree, keeping indent, quote bars and a pending list marker.
///
/// The walk keeps its own stack instead of recursing, so that a body nested 20,000 lists deep
/// costs memory in proportion, never the thread's stack.
class FlowBuilder
{
public:
    FlowBuilder(const PangoText &text, double width, const QString &language)
        : mText(text), mWidth(width), mLanguage(language)
    {
    }

    QVector<FlowBlock> out;

    void addBlocks(const QVector<Block> &blocks)
    {
        mStack.push_back(Frame{Frame::Kind::Blocks, &blocks, false});
        while (!mStack.empty()) {
            const std::size_t top = mStack.size() - 1;
            if (mStack[top].next >= mStack[top].children->size()) {
                const Frame done = mStack[top];
                mStack.pop_back();
                finish(done);
                continue;
            }
            const Block &b = mStack[top].children->at(mStack[top].next++);
            if (mStack[top].kind == Frame::Kind::List) {
                beginItem(mStack[top], b); // may grow mStack: nothing refers into it here
            } else {
                addBlock(b, mStack[top].tight);
            }
        }
    }

private:
    /// A container being walked: its children, the next one, and what to undo after it.
    struct Frame
    {
        enum class Kind
        {
            Blocks, // the body, or a list item's blocks
            List,
            Quote,
        };
        Kind kind = Kind::Blocks;
        const QVector<Block> *children = nullptr;
        bool tight = false;
        qsizetype next = 0;
        bool indented = false; // this level moved the text right (kMaxIndentLevels)
        bool item = false;     // Blocks of a list item: drop the marker afterwards
        int number = 1;        // List: the next item's number
        bool ordered = false;  // List
        int depth = 0;         // List: nesting depth, for the marker's shape
        int first = 0;         // Quote: the first block it produced
    };

    bool indent(double by)
    {
        if (mLevels >= kMaxIndentLevels) {
            return false;
        }
        ++mLevels;
        mIndent += by;
        return true;
    }

    void outdent(bool indented, double by)
    {
        if (indented) {
            --mLevels;
            mIndent -= by;
        }
    }

    void addText(const Inlines &runs, TextStyle style, double before, double after, bool keep)
    {
        const QVector<Inlines> parts = splitLongText(runs);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const bool last = i + 1 == parts.size();
            FlowBlock f;
            f.layout = mText.layout(parts.at(i), style, mWidth - mIndent, mLanguage, &f.links);
            f.indent = mIndent;
            f.spaceBefore = i == 0 ? before : 0;
            f.spaceAfter = last ? after : 0;
            f.keepWithNext = last && keep;
            f.bars = mBars;
            if (mMarker) {
                f.marker = mMarker;
                mMarker.reset();
            }
            out.append(f);
        }
    }

    void beginItem(Frame &list, const Block &item)
    {
        const QString mark = list.ordered ? QStringLiteral("%1.").arg(list.number++)
                                          : QString(list.depth % 2 ? QChar(0x2013) : QChar(0x2022));
        mMarker = mText.layout(mark, house::body(), 0, mLanguage);
        Frame f{Frame::Kind::Blocks, &item.children, list.tight};
        f.item = true;
        f.indented = indent(kListIndent);
        mStack.push_back(f);
    }

    void beginList(const Block &list)
    {
        Frame f{Frame::Kind::List, &list.children, list.tight};
        f.number = list.start;
        f.ordered = list.kind == Block::Kind::OrderedList;
        f.depth = mListDepth++;
        mStack.push_back(f);
    }

    void beginQuote(const Block &quote)
    {
        Frame f{Frame::Kind::Quote, &quote.children, false};
        f.first = out.size();
        f.indented = mLevels < kMaxIndentLevels;
        if (f.indented) {
            mBars.append(mIndent);
        }
        indent(kQuoteIndent);
        mStack.push_back(f);
    }

    void finish(const Frame &f)
    {
        switch (f.kind) {
        case Frame::Kind::Blocks:
            if (f.item) {
                outdent(f.indented, kListIndent);
                mMarker.reset();
            }
            break;
        case Frame::Kind::List:
            // Items sit close together; the list as a whole is spaced like a paragraph.
            if (--mListDepth == 0 && !out.isEmpty()) {
                out.last().spaceAfter = qMax(out.constLast().spaceAfter, kParagraphGap);
            }
            break;
        case Frame::Kind::Quote:
            outdent(f.indented, kQuoteIndent);
            if (f.indented) {
                mBars.removeLast();
            }
            finishQuote(f.first);
            break;
        }
    }

    void finishQuote(int first)
    {
        if (first < out.size()) {
            out[first].spaceBefore = qMax(out.at(first).spaceBefore, 3.0);
        }
        int lines = 0;
        for (int i = first; i < out.size() && lines <= kShortQuoteLines; ++i) {
            if (out.at(i).layout) {
                lines += pango_layout_get_line_count(out.at(i).layout.get());
            }
        }
        for (int i = first; i + 1 < out.size(); ++i) {
            out[i].barsContinue = true;
            // A short quote stays whole: its translation should not start the next page alone.
            out[i].keepWithNext = lines <= kShortQuoteLines;
        }
    }

    void addBlock(const Block &b, bool tight)
    {
        TextStyle style = house::body();
        switch (b.kind) {
        case Block::Kind::Paragraph:
            if (!b.runs.isEmpty()) {
                addText(b.runs, style, 0, tight ? 2.5 : kParagraphGap, false);
            }
            break;
        case Block::Kind::Heading:
            addText(b.runs, house::heading(b.level), 9, 4, true);
            break;
        case Block::Kind::Code: {
            style.face = TextStyle::Face::Mono;
            style.size = 9;
            Inlines runs = b.runs; // the block's face already is the code face
            for (TextRun &r : runs) {
                r.flags &= ~TextRun::Code;
            }
            addText(runs, style, 3, kParagraphGap, false);
            break;
        }
        case Block::Kind::BulletList:
        case Block::Kind::OrderedList:
            beginList(b);
            break;
        case Block::Kind::ListItem:
            mStack.push_back(Frame{Frame::Kind::Blocks, &b.children, tight});
            break;
        case Block::Kind::Quote:
            beginQuote(b);
            break;
        case Block::Kind::Rule: {
            FlowBlock f;
            f.kind = FlowBlock::Kind::Rule;
            f.ruleLength = 60;
            f.indent = (mWidth - f.ruleLength) / 2;
            f.spaceBefore = 6;
            f.spaceAfter = 12;
            out.append(f);
            break;
        }
        }
    }

    const PangoText &mText;
    double mWidth;
    QString mLanguage;
    double mIndent = 0;
    int mLevels = 0; // levels of indent applied (at most kMaxIndentLevels)
    int mListDepth = 0;
    QVector<double> mBars;
    LayoutPtr mMarker;
    std::vector<Frame> mStack;
};

FlowBlock rule(double length, double before, double after)
{
    FlowBlock f;
    f.kind = FlowBlock::Kind::Rule;
    f.ruleLength = length;
    f.spaceBefore = before;
    f.spaceAfter = after;
    return f;
}

} // namespace

QVector<FlowBlock> storyFlow(const Story &story, const PangoText &text, double width)
{
    const QString lang = languageTag(story.language);
    const StoryDocument doc = StoryDocument::fromStory(story);
    FlowBuilder builder(text, width, lang);
    QVector<FlowBlock> &out = builder.out;
    if (story.embargoAt.isValid()) {
        const QString line =
            QStringLiteral("EMBARGOED UNTIL %1").arg(formatEmbargo(story.embargoAt).toUpper());
        out.append(textBlock(text.layout(line, house::kicker(), width, lang), 7, true));
    }
    out.append(
        textBlock(text.layout(story.headline.trimmed(), house::headline(), width, lang), 9, true));
    if (!story.summary.trimmed().isEmpty()) {
        out.append(textBlock(text.layout(story.summary.trimmed(), house::standfirst(), width, lang),
                             8, true));
    }
    if (!story.byline.trimmed().isEmpty()) {
        out.append(
            textBlock(text.layout(story.byline.trimmed(), house::byline(), width, lang), 0, true));
    }
    out.append(rule(0, 10, 16));
    builder.addBlocks(doc.blocks);
    if (!doc.footnotes.isEmpty()) {
        out.append(rule(72, 12, 7));
        out.last().keepWithNext = true;
        for (const Inlines &note : doc.footnotes) {
            FlowBlock f;
            f.layout = text.layout(note, house::footnote(), width, lang, &f.links);
            f.spaceAfter = 3;
            out.append(f);
        }
    }
    return out;
}

} // namespace fo
