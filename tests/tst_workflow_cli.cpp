// The workflow on the command line, run in the test's process (fieldoffice_cli's runCli): people,
// the review cycle, history and diff, and every refusal with its exit code and its one line on
// stderr.

#include "clirun.h"
#include "library/auditlog.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "processrun.h"
#include "refusaltesting.h"
#include "stories/storyrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

using Run = fo::ToolRun;

const QString kGrace = QStringLiteral("Grace Achieng");
const QString kRahul = QStringLiteral("Rahul Sen");
const QString kMaria = QStringLiteral("Maria Santos");

} // namespace

class TestWorkflowCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void helpForEveryCommand_data();
    void helpForEveryCommand();
    void personAddAndList();
    void fullReviewCycle();
    void refusals_data();
    void refusals();
    void approvalLostShowsInHistoryAndDiff();
    void bodyFromAFile();
    void bodyFileIsDecodedAsImportDecodesIt();
    void datelineIsSplitAsImportSplitsIt();
    void importRecordsWhoImported();
    void embargoIsPartOfTheApproval();
    void editEmbargoRefusesWhatIsNotATime_data();
    void editEmbargoRefusesWhatIsNotATime();
    void exportIsRecorded();

private:
    Run run(const QStringList &args);
    Run wf(const QString &command, const QStringList &args)
    {
        return run(QStringList{command, QStringLiteral("--library"), mLib} + args);
    }
    /// The first demo story in `status`.
    QString storyIn(const QString &status);
    QJsonObject history(const QString &id);
    QString status(const QString &id)
    {
        return history(id).value(QStringLiteral("status")).toString();
    }

    std::unique_ptr<QTemporaryDir> mDir;
    QString mLib;
};

Run TestWorkflowCli::run(const QStringList &args)
{
    return fo::runCliInProcess(args);
}

void TestWorkflowCli::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    mLib = mDir->filePath(QStringLiteral("demo.fieldoffice"));
    const Run r = run({QStringLiteral("demo"), QStringLiteral("--library"), mLib});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestWorkflowCli::cleanup()
{
    mDir.reset();
}

QString TestWorkflowCli::storyIn(const QString &status)
{
    const Run r =
        wf(QStringLiteral("list"), {QStringLiteral("--status"), status, QStringLiteral("--json")});
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    return rows.isEmpty()
               ? QString()
               : QString::number(rows.first().toObject().value(QStringLiteral("id")).toInteger());
}

QJsonObject TestWorkflowCli::history(const QString &id)
{
    const Run r = wf(QStringLiteral("history"), {id, QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void TestWorkflowCli::helpForEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("person") << QStringLiteral("person") << QStringLiteral("--roles");
    QTest::newRow("edit") << QStringLiteral("edit") << QStringLiteral("--remove-tag");
    QTest::newRow("review") << QStringLiteral("review") << QStringLiteral("--request-changes");
    QTest::newRow("history") << QStringLiteral("history") << QStringLiteral("--json");
    QTest::newRow("diff") << QStringLiteral("diff") << QStringLiteral("REV_A");
}

void TestWorkflowCli::helpForEveryCommand()
{
    QFETCH(QString, command);
    QFETCH(QString, mentions);
    const Run r = run({command, QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("--library")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("fieldoffice ") + command), qPrintable(r.out));
    QVERIFY2(r.out.contains(mentions), qPrintable(r.out));
    const Run overview = run({QStringLiteral("--help")});
    QVERIFY2(overview.out.contains(QStringLiteral("  ") + command), qPrintable(overview.out));
}

void TestWorkflowCli::personAddAndList()
{
    // A library without people: anyone may add the first ones.
    mLib = mDir->filePath(QStringLiteral("new.fieldoffice"));
    Run r = wf(QStringLiteral("person"), {QStringLiteral("add"), kGrace, QStringLiteral("--roles"),
                                          QStringLiteral("editor")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("added person 1: Grace Achieng (editor)\n"));
    r = wf(QStringLiteral("person"), {QStringLiteral("add"), kRahul, QStringLiteral("--roles"),
                                      QStringLiteral("reviewer,exporter")});
    QCOMPARE(r.code, 0);
    r = wf(QStringLiteral("person"), {QStringLiteral("add"), QStringLiteral("rahul sen"),
                                      QStringLiteral("--roles"), QStringLiteral("editor")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: ")) &&
                 r.err.count(QLatin1Char('\n')) == 1,
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("already")), qPrintable(r.err));
    r = wf(QStringLiteral("person"), {QStringLiteral("add"), QStringLiteral("X"),
                                      QStringLiteral("--roles"), QStringLiteral("boss")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QStringLiteral("unknown role 'boss'")), qPrintable(r.err));
    r = wf(QStringLiteral("person"), {QStringLiteral("add"), QStringLiteral("X")});
    QCOMPARE(r.code, 2);
    r = wf(QStringLiteral("person"), {QStringLiteral("fire"), QStringLiteral("X")});
    QCOMPARE(r.code, 2);

    r = wf(QStringLiteral("person"), {QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Grace Achieng")) &&
                 r.out.contains(QStringLiteral("reviewer,exporter")),
             qPrintable(r.out));
    r = wf(QStringLiteral("person"), {QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonArray people = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(people.size(), 2);
    QCOMPARE(people.at(1).toObject().value(QStringLiteral("name")).toString(), kRahul);
    QCOMPARE(people.at(1).toObject().value(QStringLiteral("roles")).toArray(),
             (QJsonArray{QStringLiteral("reviewer"), QStringLiteral("exporter")}));

    // Once there is an admin, only an admin adds people.
    QCOMPARE(wf(QStringLiteral("person"), {QStringLiteral("add"), QStringLiteral("Admin"),
                                           QStringLiteral("--roles"), QStringLiteral("admin")})
                 .code,
             0);
    r = wf(QStringLiteral("person"), {QStringLiteral("add"), QStringLiteral("Ana Reyes"),
                                      QStringLiteral("--roles"), QStringLiteral("editor")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("only an admin")), qPrintable(r.err));
    r = wf(QStringLiteral("person"),
           {QStringLiteral("add"), QStringLiteral("Ana Reyes"), QStringLiteral("--roles"),
            QStringLiteral("editor"), QStringLiteral("--as"), kGrace});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("needs the admin role")), qPrintable(r.err));
    r = wf(QStringLiteral("person"),
           {QStringLiteral("add"), QStringLiteral("Ana Reyes"), QStringLiteral("--roles"),
            QStringLiteral("editor"), QStringLiteral("--as"), QStringLiteral("Admin")});
    QCOMPARE(r.code, 0);
}

void TestWorkflowCli::fullReviewCycle()
{
    const QString id = storyIn(QStringLiteral("draft"));
    QVERIFY(!id.isEmpty());
    auto review = [this, &id](const QString &who, const QStringList &action) {
        return wf(QStringLiteral("review"), QStringList{QStringLiteral("--as"), who, id} + action);
    };
    Run r = review(kGrace, {QStringLiteral("--submit")});
    QCOMPARE(r.code, 0);
    QVERIFY2(
        r.out.startsWith(QStringLiteral("story %1: Draft → In review by Grace Achieng").arg(id)),
        qPrintable(r.out));
    r = review(kRahul, {QStringLiteral("--request-changes"), QStringLiteral("--comment"),
                        QStringLiteral("Name the city in the dateline.")});
    QCOMPARE(r.code, 0);
    QCOMPARE(status(id), QStringLiteral("changes-requested"));
    r = wf(QStringLiteral("edit"),
           {QStringLiteral("--as"), kGrace, id, QStringLiteral("--headline"),
            QStringLiteral("Gulu Market Day Becomes a Lesson on Safe Work"),
            QStringLiteral("--add-tag"), QStringLiteral("topic/migration"),
            QStringLiteral("--add-tag"), QStringLiteral("type/event")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("edited headline, tags")), qPrintable(r.out));
    QCOMPARE(status(id), QStringLiteral("changes-requested")); // still the editor's draft
    QCOMPARE(review(kGrace, {QStringLiteral("--submit")}).code, 0);
    r = review(kRahul, {QStringLiteral("--approve")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("In review → Approved by Rahul Sen")) &&
                 r.out.contains(QStringLiteral("sha256 ")),
             qPrintable(r.out));
    r = review(kMaria, {QStringLiteral("--release")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Approved → Released by Maria Santos")),
             qPrintable(r.out));

    const QJsonObject h = history(id);
    QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("released"));
    QVERIFY(h.value(QStringLiteral("approvalValid")).toBool());
    const QJsonObject approval = h.value(QStringLiteral("approval")).toObject();
    QCOMPARE(approval.value(QStringLiteral("person")).toString(), kRahul);
    QCOMPARE(approval.value(QStringLiteral("contentHash")).toString(),
             h.value(QStringLiteral("contentHash")).toString());
    QStringList states;
    for (const QJsonValue &v : h.value(QStringLiteral("revisions")).toArray()) {
        states.prepend(v.toObject().value(QStringLiteral("status")).toString());
    }
    QCOMPARE(states, (QStringList{QStringLiteral("draft"), QStringLiteral("in-review"),
                                  QStringLiteral("changes-requested"),
                                  QStringLiteral("changes-requested"), QStringLiteral("in-review"),
                                  QStringLiteral("approved"), QStringLiteral("released")}));
    r = wf(QStringLiteral("history"), {id});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Status: Released")), qPrintable(r.out));
}

void TestWorkflowCli::refusals_data()
{
    QTest::addColumn<QString>("story");    // the demo state of the story the command acts on
    QTest::addColumn<QStringList>("args"); // {ID} stands for its id
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString id = QStringLiteral("{ID}");
    auto row = [](const char *name, const char *story, const QStringList &args, int code,
                  const char *message) {
        QTest::newRow(name) << QString::fromLatin1(story) << args << code
                            << QString::fromUtf8(message);
    };
    const QString rv = QStringLiteral("review");
    const QString as = QStringLiteral("--as");
    row("editor approves", "in-review", {rv, as, kGrace, id, QStringLiteral("--approve")}, 1,
        "Grace Achieng cannot approve: approving needs the reviewer role");
    row("reviewer approves a draft", "draft", {rv, as, kRahul, id, QStringLiteral("--approve")}, 1,
        "the story is Draft; only a story that is In review can be approved");
    row("exporter releases a draft", "draft", {rv, as, kMaria, id, QStringLiteral("--release")}, 1,
        "only a story that is Approved can be released");
    row("editor submits twice", "in-review", {rv, as, kGrace, id, QStringLiteral("--submit")}, 1,
        "the story is In review");
    row("archive an archived story", "archived", {rv, as, kGrace, id, QStringLiteral("--archive")},
        1, "already Archived");
    row("unknown person", "draft",
        {rv, as, QStringLiteral("Nobody"), id, QStringLiteral("--submit")}, 1,
        "no person named 'Nobody'");
    row("unknown story", "draft",
        {rv, as, kGrace, QStringLiteral("999"), QStringLiteral("--submit")}, 1,
        "no story with id 999");
    row("exporter edits", "draft",
        {QStringLiteral("edit"), as, kMaria, id, QStringLiteral("--headline"), QStringLiteral("X")},
        1, "Maria Santos cannot edit");
    row("edit an archived story", "archived",
        {QStringLiteral("edit"), as, kGrace, id, QStringLiteral("--summary"), QStringLiteral("X")},
        1, "Archived");
    row("remove a missing tag", "draft",
        {QStringLiteral("edit"), as, kGrace, id, QStringLiteral("--remove-tag"),
         QStringLiteral("topic/none")},
        1, "has no tag 'topic/none'");
    row("history of an unknown story", "draft", {QStringLiteral("history"), QStringLiteral("999")},
        1, "no story with id 999");
    row("diff of a missing revision", "draft",
        {QStringLiteral("diff"), id, QStringLiteral("1"), QStringLiteral("77")}, 1,
        "has no revision 77");
    row("request changes without a comment", "in-review",
        {rv, as, kRahul, id, QStringLiteral("--request-changes")}, 2, "needs --comment");
    row("two actions", "in-review",
        {rv, as, kRahul, id, QStringLiteral("--approve"), QStringLiteral("--release")}, 2,
        "exactly one of");
    row("no action", "in-review", {rv, as, kRahul, id}, 2, "exactly one of");
    row("no --as", "in-review", {rv, id, QStringLiteral("--approve")}, 2, "--as NAME");
    row("not an id", "in-review",
        {rv, as, kRahul, QStringLiteral("abc"), QStringLiteral("--approve")}, 2,
        "'abc' is not a story id");
    row("edit without a change", "draft", {QStringLiteral("edit"), as, kGrace, id}, 2,
        "nothing to change");
    row("diff with a word", "draft",
        {QStringLiteral("diff"), id, QStringLiteral("1"), QStringLiteral("latest")}, 2,
        "'latest' is not a revision");
    row("unknown option", "draft", {rv, as, kGrace, id, QStringLiteral("--publish")}, 2,
        "Unknown option 'publish'");
}

void TestWorkflowCli::refusals()
{
    QFETCH(QString, story);
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString id = storyIn(story);
    QVERIFY(!id.isEmpty());
    const QJsonObject before = history(id);
    args.replaceInStrings(QStringLiteral("{ID}"), id);
    const QString command = args.takeFirst();
    const Run r = wf(command, args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: ")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QCOMPARE(history(id), before); // nothing changed
}

void TestWorkflowCli::approvalLostShowsInHistoryAndDiff()
{
    const QString id = storyIn(QStringLiteral("approved"));
    QJsonObject h = history(id);
    QVERIFY(h.value(QStringLiteral("approvalValid")).toBool());
    const QString headline = h.value(QStringLiteral("headline")).toString();
    const QStringList words = headline.split(QLatin1Char(' '));
    QVERIFY(words.size() > 2);
    QString changed = headline;
    changed.replace(words.at(1), QStringLiteral("Newword"));

    Run r = wf(QStringLiteral("edit"),
               {QStringLiteral("--as"), kGrace, id, QStringLiteral("--headline"), changed});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("changed since approval; now Draft")),
             qPrintable(r.out));
    h = history(id);
    QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QVERIFY(h.value(QStringLiteral("changedSinceApproval")).toBool());
    QVERIFY(!h.value(QStringLiteral("approvalValid")).toBool());
    QCOMPARE(h.value(QStringLiteral("statusText")).toString(),
             QStringLiteral("Draft — changed since approval"));

    r = wf(QStringLiteral("diff"), {id, QStringLiteral("approved"), QStringLiteral("current")});
    QCOMPARE(r.code, 0);
    const QString expected =
        QStringLiteral("Headline: %1 [-%2-]{+Newword+} %3\n")
            .arg(words.at(0), words.at(1), words.mid(2).join(QLatin1Char(' ')));
    QVERIFY2(r.out.endsWith(expected), qPrintable(r.out));
    QCOMPARE(r.out.count(QStringLiteral("[-")), 1);
    QCOMPARE(r.out.count(QStringLiteral("{+")), 1);
    // The reviewer cannot release the changed story; it must go through review again.
    r = wf(QStringLiteral("review"),
           {QStringLiteral("--as"), kRahul, id, QStringLiteral("--release")});
    QCOMPARE(r.code, 1);
}

void TestWorkflowCli::bodyFromAFile()
{
    const QString id = storyIn(QStringLiteral("draft"));
    const QString file = mDir->filePath(QStringLiteral("body.md"));
    const QString body = QStringLiteral("KOLKATA, INDIA – কলকাতায় মানব পাচার নিয়ে সচেতনতা মেলা।\n\n"
                                        "சென்னை அருகே ஒரு செங்கல் சூளை.\n");
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(body.toUtf8());
    }
    Run r = wf(QStringLiteral("edit"),
               {QStringLiteral("--as"), kGrace, id, QStringLiteral("--body-file"), file});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("edited body")), qPrintable(r.out));
    r = wf(QStringLiteral("show"), {id});
    QVERIFY2(r.out.contains(body.trimmed()), qPrintable(r.out));
    // The same file again: nothing to record.
    r = wf(QStringLiteral("edit"),
           {QStringLiteral("--as"), kGrace, id, QStringLiteral("--body-file"), file});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out, QStringLiteral("story %1: no change\n").arg(id));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("caf\xE9\n"); // Latin-1, not UTF-8
    }
    r = wf(QStringLiteral("edit"),
           {QStringLiteral("--as"), kGrace, id, QStringLiteral("--body-file"), file});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("not UTF-8")), qPrintable(r.err));
}

// `edit --body-file` reads a file as import does: "Unicode" (UTF-16 with its byte-order mark) as
// Windows editors save it is text; a NUL byte is not.
void TestWorkflowCli::bodyFileIsDecodedAsImportDecodesIt()
{
    const QString id = storyIn(QStringLiteral("draft"));
    const QString file = mDir->filePath(QStringLiteral("body-utf16.md"));
    const QString body = QStringLiteral("GULU, UGANDA – Saved as Unicode: சென்னை.\n");
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        f.write(utf16.encode(body));
    }
    Run r = wf(QStringLiteral("edit"),
               {QStringLiteral("--as"), kGrace, id, QStringLiteral("--body-file"), file});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = wf(QStringLiteral("show"), {id});
    QVERIFY2(r.out.contains(body.trimmed()), qPrintable(r.out));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray("text\0more\n", 10));
    }
    r = wf(QStringLiteral("edit"),
           {QStringLiteral("--as"), kGrace, id, QStringLiteral("--body-file"), file});
    QCOMPARE(r.code, 1);
    QCOMPARE(
        r.err,
        QStringLiteral("fieldoffice: %1 contains a NUL byte; this is not a text file\n").arg(file));
}

// `edit --dateline` and a file's front matter split a dateline by one rule: the city before the
// first comma, the country after it (a country may hold commas), a dash copied with it dropped.
void TestWorkflowCli::datelineIsSplitAsImportSplitsIt()
{
    const QString id = storyIn(QStringLiteral("draft"));
    const QString typed = QStringLiteral("KOLKATA, WEST BENGAL, INDIA –");
    Run r = wf(QStringLiteral("edit"),
               {QStringLiteral("--as"), kGrace, id, QStringLiteral("--dateline"), typed});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString file = mDir->filePath(QStringLiteral("dated.md"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write((QStringLiteral("---\nheadline: Dated\ndateline: ") + typed +
                 QStringLiteral("\n---\nText.\n"))
                    .toUtf8());
    }
    r = wf(QStringLiteral("import"), {file});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString imported = r.out.section(QLatin1Char(' '), 1, 1).chopped(1); // "imported 16: …"
    QString error;
    auto db = fo::testing::openLibrary(mLib, fo::Database::OpenMode::MustExist, &error);
    QVERIFY2(db, qPrintable(error));
    for (const QString &which : {id, imported}) {
        const fo::Result<fo::Story> s =
            fo::testing::said(fo::StoryRepository(*db).get(which.toLongLong()), &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->datelineCity, QStringLiteral("KOLKATA"));
        QCOMPARE(s->datelineCountry, QStringLiteral("WEST BENGAL, INDIA"));
    }
}

// `import --as NAME` records the stories as created by that person (revision 1 and the audit);
// a name that is not a person of the library is refused before anything is read.
void TestWorkflowCli::importRecordsWhoImported()
{
    const QString file = mDir->filePath(QStringLiteral("one.txt"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Clinic Opens in Gulu\n\nGULU, UGANDA \xe2\x80\x93 A clinic opened.\n");
    }
    const Run refused = run({QStringLiteral("import"), QStringLiteral("--library"), mLib,
                             QStringLiteral("--as"), QStringLiteral("Nobody Here"), file});
    QCOMPARE(refused.code, 1);
    QVERIFY(refused.err.startsWith(QStringLiteral("fieldoffice: no person named 'Nobody Here'")));
    const Run r = run({QStringLiteral("import"), QStringLiteral("--library"), mLib,
                       QStringLiteral("--as"), QStringLiteral("Grace Achieng"), file});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString id = r.out.section(QLatin1Char(' '), 1, 1).chopped(1); // "imported 16: …"
    const QJsonArray revisions = history(id).value(QStringLiteral("revisions")).toArray();
    QCOMPARE(revisions.size(), 1);
    const QJsonObject first = revisions.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("created"));
    QCOMPARE(first.value(QStringLiteral("person")).toString(), QStringLiteral("Grace Achieng"));
}

void TestWorkflowCli::embargoIsPartOfTheApproval()
{
    // An approved demo story with an embargo.
    QString id;
    const QJsonArray rows =
        QJsonDocument::fromJson(
            wf(QStringLiteral("list"),
               {QStringLiteral("--status"), QStringLiteral("approved"), QStringLiteral("--json")})
                .out.toUtf8())
            .array();
    for (const QJsonValue &row : rows) {
        const QString candidate =
            QString::number(row.toObject().value(QStringLiteral("id")).toInteger());
        if (wf(QStringLiteral("show"), {candidate}).out.contains(QStringLiteral("Embargo:  2"))) {
            id = candidate;
            break;
        }
    }
    QVERIFY2(!id.isEmpty(), "the demo has an approved story with an embargo");
    const QString out = mDir->filePath(QStringLiteral("press.pdf"));
    const QStringList packet{QStringLiteral("--as"),     QStringLiteral("Maria Santos"),
                             QStringLiteral("--title"),  QStringLiteral("T"),
                             QStringLiteral("--story"),  id,
                             QStringLiteral("--format"), QStringLiteral("pdf"),
                             QStringLiteral("-o"),       out};
    const Run first = wf(QStringLiteral("packet"), packet);
    QVERIFY2(first.code == 0, qPrintable(first.err));

    // The editor removes the embargo: the approval no longer covers the story.
    const Run edit =
        wf(QStringLiteral("edit"), {id, QStringLiteral("--as"), QStringLiteral("Grace Achieng"),
                                    QStringLiteral("--embargo"), QStringLiteral("none")});
    QVERIFY2(edit.code == 0, qPrintable(edit.err));
    QVERIFY2(edit.out.contains(QStringLiteral("edited embargo")), qPrintable(edit.out));
    QVERIFY2(edit.out.contains(QStringLiteral("changed since approval")), qPrintable(edit.out));
    QCOMPARE(status(id), QStringLiteral("draft"));
    QVERIFY(!wf(QStringLiteral("show"), {id}).out.contains(QStringLiteral("Embargo:  2")));
    const Run refused = wf(QStringLiteral("packet"), packet);
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("story %1").arg(id)), qPrintable(refused.err));

    // A new embargo, in another zone: stored in UTC.
    const Run again = wf(QStringLiteral("edit"),
                         {id, QStringLiteral("--as"), QStringLiteral("Grace Achieng"),
                          QStringLiteral("--embargo"), QStringLiteral("2026-12-10T12:00+03:00")});
    QVERIFY2(again.code == 0, qPrintable(again.err));
    QVERIFY(wf(QStringLiteral("show"), {id})
                .out.contains(QStringLiteral("Embargo:  2026-12-10T09:00:00Z")));
}

void TestWorkflowCli::editEmbargoRefusesWhatIsNotATime_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("says");
    QTest::newRow("no zone") << QStringLiteral("2026-12-10T09:00") << QStringLiteral("time zone");
    QTest::newRow("words") << QStringLiteral("tomorrow") << QStringLiteral("not a time");
    QTest::newRow("bad date") << QStringLiteral("2026-13-40") << QStringLiteral("not a time");
    QTest::newRow("empty") << QString() << QStringLiteral("not a time");
}

void TestWorkflowCli::editEmbargoRefusesWhatIsNotATime()
{
    QFETCH(QString, value);
    QFETCH(QString, says);
    const QString id = storyIn(QStringLiteral("draft"));
    const QString before = wf(QStringLiteral("show"), {id}).out;
    const Run r =
        wf(QStringLiteral("edit"), {id, QStringLiteral("--as"), QStringLiteral("Grace Achieng"),
                                    QStringLiteral("--embargo"), value});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: ")) && r.err.contains(says),
             qPrintable(r.err));
    QCOMPARE(wf(QStringLiteral("show"), {id}).out, before);
}

void TestWorkflowCli::exportIsRecorded()
{
    const auto exports = [this] {
        QString error;
        auto db = fo::testing::openLibrary(mLib, fo::Database::OpenMode::MustExist, &error);
        fo::AuditFilter f;
        f.actions = {fo::AuditAction::Exported};
        return db ? *fo::AuditLog(*db).list(f) : QVector<fo::AuditEntry>();
    };
    const QString approved = storyIn(QStringLiteral("approved"));
    const QString draft = storyIn(QStringLiteral("draft"));
    const QString html = mDir->filePath(QStringLiteral("story.html"));
    Run r = wf(QStringLiteral("export"),
               {approved, QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"),
                mDir->filePath(QStringLiteral("story.pdf"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = wf(QStringLiteral("export"),
           {draft, QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--as"),
            QStringLiteral("Grace Achieng"), QStringLiteral("-o"), html});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QVector<fo::AuditEntry> rows = exports(); // newest first
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).storyId, draft.toLongLong());
    QCOMPARE(rows.at(0).personName, QStringLiteral("Grace Achieng"));
    QVERIFY2(rows.at(0).detail.contains(QStringLiteral("story.html")) &&
                 rows.at(0).detail.contains(QStringLiteral("DRAFT")),
             qPrintable(rows.at(0).detail));
    QCOMPARE(rows.at(1).storyId, approved.toLongLong());
    QCOMPARE(rows.at(1).personName, QStringLiteral("(command line)"));
    QVERIFY(rows.at(1).revision > 0); // the approved revision it shows
    // Someone the library does not know is refused, and nothing is written or recorded.
    r = wf(QStringLiteral("export"),
           {draft, QStringLiteral("--format"), QStringLiteral("html"), QStringLiteral("--as"),
            QStringLiteral("Nobody Here"), QStringLiteral("-o"),
            mDir->filePath(QStringLiteral("x.html"))});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(mDir->filePath(QStringLiteral("x.html"))));
    QCOMPARE(exports().size(), 2);
}

QTEST_GUILESS_MAIN(TestWorkflowCli)
#include "tst_workflow_cli.moc"
