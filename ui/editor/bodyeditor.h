#pragma once

#include <QTextEdit>
#include <QTextListFormat>

class QAction;
class QMenu;

namespace fo {

/// The WYSIWYG editor of a story body. Holds exactly what the body format (CommonMark, see
/// markdowndocument.h) can say: paragraphs, headings 2–3, bold, italic, bulleted and numbered
/// lists, block quotes, hard line breaks (Shift+Enter) and http/https/mailto links.
///
/// Paste goes through the Markdown sanitiser: whatever a web page or a word processor puts on
/// the clipboard, only what the body format supports arrives — no styles, fonts, colours,
/// scripts, event handlers or remote images. Copying puts the selection's Markdown on the
/// clipboard too, so that copy and paste inside the program lose nothing.
///
/// Undo and redo belong to the story (one stack for the form and the body, see StoryEditor), so
/// the editor hands its undo keys and menu entries to whoever owns that stack.
class BodyEditor : public QTextEdit
{
    Q_OBJECT

public:
    /// Clipboard format of the Markdown of a selection.
    static const QString kMarkdownMimeType;

    explicit BodyEditor(QWidget *parent = nullptr);

    ~BodyEditor() override;

    /// The story's undo and redo actions, shown in the context menu instead of the document's.
    void setUndoActions(QAction *undo, QAction *redo);

    bool isBold() const;
    bool isItalic() const;
    /// 0 for body text.
    int headingLevel() const;
    /// The style of the list the cursor is in, or ListStyleUndefined.
    QTextListFormat::Style listStyle() const;
    bool isQuote() const;
    /// The link under the cursor, or empty.
    QString linkAtCursor() const;

    void toggleBold();
    void toggleItalic();
    /// Level 2 or 3; the same level again (or 0) makes body text.
    void toggleHeading(int level);
    void toggleList(QTextListFormat::Style style);
    void indentListItem();
    void outdentListItem();
    void toggleQuote();
    /// Links the selection, or the link under the cursor, or inserts `text` as a new link.
    void setLink(const QString &text, const QString &href);
    void removeLink();
    /// True when there is a selection or a link under the cursor (no text needs asking).
    bool hasLinkTarget() const;

    /// Shows `markdown` as the whole text: not an edit (no undo step, document unmodified).
    void loadMarkdown(const QString &markdown);
    /// Inserts Markdown at the cursor as formatted text (what paste does with HTML).
    void insertMarkdown(const QString &markdown);

signals:
    void undoRequested();
    void redoRequested();
    /// Bold, italic, heading, list, quote or link at the cursor may have changed.
    void formatChanged();
    /// A paste was refused (too large, storylimits.h); `reason` says why, as a sentence. The
    /// editor also shows it as a tooltip at the cursor.
    void pasteRefused(const QString &reason);
    /// The context menu at `pos` (viewport coordinates) is about to show: add to `menu` (the
    /// spelling corrections do).
    void contextMenuRequested(QMenu *menu, const QPoint &pos);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    QMimeData *createMimeDataFromSelection() const override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    bool leaveEmptyListItem();
    /// False, telling the user why, when `reason` is not empty.
    bool acceptPaste(const QString &reason);

    QAction *mUndoAction = nullptr;
    QAction *mRedoAction = nullptr;
};

} // namespace fo
