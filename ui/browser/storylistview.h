#pragma once

#include <QString>
#include <QTreeView>

namespace fo {

/// The story list: a flat, read-only, row-selecting view over StoryListModel that draws search
/// snippets (StoryListDelegate) and, when there is nothing to list, a hint in its middle.
///
/// A QTreeView without root decoration rather than a QTableView: uniform row heights keep a
/// long list fast, and it reads as one list of stories rather than a grid of cells.
class StoryListView : public QTreeView
{
    Q_OBJECT

public:
    explicit StoryListView(QWidget *parent = nullptr);
    ~StoryListView() override;

    void setModel(QAbstractItemModel *model) override;

    /// Shown centred while the list has no rows; also the list's accessible description then,
    /// so a screen reader hears it.
    QString placeholderText() const { return mPlaceholderText; }
    void setPlaceholderText(const QString &text);

    /// Column widths that fit their usual content in the current font.
    void applyDefaultColumnWidths();

protected:
    void paintEvent(QPaintEvent *event) override;
    /// Keeps at least half the width for the headlines (issue 12 item 8): in a narrow pane the
    /// other columns give up room, down to a few characters each, instead of the headline.
    void resizeEvent(QResizeEvent *event) override;

private:
    void updatePlaceholder();
    void fitColumns();
    bool mFitting = false;
    QList<int> mNaturalWidths; // the columns' widths before a narrow pane made them give way
    /// The header's context menu: which columns show.
    void showColumnMenu(const QPoint &pos);

    QString mPlaceholderText;
};

} // namespace fo
