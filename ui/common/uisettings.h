#pragma once

#include "domain/story.h"

#include <QByteArray>
#include <QSettings>

namespace fo {

/// The window's remembered state, typed. Every key and default lives in uisettings.cpp, so no
/// widget spells a settings key.
///
/// Stored with QSettings under the application's organisation and name; without an
/// organisation, in a folder named after the application.
class UiSettings
{
public:
    UiSettings();

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);
    /// The list/story split.
    QByteArray mainSplitterState() const;
    void setMainSplitterState(const QByteArray &state);
    /// Column widths and order of the story list.
    QByteArray storyListHeaderState() const;
    void setStoryListHeaderState(const QByteArray &state);

    /// The status, office and tag filters of the story list. The search text is not kept: a
    /// search left over from last week would hide stories with no obvious reason.
    StoryFilter storyListFilter() const;
    void setStoryListFilter(const StoryFilter &filter);

    /// The editor/preview split, and whether the preview shows.
    QByteArray editorSplitterState() const;
    void setEditorSplitterState(const QByteArray &state);
    bool previewVisible() const;
    void setPreviewVisible(bool visible);
    /// Whether misspelt words are underlined as you type (Edit ▸ Check Spelling).
    bool spellCheck() const;
    void setSpellCheck(bool on);
    /// The English dictionary English stories are checked with: "en_GB" or "en_US"; empty
    /// (the default) for the one of the computer's locale.
    QString englishSpelling() const;
    void setEnglishSpelling(const QString &dictionary);
    /// Whether the story list shows beside the editor (hidden for more room to write).
    bool storyListVisible() const;
    void setStoryListVisible(bool visible);
    /// The folder File ▸ Import Stories… opens in: the last one used, else Documents, else home.
    QString importFolder() const;
    void setImportFolder(const QString &folder);
    /// The folder the export dialogs offer (stories and packets alike): where the last export
    /// went, else Documents, else home.
    QString exportFolder() const;
    void setExportFolder(const QString &folder);

    /// The story open in the editor when the window closed on the library at `libraryPath`;
    /// 0 when none (or when the window last showed another library: ids are per library).
    qint64 openStory(const QString &libraryPath) const;
    void setOpenStory(const QString &libraryPath, qint64 id);

    /// The person who last used the window on the library at `libraryPath` (workflow people
    /// are per library); 0 when none. setPerson(path, 0) forgets.
    qint64 person(const QString &libraryPath) const;
    void setPerson(const QString &libraryPath, qint64 id);

    /// The folder of the automatic backups of the library at `libraryPath`, when the user chose
    /// one (File ▸ Backups…); empty for the default beside the library. setBackupFolder(path,
    /// "") goes back to the default.
    QString backupFolder(const QString &libraryPath) const;
    void setBackupFolder(const QString &libraryPath, const QString &folder);
    /// A window running on the library at `libraryPath`, in process `pid`, with story
    /// `storyId` open (0: none). Set while it runs and cleared when it closes cleanly, so
    /// that a start can tell that the last session ended abnormally (StartupRecovery).
    struct RunningSession
    {
        qint64 storyId = 0;
        qint64 pid = 0; // 0: no session is marked as running
    };
    RunningSession runningSession(const QString &libraryPath) const;
    /// Written to disk at once: a crash right after must find it. pid 0 clears it.
    void setRunningSession(const QString &libraryPath, const RunningSession &session);

    /// Issue 12 (at the desk). The name a newcomer asked to join the library at `libraryPath`
    /// under (JoinRequests), so that the window can say it waits and pick them once an admin
    /// added them; empty when none. setJoinName(path, "") forgets.
    QString joinName(const QString &libraryPath) const;
    void setJoinName(const QString &libraryPath, const QString &name);
    /// The libraries opened last, most recent first (at most kRecentLibraries).
    static constexpr int kRecentLibraries = 8;
    QStringList recentLibraries() const;
    /// Puts `path` first; removeRecentLibrary() drops one that is gone.
    void addRecentLibrary(const QString &path);
    void removeRecentLibrary(const QString &path);
    /// The last packet built from the library at `libraryPath`: its stories (ids are per
    /// library), title and folder, so that the packet dialog starts where it was left.
    struct LastPacket
    {
        QList<qint64> storyIds;
        QString title;
        QString folder;
    };
    LastPacket lastPacket(const QString &libraryPath) const;
    void setLastPacket(const QString &libraryPath, const LastPacket &packet);

    /// Forgets everything the window remembered.
    void clear();

private:
    QSettings mSettings;
};

} // namespace fo
