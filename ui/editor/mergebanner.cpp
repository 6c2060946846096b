#include "editor/mergebanner.h"

#include "common/errorstrip.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace fo {

MergeBanner::MergeBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("mergeBanner"));
    setAutoFillBackground(true);
    QPalette colours = palette();
    // The error strip's notice colours: information, not an error.
    colours.setColor(QPalette::Window, ErrorStrip::background(ErrorStrip::Kind::Notice, colours));
    colours.setColor(QPalette::WindowText,
                     ErrorStrip::foreground(ErrorStrip::Kind::Notice, colours));
    setPalette(colours);

    mText = new QLabel(this);
    mText->setObjectName(QStringLiteral("mergeBannerText"));
    mText->setTextFormat(Qt::PlainText);
    mText->setWordWrap(true);
    mUseTheirs = new QPushButton(tr("Use Theirs"), this);
    mUseTheirs->setObjectName(QStringLiteral("mergeUseTheirs"));
    mUseTheirs->setToolTip(tr("Put the other version of these fields in the story (Undo brings "
                              "yours back)"));
    mHistory = new QPushButton(tr("Show History"), this);
    mHistory->setObjectName(QStringLiteral("mergeShowHistory"));
    auto *dismiss = new QPushButton(tr("Dismiss"), this);
    dismiss->setObjectName(QStringLiteral("mergeDismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(mText, 1);
    layout->addWidget(mUseTheirs);
    layout->addWidget(mHistory);
    layout->addWidget(dismiss);

    connect(mUseTheirs, &QPushButton::clicked, this, &MergeBanner::useTheirsClicked);
    connect(mHistory, &QPushButton::clicked, this, &MergeBanner::historyClicked);
    connect(dismiss, &QPushButton::clicked, this, &MergeBanner::clear);
    setVisible(false);
}

void MergeBanner::showMerge(const QString &text, bool conflict)
{
    mText->setText(text);
    setAccessibleName(text);
    mUseTheirs->setVisible(conflict);
    setVisible(!text.isEmpty());
}

void MergeBanner::clear()
{
    mText->clear();
    setAccessibleName(QString());
    setVisible(false);
}

QString MergeBanner::text() const
{
    return mText->text();
}

} // namespace fo
