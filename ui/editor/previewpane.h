#pragma once

#include "domain/story.h"

#include <QTextBrowser>

namespace fo {

class OfflineDocument;

/// The story as it will be exported, beside the editor: drawn from the HTML export's own
/// template and stylesheet (htmlexporter.h), so that what the preview shows is what a
/// journalist gets. Read-only; never loads anything from disk or network; links are not
/// followed (a click would leave the program on a whim).
class PreviewPane : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PreviewPane(QWidget *parent = nullptr);

    /// Renders `story` now, at the top or where the reader had scrolled to.
    void showStory(const Story &story, bool keepScrollPosition);
    void clearStory();

    /// The HTML the preview shows for a story: the HTML export of it. The one place the preview
    /// meets the exporter.
    static QString previewHtml(const Story &story);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    // A frame in the highlight colour while it has the focus: it has no frame of its own.
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    OfflineDocument *mDocument = nullptr;
};

} // namespace fo
