#include "historycommands.h"

#include "cli.h"
#include "domain/worddiff.h"
#include "history/approvalrepository.h"
#include "history/revisionrepository.h"
#include "library/database.h"
#include "messages/refusaltext.h"
#include "stories/storyrepository.h"
#include "workflow/workflow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <climits>

namespace fo::cli {

namespace {

QString when(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue approvalJson(const std::optional<Approval> &a)
{
    if (!a) {
        return QJsonValue::Null;
    }
    return QJsonObject{
        {QStringLiteral("revision"), a->revisionNumber},
        {QStringLiteral("person"), a->personName},
        {QStringLiteral("at"), iso(a->approvedAt)},
        {QStringLiteral("contentHash"), QString::fromLatin1(a->contentHash)},
    };
}

void printHistoryJson(const Story &story, const ApprovalState &state,
                      const QVector<Revision> &revisions, const QVector<Approval> &approvals)
{
    QJsonArray revs;
    for (const Revision &r : revisions) {
        const bool approved = std::any_of(approvals.cbegin(), approvals.cend(),
                                          [&r](const Approval &a) { return a.revisionId == r.id; });
        revs.append(QJsonObject{
            {QStringLiteral("number"), r.number},
            {QStringLiteral("kind"), revisionKindKey(r.kind)},
            {QStringLiteral("status"), statusKey(r.status)},
            {QStringLiteral("person"), r.personName},
            {QStringLiteral("created"), iso(r.createdAt)},
            {QStringLiteral("updated"), iso(r.updatedAt)},
            {QStringLiteral("contentHash"), QString::fromLatin1(r.contentHash)},
            {QStringLiteral("note"), r.note},
            {QStringLiteral("approved"), approved},
        });
    }
    const QJsonObject out{
        {QStringLiteral("id"), story.id},
        {QStringLiteral("headline"), story.headline},
        {QStringLiteral("status"), statusKey(story.status)},
        {QStringLiteral("statusText"), Workflow::statusText(story.status, state)},
        {QStringLiteral("changedSinceApproval"), state.changedSinceApproval},
        {QStringLiteral("approvalValid"), state.valid},
        {QStringLiteral("contentHash"), QString::fromLatin1(state.currentHash)},
        {QStringLiteral("approval"), approvalJson(state.approval)},
        {QStringLiteral("revisions"), revs},
    };
    cli::out() << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented));
}

void printHistoryText(const Story &story, const ApprovalState &state,
                      const QVector<Revision> &revisions, const QVector<Approval> &approvals)
{
    printOut(QStringLiteral("Story %1: %2").arg(story.id).arg(story.headline));
    printOut(QStringLiteral("Status: %1").arg(Workflow::statusText(story.status, state)));
    if (state.approval) {
        printOut(QStringLiteral("Approved: revision %1 by %2, %3 (sha256 %4)%5")
                     .arg(state.approval->revisionNumber)
                     .arg(state.approval->personName, when(state.approval->approvedAt),
                          QString::fromLatin1(state.approval->contentHash),
                          state.valid ? QString() : QStringLiteral(" — not the current version")));
    }
    printOut(QString());
    printOut(QStringLiteral("  REV  WHEN                  WHO                   KIND      STATE"
                            "              NOTE"));
    for (const Revision &r : revisions) {
        const bool approved = std::any_of(approvals.cbegin(), approvals.cend(),
                                          [&r](const Approval &a) { return a.revisionId == r.id; });
        printOut(QStringLiteral("%1%2  %3  %4  %5  %6  %7")
                     .arg(approved ? QStringLiteral("*") : QStringLiteral(" "))
                     .arg(r.number, 4)
                     .arg(when(r.updatedAt).leftJustified(20),
                          (r.personName.isEmpty() ? QStringLiteral("(nobody)") : r.personName)
                              .leftJustified(20),
                          revisionKindKey(r.kind).leftJustified(8),
                          statusKey(r.status).leftJustified(17), r.note)
                     .remove(QRegularExpression(QStringLiteral("\\s+$"))));
    }
    if (!approvals.isEmpty()) {
        printOut(QStringLiteral("* approved revision"));
    }
}

/// A revision number, or "current" (the story as it is) or "approved" (its latest approval).
std::optional<Story> versionOf(Database &db, const Story &current, const QString &which,
                               QString *label, QString *error)
{
    if (which == QLatin1String("current")) {
        *label = QStringLiteral("current version");
        return current;
    }
    int number = 0;
    if (which == QLatin1String("approved")) {
        const std::optional<Approval> a = ApprovalRepository(db).latest(current.id);
        if (!a) {
            *error = QStringLiteral("story %1 was never approved").arg(current.id);
            return std::nullopt;
        }
        number = a->revisionNumber;
    } else {
        number = which.toInt();
    }
    const Result<Revision> r = RevisionRepository(db).get(current.id, number);
    if (!r) {
        *error = refusalText(r.refusal());
        return std::nullopt;
    }
    *label = QStringLiteral("revision %1").arg(number);
    return r->story;
}

bool validVersion(const QString &text)
{
    qint64 n = 0;
    return text == QLatin1String("current") || text == QLatin1String("approved") ||
           (parseId(text, &n) && n <= INT_MAX);
}

} // namespace

int runHistory(const QStringList &arguments)
{
    Command cmd(QStringLiteral("history"),
                QStringLiteral("Lists a story's revisions, newest first: who, when, which state. "
                               "A revision is kept at every state change and once per editing "
                               "session; * marks an approved revision."),
                QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print JSON, with content hashes."));
    cmd.parser().addOption(json);
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
    const ApprovalState state = Workflow(*db).approvalState(*story);
    const Result<QVector<Revision>> read = RevisionRepository(*db).forStory(id, false);
    const Result<QVector<Approval>> approvalsRead = ApprovalRepository(*db).forStory(id);
    if (!read || !approvalsRead) {
        printError(refusalText(approvalsRead ? read.refusal() : approvalsRead.refusal()));
        return Refused;
    }
    QVector<Revision> revisions = *read;
    const QVector<Approval> &approvals = *approvalsRead;
    if (revisions.isEmpty()) {
        // A story nobody has changed since it was imported: its history is what it is now.
        Revision r;
        r.number = 0;
        r.kind = RevisionKind::Baseline;
        r.status = story->status;
        r.createdAt = r.updatedAt = story->updatedAt;
        r.note = QStringLiteral("no changes recorded yet");
        revisions.append(r);
    }
    if (cmd.parser().isSet(json)) {
        printHistoryJson(*story, state, revisions, approvals);
    } else {
        printHistoryText(*story, state, revisions, approvals);
    }
    return Success;
}

int runDiff(const QStringList &arguments)
{
    Command cmd(QStringLiteral("diff"),
                QStringLiteral("Compares two versions of a story word by word: headline, "
                               "metadata, tags and body, removals as [-old-] and additions as "
                               "{+new+}. A version is a revision number (see fieldoffice "
                               "history), \"approved\" (the latest approval) or \"current\"."),
                QStringLiteral("ID REV_A REV_B"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Show unchanged fields too."));
    cmd.parser().addOption(all);
    if (const int code = cmd.parse(arguments); code >= 0) {
        return code;
    }
    const QStringList args = cmd.parser().positionalArguments();
    qint64 id = 0;
    if (args.size() != 3) {
        printError(QStringLiteral("diff: give a story id and two revisions (see fieldoffice diff "
                                  "--help)"));
        return UsageError;
    }
    if (!parseId(args.at(0), &id)) {
        printError(QStringLiteral("diff: '%1' is not a story id").arg(args.at(0)));
        return UsageError;
    }
    for (int i = 1; i < 3; ++i) {
        if (!validVersion(args.at(i))) {
            printError(QStringLiteral("diff: '%1' is not a revision (a number, approved or "
                                      "current)")
                           .arg(args.at(i)));
            return UsageError;
        }
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
    QString labelA;
    QString labelB;
    const std::optional<Story> a = versionOf(*db, *story, args.at(1), &labelA, &error);
    const std::optional<Story> b =
        a ? versionOf(*db, *story, args.at(2), &labelB, &error) : std::nullopt;
    if (!a || !b) {
        printError(error);
        return Refused;
    }
    printOut(QStringLiteral("Story %1: %2 → %3").arg(id).arg(labelA, labelB));
    out() << storyDiffToPlainText(diffStories(*a, *b), cmd.parser().isSet(all));
    return Success;
}

} // namespace fo::cli
