#include "window/persondialog.h"
#include "common/childsignals.h"
#include "messages/refusaltext.h"

#include "common/errorstrip.h"
#include "common/session.h"
#include "people/personrepository.h"
#include "workflow/workflow.h"

#include <QAbstractListModel>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
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

    auto *addBox = new QGroupBox(tr("Add a person"), this);
    auto *form = new QFormLayout(addBox);
    mName = new QLineEdit(addBox);
    mName->setObjectName(QStringLiteral("personName"));
    mName->setAccessibleName(tr("New person's name"));
    form->addRow(tr("&Name:"), mName);
    auto *roleRow = new QHBoxLayout;
    for (Role role : allRoles()) {
        auto *box = new QCheckBox(roleLabel(role), addBox);
        box->setObjectName(QStringLiteral("role_") + roleKey(role));
        box->setProperty("role", int(role));
        box->setAccessibleName(roleLabel(role));
        roleRow->addWidget(box);
        mRoleBoxes << box;
    }
    form->addRow(tr("Roles:"), roleRow);
    mAdd = new QPushButton(tr("&Add"), addBox);
    mAdd->setObjectName(QStringLiteral("addPerson"));
    mAdd->setAccessibleName(tr("Add person"));
    form->addRow(QString(), mAdd);
    layout->addWidget(addBox);

    mMessage = new ErrorStrip(this);
    mMessage->setObjectName(QStringLiteral("personMessage"));
    layout->addWidget(mMessage);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setText(tr("Work as This Person"));
    mOk->setAccessibleName(mOk->text());
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &PersonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PersonDialog::reject);
    connect(mAdd, &QPushButton::clicked, this, &PersonDialog::addPerson);
    connect(mName, &QLineEdit::returnPressed, this, &PersonDialog::addPerson);
    connect(mName, &QLineEdit::textChanged, this, &PersonDialog::updateButtons);
    connect(mList, &QListView::doubleClicked, this, &PersonDialog::accept);

    reload(mSession.person().id);
    resize(460, 420);
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
    // The first person sets up the others: every role.
    for (QCheckBox *box : std::as_const(mRoleBoxes)) {
        box->setChecked(people.isEmpty());
    }
    if (people.isEmpty()) {
        mName->setFocus();
    }
    updateButtons();
}

void PersonDialog::updateButtons()
{
    mOk->setEnabled(mList->currentIndex().isValid());
    mAdd->setEnabled(!mName->text().trimmed().isEmpty());
}

Person PersonDialog::selectedPerson() const
{
    const QModelIndex index = mList->currentIndex();
    return index.isValid() ? mModel->personAt(index.row()) : Person();
}

void PersonDialog::addPerson()
{
    Person person;
    person.name = mName->text().trimmed();
    for (QCheckBox *box : std::as_const(mRoleBoxes)) {
        if (box->isChecked()) {
            person.roles |= Role(box->property("role").toInt());
        }
    }
    QString error;
    if (person.name.isEmpty()) {
        return;
    }
    if (!person.roles) {
        error = tr("Give %1 at least one role.").arg(person.name);
    } else if (const Status added =
                   Workflow(mSession.database()).addPerson(person, mSession.person());
               !added) {
        error = refusalText(added.refusal());
    } else {
        mName->clear();
        mMessage->hide();
        reload(person.id);
        return;
    }
    mMessage->showMessage(error);
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
