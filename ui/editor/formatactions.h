#pragma once

#include <QList>
#include <QObject>

class QAction;
class QToolBar;
class QWidget;

namespace fo {

class BodyEditor;

/// The Format menu and toolbar of the body editor: bold, italic, headings 2 and 3, body text,
/// bulleted and numbered lists, indent and outdent, block quote and link. Their shortcuts work
/// while the text has the focus; the toolbar shows what is on at the cursor.
class FormatActions : public QObject
{
    Q_OBJECT

public:
    explicit FormatActions(QObject *parent = nullptr);

    /// The text the actions work on, once; until then they are there (for the menu) but idle.
    void setEditor(BodyEditor *editor);

    /// In menu order; null entries are separators.
    QList<QAction *> actions() const { return mActions; }
    /// Puts the most used of them on `bar` (bold shown bold, italic italic).
    void fillToolBar(QToolBar *bar) const;
    void setEnabled(bool enabled);

public slots:
    /// Asks for a link (LinkDialog) and applies it.
    void editLink();

private:
    QAction *add(const QString &text, const QString &iconText, const QKeySequence &shortcut,
                 const QString &objectName, bool checkable);
    void updateChecks();

    BodyEditor *mEditor = nullptr;
    QList<QAction *> mActions;
    QAction *mBold = nullptr;
    QAction *mItalic = nullptr;
    QAction *mHeading2 = nullptr;
    QAction *mHeading3 = nullptr;
    QAction *mBodyText = nullptr;
    QAction *mBullets = nullptr;
    QAction *mNumbers = nullptr;
    QAction *mIndent = nullptr;
    QAction *mOutdent = nullptr;
    QAction *mQuote = nullptr;
    QAction *mLink = nullptr;
};

} // namespace fo
