// The command line: what users type, what they see, and the exit codes. Most of it runs in the
// test's process (fieldoffice_cli's runCli writing to strings); what only the program can show
// runs the program: its exit codes and streams, its default library, the window, a reader that
// goes away.

#include "clirun.h"
#include "processrun.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <limits>

namespace {

using Run = fo::ToolRun;

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

/// An output that keeps each write apart, as a reader of a pipe sees them arrive.
class ChunkDevice : public QIODevice
{
public:
    QList<QByteArray> chunks;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        chunks << QByteArray(data, int(size));
        return size;
    }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpForEveryCommand_data();
    void helpForEveryCommand();
    void usageErrors_data();
    void usageErrors();
    void demoCreatesALibrary();
    void demoRefusesAnExistingFile();
    void refusedLibraries_data();
    void refusedLibraries();
    void listJson();
    void listFilters();
    void showAndUnknownStory();
    void showMarkdownRoundTrips();
    void importBatchWithABrokenFile();
    void defaultLibraryLocation();
    void windowStartsInItsPhases();
    void listsEveryMatchOfACommonWord();
    void listWritesItsFirstRowAtOnce();
    void programPrintsWhatTheLibraryPrints_data();
    void programPrintsWhatTheLibraryPrints();
    void programEndsWhenItsReaderGoes();
    void programReadsTheBodyFromStandardInput();

private:
    /// In this process (fieldoffice_cli).
    Run run(const QStringList &args);
    /// The program, with no display and its data and home in the test's folder.
    Run runProgram(const QStringList &args);
    /// A library of kManyStories imported stories that all hold the word "kiln".
    QString manyStories();
    QString lib(const QString &name) const { return mDir.filePath(name); }

    QTemporaryDir mDir;
    QString mDemo;
};

constexpr int kManyStories = 2100; // more than a page (1,000) and than search ranks

Run TestCli::run(const QStringList &args)
{
    return fo::runCliInProcess(args);
}

Run TestCli::runProgram(const QStringList &args)
{
    return fo::runTool(QStringLiteral(FO_BINARY), args, fo::commandLineEnvironment(mDir.path()));
}

QString TestCli::manyStories()
{
    const QString target = lib(QStringLiteral("many.fieldoffice"));
    if (QFile::exists(target)) {
        return target;
    }
    const QString file = lib(QStringLiteral("many.txt"));
    QString text;
    for (int i = 1; i <= kManyStories; ++i) {
        text += QStringLiteral("Kiln Inspection Number %1\n\nGULU, UGANDA – Inspectors visited "
                               "brick kiln %1 again.\n\n")
                    .arg(i);
    }
    writeFile(file, text);
    const Run imported = run({QStringLiteral("import"), QStringLiteral("--library"), target, file});
    if (imported.code != 0) {
        qWarning("%s", qPrintable(imported.err));
        return QString();
    }
    return target;
}

void TestCli::initTestCase()
{
    QVERIFY(mDir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(FO_BINARY)), FO_BINARY);
    mDemo = lib(QStringLiteral("demo.fieldoffice"));
    const Run r = run({QStringLiteral("demo"), QStringLiteral("--library"), mDemo});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestCli::helpForEveryCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char *c : {"demo", "import", "list", "show"}) {
        QTest::newRow(c) << QString::fromLatin1(c);
    }
}

void TestCli::helpForEveryCommand()
{
    QFETCH(QString, command);
    const Run r = run({command, QStringLiteral("--help")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("--library")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("fieldoffice ") + command), qPrintable(r.out));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("list"), QStringLiteral("--colour")};
    QTest::newRow("bad status") << QStringList{QStringLiteral("list"), QStringLiteral("--status"),
                                               QStringLiteral("published-ish")};
    QTest::newRow("show without id") << QStringList{QStringLiteral("show")};
    QTest::newRow("show with a word") << QStringList{QStringLiteral("show"), QStringLiteral("abc")};
    QTest::newRow("import without files") << QStringList{QStringLiteral("import")};
}

// The exit code and the one line on stderr, from the library and from the program alike.
void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    args << QStringLiteral("--library") << mDemo;
    for (const Run &r : {run(args), runProgram(args)}) {
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: ")), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(r.out, QString());
    }
}

void TestCli::demoCreatesALibrary()
{
    const Run r =
        run({QStringLiteral("list"), QStringLiteral("--library"), mDemo, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray stories = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QVERIFY2(stories.size() >= 12, qPrintable(r.out));
    QSet<QString> offices, statuses, tags, categories;
    for (const QJsonValue &v : stories) {
        const QJsonObject o = v.toObject();
        offices << o.value(QStringLiteral("office")).toString();
        statuses << o.value(QStringLiteral("status")).toString();
        for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray()) {
            tags << t.toString();
            categories << t.toString().section(QLatin1Char('/'), 0, 0);
        }
    }
    QVERIFY(offices.size() >= 4);
    for (const char *s :
         {"draft", "in-review", "changes-requested", "approved", "released", "archived"}) {
        QVERIFY2(statuses.contains(QString::fromLatin1(s)), s);
    }
    QVERIFY(tags.size() >= 8);
    QVERIFY(categories.contains(QStringLiteral("office")) &&
            categories.contains(QStringLiteral("topic")) &&
            categories.contains(QStringLiteral("type")));
    // Bengali and Tamil passages are searchable; a pseudonym carries its footnote.
    for (const QString &word : {QStringLiteral("পশ্চিমবঙ্গের"), QStringLiteral("சென்னை"),
                                QStringLiteral("\"name changed\"")}) {
        const Run s = run({QStringLiteral("list"), QStringLiteral("--library"), mDemo,
                           QStringLiteral("--search"), word});
        QCOMPARE(s.code, 0);
        QVERIFY2(!s.out.trimmed().isEmpty(), qPrintable(word));
    }
}

void TestCli::demoRefusesAnExistingFile()
{
    const QByteArray before = fileBytes(mDemo);
    const Run r = run({QStringLiteral("demo"), QStringLiteral("--library"), mDemo});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.startsWith(QStringLiteral("fieldoffice: ")));
    QVERIFY(r.err.contains(QStringLiteral("already exists")));
    QCOMPARE(fileBytes(mDemo), before);
    const Run nodir = run({QStringLiteral("demo"), QStringLiteral("--library"),
                           lib(QStringLiteral("no/such/dir/x.fieldoffice"))});
    QCOMPARE(nodir.code, 1);
    QVERIFY2(nodir.err.contains(QStringLiteral("does not exist")), qPrintable(nodir.err));
}

void TestCli::refusedLibraries_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << QString() << QStringLiteral("no library at");
    QTest::newRow("text file") << QStringLiteral("Headline\n\nGULU, UGANDA – text\n")
                               << QStringLiteral("not a Field Office library");
    QTest::newRow("empty file") << QStringLiteral("") << QStringLiteral("empty file");
}

void TestCli::refusedLibraries()
{
    QFETCH(QString, content);
    QFETCH(QString, expected);
    const QString path = lib(QStringLiteral("refused-%1.fieldoffice")
                                 .arg(QString::fromLatin1(QTest::currentDataTag())
                                          .replace(QLatin1Char(' '), QLatin1Char('-'))));
    if (!content.isNull()) {
        writeFile(path, content);
    }
    const QByteArray before = fileBytes(path);
    for (const QStringList &cmd : {QStringList{QStringLiteral("list")},
                                   QStringList{QStringLiteral("show"), QStringLiteral("1")}}) {
        const Run r = run(cmd + QStringList{QStringLiteral("--library"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: ")) && r.err.contains(expected),
                 qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }
    QCOMPARE(QFile::exists(path), !content.isNull());
    QCOMPARE(fileBytes(path), before);
    // Import refuses a file that is not a library too, rather than writing into it.
    if (!content.isNull()) {
        const QString md = lib(QStringLiteral("one.md"));
        writeFile(md, QStringLiteral("# A headline\n\nBody.\n"));
        const Run r = run({QStringLiteral("import"), QStringLiteral("--library"), path, md});
        QCOMPARE(r.code, 1);
        QCOMPARE(fileBytes(path), before);
    }
}

void TestCli::listJson()
{
    const Run r =
        run({QStringLiteral("list"), QStringLiteral("--library"), mDemo, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonObject first = doc.array().first().toObject();
    for (const char *key : {"id", "status", "office", "dateline", "headline", "tags", "updated"}) {
        QVERIFY2(first.contains(QString::fromLatin1(key)), key);
    }
    QVERIFY(first.value(QStringLiteral("id")).toInt() > 0);
    QVERIFY(QDateTime::fromString(first.value(QStringLiteral("updated")).toString(), Qt::ISODate)
                .isValid());
}

void TestCli::listFilters()
{
    const Run approved =
        run({QStringLiteral("list"), QStringLiteral("--library"), mDemo, QStringLiteral("--status"),
             QStringLiteral("approved"), QStringLiteral("--json")});
    QCOMPARE(approved.code, 0);
    const QJsonArray rows = QJsonDocument::fromJson(approved.out.toUtf8()).array();
    QVERIFY(!rows.isEmpty());
    for (const QJsonValue &v : rows) {
        QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("approved"));
    }
    const Run plain = run({QStringLiteral("list"), QStringLiteral("--library"), mDemo,
                           QStringLiteral("--office"), QStringLiteral("kolkata")});
    QCOMPARE(plain.code, 0);
    const QStringList lines = plain.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    for (const QString &line : lines) {
        QVERIFY2(line.contains(QStringLiteral("Kolkata")), qPrintable(line));
    }
    const Run nothing = run({QStringLiteral("list"), QStringLiteral("--library"), mDemo,
                             QStringLiteral("--tag"), QStringLiteral("topic/no-such-tag")});
    QCOMPARE(nothing.code, 0);
    QCOMPARE(nothing.out, QString());
}

void TestCli::showAndUnknownStory()
{
    const Run r =
        run({QStringLiteral("show"), QStringLiteral("--library"), mDemo, QStringLiteral("1")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("Status:")));
    const Run missing =
        run({QStringLiteral("show"), QStringLiteral("--library"), mDemo, QStringLiteral("99999")});
    QCOMPARE(missing.code, 1);
    QCOMPARE(missing.err, QStringLiteral("fieldoffice: no story with id 99999\n"));
}

void TestCli::showMarkdownRoundTrips()
{
    const Run list =
        run({QStringLiteral("list"), QStringLiteral("--library"), mDemo, QStringLiteral("--json")});
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    const QString target = lib(QStringLiteral("roundtrip.fieldoffice"));
    int n = 0;
    for (const QJsonValue &v : rows) {
        const QString id = QString::number(v.toObject().value(QStringLiteral("id")).toInt());
        const Run shown = run({QStringLiteral("show"), QStringLiteral("--library"), mDemo,
                               QStringLiteral("--markdown"), id});
        QCOMPARE(shown.code, 0);
        const QString file = lib(QStringLiteral("story-%1.md").arg(id));
        writeFile(file, shown.out);
        const Run imported =
            run({QStringLiteral("import"), QStringLiteral("--library"), target, file});
        QVERIFY2(imported.code == 0, qPrintable(imported.err));
        QVERIFY(imported.out.startsWith(QStringLiteral("imported ")));
        const QString newId = imported.out.section(QLatin1Char(' '), 1, 1).remove(QLatin1Char(':'));
        const Run again = run({QStringLiteral("show"), QStringLiteral("--library"), target,
                               QStringLiteral("--markdown"), newId});
        QCOMPARE(again.code, 0);
        QCOMPARE(again.out, shown.out);
        ++n;
    }
    QVERIFY(n >= 12);
}

void TestCli::importBatchWithABrokenFile()
{
    const QString target = lib(QStringLiteral("batch.fieldoffice"));
    const QString good1 = lib(QStringLiteral("good1.md"));
    const QString broken = lib(QStringLiteral("broken.md"));
    const QString good2 = lib(QStringLiteral("good2.txt"));
    writeFile(good1,
              QStringLiteral("---\nheadline: Labour Inspectors Visit Fishing Fleet\n"
                             "dateline: CEBU, THE PHILIPPINES\ntags: topic/forced-labour\n---\n"
                             "Inspectors boarded twelve boats.\n"));
    writeFile(broken,
              QStringLiteral(
                  "---\nheadline: Never closed\n\nBody without an end to the front matter.\n"));
    writeFile(good2,
              QStringLiteral("Preamble line that is not a story.\n\n"
                             "Court Clerks Digitise Case Files\n\n"
                             "GULU, UGANDA – For three weeks, the courthouse yard held a tent.\n\n"
                             "Amina*, 16, helped.\n\n*Name changed to protect her identity.\n\n"
                             "Police Trained in Quezon City\n\n"
                             "QUEZON CITY, THE PHILIPPINES — Forty officers trained.\n"));
    const Run r =
        run({QStringLiteral("import"), QStringLiteral("--library"), target, good1, broken, good2});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.out.count(QStringLiteral("imported ")), 3);
    QVERIFY2(r.err.contains(QStringLiteral("broken.md")), qPrintable(r.err));
    for (const QString &line : r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QVERIFY(line.startsWith(QStringLiteral("fieldoffice: ")));
    }
    const Run list = run(
        {QStringLiteral("list"), QStringLiteral("--library"), target, QStringLiteral("--json")});
    const QJsonArray rows = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(rows.size(), 3);
    QSet<QString> offices;
    for (const QJsonValue &v : rows) {
        offices << v.toObject().value(QStringLiteral("office")).toString();
    }
    QCOMPARE(offices, (QSet<QString>{QStringLiteral("Cebu"), QStringLiteral("Gulu"),
                                     QStringLiteral("Quezon City")}));
}

// The program: the per-user data folder is where its environment and name put it.
void TestCli::defaultLibraryLocation()
{
    // Without --library, commands use the per-user data folder.
    const Run missing = runProgram({QStringLiteral("list")});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("xdg-data")), qPrintable(missing.err));
    const Run demo = runProgram({QStringLiteral("demo")});
    QVERIFY2(demo.code == 0, qPrintable(demo.err));
    QVERIFY(
        QFile::exists(mDir.filePath(QStringLiteral("xdg-data/fieldoffice/library.fieldoffice"))));
    QCOMPARE(runProgram({QStringLiteral("list")}).code, 0);
}

QTEST_GUILESS_MAIN(TestCli)
// The window as a process: it starts (fonts made on a second thread beside the library), shows
// its first frame and quits, going through its start-up phases in order; the library is the
// demo one.
void TestCli::windowStartsInItsPhases()
{
    QProcessEnvironment env = fo::commandLineEnvironment(mDir.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), mDir.filePath(QStringLiteral("window-config")));
    env.insert(QStringLiteral("FIELDOFFICE_TRACE_STARTUP"), QStringLiteral("1"));
    const Run r =
        fo::runTool(QStringLiteral(FO_BINARY),
                    {QStringLiteral("--library"), mDemo, QStringLiteral("--quit-when-shown")}, env);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.startsWith(QStringLiteral("shown-at-ns ")), qPrintable(r.out));
    QStringList phases;
    qint64 last = 0;
    for (const QString &line : r.err.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QStringLiteral("startup "))) {
            continue;
        }
        const qint64 at = line.section(QLatin1Char(' '), 1, 1).toLongLong();
        QVERIFY2(at >= last, qPrintable(line));
        last = at;
        phases << line.section(QLatin1Char(' '), 2);
    }
    QCOMPARE(phases, QStringList({QStringLiteral("main"), QStringLiteral("application"),
                                  QStringLiteral("library"), QStringLiteral("fonts"),
                                  QStringLiteral("window"), QStringLiteral("show"),
                                  QStringLiteral("first frame")}));
}

// A word in more stories than a page (1,000) holds: the command line lists every match once,
// newest first, across its pages.
void TestCli::listsEveryMatchOfACommonWord()
{
    const QString target = manyStories();
    QVERIFY(!target.isEmpty());
    constexpr int kStories = kManyStories;
    const Run r =
        run({QStringLiteral("list"), QStringLiteral("--library"), target,
             QStringLiteral("--search"), QStringLiteral("kiln"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(rows.size(), kStories);
    QSet<qint64> ids;
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QJsonValue &v : rows) {
        const qint64 id = v.toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY2(id < previous, "newest (highest id) first, each once");
        previous = id;
        ids.insert(id);
    }
    QCOMPARE(ids.size(), kStories);
    const Run plain = run({QStringLiteral("list"), QStringLiteral("--library"), target,
                           QStringLiteral("--search"), QStringLiteral("kiln")});
    QCOMPARE(plain.out.count(QLatin1Char('\n')), kStories);
    // ... as the help says (it once said "best match first" whatever the number of matches).
    const Run help = run({QStringLiteral("list"), QStringLiteral("--help")});
    QVERIFY2(help.out.simplified().contains(
                 QStringLiteral("when more than 1,000 stories match, the most recently added "
                                "come first")),
             qPrintable(help.out));
}

// `list` writes each row as it reads it: the first row leaves in a write of its own, before the
// others are read, and the rest follow a page at a time, never the whole list in one piece;
// what arrives is the very document Qt writes for the whole array.
void TestCli::listWritesItsFirstRowAtOnce()
{
    const QString target = manyStories();
    QVERIFY(!target.isEmpty());
    for (const bool json : {true, false}) {
        ChunkDevice device;
        QVERIFY(device.open(QIODevice::WriteOnly));
        QTextStream out(&device);
        QString err;
        QTextStream errStream(&err);
        QStringList args{QStringLiteral("list"), QStringLiteral("--library"), target,
                         QStringLiteral("--search"), QStringLiteral("kiln")};
        if (json) {
            args << QStringLiteral("--json");
        }
        QCOMPARE(fo::cli::runCli(args, out, errStream), 0);
        QCOMPARE(err, QString());
        const QByteArray all = device.chunks.join();
        QVERIFY2(device.chunks.size() > 2, qPrintable(QString::number(device.chunks.size())));
        const QByteArray first = device.chunks.constFirst();
        if (json) {
            QVERIFY2(first.startsWith("[\n    {\n") && first.endsWith("\n    }"),
                     first.constData());
            QCOMPARE(first.count("\"id\""), 1);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(all, &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
            QCOMPARE(doc.array().size(), kManyStories);
            QCOMPARE(all, doc.toJson(QJsonDocument::Indented));
        } else {
            QCOMPARE(first.count('\n'), 1);
            QCOMPARE(all.count('\n'), kManyStories);
        }
        for (const QByteArray &chunk : qAsConst(device.chunks)) {
            QVERIFY(chunk.size() < all.size() / 2);
        }
    }
    // An empty list is an empty array, as Qt writes it.
    const Run none =
        run({QStringLiteral("list"), QStringLiteral("--library"), target,
             QStringLiteral("--search"), QStringLiteral("zebra"), QStringLiteral("--json")});
    QCOMPARE(none.code, 0);
    QCOMPARE(none.out, QString::fromUtf8(QJsonDocument(QJsonArray()).toJson()));
}

void TestCli::programPrintsWhatTheLibraryPrints_data()
{
    QTest::addColumn<QStringList>("args");
    const auto row = [](const char *name, const QStringList &args) { QTest::newRow(name) << args; };
    row("list", {QStringLiteral("list")});
    row("list json", {QStringLiteral("list"), QStringLiteral("--json")});
    row("search json", {QStringLiteral("list"), QStringLiteral("--search"),
                        QStringLiteral("police"), QStringLiteral("--json")});
    row("show", {QStringLiteral("show"), QStringLiteral("1")});
    row("show markdown",
        {QStringLiteral("show"), QStringLiteral("--markdown"), QStringLiteral("2")});
    row("history", {QStringLiteral("history"), QStringLiteral("3")});
    row("history json", {QStringLiteral("history"), QStringLiteral("3"), QStringLiteral("--json")});
    row("people", {QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--json")});
    row("no such story", {QStringLiteral("show"), QStringLiteral("99999")});
    row("bad status", {QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("x")});
}

// The program is runCli on stdout and stderr: the same bytes and the same exit code.
void TestCli::programPrintsWhatTheLibraryPrints()
{
    QFETCH(QStringList, args);
    args << QStringLiteral("--library") << mDemo;
    const Run inside = run(args);
    const Run program = runProgram(args);
    QCOMPARE(program.code, inside.code);
    QCOMPARE(program.out, inside.out);
    QCOMPARE(program.err, inside.err);
    QVERIFY(!inside.out.isEmpty() || !inside.err.isEmpty());
}

// `fieldoffice list --json | head -n 2`: head gets the first lines and the program, with nobody
// left to read the rest, ends by SIGPIPE rather than waiting or failing some other way.
void TestCli::programEndsWhenItsReaderGoes()
{
    const QString target = manyStories();
    QVERIFY(!target.isEmpty());
    const Run r = fo::runTool(
        QStringLiteral("bash"),
        {QStringLiteral("-c"),
         QStringLiteral("set -o pipefail; \"$0\" list --library \"$1\" --json | head -n 2"),
         QStringLiteral(FO_BINARY), target},
        fo::commandLineEnvironment(mDir.path()));
    QCOMPARE(r.out, QStringLiteral("[\n    {\n"));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.code, 128 + SIGPIPE);
}

// `edit --body-file -` reads standard input: the program's, and the input given to runCli.
void TestCli::programReadsTheBodyFromStandardInput()
{
    const QString library = lib(QStringLiteral("stdin.fieldoffice"));
    QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--library"), library}).code, 0);
    const Run drafts =
        run({QStringLiteral("list"), QStringLiteral("--library"), library,
             QStringLiteral("--status"), QStringLiteral("draft"), QStringLiteral("--json")});
    const QJsonArray rows = QJsonDocument::fromJson(drafts.out.toUtf8()).array();
    QVERIFY(rows.size() >= 2);
    const QStringList edit{
        QStringLiteral("edit"), QStringLiteral("--library"),     library,
        QStringLiteral("--as"), QStringLiteral("Grace Achieng"), QStringLiteral("--body-file"),
        QStringLiteral("-")};
    for (int i = 0; i < 2; ++i) {
        const QString id =
            QString::number(rows.at(i).toObject().value(QStringLiteral("id")).toInt());
        const QString body = QStringLiteral("GULU, UGANDA – Read from standard input, run %1: "
                                            "சென்னை.\n")
                                 .arg(i);
        Run r;
        if (i == 0) {
            QProcess p;
            p.setProcessEnvironment(fo::commandLineEnvironment(mDir.path()));
            p.start(QStringLiteral(FO_BINARY), edit + QStringList{id});
            QVERIFY(p.waitForStarted());
            p.write(body.toUtf8());
            p.closeWriteChannel();
            QVERIFY(p.waitForFinished(120000));
            r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
            r.out = QString::fromUtf8(p.readAllStandardOutput());
            r.err = QString::fromUtf8(p.readAllStandardError());
        } else {
            r = fo::runCliInProcess(edit + QStringList{id}, body.toUtf8());
        }
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("edited body")), qPrintable(r.out));
        const Run shown = run({QStringLiteral("show"), QStringLiteral("--library"), library, id});
        QVERIFY2(shown.out.contains(body.trimmed()), qPrintable(shown.out));
    }
    // Without an input to read, the body is refused, not taken as empty.
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    const QString id = QString::number(rows.at(0).toObject().value(QStringLiteral("id")).toInt());
    QCOMPARE(fo::cli::runCli(edit + QStringList{id}, outStream, errStream), 1);
    QCOMPARE(err, QStringLiteral("fieldoffice: cannot read the body from standard input\n"));
}

#include "tst_cli.moc"
