#include "storyflow.h"

#include "storydocument.h"

#include <pango/pango.h>

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

/// Walks the block tree, keeping indent, quote bars and a pending list marker.
class FlowBuilder
{
public:
    FlowBuilder(const PangoText &text, double width, const QString &language)
        : mText(text), mWidth(width), mLanguage(language)
    {
    }

    QVector<FlowBlock> out;

    void addBlocks(const QVector<Block> &blocks, bool tight)
    {
        for (const Block &b : blocks) {
            addBlock(b, tight);
        }
    }

private:
    void addText(const Inlines &runs, TextStyle style, double before, double after, bool keep)
    {
        FlowBlock f;
        f.layout = mText.layout(runs, style, mWidth - mIndent, mLanguage, &f.links);
        f.indent = mIndent;
        f.spaceBefore = before;
        f.spaceAfter = after;
        f.keepWithNext = keep;
        f.bars = mBars;
        if (mMarker) {
            f.marker = mMarker;
            mMarker.reset();
        }
        out.append(f);
    }

    void addList(const Block &list)
    {
        const int depth = mListDepth++;
        int number = list.start;
        for (const Block &item : list.children) {
            const QString mark = list.kind == Block::Kind::OrderedList
                                     ? QStringLiteral("%1.").arg(number++)
                                     : QString(depth % 2 ? QChar(0x2013) : QChar(0x2022));
            mMarker = mText.layout(mark, house::body(), 0, mLanguage);
            mIndent += kListIndent;
            addBlocks(item.children, list.tight);
            mIndent -= kListIndent;
            mMarker.reset();
        }
        // Items sit close together; the list as a whole is spaced like a paragraph.
        if (--mListDepth == 0 && !out.isEmpty()) {
            out.last().spaceAfter = qMax(out.constLast().spaceAfter, kParagraphGap);
        }
    }

    void addQuote(const Block &quote)
    {
        const int first = out.size();
        mBars.append(mIndent);
        mIndent += kQuoteIndent;
        addBlocks(quote.children, false);
        mIndent -= kQuoteIndent;
        if (first < out.size()) {
            out[first].spaceBefore = qMax(out.at(first).spaceBefore, 3.0);
        }
        mBars.removeLast();
        int lines = 0;
        for (int i = first; i < out.size(); ++i) {
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
            addList(b);
            break;
        case Block::Kind::ListItem:
            addBlocks(b.children, tight);
            break;
        case Block::Kind::Quote:
            addQuote(b);
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
    int mListDepth = 0;
    QVector<double> mBars;
    LayoutPtr mMarker;
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
    builder.addBlocks(doc.blocks, false);
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
