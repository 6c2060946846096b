#include "editor/formatactions.h"

#include "editor/bodyeditor.h"
#include "editor/linkdialog.h"

#include <QAction>
#include <QToolBar>

namespace fo {

FormatActions::FormatActions(QObject *parent) : QObject(parent)
{
    mBold = add(tr("&Bold"), tr("B"), QKeySequence::Bold, QStringLiteral("formatBold"), true);
    mItalic =
        add(tr("&Italic"), tr("I"), QKeySequence::Italic, QStringLiteral("formatItalic"), true);
    mActions.append(nullptr);
    mHeading2 = add(tr("Heading &2"), tr("H2"), QKeySequence(tr("Ctrl+2")),
                    QStringLiteral("formatHeading2"), true);
    mHeading3 = add(tr("Heading &3"), tr("H3"), QKeySequence(tr("Ctrl+3")),
                    QStringLiteral("formatHeading3"), true);
    mBodyText = add(tr("Body &Text"), tr("¶"), QKeySequence(tr("Ctrl+0")),
                    QStringLiteral("formatBodyText"), true);
    mActions.append(nullptr);
    mBullets = add(tr("B&ulleted List"), tr("• List"), QKeySequence(tr("Ctrl+Shift+U")),
                   QStringLiteral("formatBulletList"), true);
    mNumbers = add(tr("&Numbered List"), tr("1. List"), QKeySequence(tr("Ctrl+Shift+O")),
                   QStringLiteral("formatNumberedList"), true);
    mIndent = add(tr("In&dent List Item"), tr("Indent"), QKeySequence(tr("Ctrl+]")),
                  QStringLiteral("formatIndent"), false);
    mOutdent = add(tr("&Outdent List Item"), tr("Outdent"), QKeySequence(tr("Ctrl+[")),
                   QStringLiteral("formatOutdent"), false);
    mActions.append(nullptr);
    mQuote = add(tr("Block &Quote"), tr("“ Quote"), QKeySequence(tr("Ctrl+Shift+Q")),
                 QStringLiteral("formatQuote"), true);
    mLink = add(tr("&Link…"), tr("Link"), QKeySequence(tr("Ctrl+K")), QStringLiteral("formatLink"),
                false);

    setEnabled(false); // until there is a text to format
}

void FormatActions::setEditor(BodyEditor *editor)
{
    Q_ASSERT(editor && !mEditor);
    mEditor = editor;
    for (QAction *action : std::as_const(mActions)) {
        if (action) {
            mEditor->addAction(action); // shortcuts while the text has the focus
        }
    }
    connect(mBold, &QAction::triggered, mEditor, &BodyEditor::toggleBold);
    connect(mItalic, &QAction::triggered, mEditor, &BodyEditor::toggleItalic);
    connect(mHeading2, &QAction::triggered, mEditor, [this] { mEditor->toggleHeading(2); });
    connect(mHeading3, &QAction::triggered, mEditor, [this] { mEditor->toggleHeading(3); });
    connect(mBodyText, &QAction::triggered, mEditor, [this] { mEditor->toggleHeading(0); });
    connect(mBullets, &QAction::triggered, mEditor,
            [this] { mEditor->toggleList(QTextListFormat::ListDisc); });
    connect(mNumbers, &QAction::triggered, mEditor,
            [this] { mEditor->toggleList(QTextListFormat::ListDecimal); });
    connect(mIndent, &QAction::triggered, mEditor, &BodyEditor::indentListItem);
    connect(mOutdent, &QAction::triggered, mEditor, &BodyEditor::outdentListItem);
    connect(mQuote, &QAction::triggered, mEditor, &BodyEditor::toggleQuote);
    connect(mLink, &QAction::triggered, this, &FormatActions::editLink);
    connect(mEditor, &BodyEditor::formatChanged, this, &FormatActions::updateChecks);
    updateChecks();
}

QAction *FormatActions::add(const QString &text, const QString &iconText,
                            const QKeySequence &shortcut, const QString &objectName, bool checkable)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setIconText(iconText);
    action->setShortcut(shortcut);
    // Only while the text (or its toolbar) has the focus: Ctrl+B in the headline must not
    // make a word of the body bold.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setCheckable(checkable);
    QString tip = text;
    tip.remove(QLatin1Char('&'));
    tip.remove(QStringLiteral("…"));
    action->setToolTip(
        QStringLiteral("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
    mActions.append(action);
    return action;
}

void FormatActions::fillToolBar(QToolBar *bar) const
{
    const QList<QAction *> actions = {mBold,    mItalic,  nullptr, mHeading2, mHeading3, nullptr,
                                      mBullets, mNumbers, mQuote,  nullptr,   mLink};
    for (QAction *action : actions) {
        if (action) {
            bar->addAction(action);
        } else {
            bar->addSeparator();
        }
    }
    for (QAction *action : {mBold, mItalic}) {
        if (QWidget *button = bar->widgetForAction(action)) {
            QFont font = button->font();
            font.setBold(action == mBold);
            font.setItalic(action == mItalic);
            button->setFont(font);
        }
    }
}

void FormatActions::setEnabled(bool enabled)
{
    for (QAction *action : std::as_const(mActions)) {
        if (action) {
            action->setEnabled(enabled);
        }
    }
}

void FormatActions::updateChecks()
{
    if (!mEditor) {
        return;
    }
    const int heading = mEditor->headingLevel();
    const QTextListFormat::Style list = mEditor->listStyle();
    mBold->setChecked(mEditor->isBold());
    mItalic->setChecked(mEditor->isItalic());
    mHeading2->setChecked(heading == 2);
    mHeading3->setChecked(heading == 3);
    mBodyText->setChecked(heading == 0);
    mBullets->setChecked(list == QTextListFormat::ListDisc || list == QTextListFormat::ListCircle ||
                         list == QTextListFormat::ListSquare);
    mNumbers->setChecked(list != QTextListFormat::ListStyleUndefined && !mBullets->isChecked());
    mQuote->setChecked(mEditor->isQuote());
}

void FormatActions::editLink()
{
    if (!mEditor || mEditor->isReadOnly()) {
        return;
    }
    const QString current = mEditor->linkAtCursor();
    LinkDialog dialog(mEditor->window());
    dialog.setLink(QString(), current, !mEditor->hasLinkTarget());
    dialog.setRemovable(!current.isEmpty());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (dialog.removeRequested()) {
        mEditor->removeLink();
    } else {
        mEditor->setLink(dialog.text(), dialog.address());
    }
    mEditor->setFocus();
}

} // namespace fo
