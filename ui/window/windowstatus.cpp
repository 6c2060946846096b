#include "window/windowstatus.h"

#include "common/errorstrip.h"
#include "library/database.h"

#include <QDir>
#include <QLabel>
#include <QStatusBar>

namespace fo {

namespace {

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(6, 0, 6, 0); // apart from the next one
    return label;
}

} // namespace

WindowStatus::WindowStatus(QStatusBar *bar, const Database &db) : QObject(bar)
{
    mWords = makeLabel(QStringLiteral("wordCountLabel"), bar);
    mSave = makeLabel(QStringLiteral("saveStatusLabel"), bar);
    mLibrary = makeLabel(QStringLiteral("libraryLabel"), bar);
    QString text = QDir::toNativeSeparators(db.path());
    if (db.isReadOnly()) {
        text += tr(" — read-only");
        mLibrary->setToolTip(
            tr("This library cannot be changed here: the file or its folder is not writable."));
    }
    mLibrary->setText(text);
    bar->addPermanentWidget(mWords);
    bar->addPermanentWidget(mSave);
    bar->addPermanentWidget(mLibrary);
}

void WindowStatus::showSaveState(const QString &text, bool failed)
{
    mSave->setText(text);
    QPalette palette = mSave->palette();
    const QPalette &normal = mLibrary->palette();
    palette.setColor(QPalette::WindowText,
                     failed ? ErrorStrip::foreground(ErrorStrip::Kind::Error, normal)
                            : normal.color(QPalette::WindowText));
    mSave->setPalette(palette);
    mSave->setAccessibleName(text);
}

void WindowStatus::showStatistics(bool open, int words, int minutes)
{
    if (!open) {
        mWords->clear();
        return;
    }
    mWords->setText(tr("%1 · %2").arg(words == 1 ? tr("1 word") : tr("%L1 words").arg(words),
                                      tr("%1 min read").arg(minutes)));
}

} // namespace fo
