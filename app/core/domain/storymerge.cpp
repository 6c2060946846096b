#include "domain/storymerge.h"

#include "domain/contenthash.h"

#include <QSet>

#include <algorithm>

namespace fo {

namespace {

/// The plain text fields, merged as whole values.
constexpr StoryField kTextFields[] = {
    StoryField::Headline, StoryField::DatelineCity, StoryField::DatelineCountry, StoryField::Office,
    StoryField::Byline,   StoryField::Summary,      StoryField::Language,
};

QString *textField(Story &story, StoryField field)
{
    switch (field) {
    case StoryField::Headline:
        return &story.headline;
    case StoryField::DatelineCity:
        return &story.datelineCity;
    case StoryField::DatelineCountry:
        return &story.datelineCountry;
    case StoryField::Office:
        return &story.officeName;
    case StoryField::Byline:
        return &story.byline;
    case StoryField::Summary:
        return &story.summary;
    case StoryField::Language:
        return &story.language;
    case StoryField::Body:
        return &story.body;
    case StoryField::Embargo:
    case StoryField::Tags:
        break;
    }
    return nullptr;
}

QString textValue(const Story &story, StoryField field)
{
    return *textField(const_cast<Story &>(story), field);
}

bool sameText(StoryField field, const QString &a, const QString &b)
{
    // The library finds an office by name whatever its case ("gulu" is Gulu).
    return field == StoryField::Office ? a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0
                                       : a == b;
}

/// Blocks of non-blank lines, without the blank lines between them.
QStringList paragraphs(const QString &text)
{
    QStringList blocks;
    QStringList current;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty()) {
            if (!current.isEmpty()) {
                blocks << current.join(QLatin1Char('\n'));
                current.clear();
            }
        } else {
            current << line;
        }
    }
    if (!current.isEmpty()) {
        blocks << current.join(QLatin1Char('\n'));
    }
    return blocks;
}

/// For each paragraph of `o`, the index of the paragraph of `a` it is matched with in a longest
/// common subsequence, or -1. Common ends are matched first, so that the usual edit (a few
/// paragraphs in a long text) leaves a small table. Nullopt when the table would be too big.
std::optional<QVector<int>> matchParagraphs(const QStringList &o, const QStringList &a)
{
    QVector<int> match(o.size(), -1);
    int head = 0;
    while (head < o.size() && head < a.size() && o.at(head) == a.at(head)) {
        match[head] = head;
        ++head;
    }
    int tail = 0;
    while (tail < o.size() - head && tail < a.size() - head &&
           o.at(o.size() - 1 - tail) == a.at(a.size() - 1 - tail)) {
        match[o.size() - 1 - tail] = a.size() - 1 - tail;
        ++tail;
    }
    const int n = o.size() - head - tail;
    const int m = a.size() - head - tail;
    if (qint64(n + 1) * (m + 1) > 4'000'000) {
        return std::nullopt;
    }
    // lcs[i][j]: the longest common subsequence of o[head+i..] and a[head+j..].
    QVector<int> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](int i, int j) { return i * (m + 1) + j; };
    for (int i = n - 1; i >= 0; --i) {
        for (int j = m - 1; j >= 0; --j) {
            lcs[at(i, j)] = o.at(head + i) == a.at(head + j)
                                ? lcs[at(i + 1, j + 1)] + 1
                                : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        }
    }
    for (int i = 0, j = 0; i < n && j < m;) {
        if (o.at(head + i) == a.at(head + j)) {
            match[head + i] = head + j;
            ++i;
            ++j;
        } else if (lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            ++i;
        } else {
            ++j;
        }
    }
    return match;
}

void mergeTags(const Story &base, const Story &mine, const Story &theirs, StoryMerge &result)
{
    const QStringList baseTags = canonicalTags(base.tags);
    const QStringList mineTags = canonicalTags(mine.tags);
    const QStringList theirTags = canonicalTags(theirs.tags);
    if (mineTags != baseTags) {
        result.mineChanged << StoryField::Tags;
    }
    if (theirTags != baseTags) {
        result.theirsChanged << StoryField::Tags;
    }
    const QSet<QString> baseSet(baseTags.cbegin(), baseTags.cend());
    const QSet<QString> mineSet(mineTags.cbegin(), mineTags.cend());
    QSet<QString> merged(theirTags.cbegin(), theirTags.cend());
    merged.unite(QSet<QString>(mineSet).subtract(baseSet));    // added by mine
    merged.subtract(QSet<QString>(baseSet).subtract(mineSet)); // removed by mine
    QStringList tags(merged.cbegin(), merged.cend());
    tags.sort();
    result.merged.tags = tags;
}

void mergeBody(const Story &base, const Story &mine, const Story &theirs, StoryMerge &result)
{
    const bool mineChanged = mine.body != base.body;
    const bool theirsChanged = theirs.body != base.body;
    if (mineChanged) {
        result.mineChanged << StoryField::Body;
    }
    if (theirsChanged) {
        result.theirsChanged << StoryField::Body;
    }
    if (!mineChanged || mine.body == theirs.body) {
        return; // theirs is in `merged` already
    }
    if (!theirsChanged) {
        result.merged.body = mine.body;
        return;
    }
    const TextMerge text = mergeParagraphs(base.body, mine.body, theirs.body);
    result.merged.body = text.text;
    if (text.conflict) {
        result.conflicts << FieldConflict{StoryField::Body, text.text, theirs.body};
    }
}

} // namespace

QString storyFieldName(StoryField field)
{
    switch (field) {
    case StoryField::Headline:
        return QStringLiteral("headline");
    case StoryField::DatelineCity:
        return QStringLiteral("dateline city");
    case StoryField::DatelineCountry:
        return QStringLiteral("dateline country");
    case StoryField::Office:
        return QStringLiteral("office");
    case StoryField::Byline:
        return QStringLiteral("byline");
    case StoryField::Summary:
        return QStringLiteral("summary");
    case StoryField::Body:
        return QStringLiteral("text");
    case StoryField::Language:
        return QStringLiteral("language");
    case StoryField::Embargo:
        return QStringLiteral("embargo");
    case StoryField::Tags:
        return QStringLiteral("tags");
    }
    return QString();
}

QString storyFieldText(const Story &story, StoryField field)
{
    switch (field) {
    case StoryField::Embargo:
        return story.embargoAt.isValid() ? story.embargoAt.toUTC().toString(Qt::ISODate)
                                         : QString();
    case StoryField::Tags:
        return canonicalTags(story.tags).join(QStringLiteral(", "));
    default:
        return textValue(story, field);
    }
}

TextMerge mergeParagraphs(const QString &base, const QString &mine, const QString &theirs)
{
    const QStringList o = paragraphs(base);
    const QStringList a = paragraphs(mine);
    const QStringList b = paragraphs(theirs);
    const std::optional<QVector<int>> ma = matchParagraphs(o, a);
    const std::optional<QVector<int>> mb = matchParagraphs(o, b);
    if (!ma || !mb) {
        return {mine, true}; // too long to compare paragraph by paragraph: the text as a whole
    }
    QStringList out;
    bool conflict = false;
    int oi = 0;
    int ai = 0;
    int bi = 0;
    for (;;) {
        // The next paragraph of the base that both sides kept marks the end of a changed stretch.
        int next = oi;
        while (next < o.size() && ((*ma)[next] < 0 || (*mb)[next] < 0)) {
            ++next;
        }
        const int aEnd = next < o.size() ? (*ma)[next] : a.size();
        const int bEnd = next < o.size() ? (*mb)[next] : b.size();
        const QStringList oc = o.mid(oi, next - oi);
        const QStringList ac = a.mid(ai, aEnd - ai);
        const QStringList bc = b.mid(bi, bEnd - bi);
        if (ac == oc) {
            out << bc;
        } else if (bc == oc || ac == bc) {
            out << ac;
        } else if (ac.size() == oc.size() && bc.size() == oc.size()) {
            // Neighbouring paragraphs edited in place, one by each side: paragraph by
            // paragraph, only one changed on both sides conflicts.
            for (int i = 0; i < oc.size(); ++i) {
                const bool mineChanged = ac.at(i) != oc.at(i);
                conflict =
                    conflict || (mineChanged && bc.at(i) != oc.at(i) && ac.at(i) != bc.at(i));
                out << (mineChanged ? ac.at(i) : bc.at(i));
            }
        } else {
            conflict = true;
            out << ac;
        }
        if (next >= o.size()) {
            break;
        }
        out << o.at(next);
        oi = next + 1;
        ai = aEnd + 1;
        bi = bEnd + 1;
    }
    QString text = out.join(QStringLiteral("\n\n"));
    if (!text.isEmpty() && mine.endsWith(QLatin1Char('\n'))) {
        text += QLatin1Char('\n');
    }
    return {text, conflict};
}

StoryMerge mergeStory(const Story &base, const Story &mine, const Story &theirs)
{
    StoryMerge result;
    result.merged = theirs;
    for (StoryField field : kTextFields) {
        const QString b = textValue(base, field);
        const QString m = textValue(mine, field);
        const QString t = textValue(theirs, field);
        const bool mineChanged = !sameText(field, m, b);
        const bool theirsChanged = !sameText(field, t, b);
        if (mineChanged) {
            result.mineChanged << field;
        }
        if (theirsChanged) {
            result.theirsChanged << field;
        }
        if (!mineChanged || sameText(field, m, t)) {
            continue;
        }
        *textField(result.merged, field) = m;
        if (theirsChanged) {
            result.conflicts << FieldConflict{field, m, t};
        }
    }
    if (mine.embargoAt != base.embargoAt) {
        result.mineChanged << StoryField::Embargo;
        result.merged.embargoAt = mine.embargoAt;
        if (theirs.embargoAt != base.embargoAt && theirs.embargoAt != mine.embargoAt) {
            result.conflicts << FieldConflict{StoryField::Embargo,
                                              storyFieldText(mine, StoryField::Embargo),
                                              storyFieldText(theirs, StoryField::Embargo)};
        }
    }
    if (theirs.embargoAt != base.embargoAt) {
        result.theirsChanged << StoryField::Embargo;
    }
    mergeTags(base, mine, theirs, result);
    mergeBody(base, mine, theirs, result);
    if (result.merged.officeName.compare(theirs.officeName, Qt::CaseInsensitive) != 0) {
        result.merged.officeId = 0; // found again by name when written
    }
    return result;
}

bool sameEditableContent(const Story &a, const Story &b)
{
    for (StoryField field : kTextFields) {
        if (!sameText(field, textValue(a, field), textValue(b, field))) {
            return false;
        }
    }
    return a.body == b.body && a.embargoAt == b.embargoAt &&
           canonicalTags(a.tags) == canonicalTags(b.tags);
}

} // namespace fo
