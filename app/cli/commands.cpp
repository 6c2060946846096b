#include "commands.h"

#include "cli.h"
#include "demo/demolibrary.h"
#include "import/importer.h"
#include "import/storymarkdown.h"
#include "jsonstream.h"
#include "library/database.h"
#include "library/tagrepository.h"
#include "messages/importtext.h"
#include "messages/refusaltext.h"
#include "search/storyquery.h"
#include "stories/storyrepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace fo::cli {

namespace {

QString padded(const QString &text, int width)
{
    return text.leftJustified(width, QLatin1Char(' '), false);
}

QString storyLine(const StoryRow &row)
{
    return QStringLiteral("%1  %2  %3  %4  %5")
        .arg(row.id, 5)
        .arg(padded(statusKey(row.status), 17), padded(row.officeName, 12),
             padded(row.dateline(), 24), row.headline);
}

QJsonObject storyJson(const StoryRow &row)
{
    return QJsonObject{
        {QStringLiteral("id"), row.id},
        {QStringLiteral("status"), statusKey(row.status)},
        {QStringLiteral("office"), row.officeName},
        {QStringLiteral("dateline"), row.dateline()},
        {QStringLiteral("headline"), row.headline},
        {QStringLiteral("tags"), QJsonArray::fromStringList(row.tags)},
        {QStringLiteral("updated"), row.updatedAt.toUTC().toString(Qt::ISODate)},
    };
}

} // namespace

int runDemo(const QStringList &arguments)
{
    Command cmd(QStringLiteral("demo"),
                QStringLiteral("Creates a new library holding the demo stories. Refuses an "
                               "existing file."),
                QString());
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    if (!cmd.parser().positionalArguments().isEmpty()) {
        printError(QStringLiteral("demo: unexpected argument '%1'")
                       .arg(cmd.parser().positionalArguments().constFirst()));
        return UsageError;
    }
    const QString path = cmd.libraryPath();
    if (QFileInfo::exists(path)) {
        printError(QStringLiteral("%1 already exists; demo only creates a new library")
                       .arg(QDir::toNativeSeparators(path)));
        return Refused;
    }
    auto db = cmd.openLibraryForWriting(true);
    if (!db) {
        return Refused;
    }
    const Result<int> created = createDemoLibrary(*db);
    if (!created) {
        const QString file = db->path();
        db.reset();
        QFile::remove(file);
        printError(QStringLiteral("cannot create the demo library: %1")
                       .arg(refusalText(created.refusal())));
        return Refused;
    }
    const int count = *created;
    printOut(QStringLiteral("created %1 with %2 demo stories")
                 .arg(QDir::toNativeSeparators(db->path()))
                 .arg(count));
    return Success;
}

int runImport(const QStringList &arguments)
{
    Command cmd(
        QStringLiteral("import"),
        QStringLiteral("Imports stories from Markdown files (.md, with optional front matter) and "
                       "plain-text files holding one or more stories. Folders are searched for "
                       ".md, .markdown and .txt files. Each file is imported whole or not at all."),
        QStringLiteral("PATH..."));
    const QCommandLineOption as = asOption(QStringLiteral("Who imports: recorded as the "
                                                          "stories' creator (optional)."));
    cmd.parser().addOption(as);
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    const QStringList paths = cmd.parser().positionalArguments();
    if (paths.isEmpty()) {
        printError(QStringLiteral("import: no file given (see fieldoffice import --help)"));
        return UsageError;
    }
    QStringList pathErrors;
    const QStringList files = Importer::expandPaths(paths, &pathErrors);
    for (const QString &e : pathErrors) {
        printError(e);
    }
    if (files.isEmpty()) {
        if (pathErrors.isEmpty()) {
            printError(QStringLiteral("import: no .md, .markdown or .txt files found"));
        }
        return Refused;
    }
    auto db = cmd.openLibraryForWriting(true);
    if (!db) {
        return Refused;
    }
    Person actor;
    if (cmd.parser().isSet(as)) {
        const std::optional<Person> found = actingPerson(*db, cmd.parser().value(as));
        if (!found) {
            return Refused;
        }
        actor = *found;
    }
    Importer importer(*db, actor);
    int failed = pathErrors.size();
    int imported = 0;
    for (const QString &file : files) {
        const Importer::FileResult result = importer.importFile(file);
        for (const QString &note : result.notes) {
            printError(QStringLiteral("note: ") + note);
        }
        if (!result.ok()) {
            printError(importErrorText(result));
            ++failed;
            continue;
        }
        for (const Story &s : result.imported) {
            printOut(QStringLiteral("imported %1: %2 (%3)")
                         .arg(s.id)
                         .arg(s.headline,
                              s.officeName.isEmpty() ? QStringLiteral("no office") : s.officeName));
            ++imported;
        }
    }
    if (failed) {
        printError(QStringLiteral("imported %1; %2 refused")
                       .arg(imported == 1 ? QStringLiteral("1 story")
                                          : QStringLiteral("%1 stories").arg(imported),
                            failed == 1 ? QStringLiteral("1 file")
                                        : QStringLiteral("%1 files").arg(failed)));
        return Refused;
    }
    return Success;
}

int runList(const QStringList &arguments)
{
    Command cmd(QStringLiteral("list"),
                // The orders StoryQuery reads in (search/storyquery.h): by update time; by
                // relevance while a search matches at most kRankLimit stories, else by id.
                QStringLiteral("Lists stories, most recently changed first: id, status, "
                               "office, dateline, headline. When searching, the best match "
                               "comes first; when more than %1 stories match, the most "
                               "recently added come first instead.")
                    .arg(QLocale(QLocale::English).toString(StoryQuery::kRankLimit)),
                QString());
    QCommandLineParser &p = cmd.parser();
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Only stories in this state (draft, in-review, "
                                                   "changes-requested, approved, released, "
                                                   "archived)."),
                                    QStringLiteral("S"));
    const QCommandLineOption tag(
        QStringLiteral("tag"), QStringLiteral("Only stories with this tag (topic/forced-labour)."),
        QStringLiteral("T"));
    const QCommandLineOption office(QStringLiteral("office"),
                                    QStringLiteral("Only stories of this office."),
                                    QStringLiteral("O"));
    const QCommandLineOption search(QStringLiteral("search"),
                                    QStringLiteral("Full-text search: words, \"a phrase\", "
                                                   "prefix*, a OR b."),
                                    QStringLiteral("QUERY"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON array with tags and update time."));
    p.addOptions({status, tag, office, search, json});
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    if (!p.positionalArguments().isEmpty()) {
        printError(QStringLiteral("list: unexpected argument '%1'")
                       .arg(p.positionalArguments().constFirst()));
        return UsageError;
    }
    StoryFilter filter;
    if (p.isSet(status)) {
        filter.status = parseStatus(p.value(status));
        if (!filter.status) {
            printError(QStringLiteral("list: unknown status '%1' (draft, in-review, "
                                      "changes-requested, approved, released, archived)")
                           .arg(p.value(status)));
            return UsageError;
        }
    }
    filter.tag = p.value(tag);
    filter.office = p.value(office);
    filter.search = p.value(search);
    auto db = cmd.openLibrary(false);
    if (!db) {
        return Refused;
    }
    StoryQuery stories(*db);
    stories.setSnippets(false); // not printed
    const bool asJson = p.isSet(json);
    // Row by row as the pages come: the first rows show at once (`| head` need not wait for
    // 100,000 stories) and memory does not grow with the list.
    constexpr int kPage = 1000;
    JsonArrayStream array(out());
    qint64 printed = 0;
    const Status read = stories.forEachRow(filter, kPage, asJson, [&](const StoryRow &row) {
        if (asJson) {
            array.append(storyJson(row));
        } else {
            out() << storyLine(row) << QLatin1Char('\n');
        }
        if (++printed == 1 || printed % kPage == 0) {
            out().flush();
            return out().status() == QTextStream::Ok; // a reader gone: stop reading
        }
        return true;
    });
    if (!read) {
        printError(QStringLiteral("list: %1").arg(refusalText(read.refusal())));
        return Refused;
    }
    if (asJson) {
        array.finish();
    }
    return Success;
}

int runShow(const QStringList &arguments)
{
    Command cmd(QStringLiteral("show"),
                QStringLiteral("Shows one story with its metadata. With --markdown, prints front "
                               "matter and body in the import format."),
                QStringLiteral("ID"));
    const QCommandLineOption markdown(QStringLiteral("markdown"),
                                      QStringLiteral("Print front matter and Markdown body."));
    cmd.parser().addOption(markdown);
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    qint64 id = 0;
    if (!storyIdArgument(cmd, &id)) {
        return UsageError;
    }
    auto db = cmd.openLibrary(false);
    if (!db) {
        return Refused;
    }
    const std::optional<Story> story = storyOrComplain(*db, id);
    if (!story) {
        return Refused;
    }
    QString error;
    if (cmd.parser().isSet(markdown)) {
        out() << storyToMarkdown(*story);
        return Success;
    }
    const Story &s = *story;
    QString text;
    text += s.headline + QLatin1Char('\n');
    text += QString(qMax(8, qMin(s.headline.size(), 78)), QChar(0x2500)) + QLatin1Char('\n');
    auto field = [&text](const char *name, const QString &value) {
        if (!value.isEmpty()) {
            text += padded(QString::fromLatin1(name) + QLatin1Char(':'), 10) + value +
                    QLatin1Char('\n');
        }
    };
    field("Id", QString::number(s.id));
    field("UUID", s.uuid);
    field("Status", statusLabel(s.status));
    field("Dateline", s.dateline());
    field("Office", s.officeName);
    field("Byline", s.byline);
    field("Language", s.language);
    field("Tags", s.tags.join(QStringLiteral(", ")));
    field("Embargo", s.embargoAt.isValid() ? s.embargoAt.toString(Qt::ISODate) : QString());
    field("Created", s.createdAt.toString(Qt::ISODate));
    field("Updated", s.updatedAt.toString(Qt::ISODate));
    field("Summary", s.summary);
    text += QLatin1Char('\n') + s.body;
    if (!text.endsWith(QLatin1Char('\n'))) {
        text += QLatin1Char('\n');
    }
    out() << text;
    return Success;
}

} // namespace fo::cli
