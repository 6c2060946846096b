#include "editor/textmarks.h"

#include <QTextEdit>

namespace fo {

namespace {

/// The property that tells a mark's kind (and that it is one of these marks at all).
constexpr int kMarkProperty = QTextFormat::UserProperty + 0x4d4b;

QTextCharFormat markFormat(const QTextEdit *edit, TextMarkKind kind)
{
    QTextCharFormat format;
    format.setProperty(kMarkProperty, int(kind) + 1);
    // Yellow as a highlighter pen, light enough for the text on it to read in a light or a dark
    // palette; the current match is the real selection, drawn in the palette's own colour.
    QColor background =
        kind == TextMarkKind::SearchTerm ? QColor(255, 214, 0) : QColor(255, 170, 0);
    background.setAlpha(edit->palette().color(QPalette::Base).lightness() > 128 ? 110 : 150);
    format.setBackground(background);
    return format;
}

} // namespace

void setTextMarks(QTextEdit *edit, TextMarkKind kind, const QVector<TextSpan> &spans)
{
    const int tag = int(kind) + 1;
    QList<QTextEdit::ExtraSelection> selections;
    const QList<QTextEdit::ExtraSelection> before = edit->extraSelections();
    for (const QTextEdit::ExtraSelection &selection : before) {
        if (selection.format.property(kMarkProperty).toInt() != tag) {
            selections.append(selection);
        }
    }
    const QTextCharFormat format = markFormat(edit, kind);
    for (const TextSpan &span : spans) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(edit->document());
        selection.cursor.setPosition(span.start);
        selection.cursor.setPosition(span.end(), QTextCursor::KeepAnchor);
        selection.format = format;
        selections.append(selection);
    }
    edit->setExtraSelections(selections);
}

int textMarkCount(const QTextEdit *edit, TextMarkKind kind)
{
    const int tag = int(kind) + 1;
    const QList<QTextEdit::ExtraSelection> all = edit->extraSelections();
    return int(std::count_if(all.cbegin(), all.cend(), [tag](const QTextEdit::ExtraSelection &s) {
        return s.format.property(kMarkProperty).toInt() == tag;
    }));
}

} // namespace fo
