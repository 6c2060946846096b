#include "output/storyexportdialog.h"
#include "common/childsignals.h"

#include "common/backgroundjob.h"
#include "common/outputpathfield.h"
#include "common/session.h"
#include "export/exportrecord.h"
#include "export/htmlexporter.h"
#include "export/pdfexporter.h"
#include "library/organisationsettings.h"
#include "messages/refusaltext.h"
#include "output/embargonote.h"
#include "stories/storyrepository.h"
#include "workflow/workflow.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace fo {

namespace {

enum class Format
{
    Pdf,
    Html,
};

} // namespace

StoryExportDialog::StoryExportDialog(Session &session, qint64 storyId, QWidget *parent)
    : QDialog(parent), mSession(session)
{
    setWindowTitle(tr("Export Story"));
    mJob = new BackgroundJob(this);
    QString error;
    if (const auto story = StoryRepository(session.database()).get(storyId); !story) {
        error = refusalText(story.refusal());
    } else {
        mStory = *story;
        mLoaded = true;
        // Anything but the approved version, unchanged, leaves the office marked as a draft.
        const ApprovalState approval = Workflow(session.database()).approvalState(mStory);
        mDraft = !approval.valid;
        mApprovedRevision =
            approval.valid && approval.approval ? approval.approval->revisionNumber : 0;
        mStatusText = Workflow::statusText(mStory.status, approval);
    }
    mOrganisation = OrganisationSettings(session.database()).load().name;

    auto *headline = new QLabel(this);
    headline->setWordWrap(true);
    headline->setText(mLoaded ? QStringLiteral("<b>%1</b>").arg(htmlEscape(mStory.headline))
                              : tr("Cannot read story %1: %2").arg(storyId).arg(error));
    mFormat = new QComboBox(this);
    mFormat->setObjectName(QStringLiteral("storyFormatChoice"));
    mFormat->addItem(tr("PDF"), int(Format::Pdf));
    mFormat->addItem(tr("HTML file"), int(Format::Html));
    mPageSize = new QComboBox(this);
    mPageSize->addItem(tr("A4"), int(PageSize::A4));
    mPageSize->addItem(tr("Letter"), int(PageSize::Letter));
    mOutput = new OutputPathField(this);
    mOutput->setSuggestedName(OutputPathField::fileNameFor(mStory.headline, tr("story")));
    mNote = new QLabel(this);
    mNote->setObjectName(QStringLiteral("storyExportNote"));
    mNote->setWordWrap(true);
    mProgress = new QProgressBar(this);
    mProgress->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), mFormat);
    form->addRow(tr("&Paper:"), mPageSize);
    form->addRow(tr("&Save to:"), mOutput);

    auto *buttons = new QDialogButtonBox(this);
    mExportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    mExportButton->setObjectName(QStringLiteral("exportButton"));
    mCancelButton = new QPushButton(tr("&Cancel Export"), this);
    mCancelButton->setVisible(false);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    connect(mExportButton, &QPushButton::clicked, this, &StoryExportDialog::startExport);
    connect(mCancelButton, &QPushButton::clicked, this, &StoryExportDialog::cancelExport);
    connect(close, &QPushButton::clicked, this, &StoryExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headline);
    layout->addLayout(form);
    layout->addWidget(mNote);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(mProgress, 1);
    progressRow->addWidget(mCancelButton);
    layout->addLayout(progressRow);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(mFormat, &QComboBox::currentIndexChanged, this, &StoryExportDialog::updateFormat);
    connect(mOutput, &OutputPathField::pathChanged, this, &StoryExportDialog::updateState);
    connect(mJob, &BackgroundJob::progressed, this, [this](int done, int total) {
        mProgress->setRange(0, qMax(total, 1));
        mProgress->setValue(qMin(done, qMax(total, 1)));
    });
    connect(mJob, &BackgroundJob::finished, this, &StoryExportDialog::onFinished);
    updateFormat();
    resize(560, sizeHint().height());
}

StoryExportDialog::~StoryExportDialog()
{
    disconnectChildSignals(this);
}

void StoryExportDialog::updateFormat()
{
    const bool pdf = Format(mFormat->currentData().toInt()) == Format::Pdf;
    mPageSize->setEnabled(pdf);
    mOutput->setKind(OutputPathField::Kind::File,
                     pdf ? QStringLiteral("pdf") : QStringLiteral("html"),
                     pdf ? tr("PDF files (*.pdf)") : tr("HTML files (*.html)"));
    updateState();
}

void StoryExportDialog::updateState()
{
    if (mJob->isRunning()) {
        return;
    }
    QString refusal;
    if (!mLoaded) {
        refusal = tr("The story could not be read.");
    } else if (mOutput->path().isEmpty()) {
        refusal = tr("Choose where to save the story.");
    }
    mExportButton->setEnabled(refusal.isEmpty());
    mExportButton->setToolTip(refusal);
    if (!refusal.isEmpty()) {
        mNote->setText(refusal);
    } else if (mDraft) {
        QString note = tr("This version is not approved (%1), so every page is marked "
                          "\u201cDRAFT \u2014 NOT FOR RELEASE\u201d.")
                           .arg(mStatusText);
        if (const QString embargo = embargoNote({mStory}); !embargo.isEmpty()) {
            note += QLatin1Char(' ') + tr("It is %1.").arg(embargo);
        }
        mNote->setText(note);
    } else if (const QString embargo = embargoNote({mStory}); !embargo.isEmpty()) {
        mNote->setText(
            tr("The approved version, %1: not to be published before then.").arg(embargo));
    } else {
        mNote->setText(tr("The approved version, ready to send."));
    }
}

bool StoryExportDialog::startExport()
{
    if (mJob->isRunning() || !mExportButton->isEnabled()) {
        return false;
    }
    mExportPath = mOutput->path();
    PdfOptions options;
    options.pageSize = PageSize(mPageSize->currentData().toInt());
    options.draft = mDraft;
    options.organisation = mOrganisation;
    const QString format = Format(mFormat->currentData().toInt()) == Format::Pdf
                               ? QStringLiteral("pdf")
                               : QStringLiteral("html");
    // The job writes the file under a part name; it goes into place with its audit row when
    // the job is done (onFinished).
    mFiles = std::make_shared<FileSet>();
    mJob->start([files = mFiles, story = mStory, path = mExportPath, format,
                 options](const BackgroundJob::Progress &progress, QString *error) {
        PdfOptions o = options;
        o.progress = progress;
        const Status staged = stageStoryExport(story, path, format, o, *files);
        if (!staged) {
            *error = refusalText(staged.refusal());
        }
        return staged.ok();
    });
    setExporting(true);
    return true;
}

void StoryExportDialog::cancelExport()
{
    if (mJob->isRunning()) {
        mJob->cancel();
        mCancelButton->setEnabled(false);
    }
}

void StoryExportDialog::reject()
{
    if (mJob->isRunning()) {
        mCloseWhenDone = true;
        cancelExport();
        return;
    }
    QDialog::reject();
}

void StoryExportDialog::setExporting(bool exporting)
{
    mFormat->setEnabled(!exporting);
    mPageSize->setEnabled(!exporting && Format(mFormat->currentData().toInt()) == Format::Pdf);
    mOutput->setEnabled(!exporting);
    mExportButton->setEnabled(!exporting);
    mProgress->setVisible(exporting);
    mProgress->setRange(0, 0);
    mCancelButton->setVisible(exporting);
    mCancelButton->setEnabled(exporting);
    if (exporting) {
        mNote->setText(tr("Writing…"));
    } else {
        updateState();
    }
}

void StoryExportDialog::onFinished(bool ok, const QString &error, bool cancelled)
{
    setExporting(false);
    const std::shared_ptr<FileSet> files = std::exchange(mFiles, nullptr);
    if (files && (!ok || cancelled || mCloseWhenDone)) {
        files->discard();
    }
    QString recordError;
    if (ok && !cancelled && !mCloseWhenDone && !recordExport(files.get(), &recordError)) {
        ok = false;
    }
    if (mCloseWhenDone) {
        QDialog::reject();
    } else if (cancelled) {
        mNote->setText(tr("Export cancelled; nothing was written."));
    } else if (!ok) {
        const QString why = error.isEmpty() ? recordError : error;
        mNote->setText(tr("The story could not be exported: %1").arg(why));
        Q_EMIT exportFailed(why);
    } else {
        OutputPathField::remember(mExportPath); // the next export starts in this folder
        Q_EMIT storyExported(mExportPath, mDraft);
        accept();
    }
}

bool StoryExportDialog::recordExport(FileSet *files, QString *error)
{
    if (!files) {
        return false;
    }
    Person who = mSession.person();
    if (who.name.isEmpty()) {
        who.name = QStringLiteral("(window)");
    }
    StoryExportRecord record;
    record.format = Format(mFormat->currentData().toInt()) == Format::Pdf ? QStringLiteral("pdf")
                                                                          : QStringLiteral("html");
    record.draft = mDraft;
    record.revision = mDraft ? 0 : mApprovedRevision;
    const Status recorded =
        recordStoryExport(mSession.database(), mStory, who, mExportPath, record, *files);
    if (!recorded) {
        *error = refusalText(recorded.refusal());
    }
    return recorded.ok();
}

} // namespace fo
