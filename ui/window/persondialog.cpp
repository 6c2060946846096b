#include "window/persondialog.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "common/errorstrip.h"
#include "common/session.h"
#include "common/uisettings.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "people/personrepository.h"
#include "window/peopleadminpanel.h"
#include "workflow/joinrequests.h"
#include "workflow/workflow.h"

#include <QAbstractListModel>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace fo {

/// The library's active people, by name. A library has a handful of people, so they are read
/// whole.
class PersonListModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    void setPeople(const QVector<Person> &people)
    {
        beginResetModel();
        mPeople = people;
        endResetModel();
    }
    const Person &personAt(int row) const { return mPeople.at(row); }
    int rowOf(qint64 id) const
    {
        for (int i = 0; i < mPeople.size(); ++i) {
            if (mPeople.at(i).id == id) {
                return i;
            }
        }
        return -1;
    }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(mPeople.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= mPeople.size()) {
            return QVariant();
        }
        const Person &p = mPeople.at(index.row());
        if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
            QStringList roles;
            for (Role r : allRoles()) {
                if (p.has(r)) {
                    roles << roleLabel(r);
                }
            }
            return QStringLiteral("%1 — %2").arg(p.name, roles.join(QStringLiteral(", ")));
        }
        return QVariant();
    }

private:
    QVector<Person> mPeople;
};

PersonDialog::PersonDialog(Session &session, QWidget *parent)
    : QDialog(parent), mSession(session), mModel(new PersonListModel(this))
{
    setWindowTitle(tr("Who Are You?"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Changes, reviews and comments are recorded under your name. "
                                "On a shared file this is a workflow guard, not a password."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    mList = new QListView(this);
    mList->setObjectName(QStringLiteral("personList"));
    mList->setAccessibleName(tr("People"));
    mList->setModel(mModel);
    mList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(mList, 1);

    mNewBox = new QGroupBox(tr("New here?"), this);
    auto *newLayout = new QVBoxLayout(mNewBox);
    mNewNote = new QLabel(mNewBox);
    mNewNote->setObjectName(QStringLiteral("newcomerNote"));
    mNewNote->setWordWrap(true);
    newLayout->addWidget(mNewNote);
    auto *nameRow = new QHBoxLayout;
    mName = new QLineEdit(mNewBox);
    mName->setObjectName(QStringLiteral("newcomerName"));
    mName->setAccessibleName(tr("Your name"));
    mName->setPlaceholderText(tr("Your full name"));
    nameRow->addWidget(new QLabel(tr("Your &name:"), mNewBox));
    qobject_cast<QLabel *>(nameRow->itemAt(0)->widget())->setBuddy(mName);
    nameRow->addWidget(mName, 1);
    mJoin = new QPushButton(tr("I'm &New — Add Me"), mNewBox);
    mJoin->setObjectName(QStringLiteral("joinButton"));
    nameRow->addWidget(mJoin);
    newLayout->addLayout(nameRow);
    layout->addWidget(mNewBox);

    mAdmin = new PeopleAdminPanel(session, this);
    layout->addWidget(mAdmin);

    mMessage = new ErrorStrip(this);
    mMessage->setObjectName(QStringLiteral("personMessage"));
    layout->addWidget(mMessage);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setText(tr("Work as This Person"));
    mOk->setAccessibleName(mOk->text());
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setToolTip(tr("Without a person the window shows the stories but changes nothing."));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &PersonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PersonDialog::reject);
    connect(mJoin, &QPushButton::clicked, this, &PersonDialog::join);
    connect(mName, &QLineEdit::returnPressed, this, &PersonDialog::join);
    connect(mName, &QLineEdit::textChanged, this, &PersonDialog::updateButtons);
    connect(mList, &QListView::doubleClicked, this, &PersonDialog::accept);
    connect(mAdmin, &PeopleAdminPanel::personAdded, this, &PersonDialog::reload);

    reload(mSession.person().id);
    // Room for the list when there are people; only the newcomer's box on a fresh library.
    resize(500, mList->isHidden() ? sizeHint().height() : 480);
}

void PersonDialog::reload(qint64 selectId)
{
    QVector<Person> people =
        PersonRepository(mSession.database()).all(false).value_or(QVector<Person>());
    mModel->setPeople(people);
    const int row = mModel->rowOf(selectId);
    if (row >= 0 || !people.isEmpty()) {
        mList->setCurrentIndex(mModel->index(qMax(row, 0), 0));
    }
    connect(mList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PersonDialog::updateButtons, Qt::UniqueConnection);
    const bool firstAdmin = JoinRequests(mSession.database()).firstPersonBecomesAdmin();
    mNewNote->setText(
        firstAdmin ? tr("This library has no admin yet. Type your name: you become its admin, "
                        "with every role, and can then add the others.")
                   : tr("Not in the list? Type your name and ask to join. An admin of this "
                        "library adds you with your roles; until then you can read the stories "
                        "but not change them."));
    mJoin->setText(firstAdmin ? tr("I'm &New — Add Me as Admin") : tr("I'm &New — Ask to Join"));
    mList->setVisible(!people.isEmpty());
    mOk->setVisible(!people.isEmpty()); // nobody to pick on a fresh library
    if (people.isEmpty()) {
        mName->setFocus();
    }
    mAdmin->reload();
    updateButtons();
}

void PersonDialog::updateButtons()
{
    mOk->setEnabled(mList->currentIndex().isValid());
    mJoin->setEnabled(!mName->text().trimmed().isEmpty());
    mJoin->setDefault(mName->hasFocus() || !mOk->isEnabled());
}

Person PersonDialog::selectedPerson() const
{
    const QModelIndex index = mList->currentIndex();
    return index.isValid() ? mModel->personAt(index.row()) : Person();
}

void PersonDialog::join()
{
    const QString name = mName->text().trimmed();
    if (name.isEmpty()) {
        return;
    }
    const Result<JoinRequests::Joined> joined = JoinRequests(mSession.database()).join(name);
    if (!joined) {
        mMessage->showMessage(refusalText(joined.refusal()));
        return;
    }
    UiSettings settings;
    if (joined->person) {
        settings.setJoinName(mSession.database().path(), QString());
        mSession.setPerson(*joined->person);
        QDialog::accept();
        return;
    }
    settings.setJoinName(mSession.database().path(), name);
    Q_EMIT joinAsked(name);
    QDialog::reject(); // nobody to work as yet: the window reads only
}

void PersonDialog::accept()
{
    const Person person = selectedPerson();
    if (!person.isKnown()) {
        return;
    }
    mSession.setPerson(person);
    QDialog::accept();
}
PersonDialog::~PersonDialog()
{
    disconnectChildSignals(this);
}

} // namespace fo
