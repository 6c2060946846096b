#include "common/uisettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace fo {

namespace {

// Keys, all in one place. Renaming one loses what users had saved under it.
const QString kMainWindowGeometry = QStringLiteral("mainWindow/geometry");
const QString kMainWindowState = QStringLiteral("mainWindow/state");
const QString kMainSplitterState = QStringLiteral("mainWindow/splitter");
const QString kStoryListHeaderState = QStringLiteral("storyList/header");
const QString kFilterStatus = QStringLiteral("storyList/filter/status"); // a status key
const QString kFilterOffice = QStringLiteral("storyList/filter/office");
const QString kFilterTag = QStringLiteral("storyList/filter/tag");
const QString kEditorSplitterState = QStringLiteral("editor/splitter");
const QString kPreviewVisible = QStringLiteral("editor/previewVisible");   // default: shown
const QString kSpellCheck = QStringLiteral("editor/spellCheck");           // default: on
const QString kEnglishSpelling = QStringLiteral("editor/englishSpelling"); // default: by locale
const QString kStoryListVisible = QStringLiteral("mainWindow/storyListVisible"); // default: shown
const QString kImportFolder = QStringLiteral("import/folder");
const QString kExportFolder = QStringLiteral("export/folder"); // issue 12 item 18
const QString kOpenStoryLibrary = QStringLiteral("editor/openStory/library");
const QString kOpenStoryId = QStringLiteral("editor/openStory/id");
// Library path → the id of the person who last used the window on it (ids are per library).
const QString kPersonByLibrary = QStringLiteral("workflow/personByLibrary");
// Library path → the folder chosen for its automatic backups.
const QString kBackupFolderByLibrary = QStringLiteral("backup/folderByLibrary");
// Library path → {story, pid} of the window running on it (StartupRecovery).
const QString kRunningByLibrary = QStringLiteral("session/runningByLibrary");
// Issue 12: library path → the name its newcomer asked to join under; the recent libraries;
// library path → the last packet {stories, title, folder}.
const QString kJoinNameByLibrary = QStringLiteral("workflow/joinNameByLibrary");
const QString kRecentLibrariesKey = QStringLiteral("library/recent");
const QString kLastPacketByLibrary = QStringLiteral("packet/lastByLibrary");

QString organization()
{
    // Without an organisation the settings sit in a folder named after the program
    // (~/.config/fieldoffice/), beside its data folder, rather than in "Unknown Organization".
    const QString name = QCoreApplication::organizationName();
    return name.isEmpty() ? QCoreApplication::applicationName() : name;
}

} // namespace

UiSettings::UiSettings() : mSettings(organization(), QCoreApplication::applicationName()) {}

QByteArray UiSettings::mainWindowGeometry() const
{
    return mSettings.value(kMainWindowGeometry).toByteArray();
}

void UiSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    mSettings.setValue(kMainWindowGeometry, geometry);
}

QByteArray UiSettings::mainWindowState() const
{
    return mSettings.value(kMainWindowState).toByteArray();
}

void UiSettings::setMainWindowState(const QByteArray &state)
{
    mSettings.setValue(kMainWindowState, state);
}

QByteArray UiSettings::mainSplitterState() const
{
    return mSettings.value(kMainSplitterState).toByteArray();
}

void UiSettings::setMainSplitterState(const QByteArray &state)
{
    mSettings.setValue(kMainSplitterState, state);
}

QByteArray UiSettings::storyListHeaderState() const
{
    return mSettings.value(kStoryListHeaderState).toByteArray();
}

void UiSettings::setStoryListHeaderState(const QByteArray &state)
{
    mSettings.setValue(kStoryListHeaderState, state);
}

StoryFilter UiSettings::storyListFilter() const
{
    StoryFilter filter; // default: everything
    filter.status = parseStatus(mSettings.value(kFilterStatus).toString());
    filter.office = mSettings.value(kFilterOffice).toString();
    filter.tag = mSettings.value(kFilterTag).toString();
    return filter;
}

void UiSettings::setStoryListFilter(const StoryFilter &filter)
{
    mSettings.setValue(kFilterStatus, filter.status ? statusKey(*filter.status) : QString());
    mSettings.setValue(kFilterOffice, filter.office);
    mSettings.setValue(kFilterTag, filter.tag);
}

QByteArray UiSettings::editorSplitterState() const
{
    return mSettings.value(kEditorSplitterState).toByteArray();
}

void UiSettings::setEditorSplitterState(const QByteArray &state)
{
    mSettings.setValue(kEditorSplitterState, state);
}

bool UiSettings::previewVisible() const
{
    return mSettings.value(kPreviewVisible, true).toBool();
}

void UiSettings::setPreviewVisible(bool visible)
{
    mSettings.setValue(kPreviewVisible, visible);
}

bool UiSettings::spellCheck() const
{
    return mSettings.value(kSpellCheck, true).toBool();
}

void UiSettings::setSpellCheck(bool on)
{
    mSettings.setValue(kSpellCheck, on);
}

QString UiSettings::englishSpelling() const
{
    const QString value = mSettings.value(kEnglishSpelling).toString();
    return value == QLatin1String("en_GB") || value == QLatin1String("en_US") ? value : QString();
}

void UiSettings::setEnglishSpelling(const QString &dictionary)
{
    mSettings.setValue(kEnglishSpelling, dictionary);
}

bool UiSettings::storyListVisible() const
{
    return mSettings.value(kStoryListVisible, true).toBool();
}

void UiSettings::setStoryListVisible(bool visible)
{
    mSettings.setValue(kStoryListVisible, visible);
}

QString UiSettings::importFolder() const
{
    const QString last = mSettings.value(kImportFolder).toString();
    if (!last.isEmpty() && QDir(last).exists()) {
        return last;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(documents).exists() ? documents : QDir::homePath();
}

void UiSettings::setImportFolder(const QString &folder)
{
    mSettings.setValue(kImportFolder, folder);
}

QString UiSettings::exportFolder() const
{
    const QString last = mSettings.value(kExportFolder).toString();
    if (!last.isEmpty() && QDir(last).exists()) {
        return last;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QDir(documents).exists() ? documents : QDir::homePath();
}

void UiSettings::setExportFolder(const QString &folder)
{
    mSettings.setValue(kExportFolder, folder);
}

qint64 UiSettings::openStory(const QString &libraryPath) const
{
    if (mSettings.value(kOpenStoryLibrary).toString() != libraryPath) {
        return 0;
    }
    return mSettings.value(kOpenStoryId).toLongLong();
}

void UiSettings::setOpenStory(const QString &libraryPath, qint64 id)
{
    mSettings.setValue(kOpenStoryLibrary, libraryPath);
    mSettings.setValue(kOpenStoryId, id);
}

qint64 UiSettings::person(const QString &libraryPath) const
{
    return mSettings.value(kPersonByLibrary).toMap().value(libraryPath).toLongLong();
}

void UiSettings::setPerson(const QString &libraryPath, qint64 id)
{
    QVariantMap map = mSettings.value(kPersonByLibrary).toMap();
    if (id > 0) {
        map.insert(libraryPath, id);
    } else {
        map.remove(libraryPath);
    }
    mSettings.setValue(kPersonByLibrary, map);
}

QString UiSettings::backupFolder(const QString &libraryPath) const
{
    return mSettings.value(kBackupFolderByLibrary).toMap().value(libraryPath).toString();
}

void UiSettings::setBackupFolder(const QString &libraryPath, const QString &folder)
{
    QVariantMap map = mSettings.value(kBackupFolderByLibrary).toMap();
    if (folder.isEmpty()) {
        map.remove(libraryPath);
    } else {
        map.insert(libraryPath, folder);
    }
    mSettings.setValue(kBackupFolderByLibrary, map);
}

UiSettings::RunningSession UiSettings::runningSession(const QString &libraryPath) const
{
    const QVariantMap entry = mSettings.value(kRunningByLibrary).toMap().value(libraryPath).toMap();
    RunningSession session;
    session.storyId = entry.value(QStringLiteral("story")).toLongLong();
    session.pid = entry.value(QStringLiteral("pid")).toLongLong();
    return session;
}

void UiSettings::setRunningSession(const QString &libraryPath, const RunningSession &session)
{
    QVariantMap map = mSettings.value(kRunningByLibrary).toMap();
    if (session.pid > 0) {
        map.insert(libraryPath, QVariantMap{{QStringLiteral("story"), session.storyId},
                                            {QStringLiteral("pid"), session.pid}});
    } else {
        map.remove(libraryPath);
    }
    mSettings.setValue(kRunningByLibrary, map);
    mSettings.sync();
}

void UiSettings::clear()
{
    mSettings.clear();
}

QString UiSettings::joinName(const QString &libraryPath) const
{
    return mSettings.value(kJoinNameByLibrary).toMap().value(libraryPath).toString();
}

void UiSettings::setJoinName(const QString &libraryPath, const QString &name)
{
    QVariantMap map = mSettings.value(kJoinNameByLibrary).toMap();
    if (name.isEmpty()) {
        map.remove(libraryPath);
    } else {
        map.insert(libraryPath, name);
    }
    mSettings.setValue(kJoinNameByLibrary, map);
}

QStringList UiSettings::recentLibraries() const
{
    return mSettings.value(kRecentLibrariesKey).toStringList();
}

void UiSettings::addRecentLibrary(const QString &path)
{
    QStringList list = recentLibraries();
    list.removeAll(path);
    list.prepend(path);
    mSettings.setValue(kRecentLibrariesKey, list.mid(0, kRecentLibraries));
}

void UiSettings::removeRecentLibrary(const QString &path)
{
    QStringList list = recentLibraries();
    list.removeAll(path);
    mSettings.setValue(kRecentLibrariesKey, list);
}

UiSettings::LastPacket UiSettings::lastPacket(const QString &libraryPath) const
{
    const QVariantMap stored =
        mSettings.value(kLastPacketByLibrary).toMap().value(libraryPath).toMap();
    LastPacket packet;
    for (const QVariant &id : stored.value(QStringLiteral("stories")).toList()) {
        packet.storyIds << id.toLongLong();
    }
    packet.title = stored.value(QStringLiteral("title")).toString();
    packet.folder = stored.value(QStringLiteral("folder")).toString();
    return packet;
}

void UiSettings::setLastPacket(const QString &libraryPath, const LastPacket &packet)
{
    QVariantList ids;
    for (qint64 id : packet.storyIds) {
        ids << id;
    }
    QVariantMap map = mSettings.value(kLastPacketByLibrary).toMap();
    map.insert(libraryPath, QVariantMap{{QStringLiteral("stories"), ids},
                                        {QStringLiteral("title"), packet.title},
                                        {QStringLiteral("folder"), packet.folder}});
    mSettings.setValue(kLastPacketByLibrary, map);
}

} // namespace fo
