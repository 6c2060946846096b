#include "window/peopleadminpanel.h"

#include "common/errorstrip.h"
#include "common/session.h"
#include "messages/refusaltext.h"
#include "workflow/joinrequests.h"
#include "workflow/workflow.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStringListModel>

namespace fo {

PeopleAdminPanel::PeopleAdminPanel(Session &session, QWidget *parent)
    : QGroupBox(tr("People (admin)"), parent), mSession(session),
      mRequestNames(new QStringListModel(this))
{
    setObjectName(QStringLiteral("peopleAdminPanel"));
    auto *form = new QFormLayout(this);
    mRequestList = new QListView(this);
    mRequestList->setObjectName(QStringLiteral("joinRequestList"));
    mRequestList->setAccessibleName(tr("Asking to join"));
    mRequestList->setModel(mRequestNames);
    mRequestList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mRequestList->setMaximumHeight(mRequestList->fontMetrics().lineSpacing() * 4 + 8);
    form->addRow(tr("Asking to join:"), mRequestList);

    auto *roleRow = new QHBoxLayout;
    for (Role role : allRoles()) {
        auto *box = new QCheckBox(roleLabel(role), this);
        box->setObjectName(QStringLiteral("role_") + roleKey(role));
        box->setProperty("role", int(role));
        box->setChecked(role == Role::Editor);
        roleRow->addWidget(box);
        mRoleBoxes << box;
    }
    form->addRow(tr("With roles:"), roleRow);

    auto *requestButtons = new QHBoxLayout;
    mApprove = new QPushButton(tr("A&pprove"), this);
    mApprove->setObjectName(QStringLiteral("approveJoin"));
    mDecline = new QPushButton(tr("&Decline"), this);
    mDecline->setObjectName(QStringLiteral("declineJoin"));
    requestButtons->addWidget(mApprove);
    requestButtons->addWidget(mDecline);
    requestButtons->addStretch(1);
    form->addRow(QString(), requestButtons);

    auto *addRow = new QHBoxLayout;
    mName = new QLineEdit(this);
    mName->setObjectName(QStringLiteral("personName"));
    mName->setAccessibleName(tr("New person's name"));
    mAdd = new QPushButton(tr("&Add"), this);
    mAdd->setObjectName(QStringLiteral("addPerson"));
    addRow->addWidget(mName, 1);
    addRow->addWidget(mAdd);
    form->addRow(tr("Or add by &name:"), addRow);

    mMessage = new ErrorStrip(this);
    form->addRow(mMessage);

    connect(mApprove, &QPushButton::clicked, this, &PeopleAdminPanel::approve);
    connect(mDecline, &QPushButton::clicked, this, &PeopleAdminPanel::decline);
    connect(mAdd, &QPushButton::clicked, this, &PeopleAdminPanel::addByName);
    connect(mName, &QLineEdit::returnPressed, this, &PeopleAdminPanel::addByName);
    connect(mName, &QLineEdit::textChanged, this, &PeopleAdminPanel::updateButtons);
    for (QCheckBox *box : std::as_const(mRoleBoxes)) {
        connect(box, &QCheckBox::toggled, this, &PeopleAdminPanel::updateButtons);
    }
    reload();
}

void PeopleAdminPanel::reload()
{
    setVisible(mSession.can(Role::Admin));
    mRequests = JoinRequestRepository(mSession.database()).all();
    QStringList names;
    for (const JoinRequest &r : std::as_const(mRequests)) {
        names << tr("%1 (asked %2)")
                     .arg(r.name,
                          r.askedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    mRequestNames->setStringList(names);
    if (!names.isEmpty()) {
        mRequestList->setCurrentIndex(mRequestNames->index(0));
    }
    connect(mRequestList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &PeopleAdminPanel::updateButtons, Qt::UniqueConnection);
    updateButtons();
}

Roles PeopleAdminPanel::checkedRoles() const
{
    Roles roles;
    for (QCheckBox *box : mRoleBoxes) {
        if (box->isChecked()) {
            roles |= Role(box->property("role").toInt());
        }
    }
    return roles;
}

void PeopleAdminPanel::updateButtons()
{
    const bool request = mRequestList->currentIndex().isValid();
    mApprove->setEnabled(request && checkedRoles());
    mDecline->setEnabled(request);
    mAdd->setEnabled(!mName->text().trimmed().isEmpty() && checkedRoles());
}

void PeopleAdminPanel::approve()
{
    const int row = mRequestList->currentIndex().row();
    if (row < 0 || row >= mRequests.size()) {
        return;
    }
    const Result<Person> added =
        JoinRequests(mSession.database())
            .approve(mRequests.at(row).id, checkedRoles(), mSession.person());
    if (!added) {
        mMessage->showMessage(refusalText(added.refusal()));
        return;
    }
    mMessage->showMessage(tr("%1 can now work in this library.").arg(added->name),
                          ErrorStrip::Kind::Info);
    Q_EMIT personAdded(mSession.person().id);
}

void PeopleAdminPanel::decline()
{
    const int row = mRequestList->currentIndex().row();
    if (row < 0 || row >= mRequests.size()) {
        return;
    }
    if (const Status declined =
            JoinRequests(mSession.database()).decline(mRequests.at(row).id, mSession.person());
        !declined) {
        mMessage->showMessage(refusalText(declined.refusal()));
        return;
    }
    reload();
}

void PeopleAdminPanel::addByName()
{
    Person person;
    person.name = mName->text().trimmed();
    person.roles = checkedRoles();
    if (person.name.isEmpty() || !person.roles) {
        return;
    }
    if (const Status added = Workflow(mSession.database()).addPerson(person, mSession.person());
        !added) {
        mMessage->showMessage(refusalText(added.refusal()));
        return;
    }
    mName->clear();
    mMessage->showMessage(tr("%1 added.").arg(person.name), ErrorStrip::Kind::Info);
    Q_EMIT personAdded(mSession.person().id);
}

} // namespace fo
