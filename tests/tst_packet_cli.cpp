// Press packets on the command line, run in the test's process (fieldoffice_cli's runCli) against a
// fresh demo library: what a
// journalist receives (a PDF whose contents page, page numbers, outline and text layer tell the
// truth, or a safe HTML folder), what the manifest beside it records, and the gate that keeps
// unapproved or since-changed stories out and writes nothing when it refuses.

#include "clirun.h"
#include "exportchecks.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <memory>

using exportchecks::fileBytes;
using exportchecks::runTool;
using exportchecks::ToolRun;

namespace {

const QString kGrace = QStringLiteral("Grace Achieng");
const QString kRahul = QStringLiteral("Rahul Sen");
const QString kMaria = QStringLiteral("Maria Santos");
const QString kDraftMark = QStringLiteral("DRAFT \u2014 NOT FOR RELEASE");
const QString kTitle = QStringLiteral("Spring Packet");

/// A contents entry of a packet PDF: the text on the line that ends with the page number.
struct TocEntry
{
    QString text;
    int page = 0;
};

/// A PDF outline entry, as poppler reads it.
struct OutlineEntry
{
    QString title;
    int page = 0;
};

/// The demo story as `list --json` gives it.
struct Listed
{
    qint64 id = 0;
    QString headline;
    QString office;
    QString status;
    QDateTime updated;
};

QString squeeze(QString s)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return s.remove(space);
}

QStringList nonEmptyLines(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    lines.removeAll(QString());
    return lines;
}

QStringList ids(const QVector<Listed> &stories)
{
    QStringList out;
    for (const Listed &s : stories) {
        out << QString::number(s.id);
    }
    return out;
}

QStringList headlines(const QVector<Listed> &stories)
{
    QStringList out;
    for (const Listed &s : stories) {
        out << s.headline;
    }
    return out;
}

QStringList storyArgs(const QStringList &storyIds)
{
    QStringList args;
    for (const QString &id : storyIds) {
        args << QStringLiteral("--story") << id;
    }
    return args;
}

int pdfPageCount(const QString &pdf)
{
    const ToolRun info = runTool(QStringLiteral("pdfinfo"), {pdf});
    const auto m = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)\\s*$"),
                                      QRegularExpression::MultilineOption)
                       .match(info.out);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

/// pdftotext of pages first..last (all pages when 0), optionally keeping the layout.
QString pdfText(const QString &pdf, int first = 0, int last = 0, bool layout = false)
{
    QStringList args{QStringLiteral("-q"), QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (first > 0) {
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l")
             << QString::number(last);
    }
    if (layout) {
        args << QStringLiteral("-layout");
    }
    args << pdf << QStringLiteral("-");
    return runTool(QStringLiteral("pdftotext"), args).out;
}

/// The contents of a packet PDF, from page 2 on: every line that ends with a page number, until
/// there is one per story. `lastPage` is the last contents page.
QVector<TocEntry> contentsEntries(const QString &pdf, int stories, int pages, int *lastPage)
{
    static const QRegularExpression entry(QStringLiteral("^\\s*(\\S.*?)\\s{2,}(\\d+)\\s*$"));
    static const QRegularExpression footer(QStringLiteral("Page \\d+ of \\d+"));
    QVector<TocEntry> entries;
    *lastPage = 1;
    for (int page = 2; page <= pages && entries.size() < stories; ++page) {
        *lastPage = page;
        const QString text = pdfText(pdf, page, page, true);
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (footer.match(line).hasMatch()) {
                continue;
            }
            const auto m = entry.match(line);
            if (m.hasMatch()) {
                // The printed number: the cover is not numbered, so the file's page is one more.
                entries.append({m.captured(1).trimmed(), m.captured(2).toInt() + 1});
            }
        }
    }
    return entries;
}

/// The outline (bookmarks) as poppler reads it: pdftohtml -xml writes <item page="N">title</item>.
QVector<OutlineEntry> pdfOutline(const QString &pdf)
{
    const ToolRun r = runTool(QStringLiteral("pdftohtml"),
                              {QStringLiteral("-q"), QStringLiteral("-xml"), QStringLiteral("-i"),
                               QStringLiteral("-stdout"), pdf});
    QVector<OutlineEntry> out;
    const int begin = r.out.indexOf(QStringLiteral("<outline>"));
    const int end = r.out.indexOf(QStringLiteral("</outline>"));
    if (begin < 0 || end < begin) {
        return out;
    }
    auto items = QRegularExpression(QStringLiteral("<item page=\"(\\d+)\">(.*?)</item>"))
                     .globalMatch(r.out.mid(begin, end - begin));
    while (items.hasNext()) {
        const auto m = items.next();
        out.append(
            {exportchecks::unescapeAttribute(m.captured(2)).simplified(), m.captured(1).toInt()});
    }
    return out;
}

/// Outline items in the raw PDF: dictionaries with a /Title and a /Parent (the document
/// information dictionary has a /Title but no /Parent). Cairo writes them uncompressed.
int rawOutlineItemCount(const QByteArray &pdf)
{
    static const QRegularExpression item(
        QStringLiteral("/Title\\s*(?:\\((?:\\\\.|[^\\\\)])*\\)|<[0-9A-Fa-f\\s]*>)\\s*/"
                       "Parent\\s+\\d+\\s+\\d+\\s+R"));
    int n = 0;
    auto it = item.globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

bool isUtcIsoTime(const QJsonValue &v)
{
    const QString s = v.toString();
    const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.isValid() && s.endsWith(QLatin1Char('Z'));
}

} // namespace

class TestPacketCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void approvedPacketPdf_data();
    void approvedPacketPdf();
    void gateRefusesAndWritesNothing_data();
    void gateRefusesAndWritesNothing();
    void changedSinceApprovalUntilApprovedAgain();
    void allowUnapprovedMarksEveryPage_data();
    void allowUnapprovedMarksEveryPage();
    void refusals_data();
    void refusals();
    void htmlPacket_data();
    void htmlPacket();
    void bengaliAndTamilExtractExactly();
    void storyOrder_data();
    void storyOrder();

private:
    ToolRun run(const QStringList &args);
    ToolRun fo(const QString &command, const QStringList &args)
    {
        return run(QStringList{command, QStringLiteral("--library"), mLib} + args);
    }
    /// `packet` as Maria Santos (the exporter) with the packet title, and `args`.
    ToolRun packet(const QStringList &args)
    {
        return fo(QStringLiteral("packet"),
                  QStringList{QStringLiteral("--as"), kMaria, QStringLiteral("--title"), kTitle} +
                      args);
    }
    QVector<Listed> list(const QString &status = QString());
    Listed listed(qint64 id);
    QJsonObject history(qint64 id);
    QString uuidOf(qint64 id);
    /// Everything in the output folder; the gate's refusals must leave it empty.
    QStringList outputEntries() const
    {
        return QDir(mOut).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                                    QDir::System);
    }
    QString out(const QString &name) const { return QDir(mOut).filePath(name); }

    void checkPacketPdf(const QString &pdf, const QStringList &headlines, bool draft);
    void checkManifest(const QString &file, const QVector<Listed> &stories, bool draft);
    void checkHtmlPage(const QString &file, bool draft);

    std::unique_ptr<QTemporaryDir> mDir;
    QString mLib;
    QString mOut;
};

ToolRun TestPacketCli::run(const QStringList &args)
{
    return fo::runCliInProcess(args);
}

void TestPacketCli::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    mLib = mDir->filePath(QStringLiteral("demo.fieldoffice"));
    mOut = mDir->filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(mOut));
    const ToolRun r = run({QStringLiteral("demo"), QStringLiteral("--library"), mLib});
    QVERIFY2(r.code == 0, qPrintable(r.err));
}

void TestPacketCli::cleanup()
{
    mDir.reset();
}

QVector<Listed> TestPacketCli::list(const QString &status)
{
    QStringList args{QStringLiteral("--json")};
    if (!status.isEmpty()) {
        args << QStringLiteral("--status") << status;
    }
    const ToolRun r = fo(QStringLiteral("list"), args);
    QVector<Listed> stories;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        stories.append({o.value(QStringLiteral("id")).toInteger(),
                        o.value(QStringLiteral("headline")).toString(),
                        o.value(QStringLiteral("office")).toString(),
                        o.value(QStringLiteral("status")).toString(),
                        QDateTime::fromString(o.value(QStringLiteral("updated")).toString(),
                                              Qt::ISODateWithMs)});
    }
    return stories;
}

Listed TestPacketCli::listed(qint64 id)
{
    for (const Listed &s : list()) {
        if (s.id == id) {
            return s;
        }
    }
    return Listed();
}

QJsonObject TestPacketCli::history(qint64 id)
{
    const ToolRun r =
        fo(QStringLiteral("history"), {QString::number(id), QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QString TestPacketCli::uuidOf(qint64 id)
{
    const ToolRun r = fo(QStringLiteral("show"), {QString::number(id)});
    const auto m = QRegularExpression(QStringLiteral("^UUID:\\s+(\\S+)\\s*$"),
                                      QRegularExpression::MultilineOption)
                       .match(r.out);
    return m.captured(1);
}

/// What every packet PDF must be: fonts embedded, "Page N of M" on every page after the cover, the
/// DRAFT mark exactly when asked for, a contents page whose entries name, in order, the page each
/// story starts on, and one outline entry per story pointing at that page.
void TestPacketCli::checkPacketPdf(const QString &pdf, const QStringList &headlines, bool draft)
{
    QVERIFY2(QFileInfo(pdf).isFile(), qPrintable(pdf));

    // A valid PDF: qpdf finds nothing to repair (poppler would repair it silently).
    const ToolRun check = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf});
    QVERIFY2(check.code == 0 && !check.err.contains(QStringLiteral("WARNING")) &&
                 !check.out.contains(QStringLiteral("WARNING")),
             qPrintable(check.out + check.err));

    // Fonts: every one embedded.
    const ToolRun fonts = runTool(QStringLiteral("pdffonts"), {pdf});
    QCOMPARE(fonts.code, 0);
    static const QRegularExpression fontRow(
        QStringLiteral("\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$"));
    int fontCount = 0;
    for (const QString &line : nonEmptyLines(fonts.out).mid(2)) {
        const auto m = fontRow.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("pdffonts row: ") + line));
        QVERIFY2(m.captured(1) == QLatin1String("yes"),
                 qPrintable(QStringLiteral("font not embedded: ") + line));
        ++fontCount;
    }
    QVERIFY2(fontCount > 0, qPrintable(fonts.out));

    // "Page N of M" on every page but the cover; the DRAFT mark on every page of a draft, on none
    // otherwise.
    const int pages = pdfPageCount(pdf);
    QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
    QStringList pageTexts{QString()}; // 1-based
    for (int i = 1; i <= pages; ++i) {
        pageTexts << pdfText(pdf, i, i);
        const QString &text = pageTexts.constLast();
        // The cover carries no number; the numbers start at 1 on the contents.
        QVERIFY2(i == 1 ? !text.contains(QStringLiteral("Page "))
                        : text.contains(QStringLiteral("Page %1 of %2").arg(i - 1).arg(pages - 1)),
                 qPrintable(QStringLiteral("page %1 of %2:\n%3").arg(i).arg(pages).arg(text)));
        QVERIFY2(text.contains(kDraftMark) == draft,
                 qPrintable(QStringLiteral("DRAFT mark %1 on page %2")
                                .arg(draft ? QStringLiteral("missing") : QStringLiteral("present"))
                                .arg(i)));
        if (!draft) {
            QVERIFY2(!text.contains(QStringLiteral("NOT FOR RELEASE")), qPrintable(text));
        }
    }

    // The contents: one entry per story, in packet order, each naming the page the story starts on.
    int lastContentsPage = 0;
    const QVector<TocEntry> toc = contentsEntries(pdf, headlines.size(), pages, &lastContentsPage);
    QVERIFY2(pdfText(pdf, 2, 2).contains(QStringLiteral("Contents")),
             qPrintable(pageTexts.value(2)));
    QCOMPARE(toc.size(), headlines.size());
    int previous = lastContentsPage;
    for (int i = 0; i < headlines.size(); ++i) {
        const QString &headline = headlines.at(i);
        const TocEntry &e = toc.at(i);
        QVERIFY2(!e.text.isEmpty() && squeeze(headline).endsWith(squeeze(e.text)),
                 qPrintable(QStringLiteral("contents entry %1 is \"%2\", expected \"%3\"")
                                .arg(i + 1)
                                .arg(e.text, headline)));
        // Stories may share a page (one starts under the end of the one before).
        QVERIFY2(e.page >= previous && e.page > lastContentsPage && e.page <= pages,
                 qPrintable(QStringLiteral("\"%1\" on page %2").arg(headline).arg(e.page)));
        previous = e.page;
        QVERIFY2(squeeze(pdfText(pdf, e.page, e.page)).contains(squeeze(headline)),
                 qPrintable(QStringLiteral("\"%1\" is not on page %2:\n%3")
                                .arg(headline)
                                .arg(e.page)
                                .arg(pageTexts.at(e.page))));
        // It starts there: the page before is the contents or the end of the previous story.
        if (e.page - 1 > lastContentsPage) {
            QVERIFY2(
                !squeeze(pageTexts.at(e.page - 1)).contains(squeeze(headline)),
                qPrintable(
                    QStringLiteral("\"%1\" already on page %2").arg(headline).arg(e.page - 1)));
        }
    }

    // Each contents entry links to its page.
    const exportchecks::PdfFacts facts = exportchecks::readPdf(fileBytes(pdf));
    QCOMPARE(facts.pageObjects.size(), pages);
    for (const TocEntry &e : toc) {
        bool linked = false;
        for (const QString &dest : facts.linkDestinations) {
            linked = linked || facts.pageOfDestination(dest) == e.page;
        }
        QVERIFY2(linked, qPrintable(QStringLiteral("no link to page %1").arg(e.page)));
    }

    // The outline: one entry per story, its headline, pointing at the page the contents names.
    QCOMPARE(rawOutlineItemCount(fileBytes(pdf)), headlines.size());
    const QVector<OutlineEntry> outline = pdfOutline(pdf);
    QCOMPARE(outline.size(), headlines.size());
    for (int i = 0; i < headlines.size(); ++i) {
        QCOMPARE(outline.at(i).title, headlines.at(i).simplified());
        QCOMPARE(outline.at(i).page, toc.at(i).page);
    }
}

/// The manifest beside a packet: title, time, exporter, and per story its id, UUID, revision,
/// approval and SHA-256, as the library's history has them.
void TestPacketCli::checkManifest(const QString &file, const QVector<Listed> &stories, bool draft)
{
    QVERIFY2(QFileInfo(file).isFile(), qPrintable(file));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(fileBytes(file), &parseError);
    QVERIFY2(doc.isObject(), qPrintable(parseError.errorString()));
    const QJsonObject m = doc.object();
    QCOMPARE(m.value(QStringLiteral("title")).toString(), kTitle);
    QVERIFY2(isUtcIsoTime(m.value(QStringLiteral("time"))),
             qPrintable(m.value(QStringLiteral("time")).toString()));
    QCOMPARE(m.value(QStringLiteral("exportedBy")).toString(), kMaria);
    QCOMPARE(m.value(QStringLiteral("draft")).toBool(), draft);
    const QJsonArray entries = m.value(QStringLiteral("stories")).toArray();
    QCOMPARE(entries.size(), stories.size());
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    for (int i = 0; i < stories.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const qint64 id = stories.at(i).id;
        QCOMPARE(e.value(QStringLiteral("id")).toInteger(), id);
        const QString u = e.value(QStringLiteral("uuid")).toString();
        QVERIFY2(uuid.match(u).hasMatch(), qPrintable(u));
        QCOMPARE(u, uuidOf(id));
        const QString hash = e.value(QStringLiteral("sha256")).toString();
        QVERIFY2(sha.match(hash).hasMatch(), qPrintable(hash));
        const QJsonObject h = history(id);
        QCOMPARE(hash, h.value(QStringLiteral("contentHash")).toString());
        if (h.value(QStringLiteral("approvalValid")).toBool()) {
            const QJsonObject a = h.value(QStringLiteral("approval")).toObject();
            QCOMPARE(e.value(QStringLiteral("revision")).toInteger(),
                     a.value(QStringLiteral("revision")).toInteger());
            QVERIFY(e.value(QStringLiteral("revision")).toInteger() > 0);
            QCOMPARE(e.value(QStringLiteral("approvedBy")).toString(), kRahul);
            QCOMPARE(e.value(QStringLiteral("approvedBy")).toString(),
                     a.value(QStringLiteral("person")).toString());
            QVERIFY2(isUtcIsoTime(e.value(QStringLiteral("approvedAt"))),
                     qPrintable(e.value(QStringLiteral("approvedAt")).toString()));
            QCOMPARE(
                QDateTime::fromString(e.value(QStringLiteral("approvedAt")).toString(),
                                      Qt::ISODateWithMs),
                QDateTime::fromString(a.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs));
            QCOMPARE(hash, a.value(QStringLiteral("contentHash")).toString());
        } else {
            // Only a draft packet holds a story without a valid approval, and says so.
            QVERIFY(draft);
            QVERIFY(e.value(QStringLiteral("approvedBy")).isNull());
            QVERIFY(e.value(QStringLiteral("approvedAt")).isNull());
        }
    }
}

/// One page of an HTML packet: tidy finds no errors; nothing runs and nothing is fetched; the
/// DRAFT mark opens the page exactly when asked for.
void TestPacketCli::checkHtmlPage(const QString &file, bool draft)
{
    const QString html = QString::fromUtf8(fileBytes(file));
    QVERIFY2(html.startsWith(QStringLiteral("<!DOCTYPE html>")), qPrintable(file));

    const ToolRun tidy =
        runTool(QStringLiteral("tidy"), {QStringLiteral("-q"), QStringLiteral("-e"), file});
    QVERIFY2(tidy.code == 0 || tidy.code == 1,
             qPrintable(QStringLiteral("tidy %1 on %2:\n%3").arg(tidy.code).arg(file, tidy.err)));
    QVERIFY2(!tidy.err.contains(QStringLiteral("Error:")), qPrintable(tidy.err));

    QVERIFY2(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive), qPrintable(file));
    static const QRegularExpression tag(QStringLiteral("<([A-Za-z][A-Za-z0-9]*)([^>]*)>"));
    static const QRegularExpression handler(QStringLiteral("(^|\\s)on[a-z]+\\s*="),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression urlAttribute(
        QStringLiteral("(?:^|\\s)(src|srcset|href|action|formaction|poster|data|background)\\s*="
                       "\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression remote(QStringLiteral("^\\s*(https?:)?//"),
                                           QRegularExpression::CaseInsensitiveOption);
    auto tags = tag.globalMatch(html);
    int tagCount = 0;
    while (tags.hasNext()) {
        const auto t = tags.next();
        ++tagCount;
        const QString name = t.captured(1).toLower();
        const QString attributes = t.captured(2);
        QVERIFY2(!handler.match(attributes).hasMatch(), qPrintable(t.captured(0)));
        auto urls = urlAttribute.globalMatch(attributes);
        while (urls.hasNext()) {
            const auto u = urls.next();
            const QString attribute = u.captured(1).toLower();
            QString value = u.captured(2);
            if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) {
                value = value.mid(1, value.size() - 2);
            }
            value = exportchecks::unescapeAttribute(value);
            QVERIFY2(
                !value.trimmed().startsWith(QStringLiteral("javascript:"), Qt::CaseInsensitive),
                qPrintable(t.captured(0)));
            if (remote.match(value).hasMatch()) {
                // A web address is only ever a plain link the reader may follow.
                QVERIFY2(name == QLatin1String("a") && attribute == QLatin1String("href"),
                         qPrintable(QStringLiteral("remote resource: ") + t.captured(0)));
            }
        }
    }
    QVERIFY(tagCount > 10);
    QVERIFY2(!html.contains(QStringLiteral("@import")), qPrintable(file));
    QVERIFY2(!html.contains(QStringLiteral("url(")), qPrintable(file));
    const QStringList problems = exportchecks::allowListViolations(html, true);
    QVERIFY2(problems.isEmpty(),
             qPrintable(file + QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));

    static const QRegularExpression markFirst(
        QStringLiteral("<body[^>]*>\\s*<p class=\"draft-mark\"[^>]*>") +
        QRegularExpression::escape(kDraftMark) + QStringLiteral("</p>"));
    if (draft) {
        QVERIFY2(markFirst.match(html).hasMatch(),
                 qPrintable(QStringLiteral("no DRAFT mark at the top of ") + file));
    } else {
        // (The inlined house stylesheet may style .draft-mark; no element carries it.)
        QVERIFY2(!html.contains(kDraftMark) &&
                     !html.contains(QStringLiteral("class=\"draft-mark\"")),
                 qPrintable(file));
    }
}

// (1) A packet of the demo's approved stories, as PDF.

void TestPacketCli::approvedPacketPdf_data()
{
    QTest::addColumn<bool>("byStatus");
    QTest::newRow("--status approved") << true;
    QTest::newRow("--story for each approved and released story") << false;
}

void TestPacketCli::approvedPacketPdf()
{
    QFETCH(bool, byStatus);
    QVector<Listed> stories;
    QStringList args;
    if (byStatus) {
        // Ordered by office, then most recently updated first.
        stories = list(QStringLiteral("approved"));
        std::stable_sort(stories.begin(), stories.end(), [](const Listed &a, const Listed &b) {
            const int office = a.office.compare(b.office, Qt::CaseInsensitive);
            return office != 0 ? office < 0 : a.updated > b.updated;
        });
        args << QStringLiteral("--status") << QStringLiteral("approved");
    } else {
        for (const Listed &s : list()) {
            if (s.status == QLatin1String("approved") || s.status == QLatin1String("released")) {
                stories << s;
            }
        }
        args << storyArgs(ids(stories));
    }
    QVERIFY2(stories.size() >= 3, qPrintable(QString::number(stories.size())));
    const QString pdf = out(QStringLiteral("spring.pdf"));
    const ToolRun r = packet(args + QStringList{QStringLiteral("--format"), QStringLiteral("pdf"),
                                                QStringLiteral("-o"), pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QString manifest = out(QStringLiteral("manifest.json"));
    QCOMPARE(r.out, QStringLiteral("wrote %1 with %2 stories; manifest %3\n")
                        .arg(QFileInfo(pdf).absoluteFilePath())
                        .arg(stories.size())
                        .arg(QFileInfo(manifest).absoluteFilePath()));
    QCOMPARE(outputEntries(),
             (QStringList{QStringLiteral("manifest.json"), QStringLiteral("spring.manifest.json"),
                          QStringLiteral("spring.pdf")}));

    checkManifest(manifest, stories, false);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QJsonObject m = QJsonDocument::fromJson(fileBytes(manifest)).object();
    QCOMPARE(m.value(QStringLiteral("file")).toString(), QStringLiteral("spring.pdf"));
    QCOMPARE(m.value(QStringLiteral("format")).toString(), QStringLiteral("pdf"));

    checkPacketPdf(pdf, headlines(stories), false);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf}).out;
    QVERIFY2(info.contains(QStringLiteral("Title:           ") + kTitle), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
    // The cover names the organisation set up in the library and its press contact.
    const QString cover = pdfText(pdf, 1, 1);
    QVERIFY2(cover.contains(kTitle) &&
                 cover.contains(QStringLiteral("Field Office Network"), Qt::CaseInsensitive) &&
                 cover.contains(QStringLiteral("press@example.org")),
             qPrintable(cover));
}

// (2) The gate: unapproved stories are named, one line each, and nothing is written.

void TestPacketCli::gateRefusesAndWritesNothing_data()
{
    QTest::addColumn<QStringList>("statuses"); // the first demo story in each state, in order
    QTest::addColumn<QStringList>("format");
    const QStringList pdf{QStringLiteral("--format"), QStringLiteral("pdf")};
    const QStringList html{QStringLiteral("--format"), QStringLiteral("html")};
    const QStringList single{QStringLiteral("--format"), QStringLiteral("html"),
                             QStringLiteral("--single-file")};
    const QStringList one{QStringLiteral("in-review")};
    const QStringList mixed{QStringLiteral("approved"),          QStringLiteral("in-review"),
                            QStringLiteral("released"),          QStringLiteral("draft"),
                            QStringLiteral("changes-requested"), QStringLiteral("archived")};
    QTest::newRow("in review, pdf") << one << pdf;
    QTest::newRow("in review, html") << one << html;
    QTest::newRow("in review, single file") << one << single;
    QTest::newRow("four of six refused, pdf") << mixed << pdf;
    QTest::newRow("four of six refused, html") << mixed << html;
}

void TestPacketCli::gateRefusesAndWritesNothing()
{
    QFETCH(QStringList, statuses);
    QFETCH(QStringList, format);
    QStringList storyIds;
    QStringList refused;
    for (const QString &status : statuses) {
        const QVector<Listed> in = list(status);
        QVERIFY2(!in.isEmpty(), qPrintable(status));
        storyIds << QString::number(in.constFirst().id);
        if (status != QLatin1String("approved") && status != QLatin1String("released")) {
            refused << storyIds.constLast();
        }
    }
    const bool pdf = format.contains(QStringLiteral("pdf"));
    const ToolRun r =
        packet(storyArgs(storyIds) + format +
               QStringList{QStringLiteral("-o"),
                           out(pdf ? QStringLiteral("p.pdf") : QStringLiteral("p.html"))});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QVERIFY2(r.err.endsWith(QLatin1Char('\n')), qPrintable(r.err));
    const QStringList lines = nonEmptyLines(r.err);
    QCOMPARE(lines.size(), refused.size());
    for (int i = 0; i < refused.size(); ++i) {
        const QString &line = lines.at(i);
        QVERIFY2(line.startsWith(QStringLiteral("fieldoffice: story %1 ").arg(refused.at(i))),
                 qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("not approved")), qPrintable(line));
        QVERIFY2(line.contains(listed(refused.at(i).toLongLong()).headline), qPrintable(line));
    }
    QVERIFY2(outputEntries().isEmpty(), qPrintable(outputEntries().join(QLatin1Char(' '))));
    QVERIFY(!QFileInfo::exists(mDir->filePath(QStringLiteral("manifest.json"))));

    // Chosen by state instead, the same gate.
    const ToolRun byStatus =
        packet(QStringList{QStringLiteral("--status"), QStringLiteral("in-review")} + format +
               QStringList{QStringLiteral("-o"), out(QStringLiteral("q"))});
    QCOMPARE(byStatus.code, 1);
    QCOMPARE(nonEmptyLines(byStatus.err).size(), list(QStringLiteral("in-review")).size());
    QVERIFY(outputEntries().isEmpty());
}

// (3) An approved story edited after approval is refused until it is approved again.

void TestPacketCli::changedSinceApprovalUntilApprovedAgain()
{
    const QVector<Listed> approved = list(QStringLiteral("approved"));
    QVERIFY(!approved.isEmpty());
    const Listed story = approved.constFirst();
    const QString id = QString::number(story.id);
    const QStringList pdfTo{QStringLiteral("--format"), QStringLiteral("pdf"),
                            QStringLiteral("-o")};

    // Before: it goes in.
    QVERIFY(QDir(mOut).mkdir(QStringLiteral("before")));
    ToolRun r = packet(QStringList{QStringLiteral("--story"), id} + pdfTo +
                       QStringList{out(QStringLiteral("before/p.pdf"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonObject before =
        QJsonDocument::fromJson(fileBytes(out(QStringLiteral("before/manifest.json"))))
            .object()
            .value(QStringLiteral("stories"))
            .toArray()
            .at(0)
            .toObject();
    const qint64 oldRevision = before.value(QStringLiteral("revision")).toInteger();
    const QString oldHash = before.value(QStringLiteral("sha256")).toString();
    QVERIFY(oldRevision > 0 && !oldHash.isEmpty());

    // Edited: refused, naming the story and why; nothing written.
    const QString newHeadline = QStringLiteral("Court Clerks Finish Digitising Every Case File");
    r = fo(QStringLiteral("edit"),
           {QStringLiteral("--as"), kGrace, id, QStringLiteral("--headline"), newHeadline});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(QDir(mOut).mkdir(QStringLiteral("edited")));
    r = packet(QStringList{QStringLiteral("--story"), id} + pdfTo +
               QStringList{out(QStringLiteral("edited/p.pdf"))});
    QCOMPARE(r.code, 1);
    QCOMPARE(nonEmptyLines(r.err).size(), 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: story %1 ").arg(id)), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("changed since approval")), qPrintable(r.err));
    QVERIFY(QDir(out(QStringLiteral("edited"))).isEmpty());
    // The earlier packet is untouched.
    QVERIFY(QFileInfo::exists(out(QStringLiteral("before/p.pdf"))));

    // Not by the wrong people: the reviewer does not submit, the editor does not approve.
    const auto review = [this, &id](const QString &who, const QString &action) {
        return fo(QStringLiteral("review"), {QStringLiteral("--as"), who, id, action});
    };
    QCOMPARE(review(kGrace, QStringLiteral("--approve")).code, 1);
    r = review(kGrace, QStringLiteral("--submit"));
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(review(kMaria, QStringLiteral("--approve")).code, 1);
    QCOMPARE(review(kGrace, QStringLiteral("--approve")).code, 1);
    // Still in review: refused.
    r = packet(QStringList{QStringLiteral("--story"), id} + pdfTo +
               QStringList{out(QStringLiteral("edited/p.pdf"))});
    QCOMPARE(r.code, 1);
    QVERIFY(QDir(out(QStringLiteral("edited"))).isEmpty());
    r = review(kRahul, QStringLiteral("--approve"));
    QVERIFY2(r.code == 0, qPrintable(r.err));

    // Approved again: it goes in, with the new approval and the new text. (The folder's name
    // looks like a placeholder; the report prints it as it is.)
    QVERIFY(QDir(mOut).mkdir(QStringLiteral("after %3")));
    const QString pdf = out(QStringLiteral("after %3/p.pdf"));
    r = packet(QStringList{QStringLiteral("--story"), id} + pdfTo + QStringList{pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("wrote ") + QFileInfo(pdf).absoluteFilePath() +
                        QStringLiteral(" with 1 story; manifest ") +
                        out(QStringLiteral("after %3/manifest.json")) + QLatin1Char('\n'));
    Listed now = listed(story.id);
    QCOMPARE(now.headline, newHeadline);
    checkManifest(out(QStringLiteral("after %3/manifest.json")), {now}, false);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QJsonObject after =
        QJsonDocument::fromJson(fileBytes(out(QStringLiteral("after %3/manifest.json"))))
            .object()
            .value(QStringLiteral("stories"))
            .toArray()
            .at(0)
            .toObject();
    QVERIFY(after.value(QStringLiteral("revision")).toInteger() > oldRevision);
    QVERIFY(after.value(QStringLiteral("sha256")).toString() != oldHash);
    checkPacketPdf(pdf, {newHeadline}, false);
    QVERIFY(!squeeze(pdfText(pdf)).contains(squeeze(story.headline)));
}

// (4) --allow-unapproved builds it anyway, marked on every page.

void TestPacketCli::allowUnapprovedMarksEveryPage_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("pdf") << QStringLiteral("pdf");
    QTest::newRow("html folder") << QStringLiteral("html");
    QTest::newRow("html single file") << QStringLiteral("single");
}

void TestPacketCli::allowUnapprovedMarksEveryPage()
{
    QFETCH(QString, format);
    // An approved story, every story in review (the Bengali one among them) and a draft.
    QVector<Listed> stories{list(QStringLiteral("approved")).value(0)};
    stories << list(QStringLiteral("in-review")) << list(QStringLiteral("draft")).value(0);
    for (const Listed &s : stories) {
        QVERIFY(s.id > 0);
    }
    QVERIFY(stories.size() >= 4);
    QStringList args = storyArgs(ids(stories)) << QStringLiteral("--allow-unapproved");
    QString target;
    if (format == QLatin1String("pdf")) {
        target = out(QStringLiteral("draft.pdf"));
        args << QStringLiteral("--format") << QStringLiteral("pdf");
    } else if (format == QLatin1String("html")) {
        target = out(QStringLiteral("draft"));
        args << QStringLiteral("--format") << QStringLiteral("html");
    } else {
        target = out(QStringLiteral("draft.html"));
        args << QStringLiteral("--format") << QStringLiteral("html")
             << QStringLiteral("--single-file");
    }
    const ToolRun r = packet(args << QStringLiteral("-o") << target);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("(marked ") + kDraftMark + QLatin1Char(')')),
             qPrintable(r.out));
    const QString manifest = format == QLatin1String("html")
                                 ? QDir(target).filePath(QStringLiteral("manifest.json"))
                                 : out(QStringLiteral("manifest.json"));
    checkManifest(manifest, stories, true);
    if (QTest::currentTestFailed()) {
        return;
    }
    if (format == QLatin1String("pdf")) {
        checkPacketPdf(target, headlines(stories), true);
        return;
    }
    QStringList pages;
    if (format == QLatin1String("html")) {
        pages << QDir(target).filePath(QStringLiteral("index.html"));
        for (const Listed &s : stories) {
            pages << QDir(target).filePath(QStringLiteral("story-%1.html").arg(s.id));
        }
    } else {
        pages << target;
    }
    for (const QString &page : pages) {
        checkHtmlPage(page, true);
        if (QTest::currentTestFailed()) {
            return;
        }
    }
}

// (5) Who may export, and what the command needs.

void TestPacketCli::refusals_data()
{
    QTest::addColumn<QStringList>("args"); // after "packet --library F"; OUT is the output path
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("OUT");
    const QStringList pdf{QStringLiteral("--format"), QStringLiteral("pdf")};
    const auto as = [](const QString &who) { return QStringList{QStringLiteral("--as"), who}; };
    const QStringList title{QStringLiteral("--title"), QStringLiteral("T")};
    const QStringList story1{QStringLiteral("--story"), QStringLiteral("1")};
    const QStringList to{QStringLiteral("-o"), out};

    QTest::newRow("an editor") << as(kGrace) + title + story1 + pdf + to << 1
                               << QStringLiteral("Grace Achieng cannot export: building press "
                                                 "packets needs the exporter role");
    QTest::newRow("a reviewer") << as(kRahul) + title + story1 + pdf + to << 1
                                << QStringLiteral("needs the exporter role");
    QTest::newRow("the admin") << as(QStringLiteral("Admin")) + title + story1 + pdf + to << 1
                               << QStringLiteral("needs the exporter role");
    QTest::newRow("unknown person") << as(QStringLiteral("Nobody")) + title + story1 + pdf + to << 1
                                    << QStringLiteral("no person named 'Nobody'");
    QTest::newRow("unknown story")
        << as(kMaria) + title + QStringList{QStringLiteral("--story"), QStringLiteral("999")} +
               pdf + to
        << 1 << QStringLiteral("999");
    QTest::newRow("a known and an unknown story")
        << as(kMaria) + title + story1 +
               QStringList{QStringLiteral("--story"), QStringLiteral("4242")} + pdf + to
        << 1 << QStringLiteral("4242");
    QTest::newRow("no --title") << as(kMaria) + story1 + pdf + to << 2 << QStringLiteral("--title");
    QTest::newRow("blank --title")
        << as(kMaria) + QStringList{QStringLiteral("--title"), QStringLiteral("  ")} + story1 +
               pdf + to
        << 2 << QStringLiteral("--title");
    QTest::newRow("no --as") << title + story1 + pdf + to << 2 << QStringLiteral("--as");
    QTest::newRow("no -o") << as(kMaria) + title + story1 + pdf << 2 << QStringLiteral("-o PATH");
    QTest::newRow("no --format") << as(kMaria) + title + story1 + to << 2
                                 << QStringLiteral("--format");
    QTest::newRow("--format docx")
        << as(kMaria) + title + story1 +
               QStringList{QStringLiteral("--format"), QStringLiteral("docx")} + to
        << 2 << QStringLiteral("--format");
    QTest::newRow("--single-file with pdf")
        << as(kMaria) + title + story1 + pdf + QStringList{QStringLiteral("--single-file")} + to
        << 2 << QStringLiteral("--single-file");
    QTest::newRow("not a story id")
        << as(kMaria) + title + QStringList{QStringLiteral("--story"), QStringLiteral("one")} +
               pdf + to
        << 2 << QStringLiteral("'one' is not a story id");
    QTest::newRow("the same story twice")
        << as(kMaria) + title + story1 +
               QStringList{QStringLiteral("--story"), QStringLiteral("5")} + story1 + pdf + to
        << 2 << QStringLiteral("story 1 is named twice");
    QTest::newRow("--story with --status")
        << as(kMaria) + title + story1 +
               QStringList{QStringLiteral("--status"), QStringLiteral("approved")} + pdf + to
        << 2 << QStringLiteral("--story");
    QTest::newRow("unknown status")
        << as(kMaria) + title +
               QStringList{QStringLiteral("--status"), QStringLiteral("published")} + pdf + to
        << 2 << QStringLiteral("published");
    QTest::newRow("a tag no story has")
        << as(kMaria) + title +
               QStringList{QStringLiteral("--tag"), QStringLiteral("topic/no-such-topic")} + pdf +
               to
        << 1 << QStringLiteral("no stories match");
    QTest::newRow("a folder that does not exist")
        << as(kMaria) + title + story1 + pdf +
               QStringList{QStringLiteral("-o"), QStringLiteral("OUT/missing/p.pdf")}
        << 1 << QStringLiteral("does not exist");
}

void TestPacketCli::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QCOMPARE(listed(1).status, QStringLiteral("approved")); // the demo's first story
    for (QString &a : args) {
        a.replace(QStringLiteral("OUT"), out(QStringLiteral("p.pdf")));
    }
    const ToolRun r = fo(QStringLiteral("packet"), args);
    QCOMPARE(r.code, code);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QCOMPARE(nonEmptyLines(r.err).size(), 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("fieldoffice: ")), qPrintable(r.err));
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(outputEntries().isEmpty(), qPrintable(outputEntries().join(QLatin1Char(' '))));
}

// (6) HTML: a folder of safe, tidy pages, or one file.

void TestPacketCli::htmlPacket_data()
{
    QTest::addColumn<bool>("singleFile");
    QTest::newRow("folder") << false;
    QTest::newRow("--single-file") << true;
}

void TestPacketCli::htmlPacket()
{
    QFETCH(bool, singleFile);
    QVector<Listed> stories;
    for (const Listed &s : list()) {
        if (s.status == QLatin1String("approved") || s.status == QLatin1String("released")) {
            stories << s;
        }
    }
    QVERIFY(stories.size() >= 3);
    const QString target = out(singleFile ? QStringLiteral("press.html") : QStringLiteral("press"));
    QStringList args = storyArgs(ids(stories))
                       << QStringLiteral("--format") << QStringLiteral("html");
    if (singleFile) {
        args << QStringLiteral("--single-file");
    }
    const ToolRun r = packet(args << QStringLiteral("-o") << target);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(!r.out.contains(QStringLiteral("DRAFT")), qPrintable(r.out));

    if (singleFile) {
        QVERIFY(QFileInfo(target).isFile());
        QCOMPARE(outputEntries(),
                 (QStringList{QStringLiteral("manifest.json"), QStringLiteral("press.html"),
                              QStringLiteral("press.manifest.json")}));
        checkManifest(out(QStringLiteral("manifest.json")), stories, false);
        checkHtmlPage(target, false);
        if (QTest::currentTestFailed()) {
            return;
        }
        const QString html = QString::fromUtf8(fileBytes(target));
        int previous = -1;
        for (const Listed &s : stories) {
            const int link = html.indexOf(QStringLiteral("href=\"#story-%1\"").arg(s.id));
            QVERIFY2(link > previous, qPrintable(QString::number(s.id)));
            previous = link;
            QVERIFY(html.contains(QStringLiteral("id=\"story-%1\"").arg(s.id)));
        }
        return;
    }

    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(outputEntries(), QStringList{QStringLiteral("press")});
    QStringList expected{QStringLiteral("house.css"), QStringLiteral("index.html"),
                         QStringLiteral("manifest.json")};
    for (const Listed &s : stories) {
        expected << QStringLiteral("story-%1.html").arg(s.id);
    }
    QStringList files = QDir(target).entryList(QDir::AllEntries | QDir::NoDotAndDotDot |
                                               QDir::Hidden | QDir::System);
    std::sort(files.begin(), files.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(files, expected);
    const QDir dir(target);
    checkManifest(dir.filePath(QStringLiteral("manifest.json")), stories, false);
    const QString css = QString::fromUtf8(fileBytes(dir.filePath(QStringLiteral("house.css"))));
    QVERIFY(!css.isEmpty() && !css.contains(QStringLiteral("url(")) &&
            !css.contains(QStringLiteral("@import")));

    // index.html links every story page, in packet order.
    const QString index = QString::fromUtf8(fileBytes(dir.filePath(QStringLiteral("index.html"))));
    int previous = -1;
    for (const Listed &s : stories) {
        const int link = index.indexOf(QStringLiteral("href=\"story-%1.html\"").arg(s.id));
        QVERIFY2(link > previous, qPrintable(QString::number(s.id)));
        previous = link;
    }
    checkHtmlPage(dir.filePath(QStringLiteral("index.html")), false);
    for (const Listed &s : stories) {
        const QString page = dir.filePath(QStringLiteral("story-%1.html").arg(s.id));
        checkHtmlPage(page, false);
        if (QTest::currentTestFailed()) {
            return;
        }
        const QString html = QString::fromUtf8(fileBytes(page));
        QVERIFY(html.contains(QStringLiteral("href=\"house.css\"")));
        QVERIFY(html.contains(QStringLiteral("href=\"index.html\"")));
    }
}

// (7) Bengali and Tamil come back out of the PDF exactly as written.

void TestPacketCli::bengaliAndTamilExtractExactly()
{
    qint64 chennai = 0;
    qint64 kolkata = 0;
    for (const Listed &s : list(QStringLiteral("approved"))) {
        if (s.office == QLatin1String("Chennai") && chennai == 0) {
            chennai = s.id;
        } else if (s.office == QLatin1String("Kolkata") && kolkata == 0) {
            kolkata = s.id;
        }
    }
    QVERIFY(chennai > 0 && kolkata > 0);
    const QString pdf = out(QStringLiteral("scripts.pdf"));
    const ToolRun r = packet(
        storyArgs({QString::number(chennai), QString::number(kolkata)}) +
        QStringList{QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("-o"), pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString text = pdfText(pdf);
    for (const QString &word :
         {QStringLiteral("சென்னை"), QStringLiteral("தமிழ்நாடு"), QStringLiteral("পশ্চিমবঙ্গের")}) {
        QVERIFY2(text.contains(word), qPrintable(QStringLiteral("%1 not in:\n%2").arg(word, text)));
    }
}

// (8) --story order is the packet's order.

void TestPacketCli::storyOrder_data()
{
    QTest::addColumn<QStringList>("order");
    QTest::newRow("5, 1") << QStringList{QStringLiteral("5"), QStringLiteral("1")};
    QTest::newRow("1, 5") << QStringList{QStringLiteral("1"), QStringLiteral("5")};
    QTest::newRow("8, 3, 5, 1") << QStringList{QStringLiteral("8"), QStringLiteral("3"),
                                               QStringLiteral("5"), QStringLiteral("1")};
}

void TestPacketCli::storyOrder()
{
    QFETCH(QStringList, order);
    QVector<Listed> stories;
    for (const QString &id : order) {
        stories << listed(id.toLongLong());
        QCOMPARE(stories.constLast().status, QStringLiteral("approved"));
    }
    const QString pdf = out(QStringLiteral("ordered.pdf"));
    const ToolRun r =
        packet(storyArgs(order) + QStringList{QStringLiteral("--format"), QStringLiteral("pdf"),
                                              QStringLiteral("-o"), pdf});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    // The contents, the outline and the manifest all follow the order given.
    checkPacketPdf(pdf, headlines(stories), false);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QJsonArray entries =
        QJsonDocument::fromJson(fileBytes(out(QStringLiteral("manifest.json"))))
            .object()
            .value(QStringLiteral("stories"))
            .toArray();
    QCOMPARE(entries.size(), order.size());
    for (int i = 0; i < order.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        QCOMPARE(QString::number(e.value(QStringLiteral("id")).toInteger()), order.at(i));
        QCOMPARE(e.value(QStringLiteral("position")).toInt(), i + 1);
    }
}

QTEST_GUILESS_MAIN(TestPacketCli)
#include "tst_packet_cli.moc"
