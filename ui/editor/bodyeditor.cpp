#include "editor/bodyeditor.h"
#include "common/childsignals.h"

#include "domain/storylimits.h"
#include "editor/bodyformat.h"
#include "markdown/markdowndocument.h"
#include "markdown/markdownnesting.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMimeData>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocumentFragment>
#include <QTextList>
#include <QToolTip>

namespace fo {

namespace {

/// Pasted blocks must not claim to be an unedited unit of the story (markdowndocument.h).
void forgetUnitSources(QTextDocument *doc)
{
    QTextCursor cursor(doc);
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        QTextBlockFormat bf = b.blockFormat();
        for (const int property :
             {int(MarkdownProperty::GroupId), int(MarkdownProperty::GroupSource),
              int(MarkdownProperty::GroupCanonical), int(MarkdownProperty::GroupSeparator)}) {
            bf.clearProperty(property);
        }
        cursor.setPosition(b.position());
        cursor.setBlockFormat(bf);
    }
}

/// The body holds no empty paragraphs (its Markdown has none): blank lines between pasted
/// paragraphs are one break, and a line break that ends a paste at the end of a paragraph would
/// only leave an empty paragraph behind it.
void tidyPastedLines(QString *text, bool atParagraphEnd)
{
    static const QRegularExpression blankLines(QStringLiteral("\n[ \t]*\n(?:[ \t]*\n)*"));
    text->replace(blankLines, QStringLiteral("\n"));
    while (atParagraphEnd && text->endsWith(QLatin1Char('\n'))) {
        text->chop(1);
    }
}

} // namespace

const QString BodyEditor::kMarkdownMimeType = QStringLiteral("text/markdown");

BodyEditor::BodyEditor(QWidget *parent) : QTextEdit(parent)
{
    setObjectName(QStringLiteral("bodyEditor"));
    setAccessibleName(tr("Story text"));
    setAcceptRichText(true);
    // Tab leaves the editor, so that keyboard users are never trapped in it; list items are
    // indented with Format › Indent.
    setTabChangesFocus(true);
    connect(this, &QTextEdit::cursorPositionChanged, this, &BodyEditor::formatChanged);
    connect(this, &QTextEdit::currentCharFormatChanged, this, &BodyEditor::formatChanged);
}

void BodyEditor::setUndoActions(QAction *undo, QAction *redo)
{
    mUndoAction = undo;
    mRedoAction = redo;
}

bool BodyEditor::isBold() const
{
    return currentCharFormat().fontWeight() >= QFont::Bold;
}

bool BodyEditor::isItalic() const
{
    return currentCharFormat().fontItalic();
}

int BodyEditor::headingLevel() const
{
    return textCursor().blockFormat().headingLevel();
}

QTextListFormat::Style BodyEditor::listStyle() const
{
    const QTextList *list = textCursor().currentList();
    return list ? list->format().style() : QTextListFormat::ListStyleUndefined;
}

bool BodyEditor::isQuote() const
{
    return bodyformat::quoteLevel(textCursor().block()) > 0;
}

QString BodyEditor::linkAtCursor() const
{
    const QTextCursor span = bodyformat::linkSpan(textCursor());
    return span.isNull() ? QString() : span.charFormat().anchorHref();
}

bool BodyEditor::hasLinkTarget() const
{
    return textCursor().hasSelection() || !bodyformat::linkSpan(textCursor()).isNull();
}

void BodyEditor::toggleBold()
{
    QTextCharFormat f;
    if (isBold()) {
        f.setFontWeight(headingLevel() > 0 ? QFont::DemiBold : QFont::Normal);
    } else {
        f.setFontWeight(QFont::Bold);
    }
    mergeCurrentCharFormat(f);
}

void BodyEditor::toggleItalic()
{
    QTextCharFormat f;
    f.setFontItalic(!isItalic());
    mergeCurrentCharFormat(f);
}

void BodyEditor::toggleHeading(int level)
{
    const int applied = bodyformat::toggleHeading(textCursor(), level);
    setCurrentCharFormat(bodyformat::headingCharFormat(currentCharFormat(), applied));
    emit formatChanged();
}

void BodyEditor::toggleList(QTextListFormat::Style style)
{
    bodyformat::toggleList(textCursor(), style);
    emit formatChanged();
}

void BodyEditor::indentListItem()
{
    bodyformat::indentListItem(textCursor());
    emit formatChanged();
}

void BodyEditor::outdentListItem()
{
    bodyformat::outdentListItem(textCursor());
    emit formatChanged();
}

void BodyEditor::toggleQuote()
{
    bodyformat::toggleQuote(textCursor());
    emit formatChanged();
}

void BodyEditor::setLink(const QString &text, const QString &href)
{
    if (!isAllowedLinkTarget(href)) {
        return;
    }
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(href);
    link.setFontUnderline(true);
    link.setForeground(palette().brush(QPalette::Link));
    QTextCursor c = textCursor();
    if (!c.hasSelection()) {
        const QTextCursor span = bodyformat::linkSpan(c);
        if (!span.isNull()) {
            c = span;
        }
    }
    if (c.hasSelection()) {
        c.mergeCharFormat(link);
        emit formatChanged();
        return;
    }
    QTextCharFormat format = c.charFormat();
    format.merge(link);
    c.insertText(text.trimmed().isEmpty() ? href : text, format);
    setTextCursor(c);
    // What is typed next is not part of the link.
    setCurrentCharFormat(bodyformat::withoutLink(format));
    emit formatChanged();
}

void BodyEditor::removeLink()
{
    const QTextCursor c = textCursor();
    bodyformat::removeLinks(c.hasSelection() ? c : bodyformat::linkSpan(c));
    emit formatChanged();
}

void BodyEditor::loadMarkdown(const QString &markdown)
{
    bodyformat::loadMarkdown(document(), markdown);
    moveCursor(QTextCursor::Start);
}

void BodyEditor::insertMarkdown(const QString &markdown)
{
    const qsizetype bodyBytes = utf8Size(document()->toPlainText());
    if (!acceptPaste(checkPasteSize(bodyBytes, utf8Size(markdown))) ||
        !acceptPaste(checkPastedLines(markdown.count(u'\n') + 1))) {
        return;
    }
    // Markdown from another program may nest deeper than a body may (storylimits.h).
    QString text = flattenDeepNesting(markdown).markdown;
    replaceNonCharacters(&text);
    QTextDocument pasted;
    markdownToDocument(text, &pasted);
    if (pasted.isEmpty()) {
        return;
    }
    forgetUnitSources(&pasted);
    bodyformat::spaceBlocks(&pasted);
    QTextCursor c = textCursor();
    c.insertFragment(QTextDocumentFragment(&pasted));
    setTextCursor(c);
    ensureCursorVisible();
}

bool BodyEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasFormat(kMarkdownMimeType) || source->hasHtml() || source->hasText();
}

void BodyEditor::insertFromMimeData(const QMimeData *source)
{
    if (isReadOnly()) {
        return;
    }
    if (source->hasFormat(kMarkdownMimeType)) {
        insertMarkdown(QString::fromUtf8(source->data(kMarkdownMimeType)));
    } else if (source->hasHtml()) {
        const QString html = source->html();
        if (acceptPaste(checkPasteHtmlSize(html.size()))) {
            const PastedHtml pasted = pasteHtml(html);
            if (acceptPaste(pasted.refusal)) {
                insertMarkdown(pasted.markdown);
            }
        }
    } else if (source->hasText()) {
        QString text = source->text();
        if (!acceptPaste(checkPasteSize(utf8Size(document()->toPlainText()), utf8Size(text)))) {
            return;
        }
        replaceNonCharacters(&text);
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        QTextCursor c = textCursor();
        tidyPastedLines(&text, c.atBlockEnd());
        c.insertText(text, bodyformat::withoutLink(c.charFormat()));
        setTextCursor(c);
        ensureCursorVisible();
    }
}

bool BodyEditor::acceptPaste(const QString &reason)
{
    if (reason.isEmpty()) {
        return true;
    }
    // Said where the user looks; a dialog would be one more thing to dismiss.
    QToolTip::showText(viewport()->mapToGlobal(cursorRect().bottomLeft()), reason, this);
    emit pasteRefused(reason);
    return false;
}

QMimeData *BodyEditor::createMimeDataFromSelection() const
{
    QMimeData *mime = QTextEdit::createMimeDataFromSelection();
    QTextDocument selection;
    QTextCursor(&selection).insertFragment(textCursor().selection());
    mime->setData(kMarkdownMimeType, documentToCanonicalMarkdown(&selection).toUtf8());
    return mime;
}

bool BodyEditor::leaveEmptyListItem()
{
    const QTextBlock block = textCursor().block();
    if (!block.textList() || !block.text().isEmpty()) {
        return false;
    }
    QTextCursor c = textCursor();
    c.beginEditBlock();
    bodyformat::removeFromList(block);
    c.endEditBlock();
    emit formatChanged();
    return true;
}

void BodyEditor::keyPressEvent(QKeyEvent *event)
{
    // The story's stack, not the document's: one undo for the form and the text.
    if (event->matches(QKeySequence::Undo)) {
        emit undoRequested();
        return;
    }
    if (event->matches(QKeySequence::Redo)) {
        emit redoRequested();
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const bool plainEnter =
        enter && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier && !isReadOnly();
    if (plainEnter && leaveEmptyListItem()) {
        return;
    }
    QTextEdit::keyPressEvent(event);
    if (plainEnter && textCursor().block().textList()) {
        // The new item and the one before it: part of the same undo step as the Enter.
        QTextCursor c = textCursor();
        c.joinPreviousEditBlock();
        bodyformat::spaceBlock(c.block().previous());
        bodyformat::spaceBlock(c.block());
        c.endEditBlock();
    }
}

void BodyEditor::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    // The document's own undo entries would bypass the story's stack.
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        const bool undo = action->objectName() == QLatin1String("edit-undo");
        const bool redo = action->objectName() == QLatin1String("edit-redo");
        if (!undo && !redo) {
            continue;
        }
        if (QAction *replacement = undo ? mUndoAction : mRedoAction) {
            menu->insertAction(action, replacement);
        }
        menu->removeAction(action);
    }
    emit contextMenuRequested(menu, event->pos());
    menu->exec(event->globalPos());
    delete menu;
}

BodyEditor::~BodyEditor()
{
    disconnectChildSignals(this);
}

} // namespace fo
