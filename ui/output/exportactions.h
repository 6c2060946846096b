#pragma once

#include <QObject>
#include <QPointer>
#include <QVector>

class QAction;
class QAbstractItemView;
class QWidget;

namespace fo {

class Session;

/// The window's export commands: "Export Press Packet…", "Export Story…" and "Organisation…".
/// Each opens its dialog (ExportDialog, StoryExportDialog, OrganisationDialog) over the window;
/// the main window only puts the actions in its menus and shows the messages. Before an export
/// reads the library, the session flushes the open story's unsaved text.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    /// `stories` is the library list: its selected stories start a packet.
    ExportActions(Session &session, QAbstractItemView *stories, QWidget *window);

    QAction *packetAction() const { return mPacket; }
    /// "New Packet from Selection…": the stories selected in the list (issue 12 item 16).
    QAction *packetFromSelectionAction() const { return mFromSelection; }
    QAction *storyAction() const { return mStory; }
    QAction *organisationAction() const { return mOrganisation; }

public Q_SLOTS:
    /// The story open in the editor (0: none), for "Export Story…"; follows the session.
    void setOpenStory(qint64 id);
    /// The last packet's stories, title and folder when there was one; else the selection.
    void exportPacket();
    /// A new packet of the stories selected in the list.
    void exportSelection();
    void exportStory();
    void editOrganisation();

Q_SIGNALS:
    /// One line for the status bar: "Wrote press.pdf with 3 stories".
    void messageShown(const QString &message);

private:
    QVector<qint64> selectedStories() const;
    void openPacketDialog(const QVector<qint64> &ids, bool restoreLast);
    void updateSelectionAction();

    Session &mSession;
    QPointer<QAbstractItemView> mStories;
    QWidget *mWindow = nullptr;
    qint64 mOpenStory = 0;
    QAction *mPacket = nullptr;
    QAction *mFromSelection = nullptr;
    QAction *mStory = nullptr;
    QAction *mOrganisation = nullptr;
};

} // namespace fo
