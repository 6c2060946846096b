#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace fo {

/// The strip above the editor that says that someone else changed the open story while it was
/// being edited, and what became of both changes: merged ("… are both kept"), or, where both
/// changed the same field, which is kept, with Use Theirs and Show History. Stays until it is
/// dismissed or another story opens; read out by screen readers as its text.
class MergeBanner : public QFrame
{
    Q_OBJECT

public:
    explicit MergeBanner(QWidget *parent = nullptr);

    /// Shows `text`; with `conflict`, also the Use Theirs button.
    void showMerge(const QString &text, bool conflict);
    void clear();
    QString text() const;

signals:
    void useTheirsClicked();
    void historyClicked();

private:
    QLabel *mText = nullptr;
    QPushButton *mUseTheirs = nullptr;
    QPushButton *mHistory = nullptr;
};

} // namespace fo
