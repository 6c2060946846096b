// The window's backups: File ▸ Backups… lists them and restores one; a damaged library makes
// the window stop writing, say so, and offer the backups.

#include "backuptesting.h"
#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include "backup/backup.h"
#include "backup/backupstore.h"
#include "base/clock.h"
#include "library/libraryhealth.h"
#include "libraryopentesting.h"
#include "safety/backupactions.h"
#include "safety/backupscheduler.h"
#include "safety/backupsdialog.h"
#include "safety/damagebanner.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

class TestBackupWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void dialogListsTimeSizeAndStories();
    void dialogBacksUpAndRestores();
    void damagedLibraryStopsWritingAndKeepsTheText();
    void restoringADamagedLibraryResumesWriting();
    void closingBacksUpWhatChanged();

private:
    /// Saves a picture of `widget` when FO_SCREENSHOTS names a folder (for looking at it).
    static void keepPicture(QWidget &widget, const QString &name);
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestBackupWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBackupWindow::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestBackupWindow::cleanup()
{
    Clock::setOverride({});
    UiSettings().clear();
    mDir.reset();
}

void TestBackupWindow::keepPicture(QWidget &widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("FO_SCREENSHOTS");
    if (!folder.isEmpty()) {
        widget.grab().save(QDir(folder).filePath(name));
    }
}

void TestBackupWindow::dialogListsTimeSizeAndStories()
{
    const QString library = mDir->filePath(QStringLiteral("stories.fieldoffice"));
    QDateTime now(QDate(2026, 12, 3), QTime(9, 15, 0), Qt::UTC);
    Clock::setOverride([&now] { return now; });
    {
        auto db = openLibrary(*mDir);
        addStory(*db, QStringLiteral("First"), QStringLiteral("One.\n"));
        QVERIFY(BackupStore(library).backUpNow().ok);
        addStory(*db, QStringLiteral("Second"), QStringLiteral("Two.\n"));
        addStory(*db, QStringLiteral("Third"), QStringLiteral("Three.\n"));
        now = now.addDays(1);
        QVERIFY(BackupStore(library).backUpNow().ok);
    }
    BackupScheduler scheduler(library);
    BackupsDialog dialog(scheduler);
    QSignalSpy listed(&dialog, &BackupsDialog::listed);
    dialog.show();
    QVERIFY(listed.wait(10000));
    QStandardItemModel *model = dialog.model();
    QCOMPARE(model->rowCount(), 2);
    const auto cell = [model](int row, int column) {
        return model->index(row, column).data().toString();
    };
    // Newest first, in local time, with its size and stories.
    QCOMPARE(cell(0, BackupsDialog::TimeColumn),
             QLocale().toString(now.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(cell(0, BackupsDialog::StoriesColumn), QStringLiteral("3"));
    QCOMPARE(cell(1, BackupsDialog::StoriesColumn), QStringLiteral("1"));
    const QVector<BackupEntry> entries = BackupStore(library).list(false);
    QCOMPARE(cell(0, BackupsDialog::SizeColumn), QLocale().formattedDataSize(entries.first().size));
    auto *folder = dialog.findChild<QLabel *>(QStringLiteral("backupFolderLabel"));
    QVERIFY(folder->text().contains(QStringLiteral("stories backups")));
    dialog.view()->setCurrentIndex(model->index(0, 0));
    keepPicture(dialog, QStringLiteral("backups-dialog.png"));
}

void TestBackupWindow::dialogBacksUpAndRestores()
{
    const QString library = mDir->filePath(QStringLiteral("stories.fieldoffice"));
    auto db = openLibrary(*mDir);
    addStory(*db, QStringLiteral("Kept"), QStringLiteral("Text.\n"));
    BackupScheduler scheduler(library);
    BackupsDialog dialog(scheduler);
    QSignalSpy listed(&dialog, &BackupsDialog::listed);
    dialog.show();
    QVERIFY(listed.wait(10000));
    QCOMPARE(dialog.model()->rowCount(), 0);

    QPushButton *backUp = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("Back Up Now")) {
            backUp = button;
        }
    }
    QVERIFY(backUp);
    QSignalSpy finished(&scheduler, &BackupScheduler::backupFinished);
    backUp->click();
    QVERIFY(finished.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 1, 10000);
    QCOMPARE(dialog.model()->index(0, BackupsDialog::StoriesColumn).data().toString(),
             QStringLiteral("1"));

    // A story added since is gone after restoring; the library as it was is kept aside.
    addStory(*db, QStringLiteral("Later"), QStringLiteral("Text.\n"));
    QCOMPARE(StoryRepository(*db).count({}).value_or(-1), 2);
    QSignalSpy restored(&dialog, &BackupsDialog::restoreFinished);
    QVERIFY(dialog.restoreRow(0));
    QVERIFY(restored.wait(10000));
    const BackupResult result = restored.first().first().value<BackupResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(StoryRepository(*db).count({}).value_or(-1), 1);
    QCOMPARE(verifyLibraryCopy(result.replacedPath).stories, 2);
}

void TestBackupWindow::damagedLibraryStopsWritingAndKeepsTheText()
{
    const QString library = mDir->filePath(QStringLiteral("stories.fieldoffice"));
    qint64 id = 0;
    {
        auto db = openLibrary(*mDir);
        deskTester(*db); // before the damage: the window works as a person
        id = addStory(*db, QStringLiteral("Court Clerks Digitise Case Files"),
                      QStringLiteral("For three weeks, the courthouse yard held a tent.\n"));
        addStory(*db, QStringLiteral("Another"), QStringLiteral("Text.\n"));
    }
    // An index the window does not read on its way up: the damage goes unnoticed until checked.
    QVERIFY(backuptesting::damagePage(library, QStringLiteral("audit_log_person")));
    auto db = fo::testing::openLibrary(library, Database::OpenMode::MustExist, nullptr);
    QVERIFY(db);
    MainWindow window(std::move(db));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    typeAtEnd(body(window), QStringLiteral(" Typed before the check."));

    QSignalSpy damaged(window.backupActions(), &BackupActions::libraryDamaged);
    window.backupActions()->checkHealth();
    QVERIFY(damaged.wait(10000));
    QVERIFY(window.isWritingStopped());
    auto *banner = part<DamageBanner>(window, QStringLiteral("damageBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->message().startsWith(QLatin1String("This library is damaged:")),
             qPrintable(banner->message()));
    QVERIFY(banner->message().contains(QLatin1String("nothing more will be written")));
    // The text typed stays on the screen, read-only; nothing writes any more.
    QVERIFY(body(window)->toPlainText().contains(QLatin1String("Typed before the check.")));
    QVERIFY(body(window)->isReadOnly());
    QVERIFY(!action(window, QStringLiteral("newStoryAction"))->isEnabled());
    Story story = stored(window.database(), id);
    story.headline = QStringLiteral("Written anyway");
    QString error;
    QVERIFY(!fo::testing::said(StoryWriter(window.database()).update(story), &error));
    // Another story opens read-only too (unless the unsaved text holds the editor where it is).
    window.openStory(id + 1);
    QTest::qWait(50);
    QTRY_VERIFY(body(window)->isReadOnly());
    keepPicture(window, QStringLiteral("damaged-library.png"));

    // The latest backup is one click away.
    emit banner->linkActivated(QStringLiteral("backups"));
    QTRY_VERIFY(window.findChild<BackupsDialog *>());
}

void TestBackupWindow::restoringADamagedLibraryResumesWriting()
{
    const QString library = mDir->filePath(QStringLiteral("stories.fieldoffice"));
    qint64 id = 0;
    {
        auto db = openLibrary(*mDir);
        deskTester(*db); // before the damage: the window works as a person
        id = addStory(*db, QStringLiteral("Kept"), QStringLiteral("Backed up text.\n"));
    }
    QVERIFY(BackupStore(library).backUpNow().ok);
    QVERIFY(backuptesting::damagePage(library, QStringLiteral("audit_log_person")));
    MainWindow window(fo::testing::openLibrary(library, Database::OpenMode::MustExist, nullptr));
    signIn(window);
    QVERIFY(showActive(window));
    QVERIFY(window.openStory(id));
    typeAtEnd(body(window), QStringLiteral(" Typed while damaged."));
    QSignalSpy damaged(window.backupActions(), &BackupActions::libraryDamaged);
    window.backupActions()->checkHealth();
    QVERIFY(damaged.wait(10000));
    const bool pending = window.editor()->hasUnsavedChanges();
    qInfo("unsaved text when the damage was found: %s", pending ? "yes" : "no");

    QSignalSpy healthy(window.backupActions(), &BackupActions::libraryHealthy);
    window.backupActions()->showBackups(true);
    auto *dialog = window.findChild<BackupsDialog *>();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 1, 10000);
    QVERIFY(dialog->restoreRow(0));
    QVERIFY(healthy.wait(10000));
    QVERIFY(!window.isWritingStopped());
    QVERIFY(!part<DamageBanner>(window, QStringLiteral("damageBanner"))->isVisible());
    QVERIFY(!body(window)->isReadOnly());
    QVERIFY(action(window, QStringLiteral("newStoryAction"))->isEnabled());
    if (pending) {
        // What was typed while the library was damaged goes into the restored library.
        QTRY_VERIFY_WITH_TIMEOUT(
            stored(window.database(), id).body.contains(QLatin1String("Typed while damaged.")),
            10000);
    }
    QCOMPARE(checkLibraryHealth(library, HealthCheck::Full).problems, QStringList());
}

void TestBackupWindow::closingBacksUpWhatChanged()
{
    const QString library = mDir->filePath(QStringLiteral("stories.fieldoffice"));
    {
        auto db = openLibrary(*mDir);
        addStory(*db, QStringLiteral("Only"), QStringLiteral("Text.\n"));
        MainWindow window(std::move(db));
        signIn(window);
        window.show();
        window.close();
    } // the backup made at close is finished when the window is gone
    const QVector<BackupEntry> entries = BackupStore(library).list(true);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().stories, 1);
    {
        auto db = fo::testing::openLibrary(library, Database::OpenMode::MustExist, nullptr);
        MainWindow window(std::move(db));
        signIn(window);
        window.show();
        window.close();
    }
    QCOMPARE(BackupStore(library).list(false).size(), 1); // nothing changed: no second backup
}

QTEST_MAIN(TestBackupWindow)
#include "tst_backupwindow.moc"
