#include "safety/startuprecovery.h"

#include "common/uisettings.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "people/personrepository.h"
#include "safety/recoveryjournal.h"
#include "stories/storyservice.h"

#include <QCoreApplication>
#include <QLocale>

#include <csignal>
#include <unistd.h>

namespace fo {

namespace {

/// Another window (process) that marked itself as running on the library is still alive.
bool stillRunning(qint64 pid)
{
    return pid > 0 && pid != qint64(::getpid()) && ::kill(pid_t(pid), 0) == 0;
}

QString fieldList(const QVector<StoryField> &fields)
{
    QStringList names;
    for (StoryField f : fields) {
        names << storyFieldName(f);
    }
    return names.join(QStringLiteral(", "));
}

QString tr(const char *text)
{
    return QCoreApplication::translate("fo::StartupRecovery", text);
}

} // namespace

StartupRecovery::StartupRecovery(Database &db, UiSettings &settings) : mDb(db), mSettings(settings)
{
    const UiSettings::RunningSession last = mSettings.runningSession(mDb.path());
    if (last.pid > 0 && !stillRunning(last.pid)) {
        mCrashedStory = last.storyId;
    }
    storyOpened(0);
}

qint64 StartupRecovery::storyToReopen(qint64 remembered)
{
    if (remembered <= 0 || remembered != mCrashedStory) {
        return remembered;
    }
    mMessages << tr("The last session ended unexpectedly while “%1” was open; it was not "
                    "reopened.")
                     .arg(headlineOf(remembered));
    return 0;
}

qint64 StartupRecovery::replayJournal(const Person &fallback)
{
    const RecoveryJournal journal(mDb.path());
    QString error;
    const std::optional<JournalEntry> entry = journal.read(&error);
    if (!entry) {
        if (!error.isEmpty()) {
            mMessages << tr("Unsaved changes could not be recovered: %1.").arg(error);
        }
        return 0;
    }
    const Result<Person> typist = PersonRepository(mDb).get(entry->personId);
    StoryService service(mDb, typist ? *typist : fallback);
    const QString when = QLocale().toString(entry->writtenAt.toLocalTime(), QLocale::ShortFormat);
    const QString headline =
        entry->pending.headline.trimmed().isEmpty() ? tr("Untitled") : entry->pending.headline;
    SaveResult result;
    if (const Status recovered = service.recover(entry->base, entry->pending, &result);
        !recovered) {
        mMessages << tr("Unsaved changes to “%1” from %2 could not be recovered yet (%3); "
                        "Field Office tries again at the next start.")
                         .arg(headline, when, refusalText(recovered.refusal()));
        return 0;
    }
    journal.remove();
    // What the journal changed against the story it was typed into.
    const QString changed =
        fieldList(mergeStory(entry->base, entry->pending, entry->base).mineChanged);
    QString message = tr("Recovered unsaved changes (%1) to “%2” from %3: they are in the story "
                         "now; the version before is in its history.")
                          .arg(changed, headline, when);
    if (!result.merge.conflicts.isEmpty()) {
        QVector<StoryField> fields;
        for (const FieldConflict &c : result.merge.conflicts) {
            fields << c.field;
        }
        message += QLatin1Char(' ') + tr("The %1 had also been changed meanwhile; that version "
                                         "is in the history too.")
                                          .arg(fieldList(fields));
    }
    mMessages << message;
    return entry->pending.id;
}

void StartupRecovery::storyOpened(qint64 id)
{
    mSettings.setRunningSession(mDb.path(), {id, qint64(::getpid())});
}

void StartupRecovery::closedCleanly()
{
    mSettings.setRunningSession(mDb.path(), {});
}

QString StartupRecovery::headlineOf(qint64 id) const
{
    const Result<Story> story = StoryService(mDb).get(id);
    if (!story) {
        return tr("story %1").arg(id);
    }
    return story->headline.trimmed().isEmpty() ? tr("Untitled") : story->headline;
}

} // namespace fo
