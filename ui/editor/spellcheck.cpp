#include "editor/spellcheck.h"

#include "common/session.h"
#include "common/uisettings.h"
#include "editor/bodyeditor.h"
#include "editor/spellchecker.h"
#include "editor/spellhighlighter.h"
#include "editor/storydraft.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "spelling/librarydictionary.h"
#include "spelling/spellwords.h"

#include <QLabel>
#include <QMenu>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolTip>

namespace fo {

SpellCheck::SpellCheck(Session &session, StoryDraft *draft, BodyEditor *editor, QWidget *parent)
    : QObject(parent), mSession(session), mDraft(draft), mEditor(editor),
      mChecker(new SpellChecker(this)), mNote(new QLabel(parent))
{
    setObjectName(QStringLiteral("spellCheck"));
    mNote->setObjectName(QStringLiteral("spellingNote"));
    mNote->setWordWrap(true);
    mNote->setContentsMargins(4, 2, 4, 2);
    mNote->hide();
    QTextDocument *doc = draft->body();
    // Before the highlighter connects: it must know where typing is when it draws the change.
    connect(doc, &QTextDocument::contentsChange, this, [this, doc](int from, int, int added) {
        // Drawing underlines reports a change too, without a new revision of the text.
        if (doc->revision() == mRevision) {
            return;
        }
        mRevision = doc->revision();
        const QTextBlock block = doc->findBlock(from + added);
        if (block.isValid() && mEditor->hasFocus()) {
            mHighlighter->setTypingAt(block.blockNumber(), from + added - block.position());
        }
    });
    mHighlighter = new SpellHighlighter(mChecker, doc);
    connect(mEditor, &QTextEdit::cursorPositionChanged, this, [this] {
        const QTextCursor c = mEditor->textCursor();
        mHighlighter->caretMoved(c.blockNumber(), c.positionInBlock());
    });
    connect(mChecker, &SpellChecker::wordsChecked, mHighlighter, &SpellHighlighter::redrawWords);
    connect(mChecker, &SpellChecker::stateChanged, this, &SpellCheck::showState);
    connect(draft, &StoryDraft::fieldChanged, this, [this](StoryDraft::Field field) {
        if (field == StoryDraft::Field::Language) {
            followLanguage();
        }
    });
    connect(draft, &StoryDraft::edited, this, [this] {
        if (mDraft->value(StoryDraft::Field::Language).toString() != mChecker->language()) {
            followLanguage();
        }
    });
    connect(mEditor, &BodyEditor::contextMenuRequested, this,
            [this](QMenu *menu, const QPoint &pos) {
                addMenuEntries(menu, mEditor->cursorForPosition(pos).position());
            });
    const QString english = UiSettings().englishSpelling();
    if (!english.isEmpty()) {
        mChecker->setEnglishVariant(english);
    }
    followLanguage();
}

SpellCheck::~SpellCheck() = default;

void SpellCheck::setEnglishVariant(const QString &dictionary)
{
    mChecker->setEnglishVariant(dictionary);
}

bool SpellCheck::isBusy() const
{
    return mChecker->state() == SpellChecker::State::Loading || !mChecker->isIdle() ||
           mHighlighter->isDrawing();
}

void SpellCheck::setEnabled(bool enabled)
{
    mChecker->setEnabled(enabled);
}

void SpellCheck::followLanguage()
{
    const QString language = mDraft->value(StoryDraft::Field::Language).toString();
    const Result<QStringList> words = LibraryDictionary(mSession.database()).words(language);
    mChecker->setLanguage(language, words ? *words : QStringList());
}

void SpellCheck::showState()
{
    const bool unavailable = mChecker->state() == SpellChecker::State::Unavailable;
    mNote->setText(unavailable ? mChecker->reason() : QString());
    mNote->setVisible(unavailable);
    if (mChecker->state() != SpellChecker::State::Loading) {
        mHighlighter->redrawAll(); // draws, or takes away, every underline
    }
}

QString SpellCheck::wordAt(int position, QTextCursor *selection) const
{
    const QTextBlock block = mDraft->body()->findBlock(position);
    if (!block.isValid()) {
        return QString();
    }
    const int inBlock = position - block.position();
    const QVector<SpellWord> words = spellWords(block.text());
    for (const SpellWord &w : words) {
        if (inBlock >= w.start && inBlock <= w.start + w.length) {
            if (selection) {
                *selection = QTextCursor(mDraft->body());
                selection->setPosition(block.position() + w.start);
                selection->setPosition(block.position() + w.start + w.length,
                                       QTextCursor::KeepAnchor);
            }
            return w.word;
        }
    }
    return QString();
}

bool SpellCheck::addMenuEntries(QMenu *menu, int position)
{
    const QString word = wordAt(position, nullptr);
    if (word.isEmpty() || mChecker->state() != SpellChecker::State::Ready ||
        mChecker->verdict(word) != SpellChecker::Verdict::Misspelt) {
        return false;
    }
    QAction *first = menu->actions().value(0);
    const QStringList suggestions = mChecker->suggestions(word);
    const bool readOnly = mEditor->isReadOnly();
    for (const QString &suggestion : suggestions) {
        QAction *action = new QAction(suggestion, menu);
        QFont bold = action->font();
        bold.setBold(true);
        action->setFont(bold);
        action->setEnabled(!readOnly);
        connect(action, &QAction::triggered, this,
                [this, position, suggestion] { replaceWord(position, suggestion); });
        menu->insertAction(first, action);
    }
    if (suggestions.isEmpty()) {
        QAction *none = new QAction(tr("(No Suggestions)"), menu);
        none->setEnabled(false);
        menu->insertAction(first, none);
    }
    QAction *add = new QAction(tr("Add to Library Dictionary"), menu);
    add->setObjectName(QStringLiteral("addToDictionaryAction"));
    connect(add, &QAction::triggered, this, [this, word] { addToDictionary(word); });
    menu->insertAction(first, add);
    QAction *ignore = new QAction(tr("Ignore"), menu);
    ignore->setObjectName(QStringLiteral("ignoreSpellingAction"));
    connect(ignore, &QAction::triggered, this, [this, word] {
        mChecker->accept(word, false);
        mHighlighter->redrawWords({word});
    });
    menu->insertAction(first, ignore);
    menu->insertSeparator(first);
    return true;
}

void SpellCheck::replaceWord(int position, const QString &replacement)
{
    QTextCursor selection;
    if (wordAt(position, &selection).isEmpty() || mEditor->isReadOnly()) {
        return;
    }
    // The word's own format (bold stays bold): that of its first letter.
    QTextCursor first(mDraft->body());
    first.setPosition(selection.selectionStart() + 1);
    const QTextCharFormat format = first.charFormat();
    selection.beginEditBlock();
    selection.insertText(replacement, format);
    selection.endEditBlock();
}

bool SpellCheck::addToDictionary(const QString &word)
{
    const QString language = mChecker->language();
    const Status added =
        LibraryDictionary(mSession.database()).add(word, language, mSession.person().displayName());
    if (!added) {
        const QString reason = refusalText(added.refusal());
        // Said where the user looks, as a refused paste is.
        QToolTip::showText(mEditor->viewport()->mapToGlobal(mEditor->cursorRect().bottomLeft()),
                           reason, mEditor);
        emit refused(reason);
        return false;
    }
    mChecker->accept(word, true);
    QString capital = word;
    capital[0] = capital.at(0).toUpper();
    mHighlighter->redrawWords({word, capital});
    return true;
}

} // namespace fo
