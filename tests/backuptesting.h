#pragma once

// Shared by the backup tests: a library with stories in it, made through the core.

#include "library/database.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QString>
#include <QtTest>

#include <memory>

namespace backuptesting {

inline std::unique_ptr<fo::Database> openLibrary(const QString &path)
{
    QString error;
    auto db = fo::testing::openLibrary(path, fo::Database::OpenMode::CreateIfMissing, &error);
    if (!db) {
        qWarning("cannot open library: %s", qPrintable(error));
    }
    return db;
}

/// Adds `count` stories of about `bodyBytes` each; returns false when one fails.
inline bool addStories(fo::Database &db, int count, const QString &prefix, int bodyBytes = 200)
{
    QString paragraph;
    while (paragraph.size() < bodyBytes) {
        paragraph += QStringLiteral("Volunteers sorted decades of paper records in %1 weeks. ")
                         .arg(paragraph.size());
    }
    for (int i = 0; i < count; ++i) {
        fo::Story story;
        story.headline = QStringLiteral("%1 %2").arg(prefix).arg(i);
        story.officeName = QStringLiteral("Gulu");
        story.datelineCity = QStringLiteral("GULU");
        story.datelineCountry = QStringLiteral("UGANDA");
        story.body = paragraph + QLatin1Char('\n');
        QString error;
        if (!fo::testing::said(fo::StoryWriter(db).create(story), &error)) {
            qWarning("cannot create story: %s", qPrintable(error));
            return false;
        }
    }
    return true;
}

/// Makes a library at `path` with `count` stories and closes it.
inline bool makeLibrary(const QString &path, int count, int bodyBytes = 200)
{
    auto db = openLibrary(path);
    return db && addStories(*db, count, QStringLiteral("Story"), bodyBytes);
}

inline int storyCount(const QString &path)
{
    QString error;
    auto db = fo::testing::openLibrary(path, fo::Database::OpenMode::MustExist, &error);
    return db ? fo::StoryRepository(*db).count({}).value_or(-1) : -1;
}

/// Every name in `folder`, hidden ones included.
inline QStringList allFiles(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

/// Overwrites the root page of table or index `name` of the closed library at `path` with junk,
/// as a failing disk would.
inline bool damagePage(const QString &path, const QString &name)
{
    int page = 0;
    {
        auto db = openLibrary(path);
        QSqlQuery q(db->connection());
        if (!q.exec(
                QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = '%1'").arg(name)) ||
            !q.next()) {
            return false;
        }
        page = q.value(0).toInt();
    }
    QFile f(path);
    if (page < 2 || !f.open(QIODevice::ReadWrite) || !f.seek(qint64(page - 1) * 4096)) {
        return false;
    }
    return f.write(QByteArray(4096, '\x5a')) == 4096;
}

} // namespace backuptesting
