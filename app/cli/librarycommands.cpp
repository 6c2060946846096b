#include "librarycommands.h"

#include "cli.h"
#include "library/libraryhealth.h"
#include "messages/refusaltext.h"

#include <QDir>
#include <QFileInfo>

namespace fo::cli {

int runCheckLibrary(const QStringList &arguments)
{
    Command cmd(QStringLiteral("check-library"),
                QStringLiteral("Reads every page of the library and checks every index against "
                               "its table (SQLite's integrity check), without changing anything. "
                               "Prints \"ok\", or each problem found on a line of its own."),
                QString());
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    if (!cmd.parser().positionalArguments().isEmpty()) {
        printError(QStringLiteral("check-library: unexpected argument '%1'")
                       .arg(cmd.parser().positionalArguments().constFirst()));
        return UsageError;
    }
    const QString path = cmd.libraryPath();
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        printError(QStringLiteral("no library at %1").arg(shown));
        return Refused;
    }
    if (info.isDir()) {
        printError(QStringLiteral("%1 is a folder, not a Field Office library").arg(shown));
        return Refused;
    }
    // Enough lines to show what is wrong; a badly damaged file would list thousands.
    const HealthReport report = checkLibraryHealth(path, HealthCheck::Full, 100);
    if (!report.ran) {
        printError(
            QStringLiteral("cannot check %1: %2").arg(shown, storageReasonText(report.refusal)));
        return Refused;
    }
    if (report.problems.isEmpty()) {
        printOut(QStringLiteral("ok"));
        return Success;
    }
    for (const QString &problem : report.problems) {
        printOut(problem);
    }
    printError(QStringLiteral("%1 is damaged: the integrity check found %2 (listed above); keep "
                              "a copy of the file and restore the library from a backup")
                   .arg(shown, report.problems.size() == 1
                                   ? QStringLiteral("1 problem")
                                   : QStringLiteral("%1 problems").arg(report.problems.size())));
    return Refused;
}

} // namespace fo::cli
