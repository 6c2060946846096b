#include "domain/story.h"

namespace fo {

namespace {

struct StatusName
{
    StoryStatus status;
    const char *key;
    const char *label;
};

constexpr StatusName kStatusNames[] = {
    {StoryStatus::Draft, "draft", "Draft"},
    {StoryStatus::InReview, "in-review", "In review"},
    {StoryStatus::ChangesRequested, "changes-requested", "Changes requested"},
    {StoryStatus::Approved, "approved", "Approved"},
    {StoryStatus::Released, "released", "Released"},
    {StoryStatus::Archived, "archived", "Archived"},
};

QString squash(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            out += c.toLower();
        }
    }
    return out;
}

QString datelineOf(const QString &city, const QString &country)
{
    const QString c = city.trimmed().toUpper();
    const QString n = country.trimmed().toUpper();
    if (c.isEmpty()) {
        return n;
    }
    return n.isEmpty() ? c : c + QStringLiteral(", ") + n;
}

} // namespace

QString statusKey(StoryStatus status)
{
    for (const auto &n : kStatusNames) {
        if (n.status == status) {
            return QString::fromLatin1(n.key);
        }
    }
    return QStringLiteral("draft");
}

QString statusLabel(StoryStatus status)
{
    for (const auto &n : kStatusNames) {
        if (n.status == status) {
            return QString::fromLatin1(n.label);
        }
    }
    return QStringLiteral("Draft");
}

std::optional<StoryStatus> parseStatus(const QString &text)
{
    // Fast path for the stored keys: lists parse one per row.
    for (const auto &n : kStatusNames) {
        if (text == QLatin1String(n.key)) {
            return n.status;
        }
    }
    const QString wanted = squash(text);
    for (const auto &n : kStatusNames) {
        if (squash(QString::fromLatin1(n.key)) == wanted) {
            return n.status;
        }
    }
    return std::nullopt;
}

QVector<StoryStatus> allStatuses()
{
    QVector<StoryStatus> all;
    for (const auto &n : kStatusNames) {
        all.append(n.status);
    }
    return all;
}

QStringList tagCategories()
{
    return {QStringLiteral("office"), QStringLiteral("topic"), QStringLiteral("type")};
}

TagLabel TagLabel::parse(const QString &text)
{
    TagLabel label;
    const QString t = text.trimmed();
    const int slash = t.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        const QString prefix = t.left(slash).trimmed().toLower();
        if (tagCategories().contains(prefix)) {
            label.category = prefix;
            label.name = t.mid(slash + 1).trimmed();
            return label;
        }
    }
    label.name = t;
    return label;
}

QString TagLabel::toString() const
{
    return category.isEmpty() ? name : category + QLatin1Char('/') + name;
}

QString Story::dateline() const
{
    return datelineOf(datelineCity, datelineCountry);
}

QString StoryRow::dateline() const
{
    return datelineOf(datelineCity, datelineCountry);
}

} // namespace fo
