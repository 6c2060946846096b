#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVector>

#include <functional>
#include <memory>

class QAction;
class QProgressDialog;
class QWidget;

namespace fo {

class Database;
class BackgroundJob;
class Session;

/// File ▸ Import Stories…: brings Markdown and plain-text story files (importparser.h) into the
/// library from the window, as `fieldoffice import` does on the command line.
///
/// The import runs on a worker thread with its own connection to the library, with a progress
/// dialog and Cancel; each file is imported whole or not at all, so Cancel keeps the files
/// already done and leaves the rest untouched. What was imported, refused and noted is
/// summed up at the end.
class ImportActions : public QObject
{
    Q_OBJECT

public:
    /// The stories are recorded as created by the session's person.
    ImportActions(Session &session, QWidget *window);
    ~ImportActions() override;

    QAction *importAction() const { return mImport; }

    /// Imports files and folders (a folder stands for its .md, .markdown and .txt files) in
    /// the background; false when an import is already running or the library is read-only.
    bool importPaths(const QStringList &paths);
    bool isRunning() const;
    /// The summary of the last import, as shown: "Imported 3 stories from 2 files. …".
    QString lastSummary() const { return mLastSummary; }

public Q_SLOTS:
    /// Asks for files and imports them.
    void chooseAndImport();

Q_SIGNALS:
    /// Stories were written to the library (ids in the order of the files).
    void storiesImported(const QVector<qint64> &ids);
    /// One line for the status bar.
    void messageShown(const QString &message);
    /// The import is over (done, refused or cancelled); lastSummary() says how.
    void importFinished();

private:
    struct Report;
    void onFinished(bool ok, const QString &error, bool cancelled);

    Session &mSession;
    QWidget *mWindow = nullptr;
    QAction *mImport = nullptr;
    BackgroundJob *mJob = nullptr;
    QPointer<QProgressDialog> mProgress;
    std::shared_ptr<Report> mReport;
    QString mLastSummary;
};

} // namespace fo
