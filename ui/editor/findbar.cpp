#include "editor/findbar.h"
#include "common/childsignals.h"

#include "editor/bodyeditor.h"
#include "editor/storyfinder.h"
#include "editor/textmarks.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

namespace fo {

namespace {

QToolButton *arrowButton(Qt::ArrowType arrow, const QString &name, const QString &tip,
                         QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setArrowType(arrow);
    button->setAccessibleName(name);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

QString keyText(QKeySequence::StandardKey key)
{
    return QKeySequence(key).toString(QKeySequence::NativeText);
}

} // namespace

FindBar::FindBar(BodyEditor *body, QWidget *parent)
    : QWidget(parent), mBody(body), mFinder(new StoryFinder(body->document()))
{
    setObjectName(QStringLiteral("findBar"));
    mFind = new QLineEdit(this);
    mFind->setObjectName(QStringLiteral("findEdit"));
    mFind->setAccessibleName(tr("Find in story"));
    mFind->setPlaceholderText(tr("Find in story"));
    mFind->setClearButtonEnabled(true);
    auto *previous = arrowButton(
        Qt::UpArrow, tr("Previous match"),
        tr("Previous match (Shift+Enter, %1)").arg(keyText(QKeySequence::FindPrevious)), this);
    auto *next =
        arrowButton(Qt::DownArrow, tr("Next match"),
                    tr("Next match (Enter, %1)").arg(keyText(QKeySequence::FindNext)), this);
    mMatchCase = new QCheckBox(tr("Match c&ase"), this);
    mMatchCase->setObjectName(QStringLiteral("findMatchCase"));
    mWholeWords = new QCheckBox(tr("&Whole words"), this);
    mWholeWords->setObjectName(QStringLiteral("findWholeWords"));
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("findStatus"));
    // Room for a usual count, so that the field does not twitch as the count changes.
    mStatus->setMinimumWidth(mStatus->fontMetrics().horizontalAdvance(tr("Not found")));
    auto *closeButton = new QToolButton(this);
    closeButton->setText(QStringLiteral("✕"));
    closeButton->setAutoRaise(true);
    closeButton->setAccessibleName(tr("Close the find bar"));
    closeButton->setToolTip(tr("Close (Esc)"));

    mReplace = new QLineEdit(this);
    mReplace->setObjectName(QStringLiteral("replaceEdit"));
    mReplace->setAccessibleName(tr("Replace with"));
    mReplace->setPlaceholderText(tr("Replace with"));
    mReplaceButton = new QPushButton(tr("&Replace"), this);
    mReplaceButton->setObjectName(QStringLiteral("replaceButton"));
    mReplaceAllButton = new QPushButton(tr("Replace A&ll"), this);
    mReplaceAllButton->setObjectName(QStringLiteral("replaceAllButton"));
    for (QPushButton *button : {mReplaceButton, mReplaceAllButton}) {
        button->setAutoDefault(false);
    }

    // Rows that fit the editor's column on a 1024-pixel screen, the fields taking what is left:
    // what to find with its buttons and count; the options; what to replace it with.
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(mFind, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(mStatus);
    findRow->addWidget(closeButton);
    auto *optionRow = new QHBoxLayout;
    optionRow->addWidget(mMatchCase);
    optionRow->addWidget(mWholeWords);
    optionRow->addStretch(1);
    mReplaceRow = new QWidget(this);
    auto *replaceRow = new QHBoxLayout(mReplaceRow);
    replaceRow->setContentsMargins(0, 0, 0, 0);
    replaceRow->addWidget(mReplace, 1);
    replaceRow->addWidget(mReplaceButton);
    replaceRow->addWidget(mReplaceAllButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->setSpacing(2);
    layout->addLayout(findRow);
    layout->addLayout(optionRow);
    layout->addWidget(mReplaceRow);

    connect(mFind, &QLineEdit::textEdited, this, [this] {
        updatePattern();
        findFrom(mBody->textCursor().selectionStart(), false);
    });
    connect(mMatchCase, &QCheckBox::toggled, this, [this] {
        updatePattern();
        findFrom(mBody->textCursor().selectionStart(), false);
    });
    connect(mWholeWords, &QCheckBox::toggled, this, [this] {
        updatePattern();
        findFrom(mBody->textCursor().selectionStart(), false);
    });
    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    connect(mReplaceButton, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(mReplaceAllButton, &QPushButton::clicked, this, &FindBar::replaceAll);
    mFind->installEventFilter(this);
    mReplace->installEventFilter(this);
    setTabOrder(mFind, mReplace);
    hide();
}

FindBar::~FindBar()
{
    disconnectChildSignals(this);
    delete mFinder;
}

void FindBar::open(bool replace)
{
    const QString selected = mBody->textCursor().selectedText();
    // A word or a few selected: what to find. A paragraph or more is not.
    if (!selected.isEmpty() && selected.size() <= 200 &&
        !selected.contains(QChar::ParagraphSeparator)) {
        mFind->setText(selected);
    }
    mReplaceRow->setVisible(replace);
    show();
    updatePattern();
    mFind->setFocus(Qt::ShortcutFocusReason);
    mFind->selectAll();
}

void FindBar::close()
{
    hide();
    setTextMarks(mBody, TextMarkKind::FindMatch, {});
    mBody->setFocus(Qt::OtherFocusReason);
}

void FindBar::setReadOnly(bool readOnly)
{
    mReadOnly = readOnly;
    for (QWidget *widget :
         {static_cast<QWidget *>(mReplace), static_cast<QWidget *>(mReplaceButton),
          static_cast<QWidget *>(mReplaceAllButton)}) {
        widget->setEnabled(!readOnly);
    }
}

void FindBar::updatePattern()
{
    const int options = (mMatchCase->isChecked() ? TextMatcher::MatchCase : 0) |
                        (mWholeWords->isChecked() ? TextMatcher::WholeWords : 0);
    mFinder->setPattern(mFind->text(), options);
    refreshMarks();
}

void FindBar::refreshMarks()
{
    if (isHidden() || mFind->text().isEmpty()) {
        setTextMarks(mBody, TextMarkKind::FindMatch, {});
        mStatus->clear();
        return;
    }
    setTextMarks(mBody, TextMarkKind::FindMatch, mFinder->matches());
}

void FindBar::findNext()
{
    updatePattern();
    findFrom(mBody->textCursor().selectionEnd(), false);
}

void FindBar::findPrevious()
{
    updatePattern();
    findFrom(mBody->textCursor().selectionStart(), true);
}

void FindBar::findFrom(int position, bool backward)
{
    if (mFind->text().isEmpty()) {
        mStatus->clear();
        return;
    }
    bool wrapped = false;
    const TextSpan span = mFinder->find(position, backward, &wrapped);
    const QVector<TextSpan> all = mFinder->matches();
    if (span.length == 0) {
        showCount(0, 0, false);
        return;
    }
    QTextCursor cursor = mBody->textCursor();
    cursor.setPosition(span.start);
    cursor.setPosition(span.end(), QTextCursor::KeepAnchor);
    mBody->setTextCursor(cursor);
    mBody->ensureCursorVisible();
    showCount(int(all.indexOf(span)) + 1, int(all.size()), wrapped);
}

void FindBar::showCount(int current, int total, bool wrapped)
{
    if (total == 0) {
        mStatus->setText(tr("Not found"));
        return;
    }
    mStatus->setText(wrapped ? tr("%1 of %2, from the %3")
                                   .arg(current)
                                   .arg(total)
                                   .arg(current == 1 ? tr("top") : tr("end"))
                             : tr("%1 of %2").arg(current).arg(total));
}

void FindBar::replaceCurrent()
{
    if (mReadOnly || mBody->isReadOnly()) {
        return;
    }
    updatePattern();
    const QTextCursor cursor = mBody->textCursor();
    const int start = cursor.selectionStart();
    if (cursor.hasSelection() && mFinder->replace(start, cursor.selectionEnd(), mReplace->text())) {
        refreshMarks();
        findFrom(start + int(mReplace->text().size()), false);
        return;
    }
    findNext(); // nothing (or no match) selected: the first Replace shows what it would replace
}

int FindBar::replaceAll()
{
    if (mReadOnly || mBody->isReadOnly()) {
        return 0;
    }
    updatePattern();
    const int count = mFinder->replaceAll(mReplace->text());
    refreshMarks();
    mStatus->setText(count == 0 ? tr("Not found") : tr("Replaced %n", nullptr, count));
    return count;
}

QString FindBar::statusText() const
{
    return mStatus->text();
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress) {
        return QWidget::eventFilter(watched, event);
    }
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Escape) {
        close();
        return true;
    }
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        if (watched == mReplace) {
            replaceCurrent();
        } else if (key->modifiers() & Qt::ShiftModifier) {
            findPrevious();
        } else {
            findNext();
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace fo
