#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <memory>

namespace fo {

class SpellDictionary;

/// Runs on the spelling thread: owns the Hunspell dictionary (which is not thread-safe) and
/// does all its slow work, loading and checking, away from typing.
class SpellWorker : public QObject
{
    Q_OBJECT

public:
    SpellWorker();
    ~SpellWorker() override;

    void load(int generation, const QString &language, const QString &englishVariant,
              const QStringList &libraryWords);
    void check(int generation, const QStringList &words);
    void addWord(const QString &word);
    /// Called through a blocking queued call from the GUI thread (a context menu).
    QStringList suggestions(const QString &word);

signals:
    void loaded(int generation, bool available, const QString &reason);
    void checked(int generation, const QStringList &misspelt, const QStringList &correct);

private:
    std::unique_ptr<SpellDictionary> mDictionary;
};

/// Spelling for the editor, answered from a cache so that nothing waits for Hunspell: a word
/// never seen is queued for the spelling thread and counts as correct until the answer comes
/// back (wordsChecked()). One language at a time; a change of language starts a new cache.
class SpellChecker : public QObject
{
    Q_OBJECT

public:
    enum class Verdict
    {
        Unknown, // asked for, not answered yet
        Correct,
        Misspelt
    };
    enum class State
    {
        Off,         // spelling is switched off
        Loading,     // the dictionary is being read
        Ready,       // checking
        Unavailable, // no dictionary for the language: reason() says so
    };

    explicit SpellChecker(QObject *parent = nullptr);
    ~SpellChecker() override;

    /// Checks `language` ("en", "fr", "bn", …), with the library's words for it accepted.
    /// The same language again only adds words.
    void setLanguage(const QString &language, const QStringList &libraryWords);
    QString language() const { return mLanguage; }
    /// "en_GB" or "en_US" for English stories.
    void setEnglishVariant(const QString &variant);
    void setEnabled(bool enabled);
    bool isEnabled() const { return mEnabled; }
    State state() const;
    /// Why spelling is not checked, as a sentence for the window (Unavailable).
    QString reason() const { return mReason; }

    /// True when no word waits for an answer.
    bool isIdle() const { return mAsked.isEmpty() && mQueue.isEmpty(); }
    /// What is known of `word`; Unknown queues it for checking when `ask`.
    Verdict verdict(const QString &word, bool ask = true);
    /// Up to six corrections, asked of the spelling thread (waits for it).
    QStringList suggestions(const QString &word);
    /// Accepts `word` from now on: the library's dictionary got it, or Ignore.
    void accept(const QString &word, bool addToDictionary);

signals:
    void stateChanged();
    /// Answers arrived; `misspelt` are the words found misspelt (to underline now).
    void wordsChecked(const QStringList &misspelt);

private:
    void reload();
    void flush();
    void onLoaded(int generation, bool available, const QString &reason);
    void onChecked(int generation, const QStringList &misspelt, const QStringList &correct);

    QThread mThread;
    SpellWorker *mWorker = nullptr;
    QString mLanguage;
    QString mEnglishVariant;
    QStringList mLibraryWords;
    bool mEnabled = true;
    bool mLoaded = false;
    bool mAvailable = false;
    QString mReason;
    int mGeneration = 0;
    QHash<QString, bool> mCache; // word → correct
    QSet<QString> mAsked;        // sent, not answered
    QStringList mQueue;          // to send
    QTimer mFlush;
};

} // namespace fo
