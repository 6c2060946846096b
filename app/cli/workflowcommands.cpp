#include "workflowcommands.h"

#include "cli.h"
#include "domain/dateline.h"
#include "domain/storylimits.h"
#include "history/storyhistory.h"
#include "import/textdecoding.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "people/personrepository.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "workflow/workflow.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace fo::cli {

namespace {

const QCommandLineOption kAs = asOption(QStringLiteral("Who does this: a person of the library "
                                                       "(see fieldoffice person list)."));

int personAdd(Command &cmd, const QStringList &args, const QCommandLineOption &roles)
{
    QCommandLineParser &p = cmd.parser();
    const QString name = args.mid(1).join(QLatin1Char(' ')).trimmed();
    if (name.isEmpty()) {
        printError(QStringLiteral("person add: give the person's name (see fieldoffice person "
                                  "--help)"));
        return UsageError;
    }
    if (!p.isSet(roles)) {
        printError(QStringLiteral("person add: give --roles (editor, reviewer, exporter, admin)"));
        return UsageError;
    }
    const Result<Roles> parsed = parseRoles(p.value(roles));
    if (!parsed) {
        printError(QStringLiteral("person add: %1").arg(refusalText(parsed.refusal())));
        return UsageError;
    }
    auto db = cmd.openLibraryForWriting(true);
    if (!db) {
        return Refused;
    }
    Person actor;
    if (p.isSet(kAs)) {
        const std::optional<Person> found = actingPerson(*db, p.value(kAs));
        if (!found) {
            return Refused;
        }
        actor = *found;
    }
    Person person;
    person.name = name;
    person.roles = *parsed;
    if (const Status added = Workflow(*db).addPerson(person, actor); !added) {
        printError(refusalText(added.refusal()));
        return Refused;
    }
    printOut(QStringLiteral("added person %1: %2 (%3)")
                 .arg(person.id)
                 .arg(person.name, rolesKey(person.roles)));
    return Success;
}

int personList(Command &cmd, const QCommandLineOption &json)
{
    auto db = cmd.openLibrary(false);
    if (!db) {
        return Refused;
    }
    const Result<QVector<Person>> read = PersonRepository(*db).all(true);
    if (!read) {
        printError(refusalText(read.refusal()));
        return Refused;
    }
    const QVector<Person> &people = *read;
    if (cmd.parser().isSet(json)) {
        QJsonArray array;
        for (const Person &person : people) {
            array.append(QJsonObject{
                {QStringLiteral("id"), person.id},
                {QStringLiteral("name"), person.name},
                {QStringLiteral("roles"),
                 QJsonArray::fromStringList(
                     rolesKey(person.roles).split(QLatin1Char(','), Qt::SkipEmptyParts))},
                {QStringLiteral("active"), person.active},
            });
        }
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const Person &person : people) {
        printOut(QStringLiteral("%1  %2  %3%4")
                     .arg(person.id, 4)
                     .arg(person.name.leftJustified(24), rolesKey(person.roles),
                          person.active ? QString() : QStringLiteral("  (inactive)")));
    }
    return Success;
}

/// The body file of `edit --body-file`, decoded as import decodes a story file (UTF-8, or UTF-16
/// with its byte-order mark; a UTF-8 byte-order mark dropped).
bool readBody(const QString &path, QString *body, QString *error)
{
    QByteArray bytes;
    if (path == QLatin1String("-")) {
        QIODevice *in = input();
        if (!in || !in->isReadable()) {
            *error = QStringLiteral("cannot read the body from standard input");
            return false;
        }
        bytes = in->readAll();
    } else {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        bytes = file.readAll();
    }
    const DecodedText decoded = decodeTextFile(bytes);
    if (decoded.problem == DecodedText::Problem::NulByte) {
        *error = QStringLiteral("%1 contains a NUL byte; this is not a text file").arg(path);
        return false;
    }
    if (decoded.problem != DecodedText::Problem::None) {
        *error = QStringLiteral("%1 is not UTF-8 text").arg(path);
        return false;
    }
    *body = decoded.text;
    body->replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    replaceNonCharacters(body); // storylimits.h: U+FFFD for what is not text, as import does
    if (const QString tooLarge = checkBodySize(*body); !tooLarge.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(path, tooLarge);
        return false;
    }
    return true;
}

/// The changes `fieldoffice edit` can make.
struct EditOptions
{
    QCommandLineOption headline{QStringLiteral("headline"), QStringLiteral("New headline."),
                                QStringLiteral("T")};
    QCommandLineOption summary{QStringLiteral("summary"), QStringLiteral("New summary."),
                               QStringLiteral("T")};
    QCommandLineOption byline{QStringLiteral("byline"), QStringLiteral("New byline."),
                              QStringLiteral("T")};
    QCommandLineOption dateline{QStringLiteral("dateline"),
                                QStringLiteral("New dateline, \"CITY, COUNTRY\"."),
                                QStringLiteral("T")};
    QCommandLineOption bodyFile{QStringLiteral("body-file"),
                                QStringLiteral("Replace the body with this UTF-8 Markdown file "
                                               "(- reads standard input)."),
                                QStringLiteral("FILE")};
    QCommandLineOption addTag{QStringLiteral("add-tag"),
                              QStringLiteral("Add a tag (topic/forced-labour); repeatable."),
                              QStringLiteral("T")};
    QCommandLineOption removeTag{QStringLiteral("remove-tag"),
                                 QStringLiteral("Remove a tag; repeatable."), QStringLiteral("T")};
    QCommandLineOption embargo{
        QStringLiteral("embargo"),
        QStringLiteral("Embargo until this time, ISO 8601 with a time zone "
                       "(2026-12-10T09:00:00Z, 2026-12-10T12:00+03:00) or a date (00:00 UTC "
                       "that day); none removes the embargo."),
        QStringLiteral("TIME|none")};
};

/// An embargo as typed: an ISO 8601 time with its zone, a date (midnight UTC), or "none"
/// (an invalid QDateTime). A time without a zone is refused: read in one office's local time
/// it would lift the embargo hours early or late in another.
std::optional<QDateTime> parseEmbargo(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0) {
        return QDateTime();
    }
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression zone(QStringLiteral("(Z|[+-]\\d{2}:?\\d{2})$"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (dateOnly.match(t).hasMatch()) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid()) {
            return QDateTime(d, QTime(0, 0), Qt::UTC);
        }
    } else if (t.contains(QLatin1Char('T')) && zone.match(t).hasMatch()) {
        const QDateTime at = QDateTime::fromString(t, Qt::ISODateWithMs);
        if (at.isValid()) {
            return at.toUTC();
        }
    } else if (t.contains(QLatin1Char('T')) &&
               QDateTime::fromString(t, Qt::ISODateWithMs).isValid()) {
        *error = QStringLiteral("embargo '%1' has no time zone; add Z for UTC or an offset "
                                "such as +03:00")
                     .arg(t);
        return std::nullopt;
    }
    *error = QStringLiteral("embargo '%1' is not a time; write 2026-12-10T09:00:00Z, a date "
                            "such as 2026-12-10, or none")
                 .arg(t);
    return std::nullopt;
}

/// Applies the options to `story`; refuses to remove a tag the story does not have (a typo
/// should not pass as done).
bool applyEdits(const QCommandLineParser &p, const EditOptions &o, const QString &body,
                Story *story, QString *error)
{
    if (p.isSet(o.headline)) {
        story->headline = p.value(o.headline);
    }
    if (p.isSet(o.summary)) {
        story->summary = p.value(o.summary);
    }
    if (p.isSet(o.byline)) {
        story->byline = p.value(o.byline);
    }
    if (p.isSet(o.dateline)) {
        const DatelineParts dateline = splitDateline(p.value(o.dateline));
        story->datelineCity = dateline.city;
        story->datelineCountry = dateline.country;
    }
    if (p.isSet(o.bodyFile)) {
        story->body = body;
    }
    if (p.isSet(o.embargo)) {
        const std::optional<QDateTime> at = parseEmbargo(p.value(o.embargo), error);
        if (!at) {
            return false;
        }
        story->embargoAt = *at;
    }
    for (const QString &t : p.values(o.removeTag)) {
        const QString label = TagLabel::parse(t).toString();
        const qsizetype removed = story->tags.removeIf([&label](const QString &have) {
            return have.compare(label, Qt::CaseInsensitive) == 0;
        });
        if (removed == 0) {
            *error = QStringLiteral("story %1 has no tag '%2'; nothing was changed")
                         .arg(story->id)
                         .arg(t);
            return false;
        }
    }
    for (const QString &t : p.values(o.addTag)) {
        if (!t.trimmed().isEmpty()) {
            story->tags << TagLabel::parse(t).toString();
        }
    }
    return true;
}

/// What an edit did: the fields, the revision, and whether the story lost its approval.
int reportEdit(Database &db, const Story &before)
{
    const Result<Story> after = StoryRepository(db).get(before.id);
    if (!after) {
        printError(refusalText(after.refusal()));
        return Refused;
    }
    const ChangedFields changed = fieldsChanged(before, *after);
    const QString fields = fieldsText(changed);
    if (!changed) {
        printOut(QStringLiteral("story %1: no change").arg(before.id));
        return Success;
    }
    const std::optional<Revision> rev = RevisionRepository(db).latest(before.id);
    printOut(QStringLiteral("story %1: edited %2 (revision %3)")
                 .arg(before.id)
                 .arg(fields)
                 .arg(rev ? rev->number : 0));
    if (before.status != after->status) {
        printOut(QStringLiteral("story %1: changed since approval; now %2, it needs approval again")
                     .arg(before.id)
                     .arg(statusLabel(after->status)));
    }
    return Success;
}

/// What `review --ACTION` says in its help: the action and who may take it.
QString actionHelp(WorkflowAction action)
{
    switch (action) {
    case WorkflowAction::Submit:
        return QStringLiteral("Submit for review (editor).");
    case WorkflowAction::RequestChanges:
        return QStringLiteral("Send back to the editor; needs --comment (reviewer).");
    case WorkflowAction::Approve:
        return QStringLiteral("Approve this exact version (reviewer).");
    case WorkflowAction::Release:
        return QStringLiteral("Release an approved story (reviewer, exporter).");
    case WorkflowAction::Archive:
        return QStringLiteral("Archive (editor, reviewer, admin).");
    case WorkflowAction::Reopen:
        return QStringLiteral("Reopen an archived story as a draft (editor, admin).");
    }
    return actionLabel(action) + QLatin1Char('.');
}

} // namespace

int runPerson(const QStringList &arguments)
{
    Command cmd(QStringLiteral("person"),
                QStringLiteral("Adds or lists the people of the library. Every workflow action "
                               "is recorded with a person; roles (editor, reviewer, exporter, "
                               "admin) decide who may do what. On a local file this is a "
                               "workflow guard, not a security boundary.\n"
                               "  person add NAME --roles ROLE[,ROLE...]  (once the library has "
                               "an admin: --as ADMIN)\n"
                               "  person list [--json]"),
                QStringLiteral("add NAME | list"));
    QCommandLineParser &p = cmd.parser();
    const QCommandLineOption roles(QStringLiteral("roles"),
                                   QStringLiteral("add: the roles, comma-separated (editor, "
                                                  "reviewer, exporter, admin)."),
                                   QStringLiteral("ROLES"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("list: print JSON."));
    p.addOptions({roles, json, kAs});
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    const QStringList args = p.positionalArguments();
    const QString sub = args.value(0);
    if (sub == QLatin1String("add")) {
        return personAdd(cmd, args, roles);
    }
    if (sub == QLatin1String("list")) {
        if (args.size() > 1) {
            printError(QStringLiteral("person list: unexpected argument '%1'").arg(args.at(1)));
            return UsageError;
        }
        return personList(cmd, json);
    }
    printError(sub.isEmpty()
                   ? QStringLiteral("person: say add or list (see fieldoffice person --help)")
                   : QStringLiteral("person: unknown action '%1' (add or list)").arg(sub));
    return UsageError;
}

int runEdit(const QStringList &arguments)
{
    Command cmd(QStringLiteral("edit"),
                QStringLiteral("Changes a story as a person. Like every edit, a change to what an "
                               "export shows moves an Approved or Released story back to Draft "
                               "(\"changed since approval\"); it then needs approval again."),
                QStringLiteral("ID"));
    QCommandLineParser &p = cmd.parser();
    const EditOptions o;
    p.addOptions({kAs, o.headline, o.summary, o.byline, o.dateline, o.bodyFile, o.addTag,
                  o.removeTag, o.embargo});
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    qint64 id = 0;
    if (!storyIdArgument(cmd, &id)) {
        return UsageError;
    }
    if (!p.isSet(kAs)) {
        printError(QStringLiteral("edit: say who you are with --as NAME"));
        return UsageError;
    }
    const QList<QCommandLineOption> changes = {o.headline, o.summary, o.byline,    o.dateline,
                                               o.bodyFile, o.addTag,  o.removeTag, o.embargo};
    if (std::none_of(changes.cbegin(), changes.cend(),
                     [&p](const QCommandLineOption &c) { return p.isSet(c); })) {
        printError(QStringLiteral("edit: nothing to change (see fieldoffice edit --help)"));
        return UsageError;
    }
    QString error;
    QString body;
    if (p.isSet(o.bodyFile) && !readBody(p.value(o.bodyFile), &body, &error)) {
        printError(error);
        return Refused;
    }
    auto db = cmd.openLibraryForWriting(false);
    if (!db) {
        return Refused;
    }
    const std::optional<Person> actor = actingPerson(*db, p.value(kAs));
    if (!actor) {
        return Refused;
    }
    StoryRepository stories(*db);
    const Result<Story> before = stories.get(id);
    if (!before) {
        printError(refusalText(before.refusal()));
        return Refused;
    }
    Story story = *before;
    if (!applyEdits(p, o, body, &story, &error)) {
        printError(error);
        return Refused;
    }
    // With its base: a window saving the story meanwhile is merged with, never overwritten.
    ChangeContext context;
    context.actor = *actor;
    SaveResult saved;
    if (const Status updated = StoryWriter(*db).update(*before, story, context, &saved); !updated) {
        printError(QStringLiteral("story %1: %2").arg(id).arg(refusalText(updated.refusal())));
        return Refused;
    }
    for (const FieldConflict &c : saved.merge.conflicts) {
        printOut(QStringLiteral("story %1: the %2 was also changed in revision %3; yours is kept")
                     .arg(id)
                     .arg(storyFieldName(c.field))
                     .arg(saved.theirRevision));
    }
    return reportEdit(*db, *before);
}

int runReview(const QStringList &arguments)
{
    Command cmd(QStringLiteral("review"),
                QStringLiteral("Moves a story through the workflow as a person: Draft → In review "
                               "→ Approved → Released, Changes requested back to the editor, "
                               "Archived at any point. Approving records the exact version "
                               "(revision and SHA-256 of its content). Give exactly one action."),
                QStringLiteral("ID"));
    QCommandLineParser &p = cmd.parser();
    // The actions are the workflow's own, in its order: a new one shows up here by itself.
    QVector<QPair<QCommandLineOption, WorkflowAction>> actions;
    QStringList actionFlags;
    for (const WorkflowAction a : allActions()) {
        actions.append({QCommandLineOption(actionKey(a), actionHelp(a)), a});
        actionFlags << QStringLiteral("--") + actionKey(a);
    }
    const QCommandLineOption comment(QStringLiteral("comment"),
                                     QStringLiteral("A comment kept with the story."),
                                     QStringLiteral("T"));
    p.addOption(kAs);
    for (const auto &a : actions) {
        p.addOption(a.first);
    }
    p.addOption(comment);
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    qint64 id = 0;
    if (!storyIdArgument(cmd, &id)) {
        return UsageError;
    }
    if (!p.isSet(kAs)) {
        printError(QStringLiteral("review: say who you are with --as NAME"));
        return UsageError;
    }
    std::optional<WorkflowAction> action;
    int given = 0;
    for (const auto &a : actions) {
        if (p.isSet(a.first)) {
            action = a.second;
            ++given;
        }
    }
    if (given != 1) {
        printError(QStringLiteral("review: give exactly one of %1")
                       .arg(actionFlags.join(QStringLiteral(", "))));
        return UsageError;
    }
    if (*action == WorkflowAction::RequestChanges && p.value(comment).trimmed().isEmpty()) {
        printError(
            QStringLiteral("review: --request-changes needs --comment saying what to change"));
        return UsageError;
    }
    auto db = cmd.openLibraryForWriting(false);
    if (!db) {
        return Refused;
    }
    const std::optional<Person> actor = actingPerson(*db, p.value(kAs));
    if (!actor) {
        return Refused;
    }
    const Result<WorkflowResult> result =
        StoryWriter(*db).perform(id, *action, *actor, p.value(comment));
    if (!result) {
        printError(QStringLiteral("story %1: %2").arg(id).arg(refusalText(result.refusal())));
        return Refused;
    }
    QString line = QStringLiteral("story %1: %2 → %3 by %4 (revision %5")
                       .arg(id)
                       .arg(statusLabel(result->from), statusLabel(result->to), actor->name)
                       .arg(result->revision.number);
    if (result->approval) {
        line +=
            QStringLiteral(", sha256 %1").arg(QString::fromLatin1(result->approval->contentHash));
    }
    printOut(line + QLatin1Char(')'));
    return Success;
}

} // namespace fo::cli
