// Typed refusals: every kind core can return has words, and real failures come back as the
// kind they are, in the same English the command line and the window showed before.

#include "base/refusal.h"
#include "demo/demolibrary.h"
#include "export/htmlexporter.h"
#include "export/packetbuilder.h"
#include "history/revisionrepository.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "messages/refusaltext.h"
#include "people/personrepository.h"
#include "refusaltesting.h"
#include "stories/storywriter.h"
#include "workflow/workflow.h"

#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace fo;

class TestRefusals : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void everyKindHasWords();
    void missingLibrary();
    void busyLibraryRefusesASave();
    void exportIntoAMissingFolder();
    void exportOntoAFolder();
    void unknownStoryInAPacket();
    void storyPastALimit();
    void missingRevision();
    void takenPersonName();
    void unapprovedStoryNamesItsHeadline();

private:
    std::unique_ptr<Database> openNew(const QString &name);

    std::unique_ptr<QTemporaryDir> mDir;
};

void TestRefusals::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

std::unique_ptr<Database> TestRefusals::openNew(const QString &name)
{
    auto opened = Database::open(mDir->filePath(name), Database::OpenMode::CreateIfMissing);
    if (!opened) {
        qWarning("%s", qPrintable(refusalText(opened.refusal())));
        return nullptr;
    }
    return std::move(*opened);
}

void TestRefusals::everyKindHasWords()
{
    // Count_ stays last in RefusalKind: a kind added without words fails here.
    for (int k = 0; k < int(RefusalKind::Count_); ++k) {
        // No `detail`: a kind whose words are only the system's text would be empty.
        Refusal r(RefusalKind(k), QStringLiteral("/x/lib.fieldoffice"));
        r.object = QStringLiteral("/x");
        const QString words = refusalText(r);
        // Kinds whose words are someone else's text, carried in `detail`.
        const bool onlySystemWords =
            r.kind == RefusalKind::StorageFailed || r.kind == RefusalKind::QueryFailed ||
            r.kind == RefusalKind::WorkflowRefused || r.kind == RefusalKind::FingerprintFailed ||
            r.kind == RefusalKind::DemoStoryUnreadable;
        QVERIFY2(onlySystemWords || !words.trimmed().isEmpty(),
                 qPrintable(QStringLiteral("kind %1 has no words").arg(k)));
        r.detail = QStringLiteral("disk I/O error");
        QVERIFY2(!refusalText(r).trimmed().isEmpty(),
                 qPrintable(QStringLiteral("kind %1 has no words").arg(k)));
        QVERIFY2(!refusalText(r).contains(QLatin1Char('\n')), "one line");
    }
}

void TestRefusals::missingLibrary()
{
    const QString path = mDir->filePath(QStringLiteral("absent.fieldoffice"));
    const auto opened = Database::open(path, Database::OpenMode::MustExist);
    QVERIFY(!opened);
    QCOMPARE(opened.refusal().kind, RefusalKind::NoLibrary);
    QCOMPARE(refusalText(opened.refusal()),
             QStringLiteral("no library at %1").arg(QDir::toNativeSeparators(path)));
}

void TestRefusals::busyLibraryRefusesASave()
{
    auto db = openNew(QStringLiteral("busy.fieldoffice"));
    QVERIFY(db);
    // Another program holds the write lock; this one does not wait for it.
    auto other = Database::open(db->path(), Database::OpenMode::MustExist);
    QVERIFY(other);
    QSqlQuery lock((*other)->connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    QVERIFY(db->setBusyTimeout(0));
    OrganisationInfo info;
    info.name = QStringLiteral("Justice Mission");
    const Status saved = OrganisationSettings(*db).save(info);
    QVERIFY(!saved);
    QCOMPARE(saved.refusal().kind, RefusalKind::LibraryBusy);
    QCOMPARE(refusalText(saved.refusal()),
             QStringLiteral("cannot save: the library is busy: another program is writing to it"));
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(OrganisationSettings(*db).save(info));
    QCOMPARE(OrganisationSettings(*db).load().name, info.name);
}

void TestRefusals::exportIntoAMissingFolder()
{
    const QString folder = mDir->filePath(QStringLiteral("no-such-folder"));
    const QString file = folder + QStringLiteral("/story.html");
    Story story;
    story.headline = QStringLiteral("Headline");
    const Status written = writeStoryHtml(story, file, HtmlOptions());
    QVERIFY(!written);
    QCOMPARE(written.refusal().kind, RefusalKind::FileFolderMissing);
    QCOMPARE(refusalText(written.refusal()),
             QStringLiteral("cannot write %1: the folder %2 does not exist")
                 .arg(QDir::toNativeSeparators(file), QDir::toNativeSeparators(folder)));
    QVERIFY(!QFileInfo::exists(folder));
}

void TestRefusals::exportOntoAFolder()
{
    const QString folder = mDir->filePath(QStringLiteral("taken.html"));
    QVERIFY(QDir(mDir->path()).mkdir(QStringLiteral("taken.html")));
    const Status written = writeStoryHtml(Story(), folder, HtmlOptions());
    QVERIFY(!written);
    QCOMPARE(written.refusal().kind, RefusalKind::FileIsFolder);
    QCOMPARE(
        refusalText(written.refusal()),
        QStringLiteral("cannot write %1: it is a folder").arg(QDir::toNativeSeparators(folder)));
}

void TestRefusals::unknownStoryInAPacket()
{
    auto db = openNew(QStringLiteral("demo.fieldoffice"));
    QVERIFY(db);
    QString error;
    QVERIFY2(fo::testing::said(createDemoLibrary(*db), &error).value_or(-1) > 0, qPrintable(error));
    PacketRequest request;
    request.storyIds = {1, 987654};
    const Result<QVector<Story>> stories = PacketBuilder(*db).select(request);
    QVERIFY(!stories);
    QCOMPARE(stories.refusal().kind, RefusalKind::StoryNotFound);
    QCOMPARE(stories.refusal().id, 987654);
    QCOMPARE(refusalText(stories.refusal()), QStringLiteral("no story with id 987654"));
}

void TestRefusals::storyPastALimit()
{
    auto db = openNew(QStringLiteral("limits.fieldoffice"));
    QVERIFY(db);
    Story story;
    story.headline = QString(501, QLatin1Char('h'));
    const Status created = StoryWriter(*db).create(story);
    QVERIFY(!created);
    QCOMPARE(created.refusal().kind, RefusalKind::StoryFieldTooLong);
    QCOMPARE(refusalText(created.refusal()),
             QStringLiteral("cannot save: the headline is 501 characters long; it may have at "
                            "most 500"));
    story.headline = QStringLiteral("Short");
    for (int i = 0; i < 101; ++i) {
        story.tags << QStringLiteral("tag-%1").arg(i);
    }
    const Status tagged = StoryWriter(*db).create(story);
    QCOMPARE(tagged.refusal().kind, RefusalKind::StoryTooManyTags);
    QCOMPARE(refusalText(tagged.refusal()),
             QStringLiteral("cannot save: the story has 101 tags; a story may have at most 100"));
}

void TestRefusals::missingRevision()
{
    auto db = openNew(QStringLiteral("revisions.fieldoffice"));
    QVERIFY(db);
    Story story;
    story.headline = QStringLiteral("Headline");
    QVERIFY(StoryWriter(*db).create(story));
    const Result<Revision> revision = RevisionRepository(*db).get(story.id, 99);
    QVERIFY(!revision);
    QCOMPARE(revision.refusal().kind, RefusalKind::RevisionNotFound);
    QCOMPARE(refusalText(revision.refusal()),
             QStringLiteral("story %1 has no revision 99").arg(story.id));
}

void TestRefusals::takenPersonName()
{
    auto db = openNew(QStringLiteral("people.fieldoffice"));
    QVERIFY(db);
    Person first;
    first.name = QStringLiteral("Rahul Sen");
    first.roles = Role::Reviewer;
    QVERIFY(PersonRepository(*db).add(first, Person()));
    Person second = first;
    second.name = QStringLiteral("rahul sen");
    const Status added = PersonRepository(*db).add(second, Person());
    QCOMPARE(added.refusal().kind, RefusalKind::PersonNameTaken);
    QCOMPARE(refusalText(added.refusal()),
             QStringLiteral("there is already a person named 'rahul sen'"));
}

void TestRefusals::unapprovedStoryNamesItsHeadline()
{
    auto db = openNew(QStringLiteral("gate.fieldoffice"));
    QVERIFY(db);
    Story story;
    story.headline = QStringLiteral("Court hears 50% of cases");
    QVERIFY(StoryWriter(*db).create(story));
    const QVector<PacketRefusal> refused = PacketBuilder(*db).gate({story});
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().why.kind, RefusalKind::StoryNotApproved);
    QCOMPARE(refusalText(refused.first().why),
             QStringLiteral("story %1 is draft, not approved").arg(story.id));
    // The export dialog's sentence: the headline after the id, built, not spliced in.
    QCOMPARE(approvalRefusalText(refused.first().why, story.headline),
             QStringLiteral("story %1 \u201cCourt hears 50% of cases\u201d is draft, not approved")
                 .arg(story.id));
    // Released without an approval: the same reason in the release's words.
    QVERIFY(StoryWriter(*db).setStatus(story.id, StoryStatus::Approved));
    Person reviewer;
    reviewer.name = QStringLiteral("Rahul Sen");
    reviewer.roles = Role::Reviewer;
    QVERIFY(PersonRepository(*db).add(reviewer, Person()));
    const Result<WorkflowResult> released =
        StoryWriter(*db).perform(story.id, WorkflowAction::Release, reviewer, QString());
    QVERIFY(!released);
    QCOMPARE(released.refusal().kind, RefusalKind::ReleaseApprovalMissing);
    QCOMPARE(refusalText(released.refusal()),
             QStringLiteral("cannot release: story %1 is marked Approved but has no approval on "
                            "record")
                 .arg(story.id));
}

QTEST_GUILESS_MAIN(TestRefusals)
#include "tst_refusals.moc"
