// Issue 12 items 1 and 5: who works in the window, the first run, a newcomer's way in, and
// opening other libraries from the window. Nothing is ever written by nobody.

#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include "browser/librarybrowser.h"
#include "common/session.h"
#include "common/uisettings.h"
#include "messages/refusaltext.h"
#include "people/joinrequestrepository.h"
#include "stories/storyservice.h"
#include "window/libraryswitcher.h"
#include "window/peopleadminpanel.h"
#include "window/persondialog.h"
#include "window/personstrip.h"
#include "workflow/joinrequests.h"

#include <QCheckBox>
#include <QFile>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

class TestFirstRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void nobodyReadsButWritesNothing();
    void theWindowsServiceRefusesNobody();
    void firstNewcomerOfAFreshLibraryBecomesItsAdmin();
    void newcomerAsksAndAnAdminApproves();
    void cancelLeavesTheWindowReadOnly();
    void openLibraryRefusesAForeignFileAndKeepsTheCurrent();
    void openAndCreateLibrariesFromTheWindow();

private:
    Person addPerson(Database &db, const QString &name, Roles roles);

    std::unique_ptr<QTemporaryDir> mDir;
};

void TestFirstRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFirstRun::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

void TestFirstRun::cleanup()
{
    mDir.reset();
}

Person TestFirstRun::addPerson(Database &db, const QString &name, Roles roles)
{
    Person person;
    person.name = name;
    person.roles = roles;
    QString error;
    if (!fo::testing::said(PersonRepository(db).add(person, Person()), &error)) {
        qWarning("cannot add %s: %s", qPrintable(name), qPrintable(error));
    }
    return person;
}

void TestFirstRun::nobodyReadsButWritesNothing()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Kept"), QStringLiteral("The text.\n"));
    MainWindow window(std::move(db));
    QVERIFY(showActive(window));
    QVERIFY(!window.session()->hasPerson());
    QVERIFY(window.openStory(id));
    // The story reads, the text is read-only, and the window says why and how to change it.
    QVERIFY(body(window)->toPlainText().contains(QStringLiteral("The text.")));
    QVERIFY(body(window)->isReadOnly());
    auto *strip = part<PersonStrip>(window, QStringLiteral("personStrip"));
    QVERIFY(strip->isVisible());
    QVERIFY2(strip->text().contains(QStringLiteral("choose who you are")),
             qPrintable(strip->text()));
    typeAtEnd(body(window), QStringLiteral(" Typed by nobody."));
    QVERIFY(!window.editor()->hasUnsavedChanges());
    QAction *newStory = action(window, QStringLiteral("newStoryAction"));
    QVERIFY(!newStory->isEnabled());
    QVERIFY2(newStory->toolTip().contains(QStringLiteral("ay who you are")),
             qPrintable(newStory->toolTip()));
    QVERIFY(!action(window, QStringLiteral("trashStoryAction"))->isEnabled());
    QCOMPARE(stored(window.database(), id).body, QStringLiteral("The text.\n"));
}

void TestFirstRun::theWindowsServiceRefusesNobody()
{
    auto db = openLibrary(*mDir);
    const qint64 id = addStory(*db, QStringLiteral("Kept"), QStringLiteral("The text.\n"));
    StoryService nobody(*db);
    QVERIFY(nobody.writeRefusal());
    QCOMPARE(nobody.writeRefusal()->kind, RefusalKind::NoPersonChosen);
    Story changed = stored(*db, id);
    changed.body = QStringLiteral("Changed by nobody.\n");
    QString error;
    QVERIFY(!fo::testing::said(nobody.save(changed), &error));
    QCOMPARE(error, refusalText(Refusal(RefusalKind::NoPersonChosen)));
    QVERIFY(!fo::testing::said(nobody.createBlank(QString()), &error));
    QVERIFY(!fo::testing::said(nobody.moveToTrash(id), &error));
    QCOMPARE(stored(*db, id).body, QStringLiteral("The text.\n"));
    QVERIFY(!nobody.editRefusal(stored(*db, id)).isEmpty());
}

void TestFirstRun::firstNewcomerOfAFreshLibraryBecomesItsAdmin()
{
    MainWindow window(openLibrary(*mDir));
    QVERIFY(!window.session()->hasPerson());
    PersonDialog dialog(*window.session(), &window);
    auto *note = part<QLabel>(dialog, QStringLiteral("newcomerNote"));
    QVERIFY2(note->text().contains(QStringLiteral("no admin yet")), qPrintable(note->text()));
    auto *name = part<QLineEdit>(dialog, QStringLiteral("newcomerName"));
    QTest::keyClicks(name, QStringLiteral("Asha Okello"));
    part<QPushButton>(dialog, QStringLiteral("joinButton"))->click();
    const Person &now = window.session()->person();
    QCOMPARE(now.name, QStringLiteral("Asha Okello"));
    for (Role role : allRoles()) {
        QVERIFY(now.has(role));
    }
    QVERIFY(part<PersonStrip>(window, QStringLiteral("personStrip"))->isHidden());
    QVERIFY(action(window, QStringLiteral("newStoryAction"))->isEnabled());
}

void TestFirstRun::newcomerAsksAndAnAdminApproves()
{
    {
        auto db = openLibrary(*mDir);
        addPerson(*db, QStringLiteral("Admin"), Role::Admin);
    }
    qint64 story = 0;
    {
        auto db = openLibrary(*mDir);
        story = addStory(*db, QStringLiteral("Kept"), QStringLiteral("The text.\n"));
        MainWindow window(std::move(db));
        action(window, QStringLiteral("switchPersonAction"))->trigger(); // Review ▸ Switch Person…
        auto *dialog = window.findChild<PersonDialog *>();
        QVERIFY(dialog);
        QSignalSpy asked(dialog, &PersonDialog::joinAsked);
        QTest::keyClicks(part<QLineEdit>(*dialog, QStringLiteral("newcomerName")),
                         QStringLiteral("Nia Newcomer"));
        part<QPushButton>(*dialog, QStringLiteral("joinButton"))->click();
        QCOMPARE(asked.size(), 1);
        // Asking makes no person: the window still reads only, and says that it waits.
        QVERIFY(!window.session()->hasPerson());
        QVERIFY(!PersonRepository(window.database()).findByName(QStringLiteral("Nia Newcomer")));
        QVERIFY(
            JoinRequestRepository(window.database()).findByName(QStringLiteral("nia newcomer")));
        QVERIFY(part<PersonStrip>(window, QStringLiteral("personStrip"))
                    ->text()
                    .contains(QStringLiteral("Nia Newcomer")));
        QVERIFY(window.openStory(story));
        QVERIFY(body(window)->isReadOnly());
        // Asking twice under the same name is refused in words.
        const Result<JoinRequests::Joined> again =
            JoinRequests(window.database()).join(QStringLiteral("NIA NEWCOMER"));
        QVERIFY(!again);
        QCOMPARE(again.refusal().kind, RefusalKind::JoinNameTaken);
    }
    {
        // The admin sees the request in "Who Are You?" and approves it with the editor role.
        auto db = openLibrary(*mDir);
        const Person admin = *PersonRepository(*db).findByName(QStringLiteral("Admin"));
        MainWindow window(std::move(db));
        window.setCurrentPerson(admin);
        PersonDialog dialog(*window.session(), &window);
        auto *panel = part<PeopleAdminPanel>(dialog, QStringLiteral("peopleAdminPanel"));
        QVERIFY(!panel->isHidden());
        auto *requests = part<QListView>(dialog, QStringLiteral("joinRequestList"));
        QCOMPARE(requests->model()->rowCount(), 1);
        QVERIFY(part<QCheckBox>(dialog, QStringLiteral("role_editor"))->isChecked());
        part<QPushButton>(dialog, QStringLiteral("approveJoin"))->click();
        const Result<Person> nia =
            PersonRepository(window.database()).findByName(QStringLiteral("Nia Newcomer"));
        QVERIFY(nia);
        QCOMPARE(nia->roles, Roles(Role::Editor));
        QVERIFY(JoinRequestRepository(window.database()).all().isEmpty());
        // That was the admin's computer; the newcomer's remembers no person, only the request.
        UiSettings().setPerson(window.database().path(), 0);
    }
    // On the newcomer's computer the next start works as them, without asking again.
    MainWindow window(openLibrary(*mDir));
    QCOMPARE(window.session()->person().name, QStringLiteral("Nia Newcomer"));
    QVERIFY(window.openStory(story));
    QVERIFY(!body(window)->isReadOnly());
}

void TestFirstRun::cancelLeavesTheWindowReadOnly()
{
    auto db = openLibrary(*mDir);
    addPerson(*db, QStringLiteral("Admin"), Role::Admin);
    const qint64 id = addStory(*db, QStringLiteral("Kept"), QStringLiteral("The text.\n"));
    MainWindow window(std::move(db));
    QVERIFY(showActive(window));
    // At start the window asks; Cancel leaves nobody, reading only.
    PersonDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<PersonDialog *>()) != nullptr, 5000);
    dialog->reject();
    QVERIFY(!window.session()->hasPerson());
    QVERIFY(window.openStory(id));
    QVERIFY(body(window)->isReadOnly());
    QVERIFY(part<PersonStrip>(window, QStringLiteral("personStrip"))->isVisible());
    auto *label = part<QLabel>(window, QStringLiteral("personLabel"));
    QVERIFY2(!label->text().startsWith(QStringLiteral("Nobody")), qPrintable(label->text()));
}

void TestFirstRun::openLibraryRefusesAForeignFileAndKeepsTheCurrent()
{
    const QString foreign = mDir->filePath(QStringLiteral("notes.fieldoffice"));
    {
        QFile file(foreign);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are notes, not a library.\n");
    }
    auto db = openLibrary(*mDir);
    const QString current = db->path();
    MainWindow window(std::move(db));
    signIn(window);
    QString error;
    QVERIFY(!window.librarySwitcher()->switchTo(foreign, Database::OpenMode::MustExist, &error));
    QVERIFY2(!error.isEmpty(), "the refusal is said in words");
    QCOMPARE(window.database().path(), current);
    QVERIFY(!UiSettings().recentLibraries().contains(QFileInfo(foreign).absoluteFilePath()));
    const QString missing = mDir->filePath(QStringLiteral("gone.fieldoffice"));
    QVERIFY(!window.librarySwitcher()->switchTo(missing, Database::OpenMode::MustExist, &error));
    QVERIFY(!QFile::exists(missing));
}

void TestFirstRun::openAndCreateLibrariesFromTheWindow()
{
    auto other = openLibrary(*mDir, QStringLiteral("other"));
    addStory(*other, QStringLiteral("In the other library"), QStringLiteral("Text.\n"));
    const QString otherPath = QFileInfo(other->path()).absoluteFilePath();
    other.reset();

    auto *first = new MainWindow(openLibrary(*mDir));
    first->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<MainWindow> firstAlive(first);
    signIn(*first);
    QVERIFY(showActive(*first));
    QString error;
    QPointer<MainWindow> second =
        first->librarySwitcher()->switchTo(otherPath, Database::OpenMode::MustExist, &error);
    QVERIFY2(second, qPrintable(error));
    QTRY_VERIFY(!firstAlive); // the first window closed and went with its library
    QCOMPARE(QFileInfo(second->database().path()).absoluteFilePath(), otherPath);
    QCOMPARE(UiSettings().recentLibraries().value(0), otherPath);
    QTRY_COMPARE(model(*second)->rowCount(), 1);

    // New Library… makes an empty file; its first person becomes the admin.
    const QString fresh = mDir->filePath(QStringLiteral("fresh.fieldoffice"));
    QPointer<MainWindow> third =
        second->librarySwitcher()->switchTo(fresh, Database::OpenMode::CreateNew, &error);
    QVERIFY2(third, qPrintable(error));
    QTRY_VERIFY(!second);
    QVERIFY(QFile::exists(fresh));
    QCOMPARE(third->browser()->model()->rowCount(), 0);
    QVERIFY(JoinRequests(third->database()).firstPersonBecomesAdmin());
    QTRY_VERIFY_WITH_TIMEOUT(third->findChild<PersonDialog *>(), 5000);
    delete third.data();
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
