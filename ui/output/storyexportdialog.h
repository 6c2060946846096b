#pragma once

#include "domain/story.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace fo {

class BackgroundJob;
class FileSet;
class OutputPathField;
class Session;

/// "Export Story": one story as PDF (A4 or Letter) or as a self-contained HTML file. A story
/// that is not approved in exactly this version is exported marked "DRAFT — NOT FOR RELEASE",
/// and the dialog says so before anything is written. The file is written on a worker thread
/// with progress and Cancel.
class StoryExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// Reads story `storyId` now (on this thread); a story that cannot be read leaves Export
    /// disabled with the reason.
    StoryExportDialog(Session &session, qint64 storyId, QWidget *parent = nullptr);
    ~StoryExportDialog() override;

    QPushButton *exportButton() const { return mExportButton; }
    QComboBox *formatCombo() const { return mFormat; }
    OutputPathField *outputField() const { return mOutput; }
    bool isDraft() const { return mDraft; }

public Q_SLOTS:
    bool startExport();
    void cancelExport();
    void reject() override;

Q_SIGNALS:
    void storyExported(const QString &path, bool draft);
    void exportFailed(const QString &error);

private:
    void updateFormat();
    void updateState();
    void setExporting(bool exporting);
    void onFinished(bool ok, const QString &error, bool cancelled);
    /// Publishes the staged file together with the export's audit row.
    bool recordExport(FileSet *files, QString *error);

    Session &mSession;
    BackgroundJob *mJob = nullptr;
    Story mStory;
    bool mLoaded = false;
    bool mDraft = true;
    QString mStatusText; // "In review", "Draft — changed since approval"
    QString mOrganisation;
    QString mExportPath;
    int mApprovedRevision = 0; // the approved revision an unmarked export shows
    // The running export's file: staged by the job, published together with its audit row.
    std::shared_ptr<FileSet> mFiles;
    bool mCloseWhenDone = false;

    QComboBox *mFormat = nullptr;
    QComboBox *mPageSize = nullptr;
    OutputPathField *mOutput = nullptr;
    QLabel *mNote = nullptr;
    QProgressBar *mProgress = nullptr;
    QPushButton *mExportButton = nullptr;
    QPushButton *mCancelButton = nullptr;
};

} // namespace fo
