#pragma once

#include <QFontMetrics>
#include <QString>
#include <QStyledItemDelegate>
#include <QVector>

namespace fo {

/// Draws the story list. While searching, the headline cell gets a second line with the search
/// snippet and its matched words stand out, so people see why a story matched.
///
/// Painted with QPainter and QFontMetrics (no QTextDocument per cell): a list repaints on every
/// scroll step and must stay smooth with thousands of rows loaded.
class StoryListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    /// A piece of a snippet: matched words, or the text between them.
    struct Run
    {
        QString text;
        bool matched = false;
    };

    explicit StoryListDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Splits a snippet with matches wrapped in \x02 ... \x03 into runs; line breaks become
    /// spaces, as the snippet is shown on one line.
    static QVector<Run> snippetRuns(const QString &snippet);
    /// The runs as shown in `width` pixels: when the context before the first matched words
    /// would take more than a third of the width, only its end is kept, after "…", so that a
    /// narrow list still shows why the story matched.
    static QVector<Run> fitFirstMatch(QVector<Run> runs, const QFontMetrics &metrics, int width);

private:
    void paintSnippet(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                      const QString &snippet) const;
};

} // namespace fo
