#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace fo {

class BodyEditor;
class StoryFinder;

/// The find bar under a story's text, as in KDE's editors: Find (Ctrl+F) finds as you type and
/// marks every match; Enter and F3 go to the next, Shift+Enter and Shift+F3 to the previous,
/// going round at the end; Match case and Whole words narrow it. Replace (the desktop's Replace
/// key: Ctrl+R on KDE Plasma and plain X11, Ctrl+H on GNOME and Windows) shows the second row:
/// Replace the current match, Replace All as one undo step. Escape closes it and gives the text the
/// focus back.
///
/// The finding itself is StoryFinder's (widget-free); the bar only shows it.
class FindBar : public QWidget
{
    Q_OBJECT

public:
    explicit FindBar(BodyEditor *body, QWidget *parent = nullptr);
    ~FindBar() override;

    /// Shows the bar (with the replace row when `replace`), with the selected word as what to
    /// find, and puts the focus in the find field.
    void open(bool replace);
    /// Hides the bar and its marks.
    void close();
    void findNext();
    void findPrevious();
    void replaceCurrent();
    int replaceAll();
    /// The text of the story may no longer be changed (or may again).
    void setReadOnly(bool readOnly);
    /// The text changed (typing, undo, another story): the marks follow.
    void refreshMarks();

    QLineEdit *findEdit() const { return mFind; }
    QLineEdit *replaceEdit() const { return mReplace; }
    QCheckBox *matchCaseBox() const { return mMatchCase; }
    QCheckBox *wholeWordsBox() const { return mWholeWords; }
    /// "3 of 12", "Not found", "Replaced 4".
    QString statusText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePattern();
    void findFrom(int position, bool backward);
    void showCount(int current, int total, bool wrapped);

    BodyEditor *mBody;
    StoryFinder *mFinder;
    QLineEdit *mFind = nullptr;
    QLineEdit *mReplace = nullptr;
    QCheckBox *mMatchCase = nullptr;
    QCheckBox *mWholeWords = nullptr;
    QLabel *mStatus = nullptr;
    QWidget *mReplaceRow = nullptr;
    QPushButton *mReplaceButton = nullptr;
    QPushButton *mReplaceAllButton = nullptr;
    bool mReadOnly = false;
};

} // namespace fo
