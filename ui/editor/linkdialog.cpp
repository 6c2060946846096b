#include "editor/linkdialog.h"
#include "common/childsignals.h"

#include "markdown/markdowndocument.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace fo {

LinkDialog::LinkDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("linkDialog"));
    setWindowTitle(tr("Link"));

    mText = new QLineEdit(this);
    mText->setObjectName(QStringLiteral("linkText"));
    mText->setAccessibleName(tr("Link text"));
    mAddress = new QLineEdit(this);
    mAddress->setObjectName(QStringLiteral("linkAddress"));
    mAddress->setAccessibleName(tr("Link address"));
    mAddress->setPlaceholderText(tr("https://… or name@example.org"));
    mAddress->setMinimumWidth(mAddress->fontMetrics().averageCharWidth() * 48);

    mMessage = new QLabel(this);
    mMessage->setObjectName(QStringLiteral("linkMessage"));
    mMessage->setTextFormat(Qt::PlainText);
    mMessage->setWordWrap(true);

    auto *form = new QFormLayout;
    mTextLabel = new QLabel(tr("&Text:"), this);
    mTextLabel->setBuddy(mText);
    form->addRow(mTextLabel, mText);
    form->addRow(tr("&Address:"), mAddress);

    mButtons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mRemoveButton = mButtons->addButton(tr("&Remove Link"), QDialogButtonBox::ResetRole);
    mRemoveButton->setVisible(false);
    connect(mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mRemoveButton, &QPushButton::clicked, this, [this] {
        mRemove = true;
        accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mMessage);
    layout->addWidget(mButtons);

    connect(mAddress, &QLineEdit::textChanged, this, &LinkDialog::validate);
    setLink(QString(), QString(), true);
}

void LinkDialog::setLink(const QString &text, const QString &address, bool askText)
{
    mText->setText(text);
    mText->setVisible(askText);
    mTextLabel->setVisible(askText);
    mAddress->setText(address);
    mAddress->setFocus();
    validate();
}

void LinkDialog::setRemovable(bool removable)
{
    mRemoveButton->setVisible(removable);
}

QString LinkDialog::text() const
{
    return mText->text();
}

QString LinkDialog::address() const
{
    return normalizedAddress(mAddress->text());
}

QString LinkDialog::normalizedAddress(const QString &input)
{
    const QString typed = input.trimmed();
    if (typed.isEmpty()) {
        return QString();
    }
    // "scheme:" other than a host with a port ("example.org:8080").
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:(?!\\d)"));
    static const QRegularExpression email(QStringLiteral("^[^\\s@/:]+@[^\\s@/:]+\\.[^\\s@/:]+$"));
    static const QRegularExpression host(
        QStringLiteral("^[^\\s/@:]+\\.[^\\s/@:]+(:\\d+)?([/?#]\\S*)?$"));
    QString candidate = typed;
    if (!scheme.match(typed).hasMatch()) {
        if (email.match(typed).hasMatch()) {
            candidate = QStringLiteral("mailto:") + typed;
        } else if (host.match(typed).hasMatch()) {
            candidate = QStringLiteral("https://") + typed;
        }
    }
    return isAllowedLinkTarget(candidate) ? candidate : QString();
}

void LinkDialog::validate()
{
    const QString typed = mAddress->text().trimmed();
    const QString normalized = normalizedAddress(typed);
    QString message;
    if (typed.isEmpty()) {
        message = tr("Web (http, https) and e-mail addresses can be linked.");
    } else if (normalized.isEmpty()) {
        message = tr("This address cannot be linked: only web (http, https) and e-mail (mailto) "
                     "addresses are allowed.");
    } else if (normalized != typed) {
        message = tr("Links to %1").arg(normalized);
    }
    mMessage->setText(message);
    // Without text the address itself is shown as the link.
    mButtons->button(QDialogButtonBox::Ok)->setEnabled(!normalized.isEmpty());
}

LinkDialog::~LinkDialog()
{
    disconnectChildSignals(this);
}

} // namespace fo
