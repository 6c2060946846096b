#pragma once

#include "domain/story.h"

#include <QString>
#include <QVector>

namespace fo {

/// The fields of a story that people edit, as a merge sees them.
enum class StoryField
{
    Headline,
    DatelineCity,
    DatelineCountry,
    Office,
    Byline,
    Summary,
    Body,
    Language,
    Embargo,
    Tags
};

/// "headline", "dateline city", "text" (the body): how messages name a field.
QString storyFieldName(StoryField field);
/// The field's value as text, for messages and for "use theirs" ("" when it is empty).
QString storyFieldText(const Story &story, StoryField field);

/// Both sides changed one field to different values.
struct FieldConflict
{
    StoryField field = StoryField::Headline;
    QString mine;   // the value kept in the story
    QString theirs; // the other side's value, kept in the history
};

/// What mergeStory() made of two changes to one story.
struct StoryMerge
{
    Story merged;                      // theirs, with every change of mine that could be merged
    QVector<StoryField> mineChanged;   // fields that mine changed (against the base)
    QVector<StoryField> theirsChanged; // fields that theirs changed (against the base)
    QVector<FieldConflict> conflicts;  // fields changed on both sides differently: mine is kept
};

/// Three-way merge, field by field, of `mine` and `theirs`, two changes made to `base`.
/// A field changed on one side only takes that side's value; changed on both to the same value,
/// that value; changed on both differently, a conflict that keeps mine. Tags merge as a set
/// (additions and removals of both sides), so they never conflict. The body merges by
/// paragraph (mergeParagraphs); only paragraphs changed on both sides conflict. Everything the
/// editor does not change (id, state, times) comes from `theirs`, the stored story.
StoryMerge mergeStory(const Story &base, const Story &mine, const Story &theirs);

/// The result of a three-way merge of a text.
struct TextMerge
{
    QString text;
    bool conflict = false; // some paragraph changed on both sides: mine is in `text`
};

/// Three-way merge of Markdown texts by paragraph (blocks of lines between blank lines), as
/// diff3 does with lines: a paragraph changed, added or removed on one side only is taken from
/// that side; where both changed the same stretch differently, mine is kept and `conflict` is
/// set. The merged text joins paragraphs with one blank line.
TextMerge mergeParagraphs(const QString &base, const QString &mine, const QString &theirs);

/// True when the fields people edit are the same in both (tags as a set, office ignoring case).
bool sameEditableContent(const Story &a, const Story &b);

/// What a save with a base (StoryRepository::update(base, mine, ...)) recorded.
struct SaveResult
{
    Story stored;          // the story as stored after the save
    bool merged = false;   // someone else had changed the story since the base: mine was merged
    StoryMerge merge;      // filled when merged
    int theirRevision = 0; // the newest revision of theirs, kept in the history
    QString theirPerson;   // who made it ("" when nobody was named)
};

} // namespace fo
