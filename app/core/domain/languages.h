#pragma once

#include <QString>
#include <QVector>

namespace fo {

/// A language the organisation's offices write stories in.
struct Language
{
    QString code;        // BCP 47, as stories store it: "bn"
    QString englishName; // "Bengali"
    QString nativeName;  // "বাংলা"
};

/// The languages offered for a story, in the order they are offered. A story may hold any
/// other code (an import, another program); the form then offers that code too.
const QVector<Language> &storyLanguages();

/// How a language is named where one is picked: its own name, and, when that is not in the
/// Latin script, the English name after it ("বাংলা — Bengali", "Kiswahili").
QString languageName(const Language &language);

} // namespace fo
