#pragma once

#include "export/packetbuilder.h"

#include <QDialog>
#include <QVector>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace fo {

class BackgroundJob;
class OutputPathField;
class PacketStoryModel;
class Session;

/// "Export Press Packet": the stories (the list's selection, or added by tag and status) in an
/// order set by drag and drop or Move Up/Down, the title, format, paper and path, a live summary
/// of the approval gate and a preview of the cover. The packet is written on a worker thread
/// (BackgroundJob) with a progress bar and Cancel; the export is recorded in the library
/// afterwards.
///
/// Export stays disabled, with the reason shown, while the person lacks the exporter role or
/// the gate refuses a story and "allow unapproved" is off.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(Session &session, const QVector<qint64> &storyIds, QWidget *parent = nullptr);
    ~ExportDialog() override;

    PacketStoryModel *storyModel() const { return mModel; }
    QPushButton *exportButton() const { return mExportButton; }
    QCheckBox *allowUnapprovedBox() const { return mAllowUnapproved; }
    QLineEdit *titleEdit() const { return mTitle; }
    QComboBox *formatCombo() const { return mFormat; }
    OutputPathField *outputField() const { return mOutput; }
    QComboBox *statusCombo() const { return mStatusChoice; }
    /// Why Export is disabled (empty when it is not).
    QString exportRefusal() const;
    /// "2 stories ready; story 12 “…” is in review, not approved".
    QString gateSummary() const;
    QString coverPreviewHtml() const;
    bool isExporting() const;

public Q_SLOTS:
    /// Adds the stories matching the chosen tag and status; returns how many were added.
    int addMatching();
    /// Writes the packet in the background; false (with the reason shown) when refused.
    bool startExport();
    void cancelExport();
    void reject() override;

Q_SIGNALS:
    void exportProgressed(int done, int total);
    /// The packet and its manifest were written and the export recorded.
    void packetExported(const QString &path, int storyCount);
    void exportFailed(const QString &error);

private:
    QWidget *buildStoryPane();
    QWidget *buildOptionsPane();
    void fillChoices();
    void reloadStories();
    void moveSelected(int delta);
    void removeSelected();
    void updateFormat();
    void updatePreview();
    void updateState();
    void onFinished(bool ok, const QString &error, bool cancelled);
    void setExporting(bool exporting);
    PacketRequest request() const;
    PacketOptions options() const;

    Session &mSession;
    PacketBuilder mBuilder;
    PacketStoryModel *mModel = nullptr;
    BackgroundJob *mJob = nullptr;
    QVector<Story> mStories; // the listed stories, read when the list changes
    QVector<PacketRefusal> mRefusals;
    QString mLoadError;
    QString mOrganisation;
    QString mPressContact;
    QString mWebsite;
    QString mExportPath; // of the running export
    Packet mExporting;   // the running export's packet, recorded once written
    // Its files: staged by the job, published together with the audit rows.
    std::shared_ptr<PacketFiles> mFiles;
    bool mCloseWhenDone = false;

    QListView *mList = nullptr;
    QPushButton *mUpButton = nullptr;
    QPushButton *mDownButton = nullptr;
    QPushButton *mRemoveButton = nullptr;
    QComboBox *mTagChoice = nullptr;
    QComboBox *mStatusChoice = nullptr;
    QLabel *mSummary = nullptr;
    QLineEdit *mTitle = nullptr;
    QComboBox *mFormat = nullptr;
    QComboBox *mPageSize = nullptr;
    OutputPathField *mOutput = nullptr;
    QCheckBox *mAllowUnapproved = nullptr;
    QTextBrowser *mPreview = nullptr;
    QProgressBar *mProgress = nullptr;
    QLabel *mReason = nullptr;
    QPushButton *mExportButton = nullptr;
    QPushButton *mCancelButton = nullptr;
    QPushButton *mCloseButton = nullptr;
};

} // namespace fo
