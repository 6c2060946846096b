// Issue 12 item 17: what a role cannot do, the window does not offer, says why, and the
// library refuses; what cannot be changed looks read-only.

#include "editortesting.h"
#include "refusaltesting.h"
#include "signin.h"

#include "common/session.h"
#include "library/organisationsettings.h"
#include "messages/refusaltext.h"
#include "output/organisationdialog.h"
#include "stories/storyservice.h"

#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>

using namespace fo;
using namespace editortesting;

class TestRoleLeaks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void anExporterCannotCreateStories();
    void anExporterIsNotOfferedTheTrash();
    void coverDetailsAreTheAdminsOnly();

private:
    Person addPerson(const QString &name, Roles roles);

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Database> mDb;
};

void TestRoleLeaks::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRoleLeaks::init()
{
    UiSettings().clear();
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    mDb = openLibrary(*mDir);
    QVERIFY(mDb);
}

void TestRoleLeaks::cleanup()
{
    mDb.reset();
    mDir.reset();
}

Person TestRoleLeaks::addPerson(const QString &name, Roles roles)
{
    Person person;
    person.name = name;
    person.roles = roles;
    QString error;
    if (!fo::testing::said(PersonRepository(*mDb).add(person, Person()), &error)) {
        qWarning("cannot add %s: %s", qPrintable(name), qPrintable(error));
    }
    return person;
}

void TestRoleLeaks::anExporterCannotCreateStories()
{
    const Person maria = addPerson(QStringLiteral("Maria Santos"), Role::Exporter);
    const int before = StoryRepository(*mDb).count(StoryFilter()).value_or(-1);
    // The library refuses, in words that name the role.
    Story story;
    QString error;
    QVERIFY(!fo::testing::said(StoryWriter(*mDb).create(story, maria), &error));
    QVERIFY2(error.contains(QStringLiteral("editor role")), qPrintable(error));
    const std::optional<Refusal> refused = StoryService(*mDb, maria).createRefusal();
    QVERIFY(refused);
    QCOMPARE(refused->kind, RefusalKind::CreateNeedsRole);
    QCOMPARE(refusalText(*refused),
             QStringLiteral("Maria Santos cannot create stories: that needs the editor role"));
    QVERIFY(!fo::testing::said(StoryService(*mDb, maria).createBlank(QString()), &error));
    QCOMPARE(StoryRepository(*mDb).count(StoryFilter()).value_or(-1), before);

    // The window does not offer it, and says why.
    MainWindow window(std::move(mDb));
    window.setCurrentPerson(maria);
    QAction *newStory = action(window, QStringLiteral("newStoryAction"));
    QVERIFY(!newStory->isEnabled());
    QVERIFY2(newStory->toolTip().contains(QStringLiteral("editor role")),
             qPrintable(newStory->toolTip()));
    newStory->trigger(); // a disabled action does nothing, even through its shortcut
    QCOMPARE(StoryRepository(window.database()).count(StoryFilter()).value_or(-1), before);
    // An editor may.
    window.setCurrentPerson(deskTester(window.database()));
    QVERIFY(newStory->isEnabled());
}

void TestRoleLeaks::anExporterIsNotOfferedTheTrash()
{
    const Person maria = addPerson(QStringLiteral("Maria Santos"), Role::Exporter);
    const qint64 id = addStory(*mDb, QStringLiteral("Kept"), QStringLiteral("Text.\n"));
    MainWindow window(std::move(mDb));
    window.setCurrentPerson(maria);
    QVERIFY(window.openStory(id));
    QAction *trash = action(window, QStringLiteral("trashStoryAction"));
    QVERIFY(!trash->isEnabled()); // never a confirmation that is then refused
    QVERIFY2(trash->toolTip().contains(QStringLiteral("editor or admin role")),
             qPrintable(trash->toolTip()));
    QVERIFY(!action(window, QStringLiteral("duplicateStoryAction"))->isEnabled());
    // Her view of the story is read-only, and looks it: the fields have the window's
    // background and say why.
    QVERIFY(body(window)->isReadOnly());
    auto *headline = part<QLineEdit>(window, QStringLiteral("headlineEdit"));
    QVERIFY(headline->isReadOnly());
    QCOMPARE(headline->palette().color(QPalette::Base),
             headline->palette().color(QPalette::Window));
    QVERIFY2(headline->toolTip().contains(QStringLiteral("Maria Santos cannot edit")),
             qPrintable(headline->toolTip()));
}

void TestRoleLeaks::coverDetailsAreTheAdminsOnly()
{
    const Person grace = addPerson(QStringLiteral("Grace Achieng"), Role::Editor);
    const Person admin = addPerson(QStringLiteral("Admin"), Role::Admin);
    OrganisationInfo info = OrganisationSettings(*mDb).load();
    const QString original = info.name;
    info.name = QStringLiteral("Changed by an editor");
    const Status refused = OrganisationSettings(*mDb).save(info, grace);
    QVERIFY(!refused);
    QCOMPARE(refused.refusal().kind, RefusalKind::OrganisationNeedsAdmin);
    QCOMPARE(OrganisationSettings(*mDb).load().name, original);
    {
        OrganisationDialog dialog(*mDb, grace);
        QVERIFY(!dialog.isEditable());
        QVERIFY(dialog.nameEdit()->isReadOnly());
        QVERIFY(dialog.pressContactEdit()->isReadOnly());
        QVERIFY(dialog.websiteEdit()->isReadOnly());
        // It looks read-only: the field's background is the window's, and it says why.
        QCOMPARE(dialog.nameEdit()->palette().color(QPalette::Base),
                 dialog.nameEdit()->palette().color(QPalette::Window));
        QVERIFY2(dialog.nameEdit()->toolTip().contains(QStringLiteral("admin")),
                 qPrintable(dialog.nameEdit()->toolTip()));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons->button(QDialogButtonBox::Save)->isHidden());
        dialog.nameEdit()->setText(QStringLiteral("Typed anyway"));
        dialog.accept();
        QCOMPARE(OrganisationSettings(*mDb).load().name, original);
    }
    OrganisationDialog dialog(*mDb, admin);
    QVERIFY(dialog.isEditable());
    QVERIFY(!dialog.nameEdit()->isReadOnly());
    QVERIFY(dialog.nameEdit()->palette().color(QPalette::Base) !=
            dialog.nameEdit()->palette().color(QPalette::Window));
    dialog.nameEdit()->setText(QStringLiteral("Justice Field Office"));
    dialog.accept();
    QCOMPARE(OrganisationSettings(*mDb).load().name, QStringLiteral("Justice Field Office"));
}

QTEST_MAIN(TestRoleLeaks)
#include "tst_roleleaks.moc"
