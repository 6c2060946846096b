#include "editor/previewpane.h"

#include "common/offlinedocument.h"
#include "export/htmlexporter.h"

#include <QPainter>
#include <QScrollBar>

namespace fo {

namespace {

/// As the export does: a story that is not approved carries the draft mark (exportcommands.cpp).
bool needsDraftMark(StoryStatus status)
{
    return status != StoryStatus::Approved && status != StoryStatus::Released &&
           status != StoryStatus::Archived;
}

} // namespace

PreviewPane::PreviewPane(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("previewPane"));
    setAccessibleName(tr("Preview"));
    setAccessibleDescription(tr("The story as it will be exported"));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    mDocument = new OfflineDocument(this);
    setDocument(mDocument);
    // The page brings its own background; the frame would draw a second one around it.
    setFrameShape(QFrame::NoFrame);
}

QString PreviewPane::previewHtml(const Story &story)
{
    HtmlOptions options;
    options.draft = needsDraftMark(story.status);
    return renderStoryHtml(story, options);
}

void PreviewPane::showStory(const Story &story, bool keepScrollPosition)
{
    const int scroll = keepScrollPosition ? verticalScrollBar()->value() : 0;
    mDocument->setHtml(previewHtml(story));
    // The cursor at the top, or the browser scrolls to wherever it was left.
    setTextCursor(QTextCursor(mDocument));
    verticalScrollBar()->setValue(scroll);
}

void PreviewPane::clearStory()
{
    mDocument->clear();
}

void PreviewPane::paintEvent(QPaintEvent *event)
{
    QTextBrowser::paintEvent(event);
    if (hasFocus()) {
        QPainter painter(viewport());
        QPen pen(palette().color(QPalette::Highlight));
        pen.setWidth(2);
        painter.setPen(pen);
        painter.drawRect(viewport()->rect().adjusted(1, 1, -1, -1));
    }
}

void PreviewPane::focusInEvent(QFocusEvent *event)
{
    QTextBrowser::focusInEvent(event);
    viewport()->update();
}

void PreviewPane::focusOutEvent(QFocusEvent *event)
{
    QTextBrowser::focusOutEvent(event);
    viewport()->update();
}

QVariant PreviewPane::loadResource(int type, const QUrl &)
{
    // QTextBrowser would read files named by the page; the document never asks, but a style
    // sheet or image named through the browser itself must not reach the disk either.
    return type == QTextDocument::ImageResource ? QVariant(OfflineDocument::placeholderImage())
                                                : QVariant();
}

} // namespace fo
