#include "window/personstrip.h"

#include "common/errorstrip.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace fo {

PersonStrip::PersonStrip(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("personStrip"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mText = new ErrorStrip(this);
    mText->setObjectName(QStringLiteral("personStripText"));
    mChoose = new QPushButton(tr("Choose Who You Are…"), this);
    mChoose->setObjectName(QStringLiteral("choosePersonButton"));
    layout->addWidget(mText, 1);
    layout->addWidget(mChoose, 0, Qt::AlignVCenter);
    // One line across the window: never the room of the panels below.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    connect(mChoose, &QPushButton::clicked, this, &PersonStrip::chooseRequested);
    hide();
}

void PersonStrip::showReadOnly(const QString &joinName)
{
    mText->showMessage(
        joinName.isEmpty()
            ? tr("Read only: choose who you are to edit. Every change is recorded with a "
                 "person.")
            : tr("Read only: you asked to join as %1. Once an admin has added you, choose "
                 "yourself to edit.")
                  .arg(joinName),
        ErrorStrip::Kind::Notice);
    show();
}

QString PersonStrip::text() const
{
    return isHidden() ? QString() : mText->message();
}

} // namespace fo
