#pragma once

// What the workflow tests share: a fresh library per test in a QTemporaryDir, a clock that only
// moves when a test says so, an all-roles "Setup" person, and a way to take a story to any state
// through the real workflow.

#include "base/clock.h"
#include "library/auditlog.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "people/personrepository.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "workflow/workflow.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

class WorkflowLibrary
{
protected:
    void openLibrary()
    {
        using namespace fo;
        mDir = std::make_unique<QTemporaryDir>();
        QVERIFY(mDir->isValid());
        QString error;
        mDb = fo::testing::openLibrary(mDir->filePath(QStringLiteral("lib.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
        QVERIFY2(mDb, qPrintable(error));
        mNow = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        Clock::setOverride([this] { return mNow; });
        mSetup = person(QStringLiteral("Setup"),
                        Roles(Role::Editor) | Role::Reviewer | Role::Exporter | Role::Admin);
    }

    void closeLibrary()
    {
        fo::Clock::setOverride({});
        mDb.reset();
        mDir.reset();
    }

    fo::Person person(const QString &name, fo::Roles roles)
    {
        fo::Person p;
        p.name = name;
        p.roles = roles;
        QString error;
        if (!fo::testing::said(fo::PersonRepository(*mDb).add(p, fo::Person()), &error)) {
            qWarning("%s", qPrintable(error));
        }
        return p;
    }

    qint64 newStory(const QString &headline = QStringLiteral("Court Clerks Digitise Files"))
    {
        fo::Story s;
        s.headline = headline;
        s.datelineCity = QStringLiteral("GULU");
        s.datelineCountry = QStringLiteral("UGANDA");
        s.officeName = QStringLiteral("Gulu");
        s.byline = QStringLiteral("Field Office Communications");
        s.summary = QStringLiteral("Volunteers sorted decades of records.");
        s.body = QStringLiteral("GULU, UGANDA – For three weeks the yard held a tent.\n\n"
                                "Amina*, 16, told the team what changed.");
        s.tags = QStringList{QStringLiteral("topic/justice-system"), QStringLiteral("type/court")};
        QString error;
        if (!fo::testing::said(fo::StoryWriter(*mDb).create(s, mSetup), &error)) {
            qWarning("%s", qPrintable(error));
        }
        return s.id;
    }

    /// Takes a new story to `status` through the workflow, as the all-roles Setup person.
    void bringTo(qint64 id, fo::StoryStatus status)
    {
        using namespace fo;
        using A = WorkflowAction;
        QVector<QPair<A, QString>> steps;
        switch (status) {
        case StoryStatus::Draft:
            break;
        case StoryStatus::InReview:
            steps = {{A::Submit, {}}};
            break;
        case StoryStatus::ChangesRequested:
            steps = {{A::Submit, {}}, {A::RequestChanges, QStringLiteral("Check the dateline.")}};
            break;
        case StoryStatus::Approved:
            steps = {{A::Submit, {}}, {A::Approve, {}}};
            break;
        case StoryStatus::Released:
            steps = {{A::Submit, {}}, {A::Approve, {}}, {A::Release, {}}};
            break;
        case StoryStatus::Archived:
            steps = {{A::Archive, {}}};
            break;
        }
        for (const auto &step : steps) {
            QString error;
            QVERIFY2(fo::testing::said(
                         StoryWriter(*mDb).perform(id, step.first, mSetup, step.second), &error),
                     qPrintable(error));
        }
        QCOMPARE(story(id).status, status);
    }

    fo::Story story(qint64 id) { return *fo::StoryRepository(*mDb).get(id); }

    int auditCount(fo::AuditAction action, qint64 storyId = 0)
    {
        fo::AuditFilter f;
        f.actions = {action};
        f.storyId = storyId;
        return *fo::AuditLog(*mDb).count(f);
    }

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<fo::Database> mDb;
    fo::Person mSetup;
    QDateTime mNow; // what fo::Clock::now() returns
};
