#include "runner.h"
#include "../refusaltesting.h"
#include "backupbench.h"
#include "spellbench.h"

#include "../libraryopentesting.h"
#include "browser/librarybrowser.h"
#include "browser/storylistview.h"
#include "editor/bodyeditor.h"
#include "editor/previewpane.h"
#include "editor/storyeditor.h"
#include "export/htmlexporter.h"
#include "export/packet.h"
#include "export/pdfexporter.h"
#include "floor.h"
#include "generator.h"
#include "library/database.h"
#include "library/tagrepository.h"
#include "messages/refusaltext.h"
#include "search/searchquery.h"
#include "search/storylistmodel.h"
#include "search/storyquery.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QThread>

#include <ctime>
#include <sys/resource.h>

namespace fo::bench {

namespace {

struct Query
{
    QString name;
    QString text;
    QString tag; // a tag filter beside the words
};

/// A topic tag carried by a few percent of the stories.
QString midTag(Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT t.category || '/' || t.name FROM tags t JOIN story_tags st "
                          "ON st.tag_id = t.id WHERE t.category = 'topic' GROUP BY t.id "
                          "ORDER BY count(*) DESC LIMIT 1 OFFSET 5"));
    return q.next() ? q.value(0).toString() : QString();
}

QVector<Query> queries(Database &db)
{
    const QStringList &words = vocabulary();
    return {
        {QStringLiteral("word in every story (\"the\")"), QStringLiteral("the"), {}},
        {QStringLiteral("common word (\"police\")"), QStringLiteral("police"), {}},
        {QStringLiteral("mid word (\"verdict\")"), QStringLiteral("verdict"), {}},
        {QStringLiteral("rare word (\"%1\")").arg(words.at(39000)), words.at(39000), {}},
        {QStringLiteral("phrase (\"social workers\")"), QStringLiteral("\"social workers\""), {}},
        {QStringLiteral("prefix (\"investig*\")"), QStringLiteral("investig*"), {}},
        {QStringLiteral("two words (\"rescue children\")"), QStringLiteral("rescue children"), {}},
        {QStringLiteral("Bengali word"), QStringLiteral("পশ্চিমবঙ্গের"), {}},
        {QStringLiteral("Tamil word"), QStringLiteral("சென்னை"), {}},
        {QStringLiteral("word + tag (\"court\")"), QStringLiteral("court"), midTag(db)},
    };
}

long peakRssKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/// The longest stories of the library, longest first.
QVector<Story> longStories(Database &db, int count)
{
    QVector<Story> stories;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id FROM stories ORDER BY length(body) DESC LIMIT ?"));
    q.addBindValue(count);
    q.exec();
    StoryRepository repo(db);
    while (q.next()) {
        if (auto s = repo.get(q.value(0).toLongLong())) {
            stories << *s;
        }
    }
    return stories;
}

/// A story of about `words` words, made by repeating the paragraphs of a real one.
Story storyOfWords(Story story, int words)
{
    const QStringList paragraphs = story.body.split(QStringLiteral("\n\n"));
    QString body;
    int n = 0;
    for (int i = 0; n < words; ++i) {
        const QString &p = paragraphs.at(i % paragraphs.size());
        body += p + QStringLiteral("\n\n");
        n += p.count(QLatin1Char(' ')) + 1;
    }
    story.body = body.trimmed() + QLatin1Char('\n');
    return story;
}

void measureExport(Database &db, QVector<Measure> &out)
{
    QTemporaryDir dir;
    const QVector<Story> stories = longStories(db, 100);
    if (stories.isEmpty()) {
        return;
    }
    QString error;
    {
        Measure m;
        m.name = QStringLiteral("one story to PDF (%1 words)")
                     .arg(stories.first().body.count(QLatin1Char(' ')) + 1);
        m.target = 150;
        PdfOptions options;
        m.ours = measure(10, [&] {
            (void)writeStoryPdf(stories.first(), dir.filePath(QStringLiteral("one.pdf")), options);
        });
        out << m;
    }
    {
        Measure m;
        const Story big = storyOfWords(stories.first(), 5000);
        m.name = QStringLiteral("render export HTML of a 5,000-word story");
        m.ours = measure(10, [&] { renderStoryHtml(big); });
        out << m;
    }
    Packet packet;
    packet.title = QStringLiteral("Benchmark packet");
    packet.organisation = QStringLiteral("Field Office");
    packet.createdAt = QDateTime::currentDateTimeUtc();
    packet.exportedBy = QStringLiteral("bench");
    for (const Story &s : stories) {
        PacketStory ps;
        ps.story = s;
        packet.stories << ps;
    }
    for (const auto &[format, name, target] :
         {std::tuple{PacketFormat::Pdf, QStringLiteral("100-story packet to PDF"), 2000.0},
          std::tuple{PacketFormat::HtmlFolder, QStringLiteral("100-story packet to HTML"), 0.0}}) {
        Measure m;
        m.name = name;
        m.target = target;
        PacketOptions options;
        options.format = format;
        const QString path = dir.filePath(format == PacketFormat::Pdf ? QStringLiteral("p.pdf")
                                                                      : QStringLiteral("p-html"));
        m.ours = measure(3, [&] {
            if (const Status written = writePacket(packet, path, options); !written) {
                qWarning("packet: %s", qPrintable(refusalText(written.refusal())));
            }
        });
        out << m;
    }
}

/// A private X server for the start-up measures on X11, when Xvfb is installed: a real
/// window system, where "shown" means mapped and exposed, as on a user's desktop.
class PrivateXServer
{
public:
    PrivateXServer()
    {
        const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        if (xvfb.isEmpty()) {
            return;
        }
        int number = 70;
        while (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number)) ||
               QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(number))) {
            ++number;
        }
        mServer.start(xvfb, {QStringLiteral(":%1").arg(number), QStringLiteral("-screen"),
                             QStringLiteral("0"), QStringLiteral("1920x1080x24"),
                             QStringLiteral("-nolisten"), QStringLiteral("tcp")});
        const QString socket = QStringLiteral("/tmp/.X11-unix/X%1").arg(number);
        for (int wait = 0; wait < 100 && mServer.state() != QProcess::NotRunning; ++wait) {
            if (QFileInfo::exists(socket)) {
                QThread::msleep(100); // accepting connections
                mDisplay = QStringLiteral(":%1").arg(number);
                return;
            }
            QThread::msleep(50);
        }
    }
    ~PrivateXServer()
    {
        mServer.terminate();
        mServer.waitForFinished(5000);
    }
    QString display() const { return mDisplay; } // empty when there is none

private:
    QProcess mServer;
    QString mDisplay;
};

/// Program start until the window is shown with the list, as a whole process, beside a bare Qt
/// window started the same way: offscreen (no window system: what the programs compute) and,
/// when Xvfb is installed, on a private X server (where the window system's own work counts
/// too). Each run has a settings home of its own (the user's remembered window never enters
/// the numbers). Process times scatter more than in-process ones: 20 runs, and the target is
/// set on medians. The time runs up to the first frame the process reports, so its exit is
/// not counted.
void measureStartup(const QString &library, qint64 openStoryId, QVector<Measure> &out)
{
    const QString dir = QCoreApplication::applicationDirPath();
    QTemporaryDir home;
    const QString settingsFile = home.filePath(QStringLiteral("fieldoffice/fieldoffice.conf"));
    // From just before the process is started to the moment it reports its first frame on
    // stdout ("shown-at-ns N", CLOCK_MONOTONIC): start-up, without the exit.
    const auto timeProcess = [&](const QProcessEnvironment &env, const QString &program,
                                 const QStringList &args) {
        QVector<double> ms;
        for (int run = 0; run <= 20; ++run) {
            QProcess p;
            p.setProcessEnvironment(env);
            timespec started{};
            clock_gettime(CLOCK_MONOTONIC, &started);
            p.start(program, args);
            p.waitForFinished(60000);
            const QByteArray output = p.readAllStandardOutput();
            const qsizetype at = output.indexOf("shown-at-ns ");
            if (at < 0) {
                qWarning("%s did not report its first frame", qPrintable(program));
                return Sample();
            }
            const qint64 shown = output.mid(at + 12).trimmed().split('\n').first().toLongLong();
            const qint64 start = qint64(started.tv_sec) * 1000000000LL + started.tv_nsec;
            if (run > 0) { // the first run warms the caches
                ms << (shown - start) / 1e6;
            }
        }
        return summarise(ms);
    };
    const auto rememberOpenStory = [&](qint64 id) {
        QSettings settings(settingsFile, QSettings::IniFormat);
        settings.setValue(QStringLiteral("editor/openStory/library"),
                          QFileInfo(library).absoluteFilePath());
        settings.setValue(QStringLiteral("editor/openStory/id"), id);
    };
    const QString bareWindow = dir + QStringLiteral("/fieldoffice-bare-window");
    const QString program = dir + QStringLiteral("/fieldoffice");

    PrivateXServer xserver;
    QStringList platforms = {QStringLiteral("offscreen")};
    if (!xserver.display().isEmpty()) {
        platforms << QStringLiteral("xcb");
    }
    for (const QString &platform : platforms) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        QString where = QStringLiteral("offscreen");
        if (platform == QLatin1String("xcb")) {
            env.insert(QStringLiteral("DISPLAY"), xserver.display());
            where = QStringLiteral("X11");
        }
        Measure bare;
        bare.name = QStringLiteral("start → bare Qt 6 window shown (%1)").arg(where);
        bare.ours = timeProcess(env, bareWindow, {});
        bare.statistic = QStringLiteral("median");
        Measure bareText;
        bareText.name = QStringLiteral("start → bare window with one line edit (%1)").arg(where);
        bareText.ours = timeProcess(env, bareWindow, {QStringLiteral("--line-edit")});
        bareText.statistic = QStringLiteral("median");
        bareText.note = QStringLiteral("yardstick: the first text costs the font database");

        rememberOpenStory(0);
        Measure ours;
        ours.name = QStringLiteral("start → Field Office window with the list (%1)").arg(where);
        ours.ours = timeProcess(
            env, program,
            {QStringLiteral("--library"), library, QStringLiteral("--quit-when-shown")});
        ours.statistic = QStringLiteral("median");
        ours.target = 1.3 * bare.ours.median;
        ours.note = QStringLiteral("target: 1.3 × the bare window's median; %1 × the line edit's")
                        .arg(ours.ours.median / qMax(0.001, bareText.ours.median), 0, 'f', 2);
        out << bare << bareText << ours;
        if (openStoryId > 0) {
            rememberOpenStory(openStoryId);
            Measure withStory;
            withStory.name =
                QStringLiteral("start → the last open story on the screen (%1)").arg(where);
            withStory.ours = timeProcess(
                env, program,
                {QStringLiteral("--library"), library, QStringLiteral("--quit-when-ready")});
            withStory.statistic = QStringLiteral("median");
            withStory.note = QStringLiteral("its longest story open last time");
            out << withStory;
        }
    }
    if (platforms.size() == 1) {
        qWarning("Xvfb not found: start-up measured offscreen only");
    }
}

/// Loading, typing into and previewing a 5,000-word story in the real editor widget, in a
/// library of its own so the benchmark never changes the one it measures.
void measureEditor(Database &source, QVector<Measure> &out)
{
    const QVector<Story> stories = longStories(source, 1);
    if (stories.isEmpty()) {
        return;
    }
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("editor.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    Story big = storyOfWords(stories.first(), 5000);
    big.id = 0;
    big.uuid.clear();
    big.officeId = 0; // found or created again from officeName in this library
    if (!db || !fo::testing::said(StoryWriter(*db).create(big), &error)) {
        return;
    }
    Session session(*db);
    StoryEditor editor(session);
    editor.resize(1400, 900);
    editor.show();
    {
        Measure m;
        m.name = QStringLiteral("load a 5,000-word story into the editor");
        m.ours = measure(5, [&] {
            editor.closeStory();
            editor.openStory(big.id, &error);
            QApplication::processEvents();
        });
        out << m;
    }
    {
        Measure m;
        m.name = QStringLiteral("keystroke in that story (p99 in the p95 column)");
        m.target = 4;
        BodyEditor *body = editor.bodyEditor();
        body->setFocus();
        QTextCursor cursor = body->textCursor();
        cursor.movePosition(QTextCursor::End);
        body->setTextCursor(cursor);
        QVector<double> times;
        const QString text = QStringLiteral("The officers met the families again on Tuesday. ");
        for (int i = 0; i < 200; ++i) {
            const QChar c = text.at(i % text.size());
            QElapsedTimer t;
            t.start();
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
            QApplication::sendEvent(body, &press);
            QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
            QApplication::sendEvent(body, &release);
            QApplication::processEvents(); // what the event loop does right after the key
            times << t.nsecsElapsed() / 1e6;
        }
        m.ours = summarise(times);
        m.ours.p95 = m.ours.p99; // the target is on p99
        m.note = QStringLiteral("200 characters, debounced save excluded");
        out << m;
        editor.save(&error);
    }
    {
        // Saves come at most a second after the first unsaved change (Autosaver): while
        // someone types, this runs about once a second on the GUI thread.
        Measure m;
        m.name = QStringLiteral("autosave while typing in that story");
        m.target = 50;
        BodyEditor *body = editor.bodyEditor();
        QVector<double> times;
        for (int i = 0; i < 20; ++i) {
            body->textCursor().insertText(QStringLiteral("x"));
            QElapsedTimer t;
            t.start();
            editor.save(&error);
            times << t.nsecsElapsed() / 1e6;
        }
        m.ours = summarise(times);
        m.note = QStringLiteral("the save of one typed character: Markdown, merge check, write");
        out << m;
    }
    {
        Measure m;
        m.name = QStringLiteral("preview of the 5,000-word story");
        m.target = 50;
        const Story current = editor.currentStory();
        m.ours = measure(10, [&] { editor.previewPane()->showStory(current, false); });
        out << m;
    }
}

} // namespace

QVector<Measure> runBenchmarks(const QString &library, const QStringList &only, QString *error)
{
    const auto wanted = [&only](const char *group) {
        return only.isEmpty() || only.contains(QLatin1String(group));
    };
    QVector<Measure> out;
    if (wanted("list")) {
        Measure m;
        m.name = QStringLiteral("open → first page of the list");
        m.target = 150;
        m.ours = measure(10, [&] {
            auto db = fo::testing::openLibrary(library, Database::OpenMode::MustExist, error);
            StoryListModel model(*db);
            Q_ASSERT(model.rowCount() > 0);
        });
        out << m;
    }
    auto db = fo::testing::openLibrary(library, Database::OpenMode::MustExist, error);
    if (!db) {
        return {};
    }
    StoryRepository stories(*db);
    Floor floor(library);
    for (const Query &query : wanted("list") ? queries(*db) : QVector<Query>()) {
        Measure m;
        m.name = QStringLiteral("search: ") + query.name;
        m.target = 20;
        StoryFilter filter;
        filter.search = query.text;
        filter.tag = query.tag;
        int rows = 0;
        m.ours =
            measure(20, [&] { rows = stories.list(filter, 0, 50, false).value_or({}).size(); });
        const qint64 tagId = query.tag.isEmpty() ? 0 : TagRepository(*db).find(query.tag);
        const QString fts = SearchQuery(query.text).ftsExpression();
        m.floor = measure(5, [&] { floor.search(fts, tagId); });
        m.note = QStringLiteral("%1 rows").arg(rows);
        out << m;
    }
    // The list's result count (issue 12 item 8): on a connection of its own, off the GUI
    // thread, once typing pauses; what it costs from opening that connection to the number.
    for (const Query &query : wanted("list") ? queries(*db) : QVector<Query>()) {
        Measure m;
        m.name = QStringLiteral("result count, own connection: ") + query.name;
        m.target = 1000; // the count shows within a second of a pause; typing never waits
        StoryFilter filter;
        filter.search = query.text;
        filter.tag = query.tag;
        filter.prefixLastWord = true;
        int counted = 0;
        m.ours = measure(5, [&] {
            auto own = fo::testing::openLibrary(library, Database::OpenMode::MustExist, error);
            const Result<int> n = StoryQuery(*own).count(filter);
            counted = n ? *n : -1;
        });
        m.note = QStringLiteral("%1 stories").arg(counted);
        out << m;
    }
    if (wanted("list")) {
        Measure m;
        m.name = QStringLiteral("tag filter (%1)").arg(midTag(*db));
        m.target = 20;
        StoryFilter filter;
        filter.tag = midTag(*db);
        int rows = 0;
        m.ours = measure(20, [&] {
            rows = stories.list(filter, 0, StoryListModel::kPageSize, false).value_or({}).size();
        });
        m.note = QStringLiteral("%1 rows").arg(rows);
        out << m;
    }
    if (wanted("list")) {
        Measure m;
        m.name = QStringLiteral("status + office filter");
        m.target = 20;
        StoryFilter filter;
        filter.status = StoryStatus::InReview;
        filter.office = QStringLiteral("Kolkata");
        int rows = 0;
        m.ours = measure(20, [&] {
            rows = stories.list(filter, 0, StoryListModel::kPageSize, false).value_or({}).size();
        });
        m.note = QStringLiteral("%1 rows").arg(rows);
        out << m;
    }
    if (wanted("list")) {
        Measure m;
        m.name = QStringLiteral("scroll the list top to bottom, per 1,000 rows");
        int rows = 0;
        m.ours = measure(2, [&] {
            StoryListModel model(*db);
            while (model.canFetchMore({})) {
                model.fetchMore({});
            }
            rows = model.rowCount();
        });
        const double per = rows ? 1000.0 / rows : 0;
        m.ours.median *= per;
        m.ours.p95 *= per;
        m.ours.p99 *= per;
        m.ours.max *= per;
        m.note = QStringLiteral("%1 rows").arg(rows);
        out << m;
    }
    if (wanted("list")) {
        // What the window does for every screen of the list: the rows' cells laid out and
        // drawn (into the window's buffer, as a repaint does).
        Measure m;
        m.name = QStringLiteral("draw one screen of the list (1,280 × 800 window)");
        LibraryBrowser browser(*db);
        browser.resize(460, 760);
        browser.show();
        QApplication::processEvents();
        QWidget *viewport = browser.listView()->viewport();
        viewport->repaint(); // glyphs and fonts as after the first frame
        m.ours = measure(30, [&] { viewport->repaint(); });
        m.note = QStringLiteral("%1 rows shown")
                     .arg(viewport->height() / qMax(1, browser.listView()->sizeHintForRow(0)));
        out << m;
    }
    if (wanted("startup")) {
        const QVector<Story> longest = longStories(*db, 1);
        measureStartup(library, longest.isEmpty() ? 0 : longest.first().id, out);
    }
    if (wanted("export")) {
        measureExport(*db, out);
    }
    if (wanted("editor")) {
        measureEditor(*db, out);
    }
    if (wanted("backup")) {
        measureBackup(library, out);
    }
    if (wanted("spelling")) {
        measureSpelling(*db, out);
    }
    {
        Measure m;
        m.name = QStringLiteral("peak resident memory (MB)");
        m.statistic = QStringLiteral("value");
        m.ours.median = m.ours.p95 = m.ours.p99 = m.ours.max = peakRssKb() / 1024.0;
        m.ours.runs = 1;
        m.target = 150;
        out << m;
    }
    return out;
}

namespace {

/// The value a target is judged on: the median where the measure says so, else p95.
double judged(const Measure &m)
{
    return m.statistic == QLatin1String("median") ? m.ours.median : m.ours.p95;
}

} // namespace

QString formatTable(const QVector<Measure> &measures)
{
    QString out = QStringLiteral("%1 %2 %3 %4 %5  %6\n")
                      .arg(QStringLiteral("measure"), -52)
                      .arg(QStringLiteral("median"), 9)
                      .arg(QStringLiteral("p95"), 9)
                      .arg(QStringLiteral("target"), 9)
                      .arg(QStringLiteral("floor p95"), 10)
                      .arg(QStringLiteral("note"));
    for (const Measure &m : measures) {
        const QString target =
            m.target > 0 ? QString::number(m.target, 'f', 0) : QStringLiteral("—");
        const QString floorText =
            m.floor.runs ? QString::number(m.floor.p95, 'f', 2) : QStringLiteral("—");
        const bool missed = m.target > 0 && judged(m) > m.target;
        out += QStringLiteral("%1 %2 %3 %4 %5  %6%7\n")
                   .arg(m.name, -52)
                   .arg(m.ours.median, 9, 'f', 2)
                   .arg(m.ours.p95, 9, 'f', 2)
                   .arg(target, 9)
                   .arg(floorText, 10)
                   .arg(m.note, missed ? QStringLiteral("  MISSED") : QString());
    }
    return out;
}

QByteArray formatJson(const QVector<Measure> &measures)
{
    QJsonArray array;
    for (const Measure &m : measures) {
        QJsonObject o{
            {QStringLiteral("name"), m.name},       {QStringLiteral("median_ms"), m.ours.median},
            {QStringLiteral("p95_ms"), m.ours.p95}, {QStringLiteral("p99_ms"), m.ours.p99},
            {QStringLiteral("max_ms"), m.ours.max}, {QStringLiteral("runs"), m.ours.runs},
            {QStringLiteral("note"), m.note}};
        if (m.target > 0) {
            o.insert(QStringLiteral("target_ms"), m.target);
            o.insert(QStringLiteral("met"), judged(m) <= m.target);
            o.insert(QStringLiteral("judged_on"), m.statistic);
        }
        if (m.floor.runs) {
            o.insert(QStringLiteral("floor_median_ms"), m.floor.median);
            o.insert(QStringLiteral("floor_p95_ms"), m.floor.p95);
        }
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace fo::bench
