#include "spelling/librarydictionary.h"

#include "base/clock.h"
#include "library/database.h"

#include <QSqlQuery>

namespace fo {

namespace {

/// Longer than any word of any language the organisation writes in.
constexpr int kMaxWordLength = 100;

bool isOneWord(const QString &word)
{
    if (word.isEmpty() || word.size() > kMaxWordLength) {
        return false;
    }
    for (const QChar c : word) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            return false;
        }
    }
    return true;
}

} // namespace

Result<QStringList> LibraryDictionary::words(const QString &language) const
{
    QStringList out;
    if (mDb.schemaVersion() < 5) {
        return out;
    }
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT word FROM dictionary_words WHERE language = ?"));
    q.addBindValue(notNull(language));
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        out << q.value(0).toString();
    }
    return out;
}

Status LibraryDictionary::add(const QString &word, const QString &language, const QString &addedBy)
{
    const QString clean = word.trimmed();
    if (!isOneWord(clean)) {
        return Refusal(RefusalKind::NotAWord, clean);
    }
    Transaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO dictionary_words (word, language, added_by, added_at) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT (language, word) DO NOTHING"));
    q.addBindValue(clean);
    q.addBindValue(notNull(language));
    q.addBindValue(notNull(addedBy));
    q.addBindValue(Clock::now().toMSecsSinceEpoch());
    if (!q.exec()) {
        return queryRefusal(q);
    }
    return tx.finish();
}

} // namespace fo
