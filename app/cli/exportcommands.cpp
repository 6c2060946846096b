#include "exportcommands.h"

#include "cli.h"
#include "export/exportrecord.h"
#include "export/htmlexporter.h"
#include "export/pdfexporter.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "messages/refusaltext.h"
#include "stories/storyrepository.h"
#include "workflow/workflow.h"

#include <QDir>
#include <QFileInfo>

namespace fo::cli {

namespace {

struct ExportRequest
{
    qint64 id = 0;
    QString format;
    PageSize pageSize = PageSize::A4;
    QString output;
    QString person; // --as; empty: recorded as "(command line)"
    bool draft = false;
};

/// Reads and checks the arguments; prints the problem and returns UsageError, or -1 to go on.
int readRequest(Command &cmd, ExportRequest *r)
{
    QCommandLineParser &p = cmd.parser();
    if (!storyIdArgument(cmd, &r->id)) {
        return UsageError;
    }
    r->format = p.value(QStringLiteral("format")).toLower();
    if (r->format != QLatin1String("html") && r->format != QLatin1String("pdf")) {
        printError(QStringLiteral("export: --format must be html or pdf"));
        return UsageError;
    }
    if (p.isSet(QStringLiteral("page-size"))) {
        const auto size = parsePageSize(p.value(QStringLiteral("page-size")));
        if (!size) {
            printError(QStringLiteral("export: --page-size must be A4 or Letter"));
            return UsageError;
        }
        r->pageSize = *size;
    }
    r->output = p.value(QStringLiteral("output"));
    if (r->output.isEmpty()) {
        printError(QStringLiteral("export: say where to write with -o FILE"));
        return UsageError;
    }
    r->draft = p.isSet(QStringLiteral("draft"));
    r->person = p.value(QStringLiteral("as")).trimmed();
    return -1;
}

} // namespace

int runExport(const QStringList &arguments)
{
    Command cmd(
        QStringLiteral("export"),
        QStringLiteral("Exports one story as a self-contained HTML file or a PDF. Stories "
                       "that are not approved as they are now are marked \"DRAFT \u2014 NOT FOR "
                       "RELEASE\". The file is written whole or not at all."),
        QStringLiteral("ID"));
    cmd.parser().addOptions({
        {QStringLiteral("format"), QStringLiteral("html or pdf."), QStringLiteral("FORMAT")},
        {QStringLiteral("page-size"), QStringLiteral("PDF paper: A4 (default) or Letter."),
         QStringLiteral("SIZE")},
        {QStringLiteral("draft"), QStringLiteral("Mark the export as a draft in any case.")},
        asOption(
            QStringLiteral("Who is exporting, for the audit trail (default: \"(command line)\").")),
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("The file to write."),
         QStringLiteral("FILE")},
    });
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    ExportRequest r;
    if (const int code = readRequest(cmd, &r); code >= 0) {
        return code;
    }
    // The export is recorded in the audit trail, like a packet: the library is written to.
    auto db = cmd.openLibraryForWriting(false);
    if (!db) {
        return Refused;
    }
    Person person;
    if (!r.person.isEmpty()) {
        const std::optional<Person> named = actingPerson(*db, r.person);
        if (!named) {
            return Refused;
        }
        person = *named;
    }
    const std::optional<Story> story = storyOrComplain(*db, r.id);
    if (!story) {
        return Refused;
    }
    QString error;
    // A file that leaves the office unmarked must be the approved version: anything else,
    // including a story changed since its approval, carries the draft mark.
    const ApprovalState approval = Workflow(*db).approvalState(*story);
    const bool draft = r.draft || !approval.valid;
    StoryExportRecord record;
    record.format = r.format;
    record.draft = draft;
    record.revision = !draft && approval.approval ? approval.approval->revisionNumber : 0;
    PdfOptions options;
    options.pageSize = r.pageSize;
    options.draft = draft;
    options.organisation = OrganisationSettings(*db).load().name;
    FileSet files;
    Status exported = stageStoryExport(*story, r.output, r.format, options, files);
    if (exported) {
        exported = recordStoryExport(*db, *story, person, r.output, record, files);
    }
    if (!exported) {
        printError(refusalText(exported.refusal()));
        return Refused;
    }
    printOut(QStringLiteral("exported story %1 to %2%3")
                 .arg(story->id)
                 .arg(QDir::toNativeSeparators(QFileInfo(r.output).absoluteFilePath()),
                      draft ? QStringLiteral(" (marked DRAFT)") : QString()));
    return Success;
}

} // namespace fo::cli
