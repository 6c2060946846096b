#include "output/exportdialog.h"
#include "common/childsignals.h"

#include "common/backgroundjob.h"
#include "common/outputpathfield.h"
#include "common/session.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "library/tagrepository.h"
#include "messages/refusaltext.h"
#include "output/coverpreview.h"
#include "output/embargonote.h"
#include "output/packetstorymodel.h"
#include "workflow/workflow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <utility>

namespace fo {

ExportDialog::ExportDialog(Session &session, const QVector<qint64> &storyIds, QWidget *parent)
    : QDialog(parent), mSession(session), mBuilder(session.database())
{
    setWindowTitle(tr("Export Press Packet"));
    mModel = new PacketStoryModel(this);
    mJob = new BackgroundJob(this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildStoryPane());
    splitter->addWidget(buildOptionsPane());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    mProgress = new QProgressBar(this);
    mProgress->setObjectName(QStringLiteral("exportProgress"));
    mProgress->setVisible(false);
    mReason = new QLabel(this);
    mReason->setObjectName(QStringLiteral("exportRefusalLabel"));
    mReason->setWordWrap(true);
    mReason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    mExportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    mExportButton->setObjectName(QStringLiteral("exportButton"));
    // Beside the progress bar, not in the button box (which shows every button it lays out).
    mCancelButton = new QPushButton(tr("&Cancel Export"), this);
    mCancelButton->setObjectName(QStringLiteral("cancelExportButton"));
    mCancelButton->setVisible(false);
    mCloseButton = buttons->addButton(QDialogButtonBox::Close);
    // Export is a click, not Return in the title field: a packet goes out to journalists.
    mExportButton->setAutoDefault(false);
    connect(mExportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(mCancelButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(mCloseButton, &QPushButton::clicked, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(mProgress, 1);
    progressRow->addWidget(mCancelButton);
    layout->addLayout(progressRow);
    layout->addWidget(mReason);
    layout->addWidget(buttons);

    connect(mJob, &BackgroundJob::progressed, this, [this](int done, int total) {
        mProgress->setRange(0, qMax(total, 1));
        mProgress->setValue(qMin(done, qMax(total, 1)));
        Q_EMIT exportProgressed(done, total);
    });
    connect(mJob, &BackgroundJob::finished, this, &ExportDialog::onFinished);
    connect(&mSession, &Session::personChanged, this, &ExportDialog::updateState);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(mModel, signal, this, &ExportDialog::reloadStories);
    }
    connect(mModel, &QAbstractItemModel::rowsMoved, this, &ExportDialog::reloadStories);

    const OrganisationInfo org = OrganisationSettings(mSession.database()).load();
    mOrganisation = org.name;
    mPressContact = org.pressContact;
    fillChoices();
    if (!storyIds.isEmpty()) {
        PacketRequest initial;
        initial.storyIds = storyIds;
        if (const auto stories = mBuilder.select(initial)) {
            mModel->append(*stories);
        } else {
            mLoadError = refusalText(stories.refusal());
        }
    }
    updateFormat();
    reloadStories();
    resize(960, 620);
}

ExportDialog::~ExportDialog()
{
    disconnectChildSignals(this);
} // mJob, a child, cancels and waits for its thread

void ExportDialog::fillChoices()
{
    mTagChoice->addItem(tr("Any tag"), QString());
    const Result<QVector<Tag>> tags = TagRepository(mSession.database()).all();
    for (const Tag &tag : tags ? *tags : QVector<Tag>()) {
        mTagChoice->addItem(tag.label(), tag.label());
    }
    mStatusChoice->addItem(tr("Any state"), -1);
    for (const StoryStatus status : allStatuses()) {
        mStatusChoice->addItem(statusLabel(status), int(status));
    }
    mStatusChoice->setCurrentIndex(mStatusChoice->findData(int(StoryStatus::Approved)));
}

int ExportDialog::addMatching()
{
    PacketRequest r;
    const QString tag = mTagChoice->currentData().toString();
    if (!tag.isEmpty()) {
        r.tags << tag;
    }
    const int status = mStatusChoice->currentData().toInt();
    if (status >= 0) {
        r.status = StoryStatus(status);
    }
    if (r.tags.isEmpty() && !r.status) {
        mSummary->setText(tr("Choose a tag or a state to add the stories that match."));
        return 0;
    }
    const auto stories = mBuilder.select(r);
    if (!stories) {
        mSummary->setText(tr("No stories match %1 and %2.")
                              .arg(mTagChoice->currentText(), mStatusChoice->currentText()));
        return 0;
    }
    const int added = mModel->append(*stories);
    if (added == 0) {
        mSummary->setText(gateSummary() + QLatin1Char('\n') +
                          tr("All the matching stories are listed already."));
    }
    return added;
}

void ExportDialog::reloadStories()
{
    mStories.clear();
    mRefusals.clear();
    if (mModel->rowCount() > 0) {
        PacketRequest r;
        r.storyIds = mModel->storyIds();
        if (const auto stories = mBuilder.select(r)) {
            mStories = *stories;
            mRefusals = mBuilder.gate(mStories);
            mLoadError.clear();
        } else {
            mLoadError = refusalText(stories.refusal()); // a story went to the Trash meanwhile
        }
    }
    if (mTitle->text().trimmed().isEmpty() && mStories.size() == 1) {
        mOutput->setSuggestedName(
            OutputPathField::fileNameFor(mStories.constFirst().headline, tr("press-packet")));
    }
    mSummary->setText(gateSummary());
    updatePreview();
    updateState();
}

QString ExportDialog::gateSummary() const
{
    if (!mLoadError.isEmpty()) {
        return tr("Cannot read the stories: %1").arg(mLoadError);
    }
    if (mStories.isEmpty()) {
        return tr("No stories yet: select stories in the library before opening this dialog, "
                  "or add them by tag and state.");
    }
    const int ready = int(mStories.size() - mRefusals.size());
    QStringList parts;
    parts << (ready == 1 ? tr("1 story ready") : tr("%1 stories ready").arg(ready));
    for (const PacketRefusal &r : mRefusals) {
        parts << approvalRefusalText(r.why, r.headline); // "story 12 “Headline” is in review, …"
    }
    // Issue 12 item 18: ready, but not to be published yet (the cover and pages say so too).
    if (const QString embargo = embargoNote(mStories); !embargo.isEmpty()) {
        parts << tr("the packet is %1").arg(embargo);
    }
    return parts.join(QStringLiteral("; "));
}

void ExportDialog::moveSelected(int delta)
{
    const QModelIndex current = mList->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const int row = current.row();
    const int target = row + delta;
    if (target < 0 || target >= mModel->rowCount()) {
        return;
    }
    // moveRow's destination is the row before which it lands.
    mModel->moveRow(QModelIndex(), row, QModelIndex(), delta > 0 ? target + 1 : target);
    mList->setCurrentIndex(mModel->index(target));
}

void ExportDialog::removeSelected()
{
    QModelIndexList rows = mList->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() > b.row(); });
    for (const QModelIndex &index : rows) {
        mModel->removeRow(index.row());
    }
}

void ExportDialog::updateFormat()
{
    const auto format = PacketFormat(mFormat->currentData().toInt());
    mPageSize->setEnabled(format == PacketFormat::Pdf);
    switch (format) {
    case PacketFormat::Pdf:
        mOutput->setKind(OutputPathField::Kind::File, QStringLiteral("pdf"),
                         tr("PDF files (*.pdf)"));
        break;
    case PacketFormat::HtmlFolder:
        mOutput->setKind(OutputPathField::Kind::Folder, QString(), QString());
        break;
    case PacketFormat::HtmlSingleFile:
        mOutput->setKind(OutputPathField::Kind::File, QStringLiteral("html"),
                         tr("HTML files (*.html)"));
        break;
    }
}

QString ExportDialog::coverPreviewHtml() const
{
    Packet packet;
    packet.title = mTitle->text().trimmed();
    packet.organisation = mOrganisation;
    packet.pressContact = mPressContact;
    packet.createdAt = QDateTime::currentDateTimeUtc();
    packet.draft = mAllowUnapproved->isChecked();
    for (const Story &story : mStories) {
        packet.stories.append(PacketStory{story, {}});
    }
    return fo::coverPreviewHtml(packet);
}

void ExportDialog::updatePreview()
{
    mPreview->setHtml(coverPreviewHtml());
}

QString ExportDialog::exportRefusal() const
{
    if (const QString r = Workflow::exportRefusal(mSession.person()); !r.isEmpty()) {
        return mSession.hasPerson() ? r
                                    : tr("Choose who you are first: building press packets "
                                         "needs the exporter role.");
    }
    if (mSession.database().isReadOnly()) {
        return tr("The library is read-only, so the export could not be recorded.");
    }
    if (!mLoadError.isEmpty() || mStories.isEmpty()) {
        return tr("Add at least one story.");
    }
    if (!mRefusals.isEmpty() && !mAllowUnapproved->isChecked()) {
        QStringList reasons;
        // A few are enough to act on; the summary above the list names them all.
        for (const PacketRefusal &r : mRefusals.mid(0, 3)) {
            reasons << refusalText(r.why);
        }
        if (mRefusals.size() > 3) {
            reasons << tr("%1 more").arg(mRefusals.size() - 3);
        }
        return tr("Only approved stories go into a packet: %1.")
            .arg(reasons.join(QStringLiteral("; ")));
    }
    if (mTitle->text().trimmed().isEmpty()) {
        return tr("Give the packet a title.");
    }
    if (mOutput->path().isEmpty()) {
        return tr("Choose where to save the packet.");
    }
    return QString();
}

void ExportDialog::updateState()
{
    const bool busy = mJob->isRunning();
    const QModelIndex current = mList->currentIndex();
    mUpButton->setEnabled(!busy && current.isValid() && current.row() > 0);
    mDownButton->setEnabled(!busy && current.isValid() && current.row() < mModel->rowCount() - 1);
    mRemoveButton->setEnabled(!busy && mList->selectionModel()->hasSelection());
    if (busy) {
        return;
    }
    const QString refusal = exportRefusal();
    mExportButton->setEnabled(refusal.isEmpty());
    mExportButton->setToolTip(refusal);
    mReason->setText(refusal);
}

PacketRequest ExportDialog::request() const
{
    PacketRequest r;
    r.storyIds = mModel->storyIds();
    r.title = mTitle->text().trimmed();
    r.allowUnapproved = mAllowUnapproved->isChecked();
    return r;
}

PacketOptions ExportDialog::options() const
{
    PacketOptions o;
    o.format = PacketFormat(mFormat->currentData().toInt());
    o.pageSize = PageSize(mPageSize->currentData().toInt());
    return o;
}

bool ExportDialog::startExport()
{
    if (mJob->isRunning()) {
        return false;
    }
    reloadStories(); // the stories as they are now, not as they were when listed
    if (!exportRefusal().isEmpty()) {
        return false;
    }
    const PacketRequest r = request();
    mExporting = mBuilder.build(mStories, r, mSession.person());
    mExportPath = mOutput->path();
    // The worker gets values only: the packet, the path and the options. It writes the files
    // under part names; they go into place with the audit rows when it is done (onFinished).
    mFiles = std::make_shared<PacketFiles>();
    mJob->start([files = mFiles, packet = mExporting, path = mExportPath,
                 options = options()](const BackgroundJob::Progress &progress, QString *error) {
        PacketOptions o = options;
        o.progress = progress;
        const Status staged = files->stage(packet, path, o);
        if (!staged) {
            *error = refusalText(staged.refusal());
        }
        return staged.ok();
    });
    setExporting(true);
    mReason->setText(tr("Writing the packet…"));
    return true;
}

void ExportDialog::cancelExport()
{
    if (mJob->isRunning()) {
        mJob->cancel();
        mCancelButton->setEnabled(false);
        mReason->setText(tr("Cancelling…"));
    }
}

bool ExportDialog::isExporting() const
{
    return mJob->isRunning();
}

void ExportDialog::reject()
{
    if (mJob->isRunning()) {
        // Closing during an export cancels it; the dialog goes once nothing is being written.
        mCloseWhenDone = true;
        cancelExport();
        return;
    }
    QDialog::reject();
}

void ExportDialog::setExporting(bool exporting)
{
    for (QWidget *w : {mList->parentWidget(), mTitle->parentWidget()}) {
        w->setEnabled(!exporting);
    }
    mExportButton->setEnabled(!exporting);
    mProgress->setVisible(exporting);
    mProgress->setRange(0, 0); // busy until the first tick says how much there is
    mCancelButton->setVisible(exporting);
    mCancelButton->setEnabled(exporting);
    updateState();
}

void ExportDialog::onFinished(bool ok, const QString &error, bool cancelled)
{
    setExporting(false);
    // Published below with the record, or discarded here (the part files go with it).
    const std::shared_ptr<PacketFiles> files = std::exchange(mFiles, nullptr);
    if (files && (!ok || cancelled || mCloseWhenDone)) {
        files->discard();
    }
    if (mCloseWhenDone) {
        QDialog::reject();
        return;
    }
    if (cancelled) {
        mReason->setText(tr("Export cancelled; nothing was written."));
        return;
    }
    if (!ok) {
        mReason->setText(tr("The packet could not be written: %1").arg(error));
        Q_EMIT exportFailed(error);
        return;
    }
    const Status recorded =
        files ? mBuilder.recordExport(mExporting, mSession.person(), mExportPath, files.get())
              : Status(Refusal(RefusalKind::StorageFailed));
    if (!recorded) {
        // Without files there is nothing to say but that it failed (as before: no words).
        const QString recordError = files ? refusalText(recorded.refusal()) : QString();
        const QString message = tr("The packet could not be written: %1").arg(recordError);
        mReason->setText(message);
        Q_EMIT exportFailed(message);
        return;
    }
    OutputPathField::remember(mExportPath); // the next export starts in this folder
    Q_EMIT packetExported(mExportPath, int(mExporting.stories.size()));
    accept();
}

} // namespace fo
