#include "window/importactions.h"

#include "common/backgroundjob.h"
#include "common/session.h"
#include "common/uisettings.h"
#include "import/importer.h"
#include "library/database.h"
#include "messages/importtext.h"
#include "messages/refusaltext.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>

namespace fo {

/// Written by the worker, read on the GUI thread once the job has finished.
struct ImportActions::Report
{
    QVector<qint64> ids;
    QStringList imported; // "Headline (Office)"
    QStringList refused;  // "FILE:LINE: why"
    QStringList notes;
    int files = 0;
    int filesDone = 0;
};

ImportActions::ImportActions(Session &session, QWidget *window)
    : QObject(window), mSession(session), mWindow(window)
{
    mImport = new QAction(tr("&Import Stories…"), this);
    mImport->setObjectName(QStringLiteral("importAction"));
    mImport->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    mImport->setStatusTip(tr("Bring Markdown or plain-text story files into the library"));
    mImport->setEnabled(!mSession.database().isReadOnly());
    connect(mImport, &QAction::triggered, this, &ImportActions::chooseAndImport);
    mJob = new BackgroundJob(this);
    connect(mJob, &BackgroundJob::progressed, this, [this](int done, int total) {
        if (mProgress) {
            mProgress->setMaximum(total);
            mProgress->setValue(done);
        }
    });
    connect(mJob, &BackgroundJob::finished, this, &ImportActions::onFinished);
}

ImportActions::~ImportActions() = default;

bool ImportActions::isRunning() const
{
    return mJob->isRunning();
}

void ImportActions::chooseAndImport()
{
    UiSettings settings;
    const QStringList files =
        QFileDialog::getOpenFileNames(mWindow, tr("Import Stories"), settings.importFolder(),
                                      tr("Story files (*.md *.markdown *.txt);;All files (*)"));
    if (!files.isEmpty()) {
        settings.setImportFolder(QFileInfo(files.constFirst()).absolutePath());
        importPaths(files);
    }
}

bool ImportActions::importPaths(const QStringList &paths)
{
    if (isRunning() || paths.isEmpty()) {
        return false;
    }
    if (mSession.database().isReadOnly()) {
        emit messageShown(tr("This library is read-only: nothing can be imported into it."));
        return false;
    }
    // The worker writes through its own connection: the open story's text goes first.
    if (!mSession.flush()) {
        return false;
    }
    auto report = std::make_shared<Report>();
    mReport = report;
    const QString library = mSession.database().path();
    const Person actor = mSession.person();
    // A connection of its own: a Qt SQL connection belongs to the thread that opened it.
    const bool started = mJob->start([report, library, paths, actor](
                                         const BackgroundJob::Progress &progress, QString *error) {
        const QStringList files = Importer::expandPaths(paths, &report->refused);
        report->files = int(files.size());
        if (files.isEmpty()) {
            return true;
        }
        auto opened = Database::open(library, Database::OpenMode::MustExist);
        if (!opened) {
            *error = refusalText(opened.refusal());
            return false;
        }
        std::unique_ptr<Database> db = std::move(*opened);
        Importer importer(*db, actor);
        for (const QString &file : files) {
            if (!progress(report->filesDone, report->files)) {
                return false; // cancelled between files: those done stay imported
            }
            const Importer::FileResult result = importer.importFile(file);
            report->notes << result.notes;
            ++report->filesDone;
            if (!result.ok()) {
                report->refused << importErrorText(result);
                continue;
            }
            for (const Story &s : result.imported) {
                report->ids << s.id;
                report->imported << (s.officeName.isEmpty()
                                         ? s.headline
                                         : QStringLiteral("%1 (%2)").arg(s.headline, s.officeName));
            }
        }
        progress(report->filesDone, report->files);
        return true;
    });
    if (!started) {
        return false;
    }
    mImport->setEnabled(false);
    mProgress = new QProgressDialog(tr("Importing stories…"), tr("Cancel"), 0, 0, mWindow);
    mProgress->setObjectName(QStringLiteral("importProgress"));
    mProgress->setWindowTitle(tr("Import Stories"));
    mProgress->setWindowModality(Qt::WindowModal);
    mProgress->setMinimumDuration(300); // a file or two never flashes a dialog
    mProgress->setAutoReset(false);
    mProgress->setAutoClose(false);
    connect(mProgress, &QProgressDialog::canceled, mJob, &BackgroundJob::cancel);
    return true;
}

void ImportActions::onFinished(bool ok, const QString &error, bool cancelled)
{
    if (mProgress) {
        mProgress->deleteLater();
    }
    mImport->setEnabled(!mSession.database().isReadOnly());
    const std::shared_ptr<Report> report = std::move(mReport);
    if (!report) {
        return;
    }
    const auto count = [](int n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    const int stories = int(report->imported.size());
    QString summary = tr("Imported %1 from %2.")
                          .arg(count(stories, tr("1 story"), tr("%1 stories")),
                               count(report->filesDone, tr("1 file"), tr("%1 files")));
    if (cancelled) {
        summary += QLatin1Char(' ') +
                   tr("Cancelled: %1 not read; the stories imported before stay in the library.")
                       .arg(count(report->files - report->filesDone, tr("1 file was"),
                                  tr("%1 files were")));
    } else if (!ok) {
        summary += QLatin1Char(' ') + tr("The import stopped: %1").arg(error);
    }
    if (!report->refused.isEmpty()) {
        summary += QLatin1Char(' ') + tr("%1 not be imported.")
                                          .arg(count(int(report->refused.size()),
                                                     tr("1 file could"), tr("%1 files could")));
    }
    mLastSummary = summary;
    if (!report->ids.isEmpty()) {
        emit storiesImported(report->ids);
    }
    emit messageShown(summary);
    if (!report->refused.isEmpty() || !report->notes.isEmpty() || (!ok && !cancelled)) {
        // What went wrong, file by file and line by line, where it can be read and copied.
        auto *box = new QMessageBox(report->refused.isEmpty() ? QMessageBox::Information
                                                              : QMessageBox::Warning,
                                    tr("Import Stories"), summary, QMessageBox::Ok, mWindow);
        box->setObjectName(QStringLiteral("importSummary"));
        QStringList details;
        for (const QString &line : std::as_const(report->refused)) {
            details << tr("Not imported: %1").arg(line);
        }
        for (const QString &line : std::as_const(report->notes)) {
            details << tr("Note: %1").arg(line);
        }
        for (const QString &line : std::as_const(report->imported)) {
            details << tr("Imported: %1").arg(line);
        }
        box->setDetailedText(details.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit importFinished();
}

} // namespace fo
