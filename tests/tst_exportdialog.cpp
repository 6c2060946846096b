#include "common/outputpathfield.h"
#include "common/session.h"
#include "demo/demolibrary.h"
#include "export/packetbuilder.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "libraryopentesting.h"
#include "messages/refusaltext.h"
#include "output/exportdialog.h"
#include "output/organisationdialog.h"
#include "output/packetstorymodel.h"
#include "output/storyexportdialog.h"
#include "people/personrepository.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "window/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace fo;

/// The export dialogs on a demo library: stories chosen and ordered, the approval gate and the
/// exporter role shown before anything is written, the packet written in the background,
/// Cancel leaving nothing, and the organisation's cover details kept in the library.
class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void exportsAPdfPacketWithManifest();
    void reorderingChangesThePacketOrder();
    void unapprovedStoryDisablesExportUntilAllowed();
    void addMatchingAddsStoriesByTagAndState();
    void editorCannotExport();
    void cancelLeavesNoFile();
    void exportsOneStoryMarkedDraftWhenUnapproved();
    void organisationDialogSavesThePressContact();
    void windowOffersTheExportCommands();

private:
    Person personNamed(const QString &name);
    QVector<qint64> storiesIn(StoryStatus status);
    QJsonArray manifestStories(const QString &pdf);

    std::unique_ptr<QTemporaryDir> mDir;
    std::unique_ptr<Database> mDb;
    std::unique_ptr<Session> mSession;
};

void TestExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestExportDialog::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    QString error;
    mDb = fo::testing::openLibrary(mDir->filePath(QStringLiteral("demo.fieldoffice")),
                                   Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(mDb, qPrintable(error));
    QVERIFY2(fo::testing::said(createDemoLibrary(*mDb), &error).value_or(-1) > 0,
             qPrintable(error));
    mSession = std::make_unique<Session>(*mDb);
    mSession->setPerson(personNamed(QStringLiteral("Maria Santos")));
    QVERIFY(mSession->person().has(Role::Exporter));
}

void TestExportDialog::cleanup()
{
    mSession.reset();
    mDb.reset();
    mDir.reset();
}

Person TestExportDialog::personNamed(const QString &name)
{
    const auto person = PersonRepository(*mDb).findByName(name);
    return person ? *person : Person();
}

QVector<qint64> TestExportDialog::storiesIn(StoryStatus status)
{
    PacketRequest r;
    r.status = status;
    QVector<qint64> ids;
    PacketBuilder builder(*mDb);
    if (const auto stories = builder.select(r)) {
        for (const Story &s : *stories) {
            // Only those the gate lets through count as approved here.
            if (status != StoryStatus::Approved || builder.gate({s}).isEmpty()) {
                ids << s.id;
            }
        }
    }
    return ids;
}

QJsonArray TestExportDialog::manifestStories(const QString &pdf)
{
    QFile file(manifestPath(pdf, PacketFormat::Pdf));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("stories"))
        .toArray();
}

void TestExportDialog::exportsAPdfPacketWithManifest()
{
    const QVector<qint64> approved = storiesIn(StoryStatus::Approved);
    QVERIFY(approved.size() >= 2);
    ExportDialog dialog(*mSession, approved.mid(0, 2));
    QCOMPARE(dialog.storyModel()->rowCount(), 2);
    QVERIFY(dialog.gateSummary().startsWith(QStringLiteral("2 stories ready")));
    dialog.titleEdit()->setText(QStringLiteral("Courts and Land"));
    QVERIFY(dialog.coverPreviewHtml().contains(QStringLiteral("Courts and Land")));
    const QString out = mDir->filePath(QStringLiteral("press.pdf"));
    dialog.outputField()->setPath(out);
    QVERIFY2(dialog.exportButton()->isEnabled(), qPrintable(dialog.exportRefusal()));
    QSignalSpy exported(&dialog, &ExportDialog::packetExported);
    QTest::mouseClick(dialog.exportButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(out), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(manifestPath(out, PacketFormat::Pdf)), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
    QCOMPARE(exported.at(0).at(0).toString(), out);
    QFile pdf(out);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QCOMPARE(manifestStories(out).size(), 2);
}

void TestExportDialog::reorderingChangesThePacketOrder()
{
    const QVector<qint64> approved = storiesIn(StoryStatus::Approved);
    QVERIFY(approved.size() >= 2);
    ExportDialog dialog(*mSession, {approved.at(0), approved.at(1)});
    PacketStoryModel *model = dialog.storyModel();
    // What QListView's internal drag-and-drop move calls: the second story before the first.
    QVERIFY(model->moveRows(QModelIndex(), 1, 1, QModelIndex(), 0));
    QCOMPARE(model->storyIds(), (QVector<qint64>{approved.at(1), approved.at(0)}));
    QVERIFY(model->data(model->index(0)).toString().startsWith(QStringLiteral("1. ")));
    dialog.titleEdit()->setText(QStringLiteral("Reordered"));
    const QString out = mDir->filePath(QStringLiteral("ordered.pdf"));
    dialog.outputField()->setPath(out);
    QSignalSpy exported(&dialog, &ExportDialog::packetExported);
    QVERIFY(dialog.startExport());
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
    const QJsonArray stories = manifestStories(out);
    QCOMPARE(stories.size(), 2);
    QCOMPARE(stories.at(0).toObject().value(QStringLiteral("id")).toInteger(), approved.at(1));
    QCOMPARE(stories.at(1).toObject().value(QStringLiteral("id")).toInteger(), approved.at(0));
}

void TestExportDialog::unapprovedStoryDisablesExportUntilAllowed()
{
    const QVector<qint64> approved = storiesIn(StoryStatus::Approved);
    const QVector<qint64> inReview = storiesIn(StoryStatus::InReview);
    QVERIFY(!approved.isEmpty());
    QVERIFY(!inReview.isEmpty());
    const qint64 pending = inReview.constFirst();
    ExportDialog dialog(*mSession, {approved.constFirst(), pending});
    dialog.titleEdit()->setText(QStringLiteral("Mixed"));
    const QString out = mDir->filePath(QStringLiteral("mixed.pdf"));
    dialog.outputField()->setPath(out);

    QVERIFY(!dialog.exportButton()->isEnabled());
    const QString story = QStringLiteral("story %1").arg(pending);
    QVERIFY2(dialog.exportRefusal().contains(story), qPrintable(dialog.exportRefusal()));
    QVERIFY(dialog.exportRefusal().contains(QStringLiteral("in review")));
    QVERIFY2(dialog.gateSummary().startsWith(QStringLiteral("1 story ready; ") + story),
             qPrintable(dialog.gateSummary()));
    QVERIFY(!dialog.startExport());
    QVERIFY(!QFile::exists(out));

    dialog.allowUnapprovedBox()->setChecked(true);
    QVERIFY2(dialog.exportButton()->isEnabled(), qPrintable(dialog.exportRefusal()));
    QVERIFY(dialog.coverPreviewHtml().contains(QStringLiteral("NOT FOR RELEASE")));
    dialog.allowUnapprovedBox()->setChecked(false);
    QVERIFY(!dialog.exportButton()->isEnabled());
}

void TestExportDialog::addMatchingAddsStoriesByTagAndState()
{
    ExportDialog dialog(*mSession, {});
    QCOMPARE(dialog.storyModel()->rowCount(), 0);
    QVERIFY(!dialog.exportButton()->isEnabled());
    // Approved is the state offered first; any tag.
    QCOMPARE(dialog.statusCombo()->currentText(), statusLabel(StoryStatus::Approved));
    const int added = dialog.addMatching();
    QCOMPARE(added, int(storiesIn(StoryStatus::Approved).size()));
    QCOMPARE(dialog.addMatching(), 0); // nothing twice
    QCOMPARE(dialog.storyModel()->rowCount(), added);
}

void TestExportDialog::editorCannotExport()
{
    mSession->setPerson(personNamed(QStringLiteral("Grace Achieng")));
    QVERIFY(mSession->person().isKnown());
    const QVector<qint64> approved = storiesIn(StoryStatus::Approved);
    ExportDialog dialog(*mSession, approved.mid(0, 1));
    dialog.titleEdit()->setText(QStringLiteral("Not mine to send"));
    dialog.outputField()->setPath(mDir->filePath(QStringLiteral("no.pdf")));
    QVERIFY(!dialog.exportButton()->isEnabled());
    QVERIFY2(dialog.exportRefusal().contains(QStringLiteral("exporter role")),
             qPrintable(dialog.exportRefusal()));
    QVERIFY(!dialog.startExport());
    // Changing who uses the window updates the dialog at once.
    mSession->setPerson(personNamed(QStringLiteral("Maria Santos")));
    QVERIFY2(dialog.exportButton()->isEnabled(), qPrintable(dialog.exportRefusal()));
}

void TestExportDialog::cancelLeavesNoFile()
{
    // 40 stories: copies of the demo stories, as drafts let through with "allow unapproved".
    QVector<qint64> ids;
    StoryRepository repo(*mDb);
    const Person editor = personNamed(QStringLiteral("Grace Achieng"));
    PacketRequest all;
    all.status = StoryStatus::Approved;
    QString error;
    const auto demo = PacketBuilder(*mDb).select(all);
    QVERIFY2(demo, qPrintable(refusalText(demo.refusal())));
    for (int i = 0; ids.size() < 40; ++i) {
        Story copy = demo->at(i % demo->size());
        copy.id = 0;
        copy.uuid.clear();
        copy.status = StoryStatus::Draft;
        copy.headline += QStringLiteral(" (%1)").arg(i);
        QVERIFY2(fo::testing::said(StoryWriter(*mDb).create(copy, editor), &error),
                 qPrintable(error));
        ids << copy.id;
    }
    ExportDialog dialog(*mSession, ids);
    QCOMPARE(dialog.storyModel()->rowCount(), 40);
    dialog.titleEdit()->setText(QStringLiteral("Large"));
    dialog.allowUnapprovedBox()->setChecked(true);
    const QString out = mDir->filePath(QStringLiteral("large.pdf"));
    dialog.outputField()->setPath(out);
    QSignalSpy ticks(&dialog, &ExportDialog::exportProgressed);
    connect(&dialog, &ExportDialog::exportProgressed, &dialog, &ExportDialog::cancelExport);
    QSignalSpy exported(&dialog, &ExportDialog::packetExported);
    QVERIFY(dialog.startExport());
    QVERIFY(dialog.isExporting());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isExporting(), 20000);
    QVERIFY(ticks.size() >= 1);
    QCOMPARE(exported.size(), 0);
    const auto *reason = dialog.findChild<QLabel *>(QStringLiteral("exportRefusalLabel"));
    QVERIFY(reason);
    QCOMPARE(reason->text(), QStringLiteral("Export cancelled; nothing was written."));
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(manifestPath(out, PacketFormat::Pdf)));
    // Only the temporary directory's library is left behind.
    const QStringList left = QDir(mDir->path()).entryList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &name : left) {
        QVERIFY2(name.startsWith(QStringLiteral("demo.fieldoffice")), qPrintable(name));
    }
    // The dialog can export again afterwards.
    QVERIFY(dialog.exportButton()->isEnabled());
}

void TestExportDialog::exportsOneStoryMarkedDraftWhenUnapproved()
{
    const qint64 pending = storiesIn(StoryStatus::InReview).constFirst();
    StoryExportDialog dialog(*mSession, pending);
    QVERIFY(dialog.isDraft());
    const QString out = mDir->filePath(QStringLiteral("story.html"));
    dialog.formatCombo()->setCurrentIndex(1); // HTML file
    dialog.outputField()->setPath(out);
    QSignalSpy exported(&dialog, &StoryExportDialog::storyExported);
    QVERIFY(dialog.startExport());
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(file.readAll()).contains(QStringLiteral("NOT FOR RELEASE")));

    const qint64 approved = storiesIn(StoryStatus::Approved).constFirst();
    StoryExportDialog clean(*mSession, approved);
    QVERIFY(!clean.isDraft());
    const QString pdf = mDir->filePath(QStringLiteral("story.pdf"));
    clean.outputField()->setPath(pdf);
    QSignalSpy done(&clean, &StoryExportDialog::storyExported);
    QVERIFY(clean.startExport());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 20000);
    QVERIFY(QFile::exists(pdf));
}

void TestExportDialog::organisationDialogSavesThePressContact()
{
    const QString contact = QStringLiteral("Jane Okello\n+256 700 000 000\npress@example.org");
    {
        OrganisationDialog dialog(*mDb, personNamed(QStringLiteral("Admin")));
        QVERIFY(dialog.isEditable());
        dialog.nameEdit()->setText(QStringLiteral("Justice Field Office"));
        dialog.pressContactEdit()->setPlainText(contact);
        dialog.websiteEdit()->setText(QStringLiteral("https://example.org"));
        QSignalSpy saved(&dialog, &OrganisationDialog::organisationSaved);
        dialog.accept();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    // Read back from the file, through a fresh connection.
    const QString path = mDb->path();
    mSession.reset();
    mDb.reset();
    QString error;
    mDb = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(mDb, qPrintable(error));
    OrganisationDialog again(*mDb, personNamed(QStringLiteral("Admin")));
    QCOMPARE(again.pressContactEdit()->toPlainText(), contact);
    QCOMPARE(again.nameEdit()->text(), QStringLiteral("Justice Field Office"));
    QCOMPARE(OrganisationSettings(*mDb).load().website, QStringLiteral("https://example.org"));
    // The export dialog's cover shows it.
    Session session(*mDb);
    session.setPerson(personNamed(QStringLiteral("Maria Santos")));
    ExportDialog exportDialog(session, storiesIn(StoryStatus::Approved).mid(0, 1));
    QVERIFY(exportDialog.coverPreviewHtml().contains(QStringLiteral("Jane Okello<br>")));
}

void TestExportDialog::windowOffersTheExportCommands()
{
    const QString path = mDb->path();
    mSession.reset();
    mDb.reset();
    QString error;
    auto db = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    MainWindow window(std::move(db));
    auto *packet = window.findChild<QAction *>(QStringLiteral("exportPacketAction"));
    auto *story = window.findChild<QAction *>(QStringLiteral("exportStoryAction"));
    auto *organisation = window.findChild<QAction *>(QStringLiteral("organisationAction"));
    QVERIFY(packet && story && organisation);
    QCOMPARE(packet->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+E")));
    QVERIFY(packet->isEnabled());
    // Export Story follows the open story.
    QVERIFY(window.openStory(1));
    QVERIFY(story->isEnabled());
    packet->trigger();
    auto *dialog = window.findChild<ExportDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
