#include "editor/tagfield.h"
#include "common/childsignals.h"

#include "domain/story.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QVBoxLayout>

namespace fo {

namespace {

const QChar kSeparator = QLatin1Char(',');

QString categoryLabel(const QString &category)
{
    if (category == QLatin1String("office")) {
        return TagField::tr("Office");
    }
    if (category == QLatin1String("topic")) {
        return TagField::tr("Topic");
    }
    if (category == QLatin1String("type")) {
        return TagField::tr("Type");
    }
    return TagField::tr("Tag");
}

} // namespace

TagField::TagField(QWidget *parent) : QWidget(parent)
{
    mEdit = new QLineEdit(this);
    mEdit->setObjectName(QStringLiteral("tagsEdit"));
    mEdit->setAccessibleName(tr("Tags"));
    mEdit->setAccessibleDescription(
        tr("Tags separated by commas, such as topic/justice-system, type/court"));
    mEdit->setPlaceholderText(tr("topic/…, type/…, office/… — separated by commas"));
    setFocusProxy(mEdit);

    mBadges = new QLabel(this);
    mBadges->setObjectName(QStringLiteral("tagBadges"));
    mBadges->setTextFormat(Qt::RichText);
    mBadges->setWordWrap(true);
    // Always there, a line high even with no tags: the text and its toolbar below must not jump
    // when the first tag is finished.
    mBadges->setMinimumHeight(mBadges->fontMetrics().lineSpacing());

    mChoiceModel = new QStringListModel(this);
    mCompleter = new QCompleter(mChoiceModel, this);
    mCompleter->setWidget(mEdit);
    mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    mCompleter->setFilterMode(Qt::MatchContains);
    mCompleter->setCompletionMode(QCompleter::PopupCompletion);
    mCompleter->popup()->setAccessibleName(tr("Matching tags"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(mEdit);
    layout->addWidget(mBadges);

    connect(mEdit, &QLineEdit::textEdited, this, &TagField::onTextEdited);
    connect(mEdit, &QLineEdit::editingFinished, this, [this] {
        if (mCompleter->popup()->isVisible()) {
            return; // Enter picked a completion; insertCompletion() finishes it
        }
        commit();
        const QString tidy = mTags.join(QStringLiteral(", "));
        if (mEdit->text() != tidy) {
            mEdit->setText(tidy);
        }
        if (!mEdit->hasFocus()) {
            mEdit->home(false); // read from the first tag, not from the middle of one
        }
    });
    connect(mCompleter, qOverload<const QString &>(&QCompleter::activated), this,
            &TagField::insertCompletion);
    updateBadges();
}

QStringList TagField::parse(const QString &text)
{
    QStringList labels;
    QSet<QString> seen;
    const QStringList tokens = text.split(kSeparator);
    for (const QString &token : tokens) {
        const QString trimmed = token.trimmed();
        if (trimmed.isEmpty()) {
            continue;
        }
        const QString label = TagLabel::parse(trimmed).toString();
        if (!label.isEmpty() && !seen.contains(label.toLower())) {
            seen.insert(label.toLower());
            labels << label;
        }
    }
    return labels;
}

void TagField::setChoices(const QVector<Tag> &tags)
{
    QStringList labels;
    mKnown.clear();
    for (const Tag &tag : tags) {
        labels << tag.label();
        mKnown.insert(tag.label().toLower());
    }
    mChoiceModel->setStringList(labels);
    updateBadges();
}

void TagField::setTags(const QStringList &tags)
{
    mTags = tags;
    mEdit->setText(tags.join(QStringLiteral(", ")));
    mEdit->home(false); // from the first tag: setText() leaves the end in view
    updateBadges();
}

void TagField::commit()
{
    const QStringList now = parse(mEdit->text());
    if (now == mTags) {
        return;
    }
    const QStringList before = mTags;
    mTags = now;
    updateBadges();
    emit tagsEdited(before, now);
}

void TagField::setReadOnly(bool readOnly)
{
    mEdit->setReadOnly(readOnly);
}

QString TagField::currentToken() const
{
    const QString text = mEdit->text().left(mEdit->cursorPosition());
    return text.mid(text.lastIndexOf(kSeparator) + 1).trimmed();
}

bool TagField::dropRepeatedSeparator(const QString &text)
{
    const int cursor = mEdit->cursorPosition();
    if (cursor <= 0) {
        return false;
    }
    const QChar typed = text.at(cursor - 1);
    const QString before = text.left(cursor - 1);
    int end = int(before.size());
    while (end > 0 && before.at(end - 1).isSpace()) {
        --end;
    }
    // A completion ends in ", ": the comma or space typed after it out of habit is no second,
    // empty tag (nor a double space).
    const bool afterSeparator = end == 0 || before.at(end - 1) == kSeparator;
    const bool repeated = (typed == kSeparator && afterSeparator) ||
                          (typed == QLatin1Char(' ') && afterSeparator && end < before.size());
    if (!repeated) {
        return false;
    }
    mEdit->setText(before + text.mid(cursor));
    mEdit->setCursorPosition(cursor - 1);
    return true;
}

void TagField::onTextEdited(const QString &text)
{
    if (dropRepeatedSeparator(text)) {
        return;
    }
    const int cursor = mEdit->cursorPosition();
    if (cursor > 0 && text.at(cursor - 1) == kSeparator) {
        commit(); // a comma finishes the tag before it
    }
    const QString token = currentToken();
    if (token.isEmpty()) {
        mCompleter->popup()->hide();
        return;
    }
    mCompleter->setCompletionPrefix(token);
    if (mCompleter->completionCount() > 0) {
        mCompleter->complete();
    } else {
        mCompleter->popup()->hide();
    }
}

void TagField::insertCompletion(const QString &label)
{
    const QString text = mEdit->text();
    const int cursor = mEdit->cursorPosition();
    const int start = int(text.left(cursor).lastIndexOf(kSeparator)) + 1;
    int end = int(text.indexOf(kSeparator, cursor));
    if (end < 0) {
        end = int(text.size());
    }
    QString before = text.left(start);
    if (!before.isEmpty() && !before.endsWith(QLatin1Char(' '))) {
        before += QLatin1Char(' ');
    }
    const QString replaced = before + label + QStringLiteral(", ");
    mEdit->setText(replaced + text.mid(end).trimmed());
    mEdit->setCursorPosition(int(replaced.size()));
    commit();
}

void TagField::updateBadges()
{
    QStringList parts;
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    for (const QString &tag : std::as_const(mTags)) {
        const TagLabel label = TagLabel::parse(tag);
        // A tag is never broken over two lines ("survivor-" / "story"): no break at its
        // hyphens and slashes (a word joiner after each), nor after its category.
        QString name = label.name.toHtmlEscaped();
        name.replace(QLatin1Char('-'), QStringLiteral("-\u2060"));
        name.replace(QLatin1Char('/'), QStringLiteral("/\u2060"));
        QString part = QStringLiteral("<span style=\"color:%1\">%2:</span>&nbsp;%3")
                           .arg(muted, categoryLabel(label.category).toHtmlEscaped(), name);
        if (!mKnown.contains(tag.toLower())) {
            part += QStringLiteral("&nbsp;<i>(%1)</i>").arg(tr("new").toHtmlEscaped());
        }
        parts << part;
    }
    mBadges->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

TagField::~TagField()
{
    disconnectChildSignals(this);
}

} // namespace fo
