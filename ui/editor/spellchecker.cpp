#include "editor/spellchecker.h"

#include "messages/refusaltext.h"
#include "spelling/spelldictionary.h"

#include <QLocale>

namespace fo {

SpellWorker::SpellWorker() = default;
SpellWorker::~SpellWorker() = default;

void SpellWorker::load(int generation, const QString &language, const QString &englishVariant,
                       const QStringList &libraryWords)
{
    mDictionary.reset();
    auto opened = SpellDictionary::open(language, englishVariant);
    if (!opened) {
        QString why = refusalText(opened.refusal());
        if (!why.isEmpty()) {
            why[0] = why.at(0).toUpper();
            why += u'.';
        }
        emit loaded(generation, false, why);
        return;
    }
    mDictionary = std::move(*opened);
    for (const QString &word : libraryWords) {
        mDictionary->addWord(word);
    }
    emit loaded(generation, true, QString());
}

void SpellWorker::check(int generation, const QStringList &words)
{
    QStringList misspelt;
    QStringList correct;
    for (const QString &word : words) {
        if (!mDictionary || mDictionary->isCorrect(word)) {
            correct << word;
        } else {
            misspelt << word;
        }
    }
    emit checked(generation, misspelt, correct);
}

void SpellWorker::addWord(const QString &word)
{
    if (mDictionary) {
        mDictionary->addWord(word);
    }
}

QStringList SpellWorker::suggestions(const QString &word)
{
    return mDictionary ? mDictionary->suggestions(word, 6) : QStringList();
}

SpellChecker::SpellChecker(QObject *parent)
    : QObject(parent), mEnglishVariant(SpellDictionary::englishVariantFor(QLocale::system()))
{
    mThread.setObjectName(QStringLiteral("spelling"));
    mWorker = new SpellWorker;
    mWorker->moveToThread(&mThread);
    connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
    connect(mWorker, &SpellWorker::loaded, this, &SpellChecker::onLoaded);
    connect(mWorker, &SpellWorker::checked, this, &SpellChecker::onChecked);
    mThread.start(QThread::LowPriority);
    // Words met while drawing are sent together once the event loop is free again.
    mFlush.setSingleShot(true);
    mFlush.setInterval(0);
    connect(&mFlush, &QTimer::timeout, this, &SpellChecker::flush);
}

SpellChecker::~SpellChecker()
{
    mThread.quit();
    mThread.wait();
}

void SpellChecker::setLanguage(const QString &language, const QStringList &libraryWords)
{
    if (language == mLanguage && mGeneration > 0) {
        for (const QString &word : libraryWords) {
            if (!mLibraryWords.contains(word)) {
                accept(word, true);
            }
        }
        return;
    }
    mLanguage = language;
    mLibraryWords = libraryWords;
    reload();
}

void SpellChecker::setEnglishVariant(const QString &variant)
{
    if (variant == mEnglishVariant) {
        return;
    }
    mEnglishVariant = variant;
    if (mLanguage == QLatin1String("en")) {
        reload();
    }
}

void SpellChecker::setEnabled(bool enabled)
{
    if (enabled == mEnabled) {
        return;
    }
    mEnabled = enabled;
    emit stateChanged();
}

SpellChecker::State SpellChecker::state() const
{
    if (!mEnabled) {
        return State::Off;
    }
    if (!mLoaded) {
        return State::Loading;
    }
    return mAvailable ? State::Ready : State::Unavailable;
}

void SpellChecker::reload()
{
    ++mGeneration;
    mCache.clear();
    mAsked.clear();
    mQueue.clear();
    mLoaded = false;
    mAvailable = false;
    mReason.clear();
    const int generation = mGeneration;
    const QString language = mLanguage;
    const QString variant = mEnglishVariant;
    const QStringList words = mLibraryWords;
    QMetaObject::invokeMethod(
        mWorker, [=, worker = mWorker] { worker->load(generation, language, variant, words); },
        Qt::QueuedConnection);
    emit stateChanged();
}

SpellChecker::Verdict SpellChecker::verdict(const QString &word, bool ask)
{
    const auto found = mCache.constFind(word);
    if (found != mCache.constEnd()) {
        return *found ? Verdict::Correct : Verdict::Misspelt;
    }
    if (ask && state() == State::Ready && !mAsked.contains(word)) {
        mAsked.insert(word);
        mQueue << word;
        mFlush.start();
    }
    return Verdict::Unknown;
}

void SpellChecker::flush()
{
    if (mQueue.isEmpty()) {
        return;
    }
    const QStringList words = std::exchange(mQueue, QStringList());
    const int generation = mGeneration;
    QMetaObject::invokeMethod(
        mWorker, [=, worker = mWorker] { worker->check(generation, words); }, Qt::QueuedConnection);
}

QStringList SpellChecker::suggestions(const QString &word)
{
    if (state() != State::Ready) {
        return {};
    }
    QStringList out;
    QMetaObject::invokeMethod(
        mWorker, [&out, &word, worker = mWorker] { out = worker->suggestions(word); },
        Qt::BlockingQueuedConnection);
    return out;
}

void SpellChecker::accept(const QString &word, bool addToDictionary)
{
    mCache.insert(word, true);
    if (!addToDictionary) {
        return;
    }
    mLibraryWords << word;
    QMetaObject::invokeMethod(
        mWorker, [word, worker = mWorker] { worker->addWord(word); }, Qt::QueuedConnection);
    // "Cholera" at a sentence's start is accepted with "cholera": forget what was said of it.
    QString capital = word;
    if (!capital.isEmpty() && capital.at(0).isLower()) {
        capital[0] = capital.at(0).toUpper();
        mCache.insert(capital, true);
    }
}

void SpellChecker::onLoaded(int generation, bool available, const QString &reason)
{
    if (generation != mGeneration) {
        return;
    }
    mLoaded = true;
    mAvailable = available;
    mReason = reason;
    emit stateChanged();
}

void SpellChecker::onChecked(int generation, const QStringList &misspelt,
                             const QStringList &correct)
{
    if (generation != mGeneration) {
        return;
    }
    for (const QString &word : correct) {
        mAsked.remove(word);
        mCache.insert(word, true);
    }
    for (const QString &word : misspelt) {
        mAsked.remove(word);
        mCache.insert(word, false);
    }
    if (!misspelt.isEmpty()) {
        emit wordsChecked(misspelt);
    }
}

} // namespace fo
