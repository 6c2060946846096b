#include "jsonstream.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fo::cli {

namespace {

// Qt writes an indented array as "[\n", the elements indented one level and separated by
// ",\n", then "\n]\n"; an empty one as "[\n]\n".
const QByteArray kOpen = QByteArrayLiteral("[\n");
const QByteArray kClose = QByteArrayLiteral("\n]\n");

} // namespace

void JsonArrayStream::append(const QJsonObject &element)
{
    // The element as Qt indents it inside an array: a one-element array, without its brackets.
    const QByteArray one = QJsonDocument(QJsonArray{element}).toJson(QJsonDocument::Indented);
    const QByteArray inner = one.mid(kOpen.size(), one.size() - kOpen.size() - kClose.size());
    if (!mOpen) {
        mOut << QString::fromLatin1(kOpen);
        mOpen = true;
    }
    if (!mEmpty) {
        mOut << QStringLiteral(",\n");
    }
    mOut << QString::fromUtf8(inner);
    mEmpty = false;
}

void JsonArrayStream::finish()
{
    if (!mOpen) {
        mOut << QString::fromLatin1(kOpen);
        mOpen = true;
    }
    mOut << (mEmpty ? QStringLiteral("]\n") : QString::fromLatin1(kClose));
}

} // namespace fo::cli
