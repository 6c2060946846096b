#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QLabel;

namespace fo {

class Database;

/// "Organisation": the name, press contact and website that press packets print on their
/// cover. They are kept in the library, so every copy of it exports the same cover. A
/// read-only library shows them without letting them be changed.
class OrganisationDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OrganisationDialog(Database &db, QWidget *parent = nullptr);
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
    QLineEdit *mName = nullptr;
    QPlainTextEdit *mPressContact = nullptr;
    QLineEdit *mWebsite = nullptr;
    QLabel *mNote = nullptr;
};

} // namespace fo
