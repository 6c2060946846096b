#include "review/auditdialog.h"
#include "common/childsignals.h"

#include "messages/refusaltext.h"
#include "people/personrepository.h"
#include "review/storypicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fo {

AuditTableModel::AuditTableModel(Database &db, QObject *parent)
    : QAbstractTableModel(parent), mDb(db)
{
}

void AuditTableModel::setFilter(const AuditFilter &filter)
{
    beginResetModel();
    mFilter = filter;
    mRows.clear();
    mError.clear();
    const Result<int> total = AuditLog(mDb).count(mFilter);
    mTotal = total ? *total : 0;
    mError = total ? QString() : refusalText(total.refusal());
    endResetModel();
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && mRows.size() < mTotal && mError.isEmpty();
}

void AuditTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    const Result<QVector<AuditEntry>> read =
        AuditLog(mDb).list(mFilter, int(mRows.size()), kPageSize);
    const QVector<AuditEntry> page = read ? *read : QVector<AuditEntry>();
    if (!read) {
        mError = refusalText(read.refusal());
    }
    if (page.isEmpty()) {
        mTotal = int(mRows.size()); // rows went away under us: stop asking
        return;
    }
    beginInsertRows(QModelIndex(), int(mRows.size()), int(mRows.size() + page.size() - 1));
    mRows += page;
    endInsertRows();
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mRows.size() ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return QVariant();
    }
    const AuditEntry &e = mRows.at(index.row());
    switch (index.column()) {
    case WhenColumn:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case ActionColumn:
        return auditActionKey(e.action);
    case StoryColumn:
        return e.storyId ? QVariant(e.storyId) : QVariant();
    case RevisionColumn:
        return e.revision ? QVariant(e.revision) : QVariant();
    case PersonColumn:
        return e.personName.isEmpty() ? tr("(nobody)") : e.personName;
    case DetailColumn:
        return e.detail;
    }
    return QVariant();
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QVariant();
    }
    switch (section) {
    case WhenColumn:
        return tr("When");
    case ActionColumn:
        return tr("Action");
    case StoryColumn:
        return tr("Story");
    case RevisionColumn:
        return tr("Revision");
    case PersonColumn:
        return tr("Person");
    case DetailColumn:
        return tr("Detail");
    }
    return QVariant();
}

AuditDialog::AuditDialog(Database &db, QWidget *parent)
    : QDialog(parent), mDb(db), mModel(new AuditTableModel(db, this))
{
    setWindowTitle(tr("Audit Trail"));
    auto *layout = new QVBoxLayout(this);
    auto *filters = new QGridLayout;

    mStory = new StoryPicker(mDb, this);
    mStory->setObjectName(QStringLiteral("auditStory"));
    mStory->setAccessibleName(tr("Story"));
    mStory->setMinimumWidth(220);
    auto *storyLabel = new QLabel(tr("&Story:"), this);
    storyLabel->setBuddy(mStory);
    filters->addWidget(storyLabel, 0, 0);
    filters->addWidget(mStory, 0, 1);

    mPerson = new QComboBox(this);
    mPerson->setObjectName(QStringLiteral("auditPerson"));
    mPerson->setAccessibleName(tr("Person"));
    mPerson->addItem(tr("Everyone"), qint64(0));
    const QVector<Person> people = PersonRepository(mDb).all(true).value_or(QVector<Person>());
    for (const Person &p : people) {
        mPerson->addItem(p.name, p.id);
    }
    auto *personLabel = new QLabel(tr("&Person:"), this);
    personLabel->setBuddy(mPerson);
    filters->addWidget(personLabel, 0, 2);
    filters->addWidget(mPerson, 0, 3);

    mAction = new QComboBox(this);
    mAction->setObjectName(QStringLiteral("auditAction"));
    mAction->setAccessibleName(tr("Action"));
    mAction->addItem(tr("Any action"), -1);
    for (AuditAction action : allAuditActions()) {
        mAction->addItem(auditActionKey(action), int(action));
    }
    auto *actionLabel = new QLabel(tr("&Action:"), this);
    actionLabel->setBuddy(mAction);
    filters->addWidget(actionLabel, 0, 4);
    filters->addWidget(mAction, 0, 5);

    const QDateTime now = QDateTime::currentDateTime();
    mUseFrom = new QCheckBox(tr("&From:"), this);
    mUseFrom->setAccessibleName(tr("Only from"));
    mFrom = new QDateTimeEdit(now.addDays(-7), this);
    mFrom->setObjectName(QStringLiteral("auditFrom"));
    mFrom->setAccessibleName(tr("From"));
    mFrom->setCalendarPopup(true);
    mFrom->setEnabled(false);
    mUseTo = new QCheckBox(tr("&Until:"), this);
    mUseTo->setAccessibleName(tr("Only until"));
    mTo = new QDateTimeEdit(now.addDays(1), this);
    mTo->setObjectName(QStringLiteral("auditTo"));
    mTo->setAccessibleName(tr("Until"));
    mTo->setCalendarPopup(true);
    mTo->setEnabled(false);
    filters->addWidget(mUseFrom, 1, 0);
    filters->addWidget(mFrom, 1, 1);
    filters->addWidget(mUseTo, 1, 2);
    filters->addWidget(mTo, 1, 3);
    mCount = new QLabel(this);
    mCount->setObjectName(QStringLiteral("auditCount"));
    filters->addWidget(mCount, 1, 4, 1, 2);
    layout->addLayout(filters);

    mView = new QTableView(this);
    mView->setObjectName(QStringLiteral("auditView"));
    mView->setAccessibleName(tr("Audit trail"));
    mView->setModel(mModel);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->verticalHeader()->hide();
    // The key columns as wide as what they hold; the detail takes the rest.
    // (Sized again as pages arrive: a header sized to contents does not look at rows fetched
    // after a reset, and the date was cut to "6 D…".)
    QHeaderView *header = mView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AuditTableModel::DetailColumn, QHeaderView::Stretch);
    connect(mModel, &QAbstractItemModel::rowsInserted, mView, [this] {
        for (int column = 0; column < AuditTableModel::DetailColumn; ++column) {
            mView->resizeColumnToContents(column);
        }
    });
    mView->setWordWrap(false);
    layout->addWidget(mView, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(mStory, &StoryPicker::storyChosen, this, &AuditDialog::applyFilter);
    connect(mPerson, &QComboBox::currentIndexChanged, this, &AuditDialog::applyFilter);
    connect(mAction, &QComboBox::currentIndexChanged, this, &AuditDialog::applyFilter);
    connect(mFrom, &QDateTimeEdit::dateTimeChanged, this, &AuditDialog::applyFilter);
    connect(mTo, &QDateTimeEdit::dateTimeChanged, this, &AuditDialog::applyFilter);
    connect(mUseFrom, &QCheckBox::toggled, mFrom, &QWidget::setEnabled);
    connect(mUseTo, &QCheckBox::toggled, mTo, &QWidget::setEnabled);
    connect(mUseFrom, &QCheckBox::toggled, this, &AuditDialog::applyFilter);
    connect(mUseTo, &QCheckBox::toggled, this, &AuditDialog::applyFilter);

    applyFilter();
    resize(900, 560);
}

void AuditDialog::applyFilter()
{
    AuditFilter filter;
    filter.storyId = mStory->storyId();
    filter.personId = mPerson->currentData().toLongLong();
    if (const int action = mAction->currentData().toInt(); action >= 0) {
        filter.actions << AuditAction(action);
    }
    if (mUseFrom->isChecked()) {
        filter.from = mFrom->dateTime().toUTC();
    }
    if (mUseTo->isChecked()) {
        filter.to = mTo->dateTime().toUTC();
    }
    mModel->setFilter(filter);
    if (!mModel->lastError().isEmpty()) {
        mCount->setText(tr("Cannot read the audit trail: %1").arg(mModel->lastError()));
    } else {
        mCount->setText(mModel->totalCount() == 1 ? tr("1 entry")
                                                  : tr("%1 entries").arg(mModel->totalCount()));
    }
}

AuditDialog::~AuditDialog()
{
    disconnectChildSignals(this);
}

} // namespace fo
