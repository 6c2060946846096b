#pragma once

#include "domain/person.h"

#include <QDialog>
#include <QVector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;

namespace fo {

class ErrorStrip;
class PersonListModel;
class Session;

/// "Who are you?": picks the person the window works as from the library's people, or adds
/// one (name and roles). The library's first person gets every role, so that somebody can set
/// up the others. Accepting sets the session's person.
class PersonDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PersonDialog(Session &session, QWidget *parent = nullptr);
    ~PersonDialog() override;

    /// The person picked (or added); Person() when none.
    Person selectedPerson() const;

    void accept() override;

private:
    void reload(qint64 selectId);
    void addPerson();
    void updateButtons();

    Session &mSession;
    PersonListModel *mModel = nullptr;
    QListView *mList = nullptr;
    QLineEdit *mName = nullptr;
    QVector<QCheckBox *> mRoleBoxes;
    QPushButton *mAdd = nullptr;
    QPushButton *mOk = nullptr;
    ErrorStrip *mMessage = nullptr;
};

} // namespace fo
