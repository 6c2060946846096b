#pragma once

// What a library must hold during tst_torture, given which commands were acknowledged (exit 0)
// and which were killed, and the check of it after every run.

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVector>

namespace torture {

/// One edit's text: the headline and the body carry the same story and edit number, so a story
/// whose headline and body come from different edits is seen at once.
inline QString editHeadline(int story, int n)
{
    return QStringLiteral("Torture edit %1 n%2").arg(story).arg(n);
}
inline QString editBodyMark(int story, int n)
{
    return QStringLiteral("Torture body %1 n%2 ").arg(story).arg(n);
}

/// Imports read a folder holding a.md (story "Torture import A") and b.txt (stories "Torture
/// import B one" and "B two"); each file is imported whole or not at all, a.md first.
class LibraryExpectations
{
public:
    QVector<int> editStories;
    QVector<int> reviewStories;

    /// Edit `n` of `story` ran: acknowledged, or killed (then it may or may not have happened).
    void editRan(int story, int n, bool acked)
    {
        if (acked) {
            mAckedEdit[story] = n;
            mUnsureEdits[story].clear();
        } else {
            mUnsureEdits[story].insert(n);
        }
    }
    bool hasAckedEdit(int story) const { return mAckedEdit.contains(story); }
    void importRan(bool acked)
    {
        ++mImportsTried;
        mImportsAcked += acked ? 1 : 0;
    }
    /// A review step meant to leave `story` in `status`; a killed one leaves it unknown.
    void reviewRan(int story, const QString &status, bool acked)
    {
        mAckedStatus[story] = acked ? status : QString();
    }
    /// The status the library held at the last check.
    QString status(int story) const { return mStatus.value(story); }

    /// integrity_check, the edited stories, the review states and the imports, on a connection
    /// of the test's own, closed again before the next command. Returns the first problem.
    QString check(const QString &library)
    {
        const QString name = QStringLiteral("torture-check");
        QString problem;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(library);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                problem = check(db);
                db.close();
            } else {
                problem = QStringLiteral("cannot open the library: ") + db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return problem;
    }

private:
    QString check(const QSqlDatabase &db)
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next() ||
            q.value(0).toString() != QLatin1String("ok")) {
            return QStringLiteral("integrity_check: ") + q.value(0).toString() +
                   q.lastError().text();
        }
        q.exec(QStringLiteral("SELECT id, headline, body, status FROM stories"));
        while (q.next()) {
            const int id = q.value(0).toInt();
            QString problem;
            if (editStories.contains(id))
                problem = checkEdited(id, q.value(1).toString(), q.value(2).toString());
            if (reviewStories.contains(id))
                problem = checkReviewed(id, q.value(3).toString());
            if (!problem.isEmpty())
                return problem;
        }
        return checkImports(db);
    }

    QString checkEdited(int story, const QString &headline, const QString &body) const
    {
        static const QRegularExpression pattern(QStringLiteral("^Torture edit (\\d+) n(\\d+)$"));
        const QRegularExpressionMatch m = pattern.match(headline);
        if (!m.hasMatch() || m.captured(1).toInt() != story)
            return QStringLiteral("story %1 has the headline \"%2\"").arg(story).arg(headline);
        const int n = m.captured(2).toInt();
        if (n != mAckedEdit.value(story) && !mUnsureEdits.value(story).contains(n)) {
            return QStringLiteral("story %1 shows edit n%2, but edit n%3 was acknowledged last")
                .arg(story)
                .arg(n)
                .arg(mAckedEdit.value(story));
        }
        if (!body.startsWith(editBodyMark(story, n))) {
            return QStringLiteral("story %1: the headline is from edit n%2 but the body is \"%3\"")
                .arg(story)
                .arg(n)
                .arg(body.left(60));
        }
        return {};
    }

    QString checkReviewed(int story, const QString &status)
    {
        mStatus[story] = status;
        const QString acked = mAckedStatus.value(story);
        if (!acked.isEmpty() && acked != status)
            return QStringLiteral("story %1 is %2, but %3 was acknowledged")
                .arg(story)
                .arg(status, acked);
        return {};
    }

    QString checkImports(const QSqlDatabase &db) const
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT headline, count(*) FROM stories WHERE headline LIKE "
                              "'Torture import %' GROUP BY headline"));
        QHash<QString, int> imported;
        while (q.next())
            imported[q.value(0).toString()] = q.value(1).toInt();
        const int a = imported.value(QStringLiteral("Torture import A"));
        const int b1 = imported.value(QStringLiteral("Torture import B one"));
        const int b2 = imported.value(QStringLiteral("Torture import B two"));
        if (b1 == b2 && a >= b1 && b1 >= mImportsAcked && a <= mImportsTried)
            return {};
        return QStringLiteral("imports: %1 acknowledged, %2 tried, but A %3, B one %4, B two %5 "
                              "stories")
            .arg(mImportsAcked)
            .arg(mImportsTried)
            .arg(a)
            .arg(b1)
            .arg(b2);
    }

    QHash<int, int> mAckedEdit;         // story → the last acknowledged edit
    QHash<int, QSet<int>> mUnsureEdits; // story → edits killed since then
    int mImportsAcked = 0;
    int mImportsTried = 0;
    QHash<int, QString> mStatus;      // as the last check read it
    QHash<int, QString> mAckedStatus; // empty when a kill made it unknown
};

} // namespace torture
