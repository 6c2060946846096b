#include "storyview.h"

#include <QFormLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace fo {

namespace {

/// A document that loads no resources. A story's Markdown may name images or style sheets by
/// path or URL; the stock QTextDocument would read such files from disk (and fall back to
/// loading an image file directly), which a preview of a story must never do. Photos will come
/// from the library itself; until then an image shows as a grey placeholder.
class OfflineDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int type, const QUrl &) override
    {
        // A non-null image stops the image handler from trying the file system itself.
        return type == QTextDocument::ImageResource ? QVariant(placeholderImage()) : QVariant();
    }

private:
    static QImage placeholderImage()
    {
        static const QImage image = [] {
            QImage img(96, 64, QImage::Format_ARGB32_Premultiplied);
            img.fill(QColor(0xe4, 0xe4, 0xe4));
            QPainter p(&img);
            p.setPen(QColor(0xa0, 0xa0, 0xa0));
            p.drawRect(img.rect().adjusted(0, 0, -1, -1));
            return img;
        }();
        return image;
    }
};

QLabel *makeValueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    // Story text is never markup, even when it contains '<'.
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QString orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("—") : text;
}

} // namespace

StoryView::StoryView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("storyView"));
    setAccessibleName(tr("Story"));

    auto *hint = new QLabel(tr("Select a story in the list to read it here."), this);
    hint->setObjectName(QStringLiteral("storyViewHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setEnabled(false); // drawn greyed: a hint, not content

    mStack = new QStackedWidget(this);
    mStack->addWidget(hint);
    mStack->addWidget(buildStoryPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mStack);
    clear();
}

QWidget *StoryView::buildStoryPage()
{
    auto *page = new QWidget(this);
    mHeadline = makeValueLabel(QStringLiteral("storyHeadline"), page);
    mHeadline->setAccessibleName(tr("Headline"));
    QFont headlineFont = mHeadline->font();
    if (headlineFont.pointSizeF() > 0) {
        headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.4);
    }
    headlineFont.setBold(true);
    mHeadline->setFont(headlineFont);

    mDateline = makeValueLabel(QStringLiteral("storyDateline"), page);
    mOffice = makeValueLabel(QStringLiteral("storyOffice"), page);
    mByline = makeValueLabel(QStringLiteral("storyByline"), page);
    mStatus = makeValueLabel(QStringLiteral("storyStatus"), page);
    mTags = makeValueLabel(QStringLiteral("storyTags"), page);
    auto *details = new QFormLayout;
    details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    details->addRow(tr("Dateline:"), mDateline);
    details->addRow(tr("Office:"), mOffice);
    details->addRow(tr("Byline:"), mByline);
    details->addRow(tr("Status:"), mStatus);
    details->addRow(tr("Tags:"), mTags);

    mSummary = makeValueLabel(QStringLiteral("storySummary"), page);
    mSummary->setAccessibleName(tr("Summary"));
    QFont summaryFont = mSummary->font();
    summaryFont.setItalic(true);
    mSummary->setFont(summaryFont);

    mBody = new QTextBrowser(page);
    mBody->setObjectName(QStringLiteral("storyBody"));
    mBody->setAccessibleName(tr("Story text"));
    mBody->setOpenLinks(false);
    mBody->setOpenExternalLinks(false);
    mBodyDocument = new OfflineDocument(mBody);
    mBodyDocument->setDefaultFont(mBody->font());
    mBody->setDocument(mBodyDocument);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(mHeadline);
    layout->addLayout(details);
    layout->addWidget(mSummary);
    layout->addWidget(mBody, 1);
    return page;
}

void StoryView::setStory(const Story &story)
{
    mStoryId = story.id;
    mHeadline->setText(orDash(story.headline));
    mDateline->setText(orDash(story.dateline()));
    mOffice->setText(orDash(story.officeName));
    mByline->setText(orDash(story.byline));
    mStatus->setText(statusLabel(story.status));
    mTags->setText(orDash(story.tags.join(QStringLiteral(", "))));
    mSummary->setText(story.summary);
    mSummary->setVisible(!story.summary.trimmed().isEmpty());
    mBodyDocument->setMarkdown(story.body);
    mBody->moveCursor(QTextCursor::Start);
    mStack->setCurrentIndex(1);
}

void StoryView::clear()
{
    mStoryId = 0;
    for (QLabel *label : {mHeadline, mDateline, mOffice, mByline, mStatus, mTags, mSummary}) {
        label->clear();
    }
    mBodyDocument->clear();
    mStack->setCurrentIndex(0);
}

} // namespace fo
