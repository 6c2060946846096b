#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include "domain/person.h"
#include "domain/story.h"

#include <memory>
#include <optional>

namespace fo {

class Database;

namespace cli {

class Command;

/// Exit codes of every subcommand.
enum ExitCode
{
    Success = 0,
    Refused = 1,
    UsageError = 2
};

/// Where a run of the command line reads and writes: the program gives it standard output,
/// error and input; a test gives it strings.
struct CliIo
{
    QTextStream &out;
    QTextStream &err;
    QIODevice *in = nullptr; // what `edit --body-file -` reads; null: nothing to read
};

/// True when argv names a subcommand (or --help/--version): run without a display.
bool isCommandLine(const QStringList &arguments);
/// Runs one command line, `arguments` without the program's name ("list", "--json"), writing
/// only to `io` (the streams are flushed before it returns). QCoreApplication must exist.
/// Returns the exit code (ExitCode).
int runCli(const QStringList &arguments, const CliIo &io);
/// The same with nothing to read on standard input.
int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err);

// What the commands below use while runCli runs them (the streams of the running call).
QTextStream &out();
QIODevice *input();

/// An id as users type it (a story, a revision): a positive integer.
bool parseId(const QString &text, qint64 *id);
/// The one story id of a command's arguments; prints the usage error and returns false
/// otherwise ("show: give exactly one story id", "show: 'abc' is not a story id").
bool storyIdArgument(Command &cmd, qint64 *id);
/// --as NAME, the one definition every command adds; `description` says what the person does
/// in that command ("Who imports: ...").
QCommandLineOption asOption(const QString &description);
/// The person a name given with --as (here or to the window) stands for; nullopt when there is
/// none (unknownPersonText() says so).
std::optional<Person> findActingPerson(Database &db, const QString &name);
/// "no person named 'NAME' in this library (see fieldoffice person list)".
QString unknownPersonText(const QString &name);
/// The same, printing why not.
std::optional<Person> actingPerson(Database &db, const QString &name);
/// Story `id`; prints why not ("no story with id 9") and returns nullopt when there is none.
std::optional<Story> storyOrComplain(Database &db, qint64 id);

/// One line on the error stream, starting "fieldoffice: ".
void printError(const QString &message);
/// One line on the output stream.
void printOut(const QString &line);

/// What every subcommand shares: its name, a summary, the parser, and --library.
class Command
{
public:
    Command(const QString &name, const QString &summary, const QString &arguments);
    QCommandLineParser &parser() { return mParser; }
    /// Parses; on --help prints help and returns Success; on a usage error prints one line and
    /// returns UsageError; otherwise returns -1 to go on.
    int parse(const QStringList &arguments);
    QString libraryPath() const;
    /// Opens the library named by --library; prints the refusal and returns null when refused.
    std::unique_ptr<Database> openLibrary(bool create);
    /// Opens the library for a command that writes; refuses a read-only one.
    std::unique_ptr<Database> openLibraryForWriting(bool create);
    QString name() const { return mName; }

private:
    std::unique_ptr<Database> open(bool create, bool forWriting);

    QString mName;
    QCommandLineParser mParser;
    QCommandLineOption mLibrary;
};

} // namespace cli
} // namespace fo
