#include "spelling/spelldictionary.h"

#include "domain/languages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#include <hunspell.hxx>

namespace fo {

namespace {

bool hasDictionary(const QString &folder, const QString &name)
{
    const QDir dir(folder);
    return QFileInfo::exists(dir.filePath(name + QStringLiteral(".aff"))) &&
           QFileInfo::exists(dir.filePath(name + QStringLiteral(".dic")));
}

/// The preferred file names for a story language, best first.
QStringList candidates(const QString &language, const QString &englishVariant)
{
    if (language == QLatin1String("en")) {
        const QString other = englishVariant == QLatin1String("en_US") ? QStringLiteral("en_GB")
                                                                       : QStringLiteral("en_US");
        return {englishVariant, other};
    }
    if (language == QLatin1String("fr")) {
        return {QStringLiteral("fr_FR"), QStringLiteral("fr")};
    }
    if (language == QLatin1String("bn")) {
        return {QStringLiteral("bn_BD"), QStringLiteral("bn_IN")};
    }
    return {language};
}

QString englishName(const QString &language)
{
    for (const Language &l : storyLanguages()) {
        if (l.code == language) {
            return l.englishName;
        }
    }
    return language;
}

/// Hunspell's names for encodings ("microsoft-cp1251") as the converter knows them.
QString converterName(const QString &hunspellName)
{
    QString name = hunspellName.trimmed();
    if (name.startsWith(QLatin1String("microsoft-cp"), Qt::CaseInsensitive)) {
        name = QStringLiteral("windows-") + name.mid(12);
    }
    return name.isEmpty() ? QStringLiteral("ISO-8859-1") : name;
}

/// Bengali endings a listed word may take (case, plural, definite article), longest first so
/// that "গুলোর" is tried before "র". Written with precomposed য় as the dictionary is.
const QStringList &bengaliEndings()
{
    static const QStringList endings = [] {
        QStringList out;
        for (const char *e :
             {"গুলোর", "গুলোতে", "গুলো", "গুলি", "দের", "েরা", "য়ের", "য়ে", "ের", "টির", "টার",
              "টিকে", "টি",    "টা",  "কে",  "তে",  "রা",  "য়",   "ও",  "ই",  "র",   "ে"}) {
            out << QString::fromUtf8(e).replace(QStringLiteral("\u09AF\u09BC"),
                                                QStringLiteral("\u09DF"));
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const QString &a, const QString &b) { return a.size() > b.size(); });
        return out;
    }();
    return endings;
}

} // namespace

QStringList SpellDictionary::systemFolders()
{
    QStringList folders =
        qEnvironmentVariable("DICPATH").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    folders << QStringLiteral("/usr/share/hunspell") << QStringLiteral("/usr/share/myspell")
            << QStringLiteral("/usr/share/myspell/dicts");
    return folders;
}

QString SpellDictionary::englishVariantFor(const QLocale &locale)
{
    const QLocale::Territory t = locale.territory();
    return t == QLocale::UnitedStates || t == QLocale::Philippines ? QStringLiteral("en_US")
                                                                   : QStringLiteral("en_GB");
}

QString SpellDictionary::findDictionary(const QString &language, const QString &englishVariant,
                                        const QStringList &folders)
{
    const QString code = language.trimmed().toLower().section(QLatin1Char('-'), 0, 0);
    if (code.isEmpty()) {
        return QString();
    }
    for (const QString &name : candidates(code, englishVariant)) {
        for (const QString &folder : folders) {
            if (hasDictionary(folder, name)) {
                return QDir(folder).filePath(name);
            }
        }
    }
    // Any regional dictionary of the language: "hi" finds hi_IN.
    for (const QString &folder : folders) {
        const QStringList affs =
            QDir(folder).entryList({code + QStringLiteral("_*.aff")}, QDir::Files, QDir::Name);
        for (const QString &aff : affs) {
            const QString name = aff.chopped(4);
            if (hasDictionary(folder, name)) {
                return QDir(folder).filePath(name);
            }
        }
    }
    return QString();
}

Result<std::unique_ptr<SpellDictionary>> SpellDictionary::open(const QString &language,
                                                               const QString &englishVariant,
                                                               const QStringList &folders)
{
    const QString base = findDictionary(language, englishVariant, folders);
    if (base.isEmpty()) {
        return Refusal(RefusalKind::NoSpellingDictionary, englishName(language));
    }
    const QByteArray aff = QFile::encodeName(base + QStringLiteral(".aff"));
    const QByteArray dic = QFile::encodeName(base + QStringLiteral(".dic"));
    std::unique_ptr<SpellDictionary> d(new SpellDictionary);
    d->mHunspell = std::make_unique<Hunspell>(aff.constData(), dic.constData());
    d->mLanguage = language;
    d->mName = QFileInfo(base).fileName();
    d->mEncodingName = QString::fromStdString(d->mHunspell->get_dict_encoding());
    const QByteArray converter = converterName(d->mEncodingName).toLatin1();
    d->mEncoder = QStringEncoder(converter.constData());
    d->mDecoder = QStringDecoder(converter.constData());
    if (!d->mEncoder.isValid() || !d->mDecoder.isValid()) {
        Refusal r(RefusalKind::SpellingDictionaryUnreadable,
                  QDir::toNativeSeparators(base + QStringLiteral(".aff")));
        r.detail = QStringLiteral("unknown encoding %1").arg(d->mEncodingName);
        return r;
    }
    return d;
}

SpellDictionary::~SpellDictionary() = default;

QByteArray SpellDictionary::encode(const QString &word, bool *ok) const
{
    mEncoder.resetState();
    QByteArray bytes = mEncoder.encode(word);
    // A letter the dictionary's encoding cannot hold is in none of its words.
    *ok = !mEncoder.hasError();
    return bytes;
}

bool SpellDictionary::listed(const QString &word) const
{
    bool ok = false;
    const QByteArray bytes = encode(word, &ok);
    return ok && mHunspell->spell(bytes.toStdString());
}

QString SpellDictionary::asListed(const QString &word) const
{
    if (mLanguage != QLatin1String("bn") || !word.contains(QChar(0x09BC))) {
        return word;
    }
    QString out = word;
    out.replace(QStringLiteral("\u09AF\u09BC"), QStringLiteral("\u09DF"));
    out.replace(QStringLiteral("\u09A1\u09BC"), QStringLiteral("\u09DC"));
    out.replace(QStringLiteral("\u09A2\u09BC"), QStringLiteral("\u09DD"));
    return out;
}

bool SpellDictionary::listedWithEnding(const QString &word) const
{
    if (mLanguage != QLatin1String("bn")) {
        return false;
    }
    for (const QString &ending : bengaliEndings()) {
        // A stem of at least two letters: "ও" + "র" is no word.
        if (word.size() > ending.size() + 1 && word.endsWith(ending) &&
            listed(word.chopped(ending.size()))) {
            return true;
        }
    }
    return false;
}

bool SpellDictionary::isCorrect(const QString &word) const
{
    if (mAdded.contains(word)) {
        return true;
    }
    if (!word.isEmpty() && word.at(0).isUpper()) {
        QString lower = word;
        lower[0] = lower.at(0).toLower();
        if (mAdded.contains(lower)) {
            return true; // "Cholera" at the start of a sentence
        }
    }
    const QString form = asListed(word);
    return listed(form) || listedWithEnding(form);
}

QStringList SpellDictionary::suggestions(const QString &word, int max) const
{
    bool ok = false;
    const QByteArray bytes = encode(asListed(word), &ok);
    QStringList out;
    if (!ok) {
        return out;
    }
    const std::vector<std::string> found = mHunspell->suggest(bytes.toStdString());
    for (const std::string &s : found) {
        if (out.size() >= max) {
            break;
        }
        mDecoder.resetState();
        out << mDecoder.decode(QByteArrayView(s.data(), qsizetype(s.size())));
    }
    return out;
}

void SpellDictionary::addWord(const QString &word)
{
    mAdded.insert(word);
}

} // namespace fo
