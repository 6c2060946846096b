#include "output/organisationdialog.h"
#include "common/childsignals.h"
#include "common/readonlylook.h"

#include "library/database.h"
#include "library/organisationsettings.h"
#include "messages/refusaltext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fo {

OrganisationDialog::OrganisationDialog(Database &db, const Person &person, QWidget *parent)
    : QDialog(parent), mDb(db), mPerson(person)
{
    setWindowTitle(tr("Organisation"));
    mName = new QLineEdit(this);
    mName->setObjectName(QStringLiteral("organisationNameEdit"));
    mPressContact = new QPlainTextEdit(this);
    mPressContact->setObjectName(QStringLiteral("pressContactEdit"));
    mPressContact->setTabChangesFocus(true);
    mPressContact->setPlaceholderText(tr("Name\nTelephone\nE-mail"));
    mPressContact->setFixedHeight(mPressContact->fontMetrics().lineSpacing() * 6);
    mWebsite = new QLineEdit(this);
    mWebsite->setObjectName(QStringLiteral("websiteEdit"));
    mWebsite->setPlaceholderText(QStringLiteral("https://"));
    mNote = new QLabel(
        tr("Printed on the cover of every press packet. Kept in the library, so every copy "
           "of it exports with the same cover."),
        this);
    mNote->setObjectName(QStringLiteral("organisationNote"));
    mNote->setWordWrap(true);

    const Result<OrganisationInfo> read = OrganisationSettings(mDb).read();
    const OrganisationInfo info = read ? *read : OrganisationSettings::defaults();
    mName->setText(info.name);
    mPressContact->setPlainText(info.pressContact);
    mWebsite->setText(info.website);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), mName);
    form->addRow(tr("&Press contact:"), mPressContact);
    form->addRow(tr("&Website:"), mWebsite);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &OrganisationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OrganisationDialog::reject);

    if (!read) {
        mNote->setText(
            tr("Cannot read the organisation settings: %1").arg(refusalText(read.refusal())));
    }
    const std::optional<Refusal> refused = OrganisationSettings::changeRefusal(mPerson);
    mEditable = !mDb.isReadOnly() && !refused;
    if (!mEditable) {
        const QString why =
            mDb.isReadOnly()
                ? tr("This library is open read-only, so its organisation settings cannot be "
                     "changed here.")
                : tr("Only an admin can change what every packet prints (%1).")
                      .arg(refusalText(*refused));
        for (QWidget *w : {static_cast<QWidget *>(mName), static_cast<QWidget *>(mPressContact),
                           static_cast<QWidget *>(mWebsite)}) {
            setReadOnlyLook(w, true, why);
        }
        buttons->button(QDialogButtonBox::Save)->hide();
        buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
        mNote->setText(why);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(mNote);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

void OrganisationDialog::accept()
{
    if (!mEditable) {
        return;
    }
    OrganisationInfo info;
    info.name = mName->text();
    info.pressContact = mPressContact->toPlainText();
    info.website = mWebsite->text();
    if (const Status saved = OrganisationSettings(mDb).save(info, mPerson); !saved) {
        mNote->setText(tr("Not saved: %1").arg(refusalText(saved.refusal())));
        return;
    }
    Q_EMIT organisationSaved();
    QDialog::accept();
}

OrganisationDialog::~OrganisationDialog()
{
    disconnectChildSignals(this);
}

} // namespace fo
