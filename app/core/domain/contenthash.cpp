#include "domain/contenthash.h"

#include "domain/story.h"

#include <QCryptographicHash>

#include <algorithm>

namespace fo {

namespace {

void appendText(QByteArray &out, const char *name, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    out += name;
    out += ':';
    out += QByteArray::number(utf8.size());
    out += ':';
    out += utf8;
    out += '\n';
}

} // namespace

QStringList canonicalTags(const QStringList &tags)
{
    QStringList out;
    for (const QString &t : tags) {
        if (!t.trimmed().isEmpty()) {
            out << TagLabel::parse(t).toString();
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

QByteArray legacySerialisation(const Story &story)
{
    QByteArray out("fieldoffice-content-v1\n");
    appendText(out, "headline", story.headline);
    appendText(out, "dateline-city", story.datelineCity);
    appendText(out, "dateline-country", story.datelineCountry);
    appendText(out, "byline", story.byline);
    appendText(out, "summary", story.summary);
    appendText(out, "body", story.body);
    appendText(out, "language", story.language);
    const QStringList tags = canonicalTags(story.tags);
    out += "tags:";
    out += QByteArray::number(tags.size());
    out += '\n';
    for (const QString &t : tags) {
        appendText(out, "tag", t);
    }
    return out;
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace

QByteArray contentSerialisation(const Story &story)
{
    QByteArray out = legacySerialisation(story);
    if (!story.officeName.isEmpty()) {
        appendText(out, "office", story.officeName);
    }
    if (story.embargoAt.isValid()) {
        appendText(out, "embargo", story.embargoAt.toUTC().toString(Qt::ISODateWithMs));
    }
    return out;
}

QByteArray contentHash(const Story &story)
{
    return sha256Hex(contentSerialisation(story));
}

QByteArray legacyContentHash(const Story &story)
{
    return sha256Hex(legacySerialisation(story));
}

} // namespace fo
