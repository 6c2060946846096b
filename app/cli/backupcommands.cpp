#include "backupcommands.h"

#include "backup/backup.h"
#include "backup/backupstore.h"
#include "cli.h"

#include <QDir>
#include <QFileInfo>

namespace fo::cli {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// Refuses a library that is missing or not ours before anything is written.
bool checkLibrary(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        printError(QStringLiteral("no library at %1").arg(native(path)));
        return false;
    }
    const BackupCheck check = readLibraryCopy(path);
    if (!check.ok) {
        printError(check.error);
        return false;
    }
    return true;
}

} // namespace

int runBackup(const QStringList &arguments)
{
    Command cmd(QStringLiteral("backup"),
                QStringLiteral(
                    "Writes a verified copy of the library: a consistent snapshot, taken while "
                    "other programs may go on writing, checked (integrity, stories) before it "
                    "gets its name, so the file is a whole library or is not there.\n"
                    "With -o, to FILE (an existing FILE only with --force). Without -o, into the "
                    "automatic backup folder (default: \"<library name> backups\" beside the "
                    "library, or --folder) as <library name>-<UTC time>.fieldoffice, keeping the "
                    "10 newest backups and the newest of each of the 7 most recent days, as the "
                    "window does."),
                QString());
    cmd.parser().addOptions({
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("The backup file to write."),
         QStringLiteral("FILE")},
        {QStringLiteral("force"), QStringLiteral("Replace an existing FILE.")},
        {QStringLiteral("folder"), QStringLiteral("The automatic backup folder (without -o)."),
         QStringLiteral("DIR")},
    });
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    const QCommandLineParser &p = cmd.parser();
    if (!p.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("backup: unexpected argument '%1' (see fieldoffice backup --help)")
                .arg(p.positionalArguments().constFirst()));
        return UsageError;
    }
    const bool toFile = p.isSet(QStringLiteral("output"));
    if (toFile && p.isSet(QStringLiteral("folder"))) {
        printError(QStringLiteral("backup: give either -o FILE or --folder DIR, not both"));
        return UsageError;
    }
    const QString library = cmd.libraryPath();
    if (!checkLibrary(library)) {
        return Refused;
    }
    const BackupStore store(library, p.value(QStringLiteral("folder")));
    const BackupResult result = toFile ? writeBackup(library, p.value(QStringLiteral("output")),
                                                     p.isSet(QStringLiteral("force")))
                                       : store.backUpNow();
    if (!result.ok) {
        const bool exists = toFile && result.error.endsWith(QLatin1String("already exists"));
        printError(exists ? result.error + QStringLiteral("; add --force to replace it")
                          : result.error);
        return Refused;
    }
    printOut(
        QStringLiteral("backed up %1 stories to %2").arg(result.stories).arg(native(result.path)));
    return Success;
}

int runRestore(const QStringList &arguments)
{
    Command cmd(
        QStringLiteral("restore"),
        QStringLiteral("Replaces the library with a backup. FROM is checked first (integrity, a "
                       "Field Office library of a version this program reads). A library that "
                       "exists is replaced only with --force; its content is then kept aside as "
                       "<library>.replaced-<UTC time>, and the backup is written into it through "
                       "SQLite in one transaction: a program that has it open sees the restored "
                       "stories, and an interrupted restore leaves the old content."),
        QStringLiteral("FROM"));
    cmd.parser().addOption(
        {QStringLiteral("force"),
         QStringLiteral("Replace an existing library (its content is kept aside).")});
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    const QStringList args = cmd.parser().positionalArguments();
    if (args.size() != 1) {
        printError(QStringLiteral("restore: give exactly one backup file (see fieldoffice restore "
                                  "--help)"));
        return UsageError;
    }
    const QString library = cmd.libraryPath();
    const bool force = cmd.parser().isSet(QStringLiteral("force"));
    if (QFileInfo::exists(library) && !force) {
        printError(QStringLiteral("%1 already exists; add --force to replace it (its content is "
                                  "then kept aside)")
                       .arg(native(library)));
        return Refused;
    }
    const BackupResult result = restoreLibrary(args.constFirst(), library, force);
    if (!result.ok) {
        printError(result.error);
        return Refused;
    }
    printOut(QStringLiteral("restored %1 stories from %2 into %3")
                 .arg(result.stories)
                 .arg(native(args.constFirst()), native(result.path)));
    if (!result.replacedPath.isEmpty()) {
        printOut(
            QStringLiteral("the replaced library is kept as %1").arg(native(result.replacedPath)));
    }
    return Success;
}

} // namespace fo::cli
