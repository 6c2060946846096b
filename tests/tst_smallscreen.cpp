// Issue 12 item 13: the window fits a 1024×700 laptop screen (and 1280×720) with the review
// dock open: no widget minimums that add up past the screen, the editor's text keeps a usable
// width, and the preview hides itself rather than breaking words by syllable.

#include "browser/librarybrowser.h"
#include "browser/storylistview.h"
#include "demo/demolibrary.h"
#include "editor/bodyeditor.h"
#include "editor/previewpane.h"
#include "editor/storyeditor.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "people/personrepository.h"
#include "refusaltesting.h"
#include "review/reviewdock.h"
#include "search/storylistmodel.h"
#include "window/mainwindow.h"

#include <QHeaderView>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace fo;

class TestSmallScreen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fitsTheScreen_data();
    void fitsTheScreen();
};

void TestSmallScreen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSmallScreen::fitsTheScreen_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::newRow("1024x700") << QSize(1024, 700);
    QTest::newRow("1280x720") << QSize(1280, 720);
}

namespace {

void dumpMinimums(const QWidget *widget, int depth)
{
    if (depth > 9 || !widget->isVisible()) {
        return;
    }
    const QSize min = widget->minimumSizeHint().expandedTo(widget->minimumSize());
    if (min.width() > 200) {
        qInfo("%*s%s %s min %dx%d now %dx%d", depth * 2, "", widget->metaObject()->className(),
              qPrintable(widget->objectName()), min.width(), min.height(), widget->width(),
              widget->height());
    }
    for (const QObject *child : widget->children()) {
        if (const auto *w = qobject_cast<const QWidget *>(child); w && !w->isWindow()) {
            dumpMinimums(w, depth + 1);
        }
    }
}

} // namespace

void TestSmallScreen::fitsTheScreen()
{
    QFETCH(QSize, screen);
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("demo.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    QVERIFY2(fo::testing::said(createDemoLibrary(*db), &error).value_or(-1) > 0, qPrintable(error));
    const Result<Person> editor = PersonRepository(*db).findByName(QStringLiteral("Grace Achieng"));
    QVERIFY(editor);
    MainWindow window(std::move(db));
    window.setCurrentPerson(*editor);
    window.reviewDock()->show();
    window.resize(screen);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openStory(1));
    window.reviewDock()->showTab(ReviewDock::CommentsTab);
    window.resize(screen);
    QCoreApplication::processEvents();

    const QSize min = window.minimumSizeHint().expandedTo(window.minimumSize());
    if (min.width() > screen.width() || min.height() > screen.height()) {
        dumpMinimums(&window, 0);
    }
    QVERIFY2(min.width() <= screen.width(),
             qPrintable(QStringLiteral("minimum width %1").arg(min.width())));
    QVERIFY2(min.height() <= screen.height(),
             qPrintable(QStringLiteral("minimum height %1").arg(min.height())));
    QCOMPARE(window.size(), screen);
    QVERIFY(window.reviewDock()->isVisible());

    // The text keeps room for a line of words; the preview shows only where it is readable.
    BodyEditor *body = window.editor()->bodyEditor();
    QVERIFY2(body->width() >= 300, qPrintable(QString::number(body->width())));
    PreviewPane *preview = window.editor()->previewPane();
    QVERIFY2(!preview->isVisible() || preview->width() >= StoryEditor::kPreviewMinimumWidth,
             qPrintable(QString::number(preview->width())));
    // The list keeps its headlines readable.
    QVERIFY2(window.browser()->width() >= 200,
             qPrintable(QString::number(window.browser()->width())));
}

QTEST_MAIN(TestSmallScreen)
#include "tst_smallscreen.moc"
