#pragma once

#include "domain/person.h"
#include "people/joinrequestrepository.h"

#include <QGroupBox>
#include <QVector>

class QCheckBox;
class QLineEdit;
class QListView;
class QPushButton;
class QStringListModel;

namespace fo {

class ErrorStrip;
class Session;

/// The admin's part of "Who Are You?" (issue 12 item 1): the newcomers asking to join, each
/// approved with the roles ticked (or declined), and a person added directly by name. Shown
/// only to an admin; every change is recorded as the admin's.
class PeopleAdminPanel : public QGroupBox
{
    Q_OBJECT

public:
    PeopleAdminPanel(Session &session, QWidget *parent = nullptr);

    /// Reads the requests again, and shows the panel only to an admin.
    void reload();

Q_SIGNALS:
    /// Person `id` was added (approved or added by name).
    void personAdded(qint64 id);

private:
    Roles checkedRoles() const;
    void approve();
    void decline();
    void addByName();
    void updateButtons();

    Session &mSession;
    QVector<JoinRequest> mRequests;
    QStringListModel *mRequestNames = nullptr;
    QListView *mRequestList = nullptr;
    QVector<QCheckBox *> mRoleBoxes;
    QPushButton *mApprove = nullptr;
    QPushButton *mDecline = nullptr;
    QLineEdit *mName = nullptr;
    QPushButton *mAdd = nullptr;
    ErrorStrip *mMessage = nullptr;
};

} // namespace fo
