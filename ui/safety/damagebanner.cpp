#include "safety/damagebanner.h"

namespace fo {

DamageBanner::DamageBanner(QWidget *parent) : ErrorStrip(parent)
{
    setObjectName(QStringLiteral("damageBanner"));
    setTextFormat(Qt::RichText);
    setMargin(8);
    setTextInteractionFlags(Qt::TextBrowserInteraction); // the link by mouse and keyboard
    connect(this, &QLabel::linkActivated, this, &DamageBanner::restoreRequested);
    setVisible(false);
}

void DamageBanner::showDamage(const QString &problem)
{
    mMessage = tr("This library is damaged: SQLite's check found \u201c%1\u201d. Your open story "
                  "is kept on the screen; nothing more will be written to the library.")
                   .arg(problem);
    const QString link = tr("Restore the latest backup…");
    setText(QStringLiteral("<b>%1</b> <a href=\"backups\">%2</a>")
                .arg(mMessage.toHtmlEscaped(), link.toHtmlEscaped()));
    setAccessibleName(mMessage + QLatin1Char(' ') + link);
    setVisible(true);
}

QString DamageBanner::message() const
{
    return isHidden() ? QString() : mMessage;
}

} // namespace fo
