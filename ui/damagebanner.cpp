#include "damagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace fo {

DamageBanner::DamageBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("damageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, QColor(0xfd, 0xe2, 0xe1));
    colours.setColor(QPalette::WindowText, QColor(0x8a, 0x1c, 0x1c));
    setPalette(colours);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    mText = new QLabel(this);
    mText->setTextFormat(Qt::PlainText);
    mText->setWordWrap(true);
    mText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(mText, 1);
    mRestore = new QPushButton(tr("Restore the Latest Backup…"), this);
    mRestore->setObjectName(QStringLiteral("restoreLatestBackupButton"));
    layout->addWidget(mRestore);
    connect(mRestore, &QPushButton::clicked, this, &DamageBanner::restoreRequested);
    setVisible(false);
}

void DamageBanner::showDamage(const QString &problem)
{
    const QString text =
        tr("This library is damaged: %1. Your open story is kept on the screen; nothing more "
           "will be written to the library. Restore the latest backup?")
            .arg(problem);
    mText->setText(text);
    setAccessibleName(text);
    setVisible(true);
}

QString DamageBanner::text() const
{
    return isHidden() ? QString() : mText->text();
}

} // namespace fo
