#pragma once

#include <QJsonObject>
#include <QTextStream>

namespace fo::cli {

/// Writes a JSON array an element at a time, byte for byte as
/// QJsonDocument(array).toJson(QJsonDocument::Indented) writes the whole array: a list of
/// 100,000 stories starts printing at once and never holds more than one row.
class JsonArrayStream
{
public:
    explicit JsonArrayStream(QTextStream &out) : mOut(out) {}
    void append(const QJsonObject &element);
    /// Closes the array ("[\n]\n" when nothing was appended).
    void finish();

private:
    QTextStream &mOut;
    bool mOpen = false;
    bool mEmpty = true;
};

} // namespace fo::cli
