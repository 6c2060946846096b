#include "domain/storylimits.h"

#include "domain/story.h"

#include <QLocale>
#include <QSet>

namespace fo {

namespace {

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n); // "5,000", as the rest of the messages
}

/// The start of a long value, for a message that names it.
QString shortened(const QString &text)
{
    constexpr int kShown = 40;
    return text.size() <= kShown ? text : text.left(kShown) + QStringLiteral("…");
}

bool isNonCharacter(char32_t c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

} // namespace

QString formatByteSize(qint64 bytes)
{
    constexpr qint64 kKiB = 1024;
    constexpr qint64 kMiB = 1024 * 1024;
    if (bytes < kMiB) {
        return QStringLiteral("%1 KB").arg(number((bytes + kKiB - 1) / kKiB));
    }
    if (bytes % kMiB == 0) {
        return QStringLiteral("%1 MB").arg(number(bytes / kMiB));
    }
    return QStringLiteral("%1 MB").arg(double(bytes) / double(kMiB), 0, 'f', 1);
}

qsizetype utf8Size(const QString &text)
{
    qsizetype bytes = 0;
    const QChar *p = text.constData();
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (c < 0x80) {
            bytes += 1;
        } else if (c < 0x800) {
            bytes += 2;
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && p[i + 1].isLowSurrogate()) {
            bytes += 4;
            ++i;
        } else {
            bytes += 3; // a lone surrogate becomes U+FFFD, three bytes too
        }
    }
    return bytes;
}

QString checkBodySize(const QString &body)
{
    // Each UTF-16 unit is at most three bytes: most bodies need no counting at all.
    if (body.size() <= limits::kMaxBodyBytes / 3) {
        return {};
    }
    const qsizetype bytes = utf8Size(body);
    if (bytes <= limits::kMaxBodyBytes) {
        return {};
    }
    return QStringLiteral("the story is %1 of text; a story may hold at most %2 (split it into "
                          "several stories)")
        .arg(formatByteSize(bytes), formatByteSize(limits::kMaxBodyBytes));
}

QString checkTags(const QStringList &tags)
{
    if (tags.size() > limits::kMaxTagsPerStory) {
        // Counted before anything else, so that a list of thousands is refused at once.
        QSet<QString> distinct;
        distinct.reserve(int(tags.size()));
        for (const QString &tag : tags) {
            distinct.insert(tag.trimmed().toCaseFolded());
        }
        if (distinct.size() > limits::kMaxTagsPerStory) {
            return QStringLiteral("the story has %1 tags; a story may have at most %2")
                .arg(number(distinct.size()), number(limits::kMaxTagsPerStory));
        }
    }
    for (const QString &tag : tags) {
        if (tag.size() > limits::kMaxTagLength) {
            return QStringLiteral("the tag '%1' is %2 characters long; a tag may have at most %3")
                .arg(shortened(tag), number(tag.size()), number(limits::kMaxTagLength));
        }
    }
    return {};
}

int storyFieldLimit(StoryLimitField field)
{
    switch (field) {
    case StoryLimitField::Headline:
        return limits::kMaxHeadlineLength;
    case StoryLimitField::Summary:
        return limits::kMaxSummaryLength;
    default:
        return limits::kMaxShortFieldLength;
    }
}

Status withinStoryLimits(const Story &story)
{
    // The same checks, in the same order, as checkBodySize() and checkTags().
    if (story.body.size() > limits::kMaxBodyBytes / 3) {
        if (const qsizetype bytes = utf8Size(story.body); bytes > limits::kMaxBodyBytes) {
            Refusal r(RefusalKind::StoryBodyTooLarge);
            r.number = bytes;
            return r;
        }
    }
    if (story.tags.size() > limits::kMaxTagsPerStory) {
        QSet<QString> distinct;
        distinct.reserve(int(story.tags.size()));
        for (const QString &tag : story.tags) {
            distinct.insert(tag.trimmed().toCaseFolded());
        }
        if (distinct.size() > limits::kMaxTagsPerStory) {
            Refusal r(RefusalKind::StoryTooManyTags);
            r.number = distinct.size();
            return r;
        }
    }
    for (const QString &tag : story.tags) {
        if (tag.size() > limits::kMaxTagLength) {
            Refusal r(RefusalKind::StoryTagTooLong, shortened(tag));
            r.number = tag.size();
            return r;
        }
    }
    const struct
    {
        const QString &value;
        StoryLimitField field;
    } fields[] = {
        {story.headline, StoryLimitField::Headline},
        {story.summary, StoryLimitField::Summary},
        {story.byline, StoryLimitField::Byline},
        {story.officeName, StoryLimitField::OfficeName},
        {story.datelineCity, StoryLimitField::DatelineCity},
        {story.datelineCountry, StoryLimitField::DatelineCountry},
    };
    for (const auto &f : fields) {
        if (f.value.size() > storyFieldLimit(f.field)) {
            Refusal r(RefusalKind::StoryFieldTooLong);
            r.id = qint64(f.field);
            r.number = f.value.size();
            return r;
        }
    }
    return Status();
}

QString checkPasteSize(qsizetype bodyBytes, qsizetype pasteBytes)
{
    if (bodyBytes + pasteBytes <= limits::kMaxBodyBytes) {
        return {};
    }
    return QStringLiteral("Not pasted: the story would be %1 of text; a story may hold at most %2.")
        .arg(formatByteSize(bodyBytes + pasteBytes), formatByteSize(limits::kMaxBodyBytes));
}

QString checkPastedBlocks(qsizetype blocks)
{
    if (blocks <= limits::kMaxPastedBlocks) {
        return {};
    }
    return QStringLiteral("Not pasted: it holds more than %1 paragraphs; paste it in parts.")
        .arg(number(limits::kMaxPastedBlocks));
}

QString checkPastedLines(qsizetype lines)
{
    if (lines <= limits::kMaxPastedLines) {
        return {};
    }
    return QStringLiteral("Not pasted: it holds %1 lines; a paste may hold at most %2.")
        .arg(number(lines), number(limits::kMaxPastedLines));
}

QString checkPasteHtmlSize(qsizetype chars)
{
    if (chars <= limits::kMaxPasteHtmlChars) {
        return {};
    }
    return QStringLiteral("Not pasted: the clipboard holds %1 of web page; a paste may hold at "
                          "most %2.")
        .arg(formatByteSize(chars * 2), formatByteSize(limits::kMaxPasteHtmlChars * 2));
}

int replaceNonCharacters(QString *text, qsizetype *firstAt)
{
    int replaced = 0;
    const qsizetype n = text->size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text->at(i);
        qsizetype width = 1;
        char32_t code = c.unicode();
        if (c.isHighSurrogate() && i + 1 < n && text->at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(c, text->at(i + 1));
            width = 2;
        } else if (c.isSurrogate()) {
            code = 0xFFFF; // lone: as unusable as a noncharacter
        }
        if (!isNonCharacter(code)) {
            i += width - 1;
            continue;
        }
        if (replaced++ == 0 && firstAt) {
            *firstAt = i;
        }
        // Same length for a BMP character; a pair becomes U+FFFD and a placeholder removed below.
        (*text)[i] = QChar(QChar::ReplacementCharacter);
        if (width == 2) {
            (*text)[i + 1] = QChar(QChar::Null);
            ++i;
        }
    }
    if (replaced > 0) {
        text->remove(QChar(QChar::Null)); // the placeholders; NUL was never valid story text
    }
    return replaced;
}

} // namespace fo
