#pragma once

#include "domain/person.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QLabel;

namespace fo {

class Database;

/// "Organisation": the name, press contact and website that press packets print on their
/// cover. They are kept in the library, so every copy of it exports the same cover. A
/// read-only library shows them without letting them be changed, and so does a person who is
/// not an admin (issue 12 item 17): the fields look read-only and say why.
class OrganisationDialog : public QDialog
{
    Q_OBJECT

public:
    OrganisationDialog(Database &db, const Person &person, QWidget *parent = nullptr);
    /// True when the fields can be changed and saved here.
    bool isEditable() const { return mEditable; }
    ~OrganisationDialog() override;

    QLineEdit *nameEdit() const { return mName; }
    QPlainTextEdit *pressContactEdit() const { return mPressContact; }
    QLineEdit *websiteEdit() const { return mWebsite; }

public Q_SLOTS:
    /// Saves and closes; on failure the dialog stays open and says why.
    void accept() override;

Q_SIGNALS:
    void organisationSaved();

private:
    Database &mDb;
    Person mPerson;
    bool mEditable = false;
    QLineEdit *mName = nullptr;
    QPlainTextEdit *mPressContact = nullptr;
    QLineEdit *mWebsite = nullptr;
    QLabel *mNote = nullptr;
};

} // namespace fo
