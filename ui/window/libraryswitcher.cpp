#include "window/libraryswitcher.h"

#include "common/session.h"
#include "common/uisettings.h"
#include "messages/refusaltext.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace fo {

namespace {

QString libraryFilter()
{
    return LibrarySwitcher::tr("Field Office libraries (*.fieldoffice);;All files (*)");
}

} // namespace

LibrarySwitcher::LibrarySwitcher(MainWindow &window, Session &session)
    : QObject(&window), mWindow(window), mSession(session)
{
    mOpen = new QAction(tr("&Open Library…"), this);
    mOpen->setObjectName(QStringLiteral("openLibraryAction"));
    mOpen->setShortcut(QKeySequence::Open);
    mOpen->setStatusTip(tr("Open another library file in place of this one"));
    connect(mOpen, &QAction::triggered, this, &LibrarySwitcher::chooseAndOpen);
    mNew = new QAction(tr("New &Library…"), this);
    mNew->setObjectName(QStringLiteral("newLibraryAction"));
    mNew->setStatusTip(tr("Create an empty library file; you become its admin"));
    connect(mNew, &QAction::triggered, this, &LibrarySwitcher::chooseAndCreate);
    mRecent = new QMenu(tr("Open &Recent"), &window);
    mRecent->setObjectName(QStringLiteral("recentLibrariesMenu"));
    mRecent->setToolTipsVisible(true);
    connect(mRecent, &QMenu::aboutToShow, this, &LibrarySwitcher::fillRecent);
    UiSettings().addRecentLibrary(QFileInfo(session.database().path()).absoluteFilePath());
    fillRecent();
}

MainWindow *LibrarySwitcher::switchTo(const QString &path, Database::OpenMode mode, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute == QFileInfo(mSession.database().path()).absoluteFilePath()) {
        return &mWindow; // already open here
    }
    // The story being written reaches its library before anything else happens.
    QString why;
    if (!mSession.flushQuietly(&why)) {
        *error = tr("the open story could not be saved first: %1").arg(why);
        return nullptr;
    }
    Result<std::unique_ptr<Database>> opened = Database::open(absolute, mode);
    if (!opened) {
        *error = refusalText(opened.refusal());
        return nullptr; // refused: this window and its library stay as they were
    }
    std::unique_ptr<Database> db = std::move(*opened);
    UiSettings().addRecentLibrary(absolute);
    auto *next = new MainWindow(std::move(db));
    next->setAttribute(Qt::WA_DeleteOnClose);
    next->show();
    mWindow.close();
    return next;
}

void LibrarySwitcher::openOrSay(const QString &path, Database::OpenMode mode)
{
    QString error;
    if (!switchTo(path, mode, &error)) {
        QMessageBox::warning(&mWindow, tr("Library Not Opened"),
                             tr("%1\n\nThe library open now stays open.").arg(error));
    }
}

void LibrarySwitcher::chooseAndOpen()
{
    const QString path = QFileDialog::getOpenFileName(
        &mWindow, tr("Open Library"), QFileInfo(mSession.database().path()).absolutePath(),
        libraryFilter());
    if (!path.isEmpty()) {
        openOrSay(path, Database::OpenMode::MustExist);
    }
}

void LibrarySwitcher::chooseAndCreate()
{
    QString path =
        QFileDialog::getSaveFileName(&mWindow, tr("New Library"),
                                     QDir(QFileInfo(mSession.database().path()).absolutePath())
                                         .filePath(tr("new library.fieldoffice")),
                                     libraryFilter());
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".fieldoffice");
    }
    openOrSay(path, Database::OpenMode::CreateNew);
}

void LibrarySwitcher::fillRecent()
{
    mRecent->clear();
    UiSettings settings;
    const QString current = QFileInfo(mSession.database().path()).absoluteFilePath();
    for (const QString &path : settings.recentLibraries()) {
        QAction *action = mRecent->addAction(QDir::toNativeSeparators(path));
        const bool exists = QFileInfo(path).isFile();
        action->setEnabled(exists && path != current);
        action->setToolTip(!exists           ? tr("The file is no longer there")
                           : path == current ? tr("Open in this window")
                                             : QString());
        if (!exists) {
            action->setText(tr("%1 (missing)").arg(QDir::toNativeSeparators(path)));
        }
        connect(action, &QAction::triggered, this,
                [this, path] { openOrSay(path, Database::OpenMode::MustExist); });
    }
    if (!mRecent->isEmpty()) {
        mRecent->addSeparator();
    }
    QAction *clear = mRecent->addAction(tr("&Clear List"));
    connect(clear, &QAction::triggered, this, [this, current] {
        UiSettings kept;
        for (const QString &path : kept.recentLibraries()) {
            if (path != current) {
                kept.removeRecentLibrary(path);
            }
        }
    });
}

} // namespace fo
