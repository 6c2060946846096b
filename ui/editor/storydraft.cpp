#include "editor/storydraft.h"

#include "editor/bodyformat.h"
#include "editor/storyundo.h"
#include "markdown/markdowndocument.h"

#include <QTextDocument>
#include <QUndoStack>

namespace fo {

StoryDraft::StoryDraft(QObject *parent) : QObject(parent), mBody(new QTextDocument(this))
{
    connect(mBody, &QTextDocument::undoCommandAdded, this, [this] {
        if (!mLoading && mStack) {
            mStack->push(new BodyEditCommand(this));
        }
    });
    connect(mBody, &QTextDocument::contentsChanged, this, [this] {
        if (!mLoading) {
            ++mBodyVersion;
            Q_EMIT edited();
        }
    });
    clear();
}

StoryDraft::~StoryDraft() = default;

void StoryDraft::load(const Story &story)
{
    mLoading = true;
    const QVariant values[] = {story.headline,   story.datelineCity, story.datelineCountry,
                               story.officeName, story.language,     story.byline,
                               story.summary,    story.embargoAt,    story.tags};
    for (int i = 0; i <= int(Field::Tags); ++i) {
        setValue(Field(i), values[i]);
    }
    mLoadedEmbargo = story.embargoAt;
    loadBody(story.body);
    mBodyVersion = 0;
    mLoading = false;
}

void StoryDraft::clear()
{
    load(Story());
}

QVariant StoryDraft::value(Field field) const
{
    return mValues.value(field);
}

void StoryDraft::edit(Field field, const QVariant &value)
{
    const QVariant before = mValues.value(field);
    if (before == value) {
        return;
    }
    mValues.insert(field, value);
    if (mStack && !mLoading) {
        mStack->push(new FieldEditCommand(this, field, before, value));
    }
    Q_EMIT edited();
}

void StoryDraft::setValue(Field field, const QVariant &value)
{
    mValues.insert(field, value);
    Q_EMIT fieldChanged(field, value);
}

void StoryDraft::restore(Field field, const QVariant &value)
{
    setValue(field, value);
    Q_EMIT fieldRestored(field);
}

void StoryDraft::loadBody(const QString &markdown)
{
    const bool wasLoading = mLoading;
    mLoading = true;
    bodyformat::loadMarkdown(mBody, markdown);
    mLoadedBody = markdown;
    ++mBodyVersion;
    mLoading = wasLoading;
}

QString StoryDraft::bodyMarkdown() const
{
    if (!mBody->isModified()) {
        return mLoadedBody; // never edited, or undone back: the stored text itself
    }
    if (mMarkdownVersion != mBodyVersion) {
        mMarkdown = documentToMarkdown(mBody);
        mMarkdownVersion = mBodyVersion;
    }
    return mMarkdown;
}

void StoryDraft::undoBodyStep()
{
    QTextCursor cursor; // set by the document only when there was a step
    mBody->undo(&cursor);
    if (!cursor.isNull()) {
        Q_EMIT bodyStepApplied(cursor.position());
    }
}

void StoryDraft::redoBodyStep()
{
    QTextCursor cursor;
    mBody->redo(&cursor);
    if (!cursor.isNull()) {
        Q_EMIT bodyStepApplied(cursor.position());
    }
}

void StoryDraft::applyTo(Story &story) const
{
    story.headline = value(Field::Headline).toString();
    story.datelineCity = value(Field::DatelineCity).toString();
    story.datelineCountry = value(Field::DatelineCountry).toString();
    story.officeName = value(Field::Office).toString();
    story.language = value(Field::Language).toString();
    story.byline = value(Field::Byline).toString();
    story.summary = value(Field::Summary).toString();
    const QDateTime embargo = value(Field::Embargo).toDateTime();
    if (embargo != mLoadedEmbargo) {
        story.embargoAt = embargo;
    }
    story.tags = value(Field::Tags).toStringList();
    story.body = bodyMarkdown();
}

} // namespace fo
