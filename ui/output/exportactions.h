#pragma once

#include <QObject>
#include <QPointer>
#include <QVector>

#include <functional>

class QAction;
class QAbstractItemView;
class QWidget;

namespace fo {

class Session;

/// The window's export commands: "Export Press Packet…", "Export Story…" and "Organisation…".
/// Each opens its dialog (ExportDialog, StoryExportDialog, OrganisationDialog) over the window;
/// the main window only puts the actions in its menus and shows the messages.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    /// `stories` is the library list: its selected stories start a packet.
    ExportActions(Session &session, QAbstractItemView *stories, QWidget *window);

    QAction *packetAction() const { return mPacket; }
    QAction *storyAction() const { return mStory; }
    QAction *organisationAction() const { return mOrganisation; }

    /// Called before an export reads the library (the open story's unsaved text goes first);
    /// returning false stops the export.
    void setSaveHook(std::function<bool()> hook) { mSaveHook = std::move(hook); }

public Q_SLOTS:
    /// The story open in the editor (0: none), for "Export Story…".
    void setOpenStory(qint64 id);
    void exportPacket();
    void exportStory();
    void editOrganisation();

Q_SIGNALS:
    /// One line for the status bar: "Wrote press.pdf with 3 stories".
    void messageShown(const QString &message);

private:
    QVector<qint64> selectedStories() const;
    bool saveFirst();

    Session &mSession;
    QPointer<QAbstractItemView> mStories;
    QWidget *mWindow = nullptr;
    std::function<bool()> mSaveHook;
    qint64 mOpenStory = 0;
    QAction *mPacket = nullptr;
    QAction *mStory = nullptr;
    QAction *mOrganisation = nullptr;
};

} // namespace fo
