// ExportDialog's two panes, the stories and the options (exportdialog.cpp has the rest).

#include "common/outputpathfield.h"
#include "common/session.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "library/tagrepository.h"
#include "output/coverpreview.h"
#include "output/exportdialog.h"
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

namespace fo {

QWidget *ExportDialog::buildStoryPane()
{
    auto *box = new QGroupBox(tr("Stories, in packet order"), this);
    mList = new QListView(box);
    mList->setObjectName(QStringLiteral("packetStoryList"));
    mList->setModel(mModel);
    mList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mList->setDragDropMode(QAbstractItemView::InternalMove);
    mList->setDefaultDropAction(Qt::MoveAction);
    mList->setDropIndicatorShown(true);
    mList->setAlternatingRowColors(true);
    mList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long headlines are elided

    mUpButton = new QPushButton(tr("Move &Up"), box);
    mDownButton = new QPushButton(tr("Move &Down"), box);
    mRemoveButton = new QPushButton(tr("&Remove"), box);
    mUpButton->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Up));
    mDownButton->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down));
    connect(mUpButton, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(mDownButton, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(mRemoveButton, &QPushButton::clicked, this, &ExportDialog::removeSelected);
    auto *side = new QVBoxLayout;
    side->addWidget(mUpButton);
    side->addWidget(mDownButton);
    side->addWidget(mRemoveButton);
    side->addStretch(1);
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(mList, 1);
    listRow->addLayout(side);

    mTagChoice = new QComboBox(box);
    mTagChoice->setObjectName(QStringLiteral("packetTagChoice"));
    mStatusChoice = new QComboBox(box);
    mStatusChoice->setObjectName(QStringLiteral("packetStatusChoice"));
    auto *add = new QPushButton(tr("&Add Matching"), box);
    add->setObjectName(QStringLiteral("addMatchingButton"));
    connect(add, &QPushButton::clicked, this, &ExportDialog::addMatching);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(new QLabel(tr("Add by tag:"), box));
    addRow->addWidget(mTagChoice, 1);
    addRow->addWidget(mStatusChoice);
    addRow->addWidget(add);

    mSummary = new QLabel(box);
    mSummary->setObjectName(QStringLiteral("gateSummary"));
    mSummary->setWordWrap(true);
    mSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(listRow, 1);
    layout->addLayout(addRow);
    layout->addWidget(mSummary);
    connect(mList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ExportDialog::updateState);
    return box;
}

QWidget *ExportDialog::buildOptionsPane()
{
    auto *pane = new QWidget(this);
    mTitle = new QLineEdit(pane);
    mTitle->setObjectName(QStringLiteral("packetTitleEdit"));
    mTitle->setPlaceholderText(tr("e.g. Northern Uganda: courts and land, May"));
    mFormat = new QComboBox(pane);
    mFormat->setObjectName(QStringLiteral("packetFormatChoice"));
    mFormat->addItem(tr("PDF"), int(PacketFormat::Pdf));
    mFormat->addItem(tr("HTML folder"), int(PacketFormat::HtmlFolder));
    mFormat->addItem(tr("HTML single file"), int(PacketFormat::HtmlSingleFile));
    mPageSize = new QComboBox(pane);
    mPageSize->setObjectName(QStringLiteral("packetPageSizeChoice"));
    mPageSize->addItem(tr("A4"), int(PageSize::A4));
    mPageSize->addItem(tr("Letter"), int(PageSize::Letter));
    mOutput = new OutputPathField(pane);
    mAllowUnapproved =
        new QCheckBox(tr("Allow &unapproved (marked DRAFT \u2014 NOT FOR RELEASE)"), pane);
    mAllowUnapproved->setObjectName(QStringLiteral("allowUnapprovedBox"));
    mPreview = new QTextBrowser(pane);
    mPreview->setObjectName(QStringLiteral("coverPreview"));
    mPreview->setOpenLinks(false);
    mPreview->setOpenExternalLinks(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), mTitle);
    form->addRow(tr("&Format:"), mFormat);
    form->addRow(tr("&Paper:"), mPageSize);
    form->addRow(tr("&Save to:"), mOutput);
    form->addRow(QString(), mAllowUnapproved);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Cover:"), pane));
    layout->addWidget(mPreview, 1);

    connect(mTitle, &QLineEdit::textChanged, this, [this](const QString &title) {
        mOutput->setSuggestedName(OutputPathField::fileNameFor(title, tr("press-packet")));
        updatePreview();
        updateState();
    });
    connect(mFormat, &QComboBox::currentIndexChanged, this, &ExportDialog::updateFormat);
    connect(mOutput, &OutputPathField::pathChanged, this, &ExportDialog::updateState);
    connect(mAllowUnapproved, &QCheckBox::toggled, this, [this] {
        updatePreview();
        updateState();
    });
    return pane;
}

} // namespace fo
