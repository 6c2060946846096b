#include "packetcommand.h"

#include "cli.h"
#include "export/packetbuilder.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "workflow/workflow.h"

#include <QDir>
#include <QFileInfo>

namespace fo::cli {

namespace {

struct PacketArgs
{
    PacketRequest request;
    QString person;
    PacketOptions options;
    QString output;
};

/// Reads and checks the arguments; prints the problem and returns UsageError, or -1 to go on.
int readPacketArgs(QCommandLineParser &p, PacketArgs *a)
{
    const auto fail = [](const QString &message) {
        printError(QStringLiteral("packet: ") + message +
                   QStringLiteral(" (see fieldoffice packet --help)"));
        return int(UsageError);
    };
    if (!p.positionalArguments().isEmpty()) {
        return fail(
            QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().constFirst()));
    }
    a->person = p.value(QStringLiteral("as")).trimmed();
    if (a->person.isEmpty()) {
        return fail(QStringLiteral("say who you are with --as NAME"));
    }
    a->request.title = p.value(QStringLiteral("title")).trimmed();
    if (a->request.title.isEmpty()) {
        return fail(QStringLiteral("give the packet a --title"));
    }
    for (const QString &id : p.values(QStringLiteral("story"))) {
        qint64 n = 0;
        if (!parseId(id, &n)) {
            return fail(QStringLiteral("'%1' is not a story id").arg(id));
        }
        if (a->request.storyIds.contains(n)) {
            return fail(QStringLiteral("story %1 is named twice; name each story once").arg(n));
        }
        a->request.storyIds << n;
    }
    a->request.tags = p.values(QStringLiteral("tag"));
    if (p.isSet(QStringLiteral("status"))) {
        a->request.status = parseStatus(p.value(QStringLiteral("status")));
        if (!a->request.status) {
            return fail(
                QStringLiteral("unknown status '%1'").arg(p.value(QStringLiteral("status"))));
        }
    }
    if (!a->request.storyIds.isEmpty() && (!a->request.tags.isEmpty() || a->request.status)) {
        return fail(QStringLiteral("choose stories either with --story or with --tag/--status"));
    }
    const QString format = p.value(QStringLiteral("format")).toLower();
    const bool single = p.isSet(QStringLiteral("single-file"));
    if (format == QLatin1String("pdf")) {
        if (single) {
            return fail(QStringLiteral("--single-file is for --format html"));
        }
        a->options.format = PacketFormat::Pdf;
    } else if (format == QLatin1String("html")) {
        a->options.format = single ? PacketFormat::HtmlSingleFile : PacketFormat::HtmlFolder;
    } else {
        return fail(QStringLiteral("--format must be pdf or html"));
    }
    if (p.isSet(QStringLiteral("page-size"))) {
        const auto size = parsePageSize(p.value(QStringLiteral("page-size")));
        if (!size) {
            return fail(QStringLiteral("--page-size must be A4 or Letter"));
        }
        a->options.pageSize = *size;
    }
    a->request.allowUnapproved = p.isSet(QStringLiteral("allow-unapproved"));
    a->output = p.value(QStringLiteral("output"));
    if (a->output.isEmpty()) {
        return fail(QStringLiteral("say where to write with -o PATH"));
    }
    return -1;
}

} // namespace

int runPacket(const QStringList &arguments)
{
    Command cmd(
        QStringLiteral("packet"),
        QStringLiteral("Builds a press packet: a cover, a table of contents and the stories, "
                       "as one PDF or as HTML (a folder with index.html, or one file "
                       "with --single-file), with manifest.json beside it. Only stories that are "
                       "Approved and unchanged since approval go in; otherwise nothing is written "
                       "and each refused story is named. Needs the exporter role."),
        QString());
    cmd.parser().addOptions({
        asOption(QStringLiteral("Who is exporting (a person with the exporter role).")),
        {QStringLiteral("story"), QStringLiteral("A story to include, in this order (repeatable)."),
         QStringLiteral("ID")},
        {QStringLiteral("tag"),
         QStringLiteral("Include the stories with this tag (repeatable: all must match)."),
         QStringLiteral("T")},
        {QStringLiteral("status"), QStringLiteral("Include the stories in this state."),
         QStringLiteral("S")},
        {QStringLiteral("title"), QStringLiteral("The packet's title."), QStringLiteral("TITLE")},
        {QStringLiteral("format"), QStringLiteral("pdf or html."), QStringLiteral("FORMAT")},
        {QStringLiteral("single-file"), QStringLiteral("HTML as one file instead of a folder.")},
        {QStringLiteral("page-size"), QStringLiteral("PDF paper: A4 (default) or Letter."),
         QStringLiteral("SIZE")},
        {QStringLiteral("allow-unapproved"),
         QStringLiteral("Build anyway, marked \"DRAFT \u2014 NOT FOR RELEASE\" on every page.")},
        {{QStringLiteral("o"), QStringLiteral("output")},
         QStringLiteral("The PDF or HTML file, or the folder, to write."),
         QStringLiteral("PATH")},
    });
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    PacketArgs a;
    if (const int code = readPacketArgs(cmd.parser(), &a); code >= 0) {
        return code;
    }
    auto db = cmd.openLibraryForWriting(false);
    if (!db) {
        return Refused;
    }
    QString error;
    const std::optional<Person> person = actingPerson(*db, a.person);
    if (!person) {
        return Refused;
    }
    if (const QString refusal = Workflow::exportRefusal(*person); !refusal.isEmpty()) {
        printError(refusal);
        return Refused;
    }
    PacketBuilder builder(*db);
    const Result<QVector<Story>> stories = builder.select(a.request);
    if (!stories) {
        printError(refusalText(stories.refusal()));
        return Refused;
    }
    const QVector<PacketRefusal> refused = builder.gate(*stories);
    if (!refused.isEmpty() && !a.request.allowUnapproved) {
        for (const PacketRefusal &r : refused) {
            printError(QStringLiteral("story %1 \"%2\": %3")
                           .arg(r.storyId)
                           .arg(r.headline, refusalText(r.why)));
        }
        return Refused;
    }
    const Packet packet = builder.build(*stories, a.request, *person);
    // The files are written whole under part names, then go into place together with the
    // export's audit rows: a failure anywhere leaves the old files and no record.
    PacketFiles files;
    Status written = files.stage(packet, a.output, a.options);
    if (written) {
        written = builder.recordExport(packet, *person, a.output, &files);
    }
    if (!written) {
        printError(refusalText(written.refusal()));
        return Refused;
    }
    const int n = int(packet.stories.size());
    // One arg() call, so that a path holding "%3" is printed as it is.
    printOut(QStringLiteral("wrote %1 with %2%3; manifest %4")
                 .arg(QDir::toNativeSeparators(QFileInfo(a.output).absoluteFilePath()),
                      n == 1 ? QStringLiteral("1 story") : QStringLiteral("%1 stories").arg(n),
                      packet.draft ? QStringLiteral(" (marked DRAFT \u2014 NOT FOR RELEASE)")
                                   : QString(),
                      QDir::toNativeSeparators(
                          QFileInfo(manifestPath(a.output, a.options.format)).absoluteFilePath())));
    return Success;
}

} // namespace fo::cli
