#pragma once

#include "base/refusal.h"

#include <QLocale>
#include <QSet>
#include <QString>
#include <QStringConverter>
#include <QStringList>

#include <memory>

class Hunspell;

namespace fo {

/// The Hunspell dictionary of one story language, with the words of the library's dictionary
/// (LibraryDictionary) added. Not thread-safe: one thread uses it (the window checks on a
/// worker thread).
///
/// Dictionaries are the system's Hunspell files (`/usr/share/hunspell/*.aff` and `.dic`, or
/// the folders in DICPATH). A dictionary may be written in a legacy 8-bit encoding (its .aff
/// says `SET ISO8859-1`): words are converted to it before they are looked up and back after.
///
/// Debian's Bengali dictionary (bn_BD) lists words without affix rules and writes য়, ড়, ঢ়
/// as single letters (U+09DF, U+09DC, U+09DD), while Unicode's normal form, and so what most
/// keyboards type, is the letter and a nukta. So for Bengali a word is looked up with those
/// letters precomposed, and is also accepted as a listed word followed by a common case or
/// plural ending (শহর + ের, মানুষ + দের, বই + গুলো).
class SpellDictionary
{
public:
    /// Where dictionaries are looked for: DICPATH's folders, then the system's.
    static QStringList systemFolders();
    /// "en_GB" or "en_US": English as spoken where `locale` is (American English in the
    /// United States and the Philippines, British elsewhere).
    static QString englishVariantFor(const QLocale &locale);
    /// The file name (without .aff/.dic) of the dictionary for story language `language` found
    /// in `folders`, or empty when there is none: "en" → `englishVariant` (else the other
    /// English), "fr" → fr_FR, "bn" → bn_BD; another code → `code`.aff or the first `code_XX`.
    static QString findDictionary(const QString &language, const QString &englishVariant,
                                  const QStringList &folders);

    /// The dictionary for `language`, or NoSpellingDictionary (its `subject` the language's
    /// English name) when none is installed, or SpellingDictionaryUnreadable.
    static Result<std::unique_ptr<SpellDictionary>>
    open(const QString &language, const QString &englishVariant = QStringLiteral("en_GB"),
         const QStringList &folders = systemFolders());

    ~SpellDictionary();
    SpellDictionary(const SpellDictionary &) = delete;
    SpellDictionary &operator=(const SpellDictionary &) = delete;

    /// The story language it checks ("en") and the dictionary's file name ("en_GB").
    QString language() const { return mLanguage; }
    QString name() const { return mName; }
    /// The encoding the dictionary's files are written in ("UTF-8", "ISO8859-1").
    QString encoding() const { return mEncodingName; }

    /// True when `word` (one word, as spellWords() gives it) is spelt right.
    bool isCorrect(const QString &word) const;
    /// Up to `max` corrections for `word`, best first. Slower than isCorrect (tens of ms).
    QStringList suggestions(const QString &word, int max = 6) const;
    /// Accepts `word` from now on (a word of the library's dictionary). As Hunspell does for
    /// its own words: "cholera" also accepts "Cholera", "Sarika" does not accept "sarika".
    void addWord(const QString &word);

private:
    SpellDictionary() = default;
    QByteArray encode(const QString &word, bool *ok) const;
    /// Hunspell's verdict on `word` alone (no added words, no endings).
    bool listed(const QString &word) const;
    /// `word` written as the dictionary writes it (Bengali: precomposed nukta letters).
    QString asListed(const QString &word) const;
    /// True when `word` is a listed word with a Bengali case or plural ending.
    bool listedWithEnding(const QString &word) const;

    std::unique_ptr<Hunspell> mHunspell;
    QString mLanguage;
    QString mName;
    QString mEncodingName;
    mutable QStringEncoder mEncoder;
    mutable QStringDecoder mDecoder;
    QSet<QString> mAdded;
};

} // namespace fo
