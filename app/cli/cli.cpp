#include "cli.h"

#include "backupcommands.h"
#include "commands.h"
#include "exportcommands.h"
#include "historycommands.h"
#include "library/database.h"
#include "librarycommands.h"
#include "messages/refusaltext.h"
#include "packetcommand.h"
#include "people/personrepository.h"
#include "stories/storyrepository.h"
#include "workflowcommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace fo::cli {

namespace {

/// The streams of the runCli call running on this thread: the commands print through
/// printOut/printError and out(), never to the process's own stdout or stderr.
thread_local const CliIo *tIo = nullptr;

/// Sets the streams for one runCli call and flushes them when it ends (nested calls and calls
/// on other threads keep their own).
class IoScope
{
public:
    explicit IoScope(const CliIo &io) : mPrevious(tIo) { tIo = &io; }
    ~IoScope()
    {
        tIo->out.flush();
        tIo->err.flush();
        tIo = mPrevious;
    }
    IoScope(const IoScope &) = delete;
    IoScope &operator=(const IoScope &) = delete;

private:
    const CliIo *mPrevious;
};

struct Entry
{
    const char *name;
    const char *summary;
    int (*handler)(const QStringList &);
};

const Entry kCommands[] = {
    {"demo", "create a new library holding the demo stories", runDemo},
    {"import", "import stories from Markdown and plain-text files", runImport},
    {"list", "list stories, filtered and searched", runList},
    {"show", "show one story", runShow},
    {"export", "export one story as HTML or PDF", runExport},
    {"packet", "build a press packet of approved stories as PDF or HTML", runPacket},
    {"person", "add or list the people of the library and their roles", runPerson},
    {"edit", "change a story as a person", runEdit},
    {"review", "submit, approve, request changes, release or archive a story", runReview},
    {"history", "list a story's revisions and its approval", runHistory},
    {"diff", "compare two revisions of a story word by word", runDiff},
    {"check-library", "check every page and index of the library for damage", runCheckLibrary},
    {"backup", "write a verified copy of the library", runBackup},
    {"restore", "replace the library with a backup, keeping the old one aside", runRestore},
};

void printUsage()
{
    QString text = QStringLiteral(
        "Usage: fieldoffice [--library FILE] [--as NAME]  open the window\n"
        "       fieldoffice COMMAND [OPTIONS] [ARGS]    run a command without a display\n\n"
        "Commands:\n");
    for (const Entry &e : kCommands) {
        text +=
            QStringLiteral("  %1%2\n")
                .arg(QString::fromLatin1(e.name).leftJustified(14), QString::fromLatin1(e.summary));
    }
    text += QStringLiteral("\nEvery command takes --library FILE (default: %1) and --help.\n"
                           "Exit codes: 0 success, 1 refused or bad input, 2 usage error.\n")
                .arg(QDir::toNativeSeparators(Database::defaultPath()));
    out() << text;
}

} // namespace

bool parseId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    return ok && *id > 0;
}

bool storyIdArgument(Command &cmd, qint64 *id)
{
    const QStringList args = cmd.parser().positionalArguments();
    if (args.size() != 1) {
        printError(QStringLiteral("%1: give exactly one story id (see fieldoffice %1 --help)")
                       .arg(cmd.name()));
        return false;
    }
    if (!parseId(args.constFirst(), id)) {
        printError(QStringLiteral("%1: '%2' is not a story id").arg(cmd.name(), args.constFirst()));
        return false;
    }
    return true;
}

QCommandLineOption asOption(const QString &description)
{
    return QCommandLineOption(QStringList{QStringLiteral("as")}, description,
                              QStringLiteral("NAME"));
}

std::optional<Person> findActingPerson(Database &db, const QString &name)
{
    Result<Person> person = PersonRepository(db).findByName(name);
    if (!person) {
        return std::nullopt;
    }
    return std::move(*person);
}

QString unknownPersonText(const QString &name)
{
    return QStringLiteral("no person named '%1' in this library (see fieldoffice person list)")
        .arg(name);
}

std::optional<Person> actingPerson(Database &db, const QString &name)
{
    const std::optional<Person> person = findActingPerson(db, name);
    if (!person) {
        printError(unknownPersonText(name));
    }
    return person;
}

std::optional<Story> storyOrComplain(Database &db, qint64 id)
{
    Result<Story> story = StoryRepository(db).get(id);
    if (!story) {
        printError(refusalText(story.refusal()));
        return std::nullopt;
    }
    return std::move(*story);
}

QTextStream &out()
{
    return tIo->out;
}

QIODevice *input()
{
    return tIo->in;
}

void printError(const QString &message)
{
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    // What was printed before the error shows before it, as it did with stdout on a terminal;
    // the error itself at once, as stderr is.
    tIo->out.flush();
    tIo->err << QStringLiteral("fieldoffice: ") << line << QLatin1Char('\n');
    tIo->err.flush();
}

void printOut(const QString &line)
{
    // A line at a time, as stdout on a terminal showed it (`list` writes its rows itself).
    tIo->out << line << QLatin1Char('\n');
    tIo->out.flush();
}

bool isCommandLine(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        return false;
    }
    const QString first = arguments.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("--version") || first == QLatin1String("help")) {
        return true;
    }
    // Anything that is not an option is a subcommand, known or not (unknown ones are refused
    // on the command line rather than opening a window).
    return !first.startsWith(QLatin1Char('-'));
}

int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return runCli(arguments, CliIo{out, err, nullptr});
}

int runCli(const QStringList &arguments, const CliIo &io)
{
    const IoScope scope(io);
    const QString first = arguments.value(0);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printUsage();
        return Success;
    }
    if (first == QLatin1String("--version")) {
        printOut(QStringLiteral("fieldoffice %1").arg(QStringLiteral(FO_VERSION)));
        return Success;
    }
    for (const Entry &e : kCommands) {
        if (first == QLatin1String(e.name)) {
            // Hand the command its own argv: "fieldoffice list ..." → "fieldoffice list" + options.
            QStringList rest = arguments.mid(1);
            rest.prepend(QStringLiteral("fieldoffice ") + first);
            return e.handler(rest);
        }
    }
    printError(QStringLiteral("unknown command '%1' (see fieldoffice --help)").arg(first));
    return UsageError;
}

Command::Command(const QString &name, const QString &summary, const QString &arguments)
    : mName(name), mLibrary(QStringList{QStringLiteral("library")},
                            QStringLiteral("The library file (default: %1).")
                                .arg(QDir::toNativeSeparators(Database::defaultPath())),
                            QStringLiteral("FILE"))
{
    mParser.setApplicationDescription(summary);
    mParser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    mParser.addHelpOption();
    mParser.addOption(mLibrary);
    if (!arguments.isEmpty()) {
        mParser.addPositionalArgument(arguments, QString());
    }
}

int Command::parse(const QStringList &arguments)
{
    if (!mParser.parse(arguments)) {
        printError(
            QStringLiteral("%1: %2 (see fieldoffice %1 --help)").arg(mName, mParser.errorText()));
        return UsageError;
    }
    if (mParser.isSet(QStringLiteral("help"))) {
        // Qt names the program by its path; users type "fieldoffice NAME".
        QString help = mParser.helpText();
        const int end = help.indexOf(QStringLiteral(" [options]"));
        if (help.startsWith(QStringLiteral("Usage: ")) && end > 0) {
            help.replace(7, end - 7, QStringLiteral("fieldoffice ") + mName);
        }
        out() << help;
        return Success;
    }
    return -1;
}

QString Command::libraryPath() const
{
    if (mParser.isSet(mLibrary)) {
        return mParser.value(mLibrary);
    }
    return Database::defaultPath();
}

std::unique_ptr<Database> Command::openLibrary(bool create)
{
    return open(create, false);
}

std::unique_ptr<Database> Command::openLibraryForWriting(bool create)
{
    return open(create, true);
}

std::unique_ptr<Database> Command::open(bool create, bool forWriting)
{
    const QString path = libraryPath();
    if (create && !mParser.isSet(mLibrary)) {
        // The default location's folder is ours to make; a folder the user named is not.
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    Result<std::unique_ptr<Database>> opened = Database::open(
        path, create ? Database::OpenMode::CreateIfMissing : Database::OpenMode::MustExist);
    if (!opened) {
        printError(refusalText(opened.refusal()));
        return nullptr;
    }
    std::unique_ptr<Database> db = std::move(*opened);
    if (db->isReadOnly()) {
        if (forWriting) {
            printError(QStringLiteral("%1 is read-only (%2); nothing was changed")
                           .arg(QDir::toNativeSeparators(db->path()), db->readOnlyReason()));
            return nullptr;
        }
        printError(QStringLiteral("note: %1 is read-only (%2); opened read-only")
                       .arg(QDir::toNativeSeparators(db->path()), db->readOnlyReason()));
    }
    return db;
}

} // namespace fo::cli
