#pragma once

#include "domain/textmatcher.h"

#include <QVector>

class QTextEdit;

namespace fo {

/// Marks drawn over a text (QTextEdit's extra selections) without changing it: no undo step,
/// nothing saved. Each kind is set and cleared on its own, so that the find bar, the words of a
/// library search and whatever else marks the text (a comment's passage) leave each other's marks.
enum class TextMarkKind
{
    FindMatch,  // every match of the find bar
    SearchTerm, // the words of the library search the story was opened from
};

/// Shows `spans` (document positions) as marks of `kind`, replacing that kind's marks only.
void setTextMarks(QTextEdit *edit, TextMarkKind kind, const QVector<TextSpan> &spans);
/// How many marks of `kind` `edit` shows.
int textMarkCount(const QTextEdit *edit, TextMarkKind kind);

} // namespace fo
