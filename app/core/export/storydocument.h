#pragma once

#include "domain/story.h"

#include <QString>
#include <QVector>

namespace fo {

/// A run of text with one style. A line break is a run whose text is "\n" and whose flags hold
/// LineBreak, so that renderers need no special case to keep runs in order.
struct TextRun
{
    enum Flag : unsigned
    {
        Bold = 1u << 0,
        Italic = 1u << 1,
        Code = 1u << 2,
        LineBreak = 1u << 3,
        Dateline = 1u << 4, // "GULU, UGANDA –" in front of the first paragraph
    };
    QString text;
    unsigned flags = 0;
    QString href; // only http, https or mailto; empty when the run is not a link

    bool operator==(const TextRun &other) const
    {
        return text == other.text && flags == other.flags && href == other.href;
    }
};

using Inlines = QVector<TextRun>;

/// One block of a story body. Lists and quotes hold children; text blocks hold runs.
struct Block
{
    enum class Kind
    {
        Paragraph,
        Heading,
        Code,
        BulletList,
        OrderedList,
        ListItem,
        Quote,
        Rule
    };
    Kind kind = Kind::Paragraph;
    int level = 0;      // heading level, 1–6
    int start = 1;      // first number of an ordered list
    bool tight = false; // list items without paragraph spacing
    Inlines runs;
    QVector<Block> children;

    bool isText() const
    {
        return kind == Kind::Paragraph || kind == Kind::Heading || kind == Kind::Code;
    }
};

/// A story body reduced to what an export may show: a small, sanitised block model.
///
/// Why a model of our own instead of md4c's HTML renderer: every exporter (HTML, PDF, the editor's
/// preview) draws from the same few block and span kinds, and nothing hostile can reach them.
/// Raw HTML stays literal text, links keep only http, https and mailto targets, and images are
/// never fetched: an image becomes its alt text.
struct StoryDocument
{
    QVector<Block> blocks;
    /// The trailing paragraphs that start with "*" ("*Name changed to protect her identity."):
    /// the safeguarding footnotes, shown apart from the body.
    QVector<Inlines> footnotes;

    /// Parses CommonMark. Never fails: anything it does not model becomes text.
    static StoryDocument fromMarkdown(const QString &markdown);
    /// The body of the story with its dateline ("GULU, UGANDA –") in front of the first paragraph.
    /// A body that already starts with its dateline keeps it once.
    static StoryDocument fromStory(const Story &story);
};

/// The text of the runs without styles (line breaks as "\n").
QString plainText(const Inlines &runs);
/// A link target when it is safe to show as a link: http(s) with a host, or mailto with an
/// address. Returns the normalised URL, or an empty string when the target is refused.
QString safeLinkTarget(const QString &href);
/// The BCP 47 tag of a story language when it looks like one ("en", "bn", "pt-BR"), else "und".
QString languageTag(const QString &language);
/// "10 December 2026, 09:00 UTC": embargo times as they are printed.
QString formatEmbargo(const QDateTime &utc);

} // namespace fo
