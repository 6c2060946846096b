#pragma once

#include "domain/person.h"

#include <QDialog>
#include <QVector>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace fo {

class ErrorStrip;
class PeopleAdminPanel;
class PersonListModel;
class Session;

/// "Who are you?": picks the person the window works as from the library's people. A newcomer
/// types their name and presses "I'm New": on a library without an admin they become its admin
/// (every role), otherwise they ask to join (JoinRequests) and the window reads only until an
/// admin adds them. An admin also sees the requests and adds people here (PeopleAdminPanel).
/// Accepting sets the session's person; Cancel changes nothing, and a window without a person
/// writes nothing (issue 12 item 1).
class PersonDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PersonDialog(Session &session, QWidget *parent = nullptr);
    ~PersonDialog() override;

    /// The person picked (or added); Person() when none.
    Person selectedPerson() const;

    void accept() override;

Q_SIGNALS:
    /// The newcomer asked to join as `name`; an admin must add them first.
    void joinAsked(const QString &name);

private:
    void reload(qint64 selectId);
    void join();
    void updateButtons();

    Session &mSession;
    PersonListModel *mModel = nullptr;
    QListView *mList = nullptr;
    QGroupBox *mNewBox = nullptr;
    QLabel *mNewNote = nullptr;
    QLineEdit *mName = nullptr;
    QPushButton *mJoin = nullptr;
    PeopleAdminPanel *mAdmin = nullptr;
    QPushButton *mOk = nullptr;
    ErrorStrip *mMessage = nullptr;
};

} // namespace fo
