#include "domain/languages.h"

namespace fo {

const QVector<Language> &storyLanguages()
{
    static const QVector<Language> languages = [] {
        const struct
        {
            const char *code;
            const char *english;
            const char *native;
        } table[] = {
            {"en", "English", "English"},    {"bn", "Bengali", "বাংলা"},
            {"ta", "Tamil", "தமிழ்"},         {"hi", "Hindi", "हिन्दी"},
            {"fil", "Filipino", "Filipino"}, {"tl", "Tagalog", "Tagalog"},
            {"ceb", "Cebuano", "Cebuano"},   {"lg", "Ganda", "Luganda"},
            {"sw", "Swahili", "Kiswahili"},
        };
        QVector<Language> out;
        for (const auto &row : table) {
            out.append({QString::fromLatin1(row.code), QString::fromUtf8(row.english),
                        QString::fromUtf8(row.native)});
        }
        return out;
    }();
    return languages;
}

QString languageName(const Language &language)
{
    const QString &native = language.nativeName;
    const bool latin = !native.isEmpty() && native.at(0).script() == QChar::Script_Latin;
    if (latin || native == language.englishName) {
        return native;
    }
    return native + QStringLiteral(" — ") + language.englishName;
}

} // namespace fo
