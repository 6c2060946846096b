#pragma once

// Whether a file that tst_torture's commands write is whole: absent counts as whole (a killed
// run may write nothing), a cut or patched-together file does not.

#include "processrun.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>

namespace torture {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString checkHtmlFile(const QString &path)
{
    if (!QFile::exists(path))
        return {};
    return readAll(path).trimmed().endsWith("</html>") ? QString()
                                                       : path + QStringLiteral(" is cut short");
}

inline QString checkJsonFile(const QString &path)
{
    if (!QFile::exists(path))
        return {};
    QJsonParseError error;
    QJsonDocument::fromJson(readAll(path), &error);
    return error.error == QJsonParseError::NoError ? QString()
                                                   : path + QStringLiteral(" is not whole JSON");
}

inline QString checkPdfFile(const QString &path)
{
    if (!QFile::exists(path))
        return {};
    // A whole PDF ends with "startxref", the offset of its cross-reference section, and %%EOF;
    // a file cut short or patched together ends otherwise or points into the void.
    const QByteArray pdf = readAll(path);
    static const QRegularExpression tail(QStringLiteral("startxref\\s+(\\d+)\\s+%%EOF\\s*$"));
    const QRegularExpressionMatch m = tail.match(QString::fromLatin1(pdf.right(64)));
    const qsizetype xref = m.hasMatch() ? m.captured(1).toLongLong() : -1;
    if (xref <= 0 || xref >= pdf.size() ||
        !(pdf.mid(xref, 4) == "xref" || QByteArray(pdf.mid(xref, 32)).contains(" obj"))) {
        return path + QStringLiteral(" does not end as a whole PDF does");
    }
    static const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
    if (qpdf.isEmpty())
        return {};
    // qpdf exits 2 on errors, 3 on warnings. Cairo's PDFs draw warnings as they are (an object
    // number in the cross-reference table that is never written), so only errors count here.
    const fo::ToolRun check = fo::runTool(qpdf, {QStringLiteral("--check"), path});
    return check.code == 0 || check.code == 3
               ? QString()
               : path + QStringLiteral(" fails qpdf --check: ") + check.err.left(300);
}

} // namespace torture
