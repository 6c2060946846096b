// Import of story files: front matter, plain-text stories, datelines, pseudonym asterisks,
// encodings, and the all-or-nothing write of each file.

#include "domain/pseudonymasterisks.h"
#include "import/importer.h"
#include "import/importparser.h"
#include "import/storymarkdown.h"
#include "library/database.h"
#include "library/officerepository.h"
#include "libraryopentesting.h"
#include "messages/importtext.h"
#include "stories/storyrepository.h"

#include <QSqlQuery>
#include <QtTest>

#include <md4c.h>

#include <memory>

using namespace fo;

Q_DECLARE_METATYPE(fo::Story)

namespace {

QString dataPath(const QString &relative)
{
    return QStringLiteral(FO_TEST_DATA "/import/") + relative;
}

/// Literal text from the source, in NFC as the importer stores it.
QString u8(const char *text)
{
    return QString::fromUtf8(text).normalized(QString::NormalizationForm_C);
}

QString L(const char *text)
{
    return QString::fromUtf8(text);
}

/// What a reader sees of a Markdown text, by md4c: the words and the emphasis.
struct Rendered
{
    QString text; // paragraphs separated by a blank line, soft breaks as line breaks
    int emphasis = 0;
    int strong = 0;
};

Rendered render(const QString &markdown)
{
    Rendered out;
    MD_PARSER parser{};
    parser.flags = MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE type, void *, void *data) {
        auto *r = static_cast<Rendered *>(data);
        if (type != MD_BLOCK_DOC && !r->text.isEmpty()) {
            r->text += QStringLiteral("\n\n");
        }
        return 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE, void *, void *) { return 0; };
    parser.enter_span = [](MD_SPANTYPE type, void *, void *data) {
        auto *r = static_cast<Rendered *>(data);
        r->emphasis += type == MD_SPAN_EM;
        r->strong += type == MD_SPAN_STRONG;
        return 0;
    };
    parser.leave_span = [](MD_SPANTYPE, void *, void *) { return 0; };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *data) {
        auto *r = static_cast<Rendered *>(data);
        r->text +=
            type == MD_TEXT_SOFTBR ? QStringLiteral("\n") : QString::fromUtf8(text, int(size));
        return 0;
    };
    const QByteArray utf8 = markdown.toUtf8();
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &out);
    return out;
}

std::unique_ptr<Database> openLibrary(const QTemporaryDir &dir, QString *error)
{
    return fo::testing::openLibrary(dir.filePath(QStringLiteral("test.fieldoffice")),
                                    Database::OpenMode::CreateIfMissing, error);
}

int storyCount(Database &db)
{
    return StoryRepository(db).count(StoryFilter{}).value_or(-1);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        return {};
    }
    return path;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void frontMatterAllKeys();
    void frontMatterValues_data();
    void frontMatterValues();
    void frontMatterLists_data();
    void frontMatterLists();
    void frontMatterErrors_data();
    void frontMatterErrors();
    void embargoTimes_data();
    void embargoTimes();
    void datelines_data();
    void datelines();
    void markdownDateline_data();
    void markdownDateline();
    void markdownHeadingAndOffice();
    void plainTextMultiStory();
    void plainTextEscaping_data();
    void plainTextEscaping();
    void bengaliHeadline();
    void noStory_data();
    void noStory();
    void smallLetterDatelineIsExplained();
    void pseudonymAsterisks_data();
    void pseudonymAsterisks();
    void plainTextPseudonym();
    void roundTrip_data();
    void roundTrip();
    void crlfFile();
    void bomFile();
    void utf16File();
    void frontMatterAliases();
    void nfc();
    void refusedFiles_data();
    void refusedFiles();
    void batchWithBrokenMiddle();
    void failingStoryRollsBackItsFile();
    void officesFromDatelines();
    void expandPaths();
};

void TestImport::frontMatterAllKeys()
{
    const ParseResult r = parseFile(dataPath(QStringLiteral("front-matter.md")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.stories.size(), 1);
    const ParsedStory &p = r.stories.first();
    const Story &s = p.story;
    QCOMPARE(p.line, 1);
    QCOMPARE(s.headline, QStringLiteral("Court Clerks Digitise 40,000 Case Files in Gulu"));
    QCOMPARE(s.datelineCity, QStringLiteral("GULU"));
    QCOMPARE(s.datelineCountry, QStringLiteral("UGANDA"));
    QCOMPARE(s.officeName, QStringLiteral("Gulu"));
    QCOMPARE(s.byline, QStringLiteral("Field Office Communications"));
    QCOMPARE(s.summary,
             QStringLiteral("Volunteers sorted \"decades\" of records.\nIn three weeks."));
    QCOMPARE(s.tags,
             QStringList({QStringLiteral("topic/justice-system"), QStringLiteral("type/court"),
                          QStringLiteral("office/gulu"), QStringLiteral("Archive")}));
    QCOMPARE(s.language, QStringLiteral("en"));
    QCOMPARE(s.embargoAt, QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC));
    QCOMPARE(p.extra.value(QStringLiteral("status")), QStringLiteral("approved"));
    QVERIFY(!p.extra.contains(QStringLiteral("headline")));
    // The unknown key is reported, not fatal.
    QVERIFY2(r.notes.join(QLatin1Char('\n'))
                 .contains(QStringLiteral(
                     "front-matter.md:10: front matter key 'status' is not imported")),
             qPrintable(r.notes.join(QLatin1Char('\n'))));
    // The dateline that repeats the front matter's is taken out of the text.
    QVERIFY2(s.body.startsWith(QStringLiteral("For three weeks, the courthouse")),
             qPrintable(s.body));
    QVERIFY(s.body.contains(QStringLiteral("Amina\\*, 16, who")));
    QVERIFY(s.body.contains(QStringLiteral("told the team that *this* mattered.")));
    QVERIFY(s.body.endsWith(QStringLiteral("\n\n\\*Name changed to protect her identity.")));
}

void TestImport::frontMatterValues_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("  Field Office  ") << QStringLiteral("Field Office");
    QTest::newRow("quoted spaces") << QStringLiteral("\"  two  \"") << QStringLiteral("  two  ");
    QTest::newRow("escapes") << QStringLiteral(R"("a \"b\" \\ c\nd\te")")
                             << QStringLiteral("a \"b\" \\ c\nd\te");
    QTest::newRow("quotes inside are text")
        << QStringLiteral(R"("Justice delayed" is justice denied, says judge)")
        << QStringLiteral(R"("Justice delayed" is justice denied, says judge)");
    QTest::newRow("unclosed quote is text") << QStringLiteral("\"open") << QStringLiteral("\"open");
    QTest::newRow("escaped closing quote is text")
        << QStringLiteral(R"("abc\")") << QStringLiteral(R"("abc\")");
    QTest::newRow("unknown escape kept")
        << QStringLiteral(R"("C:\files")") << QStringLiteral(R"(C:\files)");
    QTest::newRow("empty quoted") << QStringLiteral("\"\"") << QString();
    QTest::newRow("colon in value")
        << QStringLiteral("Note: it works") << QStringLiteral("Note: it works");
}

void TestImport::frontMatterValues()
{
    QFETCH(QString, raw);
    QFETCH(QString, value);
    QCOMPARE(frontMatterValue(raw), value);
    // Writing a value and reading it back gives the value.
    QCOMPARE(frontMatterValue(quoteFrontMatterValue(value)), value);
}

void TestImport::frontMatterLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("tags");
    const QStringList two = {QStringLiteral("topic/justice-system"), QStringLiteral("type/court")};
    QTest::newRow("commas") << QStringLiteral("tags: topic/justice-system, type/court") << two;
    QTest::newRow("brackets") << QStringLiteral("tags: [topic/justice-system,type/court]") << two;
    QTest::newRow("list lines") << QStringLiteral("tags:\n  - topic/justice-system\n  - type/court")
                                << two;
    QTest::newRow("quoted item with comma")
        << QStringLiteral(R"(tags: "Kampala, 2024", type/court)")
        << QStringList({QStringLiteral("Kampala, 2024"), QStringLiteral("type/court")});
    QTest::newRow("category case, duplicates, empty items")
        << QStringLiteral("tags: Topic/Justice, topic/Justice, , foo/bar,")
        << QStringList({QStringLiteral("topic/Justice"), QStringLiteral("foo/bar")});
}

void TestImport::frontMatterLists()
{
    QFETCH(QString, text);
    QFETCH(QStringList, tags);
    const ParseResult r = parseMarkdownStory(QStringLiteral("---\nheadline: H\n") + text +
                                                 QStringLiteral("\n---\nBody.\n"),
                                             QStringLiteral("t.md"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.stories.first().story.tags, tags);
    QCOMPARE(r.stories.first().story.body, QStringLiteral("Body."));
}

void TestImport::frontMatterErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("not closed, body follows")
        << QStringLiteral("---\nheadline: H\ndateline: GULU, UGANDA\n\nGULU, UGANDA – Text.\n")
        << QStringLiteral("t.md:5: front matter is not closed with ---");
    QTest::newRow("not closed at the end")
        << QStringLiteral("---\nheadline: H\nbyline: B")
        << QStringLiteral("t.md:3: front matter is not closed with ---");
    QTest::newRow("line without key")
        << QStringLiteral("---\nheadline: H\nand more headline\n---\nText.\n")
        << QStringLiteral("t.md:3: front matter line is not 'key: value' (a value over several "
                          "lines must be written in double quotes, with \\n for line breaks)");
    QTest::newRow("bad embargo")
        << QStringLiteral("---\nheadline: H\nembargo: next Tuesday\n---\nText.\n")
        << QStringLiteral("t.md:3: embargo 'next Tuesday' is not a date and time such as "
                          "2024-05-01T09:00:00Z (UTC) or 2024-05-01T12:00:00+03:00");
    QTest::newRow("impossible date")
        << QStringLiteral("---\nheadline: H\nembargo: 2024-02-30T09:00\n---\nText.\n")
        << QStringLiteral("t.md:3: embargo '2024-02-30T09:00' is not a date and time such as "
                          "2024-05-01T09:00:00Z (UTC) or 2024-05-01T12:00:00+03:00");
    QTest::newRow("bad language")
        << QStringLiteral("---\nheadline: H\nlanguage: Bengali\n---\nText.\n")
        << QStringLiteral("t.md:3: language 'Bengali' is not a language code such as en, bn or ta");
    QTest::newRow("key twice") << QStringLiteral("---\nheadline: H\nHeadline: I\n---\nText.\n")
                               << QStringLiteral(
                                      "t.md:3: 'headline' is given twice (also on line 2)");
    QTest::newRow("tag without name")
        << QStringLiteral("---\nheadline: H\ntags: type/court, topic/\n---\nText.\n")
        << QStringLiteral("t.md:3: tag 'topic/' has no name");
    QTest::newRow("no headline")
        << QStringLiteral("---\ndateline: GULU, UGANDA\n---\nGULU, UGANDA – Text.\n")
        << QStringLiteral("t.md:1: no headline (add a 'headline:' line to the front matter or "
                          "start with '# Headline')");
    QTest::newRow("no headline, no front matter")
        << QStringLiteral("Just some text.\n\n## A second-level heading\n")
        << QStringLiteral("t.md:1: no headline (add a 'headline:' line to the front matter or "
                          "start with '# Headline')");
}

void TestImport::frontMatterErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const ParseResult r = parseMarkdownStory(text, QStringLiteral("t.md"));
    QCOMPARE(r.error, error);
    QVERIFY(r.stories.isEmpty());
}

void TestImport::embargoTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("utc");
    const QDateTime nine(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    QTest::newRow("Z") << QStringLiteral("2024-05-01T09:00:00Z") << nine;
    QTest::newRow("no offset is UTC") << QStringLiteral("2024-05-01T09:00") << nine;
    QTest::newRow("space") << QStringLiteral("2024-05-01 09:00:00") << nine;
    QTest::newRow("+03:00") << QStringLiteral("2024-05-01T12:00:00+03:00") << nine;
    QTest::newRow("+0530") << QStringLiteral("2024-05-01T14:30+0530") << nine;
    QTest::newRow("-04") << QStringLiteral("2024-05-01T05:00:00-04") << nine;
    QTest::newRow("milliseconds") << QStringLiteral("2024-05-01T09:00:00.250Z")
                                  << nine.addMSecs(250);
    QTest::newRow("date only") << QStringLiteral("2024-05-01")
                               << QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("invalid") << QStringLiteral("1 May 2024") << QDateTime();
}

void TestImport::embargoTimes()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, utc);
    const std::optional<QDateTime> at = parseIsoDateTime(text);
    QCOMPARE(at.has_value(), utc.isValid());
    if (at) {
        QCOMPARE(*at, utc);
        QCOMPARE(at->toUTC().time(), utc.time()); // the same instant, and read as UTC
    }
}

void TestImport::datelines_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("city");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("rest");
    QTest::newRow("en dash") << L("GULU, UGANDA – For three weeks") << true << L("GULU")
                             << L("UGANDA") << L("For three weeks");
    QTest::newRow("em dash") << L("GULU, UGANDA — For three weeks") << true << L("GULU")
                             << L("UGANDA") << L("For three weeks");
    QTest::newRow("hyphen") << L("GULU, UGANDA - For three weeks") << true << L("GULU")
                            << L("UGANDA") << L("For three weeks");
    QTest::newRow("double hyphen")
        << L("GULU, UGANDA -- For") << true << L("GULU") << L("UGANDA") << L("For");
    QTest::newRow("multi-word both")
        << L("QUEZON CITY, THE PHILIPPINES – Forty officers") << true << L("QUEZON CITY")
        << L("THE PHILIPPINES") << L("Forty officers");
    QTest::newRow("three-word city") << L("DAR ES SALAAM, TANZANIA — Magistrates") << true
                                     << L("DAR ES SALAAM") << L("TANZANIA") << L("Magistrates");
    QTest::newRow("non-ASCII capitals")
        << u8("SÃO PAULO, BRAZIL – Text") << true << u8("SÃO PAULO") << L("BRAZIL") << L("Text");
    QTest::newRow("apostrophe and hyphen") << L("ABIDJAN, CÔTE D'IVOIRE – Text") << true
                                           << L("ABIDJAN") << L("CÔTE D'IVOIRE") << L("Text");
    QTest::newRow("dots") << L("ST. PAUL, U.S. – Text") << true << L("ST. PAUL") << L("U.S.")
                          << L("Text");
    QTest::newRow("capital first word") << L("KAMPALA, UGANDA – A group of") << true << L("KAMPALA")
                                        << L("UGANDA") << L("A group of");
    QTest::newRow("dateline alone")
        << L("GULU, UGANDA –") << true << L("GULU") << L("UGANDA") << QString();
    QTest::newRow("Bengali") << u8("কলকাতা, ভারত – লেখা") << true << u8("কলকাতা") << u8("ভারত")
                             << u8("লেখা");
    QTest::newRow("Tamil") << u8("சென்னை, இந்தியா – உரை") << true << u8("சென்னை") << u8("இந்தியா")
                           << u8("உரை");
    QTest::newRow("lower case") << L("Gulu, Uganda – For") << false << QString() << QString()
                                << QString();
    QTest::newRow("no spaces around dash")
        << L("GULU, UGANDA–For") << false << QString() << QString() << QString();
    QTest::newRow("no comma") << L("GULU UGANDA – For") << false << QString() << QString()
                              << QString();
    QTest::newRow("no dash") << L("GULU, UGANDA. For") << false << QString() << QString()
                             << QString();
    QTest::newRow("not at the start")
        << L("In GULU, UGANDA – for") << false << QString() << QString() << QString();
}

void TestImport::datelines()
{
    QFETCH(QString, line);
    QFETCH(bool, found);
    QFETCH(QString, city);
    QFETCH(QString, country);
    QFETCH(QString, rest);
    const std::optional<DatelineMatch> m = matchDateline(line);
    QCOMPARE(m.has_value(), found);
    if (m) {
        QCOMPARE(m->city, city);
        QCOMPARE(m->country, country);
        QCOMPARE(line.mid(m->length), rest);
    }
    // The same line opening a plain-text story.
    const ParseResult r = parsePlainTextStories(QStringLiteral("Headline\n\n") + line +
                                                    QStringLiteral("\nMore text.\n"),
                                                QStringLiteral("t.txt"));
    QCOMPARE(r.ok(), found);
    if (found) {
        const Story &s = r.stories.first().story;
        QCOMPARE(s.datelineCity, city);
        QCOMPARE(s.datelineCountry, country);
        QCOMPARE(s.body, rest.isEmpty()
                             ? QStringLiteral("More text.")
                             : escapeMarkdownText(rest) + QStringLiteral("\nMore text."));
    }
}

void TestImport::markdownDateline_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("dateline");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("note");
    QTest::newRow("from the text") << L("# H\n\nGULU, UGANDA – For three weeks.\n")
                                   << L("GULU, UGANDA") << L("For three weeks.") << QString();
    QTest::newRow("bold") << L("# H\n\n**GULU, UGANDA** – For three weeks.\n") << L("GULU, UGANDA")
                          << L("For three weeks.") << QString();
    QTest::newRow("bold with dash") << L("# H\n\n**GULU, UGANDA –** For three weeks.\n")
                                    << L("GULU, UGANDA") << L("For three weeks.") << QString();
    QTest::newRow("front matter, same in text")
        << L("---\nheadline: H\ndateline: Gulu, Uganda\n---\nGULU, UGANDA – For.\n")
        << L("GULU, UGANDA") << L("For.") << QString();
    QTest::newRow("front matter with its dash")
        << L("---\nheadline: H\ndateline: GULU, UGANDA –\n---\nFor.\n") << L("GULU, UGANDA")
        << L("For.") << QString();
    QTest::newRow("front matter, other in text")
        << L("---\nheadline: H\ndateline: GULU, UGANDA\n---\nKAMPALA, UGANDA – For.\n")
        << L("GULU, UGANDA") << L("KAMPALA, UGANDA – For.")
        << L("t.md:5: the text starts with the dateline 'KAMPALA, UGANDA', not the front "
             "matter's 'GULU, UGANDA'; it was left in the text");
    QTest::newRow("explicitly none")
        << L("---\nheadline: H\ndateline: \"\"\n---\nKAMPALA, UGANDA – For.\n") << QString()
        << L("KAMPALA, UGANDA – For.") << QString();
    QTest::newRow("dateline alone on its line")
        << L("# H\n\nGULU, UGANDA –\nFor three weeks.\n") << L("GULU, UGANDA")
        << L("For three weeks.") << QString();
    QTest::newRow("none") << L("# H\n\nFor three weeks.\n") << QString() << L("For three weeks.")
                          << QString();
}

void TestImport::markdownDateline()
{
    QFETCH(QString, text);
    QFETCH(QString, dateline);
    QFETCH(QString, body);
    QFETCH(QString, note);
    const ParseResult r = parseMarkdownStory(text, QStringLiteral("t.md"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.stories.first().story.dateline(), dateline);
    QCOMPARE(r.stories.first().story.body, body);
    QCOMPARE(r.notes.join(QLatin1Char('\n')), note);
}

void TestImport::markdownHeadingAndOffice()
{
    const ParseResult r = parseFile(dataPath(QStringLiteral("heading.md")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Story &s = r.stories.first().story;
    QCOMPARE(s.headline, QStringLiteral("Shelter Staff Learn Trauma-Informed Care"));
    QCOMPARE(s.dateline(), QStringLiteral("CHENNAI, INDIA"));
    QCOMPARE(s.officeName, QStringLiteral("Chennai"));
    QCOMPARE(s.body, u8("Staff of three shelters in சென்னை met for a week of training.\n\n"
                        "Priya\\*'s story opened the first day. **Everyone** listened.\n\n"
                        "\\*Name changed."));
    const Rendered shown = render(s.body);
    QCOMPARE(shown.strong, 1);
    QCOMPARE(shown.emphasis, 0);
    QVERIFY(shown.text.contains(QStringLiteral("Priya*'s story")));

    // Text before a "# Headline" is skipped, as in plain text.
    const ParseResult pre = parseMarkdownStory(
        QStringLiteral("Draft, do not publish\nyet\n\n# The Headline\n\nText.\n"),
        QStringLiteral("p.md"));
    QVERIFY2(pre.ok(), qPrintable(pre.error));
    QCOMPARE(pre.stories.first().story.headline, QStringLiteral("The Headline"));
    QCOMPARE(pre.stories.first().story.body, QStringLiteral("Text."));
    QCOMPARE(pre.notes, QStringList{QStringLiteral("p.md:1-2: skipped text before the headline")});

    // A heading that repeats the front-matter headline is not kept twice.
    const ParseResult twice = parseMarkdownStory(
        QStringLiteral("---\nheadline: The Headline\n---\n\n# The headline\n\nText.\n"),
        QStringLiteral("d.md"));
    QVERIFY2(twice.ok(), qPrintable(twice.error));
    QCOMPARE(twice.stories.first().story.body, QStringLiteral("Text."));
}

void TestImport::plainTextMultiStory()
{
    const QString path = dataPath(QStringLiteral("multi-story.txt"));
    const ParseResult r = parseFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.stories.size(), 3);
    const QString name = QDir::toNativeSeparators(path);
    QCOMPARE(r.notes,
             QStringList({name + QStringLiteral(":1-3: skipped text before the first headline"),
                          name + QStringLiteral(":27: left out the separator line '###'")}));

    const Story &a = r.stories.at(0).story;
    QCOMPARE(r.stories.at(0).line, 5);
    QCOMPARE(a.headline, QStringLiteral("Police Officers Train on Victim-Centred Interviews"));
    QCOMPARE(a.datelineCity, QStringLiteral("QUEZON CITY"));
    QCOMPARE(a.datelineCountry, QStringLiteral("THE PHILIPPINES"));
    QCOMPARE(a.officeName, QStringLiteral("Quezon City"));
    QCOMPARE(a.body,
             QStringLiteral("Forty officers spent five days learning how to interview\n"
                            "survivors without causing new harm.\n\n"
                            "\"We learned to listen first,\" said Joseph\\*, a desk officer.\n\n"
                            "\\*Name changed to protect his identity."));

    const Story &b = r.stories.at(1).story;
    QCOMPARE(r.stories.at(1).line, 14);
    QCOMPARE(b.headline, QStringLiteral("Court Clears Backlog of 2,000 Cases"));
    QCOMPARE(b.dateline(), QStringLiteral("DAR ES SALAAM, TANZANIA"));
    QCOMPARE(b.body,
             QStringLiteral("Magistrates and clerks worked through weekends \\[sic\\] to clear\n"
                            "cases older than five years.\n\n"
                            "1\\. The first phase closed 1,200 cases.\n"
                            "\\- Volunteers sorted files\\_by\\_year."));

    const Story &c = r.stories.at(2).story;
    QCOMPARE(r.stories.at(2).line, 22);
    QCOMPARE(c.dateline(), QStringLiteral("GULU, UGANDA"));
    QCOMPARE(c.body, QStringLiteral("Twelve survivor leaders met to plan a support group.\n"
                                    "Amina\\*, 16, said \\<it was hard> but worth it."));
    // Rendered, each body reads as written.
    QCOMPARE(render(c.body).text,
             QStringLiteral("Twelve survivor leaders met to plan a support group.\n"
                            "Amina*, 16, said <it was hard> but worth it."));
    QCOMPARE(render(b.body).text,
             QStringLiteral("Magistrates and clerks worked through weekends [sic] to clear\n"
                            "cases older than five years.\n\n"
                            "1. The first phase closed 1,200 cases.\n"
                            "- Volunteers sorted files_by_year."));

    QTemporaryDir dir;
    QString error;
    const auto db = openLibrary(dir, &error);
    QVERIFY2(db, qPrintable(error));
    const Importer::FileResult imported = Importer(*db).importFile(path);
    QVERIFY2(imported.ok(), qPrintable(importErrorText(imported)));
    QCOMPARE(imported.imported.size(), 3);
    QCOMPARE(imported.notes, r.notes);
    const Result<Story> stored = StoryRepository(*db).get(imported.imported.at(1).id);
    QVERIFY(stored);
    QCOMPARE(stored->headline, b.headline);
    QCOMPARE(stored->body, b.body);
    QCOMPARE(stored->officeName, QStringLiteral("Dar Es Salaam"));
    QCOMPARE(stored->status, StoryStatus::Draft);
}

void TestImport::plainTextEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("markdown");
    QTest::newRow("ordinary") << L("Forty officers, 5 days.") << L("Forty officers, 5 days.");
    QTest::newRow("asterisks") << L("Amina* and 5 * 3") << L("Amina\\* and 5 \\* 3");
    QTest::newRow("underscores") << L("files_by_year") << L("files\\_by\\_year");
    QTest::newRow("backticks") << L("the `code` word") << L("the \\`code\\` word");
    QTest::newRow("brackets") << L("[sic] and [1](x)") << L("\\[sic\\] and \\[1\\](x)");
    QTest::newRow("angle") << L("<b>not bold</b> <http://x.org>")
                           << L("\\<b>not bold\\</b> \\<http://x.org>");
    QTest::newRow("backslash") << L("C:\\files\\new") << L("C:\\\\files\\\\new");
    QTest::newRow("entity") << L("&amp; &#169; AT&T") << L("\\&amp; \\&#169; AT&T");
    QTest::newRow("heading") << L("# not a heading") << L("\\# not a heading");
    QTest::newRow("hashtag") << L("#MeToo") << L("\\#MeToo");
    QTest::newRow("quote") << L("> not a quote") << L("\\> not a quote");
    QTest::newRow("numbered") << L("1. first") << L("1\\. first");
    QTest::newRow("numbered paren") << L("2) second") << L("2\\) second");
    QTest::newRow("year is not a list") << L("2024 was hard") << L("2024 was hard");
    QTest::newRow("dash item") << L("- item") << L("\\- item");
    QTest::newRow("plus item") << L("+ item") << L("\\+ item");
    QTest::newRow("dash word") << L("-30 degrees") << L("-30 degrees");
    QTest::newRow("rule") << L("---") << L("\\---");
    QTest::newRow("setext") << L("===") << L("\\===");
    QTest::newRow("fence") << L("~~~") << L("\\~~~");
    QTest::newRow("Bengali") << u8("আমরা একসাথে কাজ করব।") << u8("আমরা একসাথে কাজ করব।");
}

void TestImport::plainTextEscaping()
{
    QFETCH(QString, text);
    QFETCH(QString, markdown);
    QCOMPARE(escapeMarkdownText(text), markdown);
    // What a reader sees is what was written, with no markup.
    const Rendered shown = render(QStringLiteral("Line before.\n") + markdown);
    QCOMPARE(shown.text, QStringLiteral("Line before.\n") + text);
    QCOMPARE(shown.emphasis + shown.strong, 0);
    const Rendered alone = render(markdown);
    QCOMPARE(alone.text, text);
}

void TestImport::bengaliHeadline()
{
    QTemporaryDir dir;
    QString error;
    const auto db = openLibrary(dir, &error);
    QVERIFY2(db, qPrintable(error));
    const Importer::FileResult r =
        Importer(*db).importFile(dataPath(QStringLiteral("bengali.txt")));
    QVERIFY2(r.ok(), qPrintable(importErrorText(r)));
    QCOMPARE(r.imported.size(), 1);
    const Result<Story> s = StoryRepository(*db).get(r.imported.first().id);
    QVERIFY(s);
    QCOMPARE(s->headline, u8("কলকাতায় পুলিশ প্রশিক্ষণ"));
    QCOMPARE(s->dateline(), QStringLiteral("KOLKATA, INDIA"));
    QCOMPARE(s->officeName, QStringLiteral("Kolkata"));
    QCOMPARE(s->body, u8("Thirty officers of the Kolkata Police joined a two-day training.\n\n"
                         "One trainer said: \"আমরা একসাথে কাজ করব।\""));
}

void TestImport::noStory_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("no dateline") << QStringLiteral("Headline\n\nFor three weeks.\n");
    QTest::newRow("lower-case dateline") << QStringLiteral("Headline\n\nGulu, Uganda – For.\n");
    QTest::newRow("headline of two lines")
        << QStringLiteral("Headline\nthat wraps\n\nGULU, UGANDA – For.\n");
}

void TestImport::noStory()
{
    QFETCH(QString, text);
    const ParseResult r = parsePlainTextStories(text, QStringLiteral("notes.txt"));
    QVERIFY2(r.error.startsWith(QStringLiteral("notes.txt:")) &&
                 r.error.contains(QStringLiteral(": no story found")),
             qPrintable(r.error));
    QVERIFY(r.stories.isEmpty());
}

// A dateline in small letters is named, with what to write instead.
void TestImport::smallLetterDatelineIsExplained()
{
    const ParseResult r = parsePlainTextStories(
        QStringLiteral("Headline\n\nKolkata, India – Officers met.\n"), QStringLiteral("n.txt"));
    QCOMPARE(r.error, QStringLiteral("n.txt:3: no story found: the dateline 'Kolkata, India' must "
                                     "be in capitals ('KOLKATA, INDIA – ')"));
}

void TestImport::pseudonymAsterisks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("escaped");
    QTest::addColumn<int>("emphasis");
    QTest::addColumn<QString>("shown");
    QTest::newRow("two pseudonyms")
        << L("Amina* and Joseph* met.") << L("Amina\\* and Joseph\\* met.") << 0
        << L("Amina* and Joseph* met.");
    QTest::newRow("comma and full stop")
        << L("Amina*, 16, met Joseph*.") << L("Amina\\*, 16, met Joseph\\*.") << 0
        << L("Amina*, 16, met Joseph*.");
    QTest::newRow("with emphasis after")
        << L("Amina*, 16, said *this* was hard") << L("Amina\\*, 16, said *this* was hard") << 1
        << L("Amina*, 16, said this was hard");
    QTest::newRow("emphasis footnote")
        << L("*Names changed.*") << L("*Names changed.*") << 1 << L("Names changed.");
    QTest::newRow("footnote") << L("*Name changed to protect her identity.")
                              << L("\\*Name changed to protect her identity.") << 0
                              << L("*Name changed to protect her identity.");
    QTest::newRow("footnote then pseudonym in one paragraph")
        << L("*Name changed.\nAmina* is 16.") << L("\\*Name changed.\nAmina\\* is 16.") << 0
        << L("*Name changed.\nAmina* is 16.");
    QTest::newRow("footnote naming known pseudonyms")
        << L("Amina*, 16, spoke.\n\n*Names changed: Amina* and Joseph*.")
        << L("Amina\\*, 16, spoke.\n\n\\*Names changed: Amina\\* and Joseph\\*.") << 0
        << L("Amina*, 16, spoke.\n\n*Names changed: Amina* and Joseph*.");
    QTest::newRow("real emphasis and strong") << L("It was *really* **bold** and *The Monitor*.")
                                              << L("It was *really* **bold** and *The Monitor*.")
                                              << 2 << L("It was really bold and The Monitor.");
    QTest::newRow("possessive") << L("Amina*'s mother") << L("Amina\\*'s mother") << 0
                                << L("Amina*'s mother");
    QTest::newRow("Bengali name") << u8("আমিনা* বলেছে") << u8("আমিনা\\* বলেছে") << 0
                                  << u8("আমিনা* বলেছে");
    QTest::newRow("already escaped")
        << L("Amina\\* and *Amina* said") << L("Amina\\* and *Amina\\* said") << 0
        << L("Amina* and *Amina* said");
    QTest::newRow("emphasis over a line break")
        << L("*This whole sentence\nis italic.*") << L("*This whole sentence\nis italic.*") << 1
        << L("This whole sentence\nis italic.");
    QTest::newRow("emphasis over a line break, mid-line")
        << L("said it was *very\nhard* for her") << L("said it was *very\nhard* for her") << 1
        << L("said it was very\nhard for her");
    QTest::newRow("arithmetic stays") << L("5 * 3 = 15") << L("5 * 3 = 15") << 0 << L("5 * 3 = 15");
    QTest::newRow("bullet list") << L("* Amina* spoke\n* Joseph* too")
                                 << L("* Amina\\* spoke\n* Joseph\\* too") << 0
                                 << L("Amina* spoke\n\nJoseph* too");
    QTest::newRow("code span") << L("Type `Amina*` here, Amina*.")
                               << L("Type `Amina*` here, Amina\\*.") << 0
                               << L("Type Amina* here, Amina*.");
    QTest::newRow("code block") << L("```\nAmina* code\n```\n\nAmina* text")
                                << L("```\nAmina* code\n```\n\nAmina\\* text") << 0
                                << L("Amina* code\n\n\nAmina* text");
}

void TestImport::pseudonymAsterisks()
{
    QFETCH(QString, markdown);
    QFETCH(QString, escaped);
    QFETCH(int, emphasis);
    QFETCH(QString, shown);
    QCOMPARE(escapePseudonymAsterisks(markdown), escaped);
    QCOMPARE(escapePseudonymAsterisks(escaped), escaped); // once is enough
    const Rendered r = render(escaped);
    QCOMPARE(r.emphasis, emphasis);
    QCOMPARE(r.text, shown);
    // The same text as a whole Markdown file gets the same body.
    const ParseResult parsed =
        parseMarkdownStory(QStringLiteral("# H\n\n") + markdown, QStringLiteral("t.md"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.stories.first().story.body, escaped);
}

void TestImport::plainTextPseudonym()
{
    const ParseResult r = parsePlainTextStories(
        QStringLiteral("Survivor Becomes Counsellor\n\nGULU, UGANDA – Amina*, 16, said it was "
                       "*really* hard.\n\n*Name changed to protect her identity.\n"),
        QStringLiteral("t.txt"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const QString body = r.stories.first().story.body;
    QCOMPARE(body, QStringLiteral("Amina\\*, 16, said it was \\*really\\* hard.\n\n"
                                  "\\*Name changed to protect her identity."));
    const Rendered shown = render(body);
    QCOMPARE(shown.emphasis, 0); // plain text has no emphasis: every asterisk is text
    QCOMPARE(shown.text, QStringLiteral("Amina*, 16, said it was *really* hard.\n\n"
                                        "*Name changed to protect her identity."));
}

void TestImport::roundTrip_data()
{
    QTest::addColumn<Story>("story");
    Story full;
    full.headline = QStringLiteral("Court Clerks Digitise 40,000 Case Files in Gulu");
    full.datelineCity = QStringLiteral("GULU");
    full.datelineCountry = QStringLiteral("UGANDA");
    full.officeName = QStringLiteral("Gulu");
    full.byline = QStringLiteral("Field Office Communications");
    full.summary = QStringLiteral("\"Decades\" of records,\nsorted in three weeks: \\o/");
    full.tags = QStringList{QStringLiteral("topic/justice-system"), QStringLiteral("type/court"),
                            QStringLiteral("office/gulu"), QStringLiteral("Kampala, 2024"),
                            QStringLiteral("Archive")};
    full.language = QStringLiteral("en");
    full.embargoAt = QDateTime(QDate(2024, 5, 1), QTime(9, 0, 0, 250), Qt::UTC);
    full.status = StoryStatus::Approved;
    full.body = QStringLiteral("For three weeks, the courthouse yard held a tent.\n\n"
                               "Amina\\*, 16, said *this* mattered.  \nA hard break.\n\n"
                               "\\*Name changed to protect her identity.");
    QTest::newRow("every field") << full;

    Story bengali;
    bengali.headline = u8("কলকাতায় পুলিশ প্রশিক্ষণ");
    bengali.datelineCity = QStringLiteral("KOLKATA");
    bengali.datelineCountry = QStringLiteral("INDIA");
    bengali.officeName = QStringLiteral("Kolkata");
    bengali.summary = u8("  পুলিশের জন্য \"প্রশিক্ষণ\"  ");
    bengali.language = QStringLiteral("bn");
    bengali.tags = QStringList{u8("topic/পুলিশ")};
    bengali.body = u8("কলকাতা পুলিশের ত্রিশ জন কর্মকর্তা দুই দিনের প্রশিক্ষণে যোগ দেন।");
    QTest::newRow("Bengali") << bengali;

    Story tamil;
    tamil.headline = u8("சென்னையில் காவல்துறை பயிற்சி");
    tamil.datelineCity = QStringLiteral("CHENNAI");
    tamil.datelineCountry = QStringLiteral("INDIA");
    tamil.officeName = QStringLiteral("Chennai Field Office");
    tamil.byline = u8("தொடர்பு குழு");
    tamil.summary = u8("பயிற்சி\nமூன்று நாட்கள்");
    tamil.language = QStringLiteral("ta");
    tamil.body = u8("சென்னை காவல்துறை அதிகாரிகள் பயிற்சி பெற்றனர்.\n\nPriya\\* பேசினார்.");
    QTest::newRow("Tamil") << tamil;

    Story bare;
    bare.headline = QStringLiteral("\"Quoted\" headline with a # and a: colon");
    bare.datelineCity = QStringLiteral("QUEZON CITY");
    bare.datelineCountry = QStringLiteral("THE PHILIPPINES");
    bare.body = QStringLiteral("- a list\n- of items");
    QTest::newRow("no office despite a dateline") << bare;

    Story noDateline;
    noDateline.headline = QStringLiteral("Kampala Diary");
    noDateline.officeName = QStringLiteral("Kampala");
    noDateline.body = QStringLiteral("KAMPALA, UGANDA – looks like a dateline but is not one.");
    QTest::newRow("text that looks like a dateline") << noDateline;

    Story empty;
    empty.headline = QStringLiteral("Headline only");
    QTest::newRow("headline only") << empty;
}

void TestImport::roundTrip()
{
    QFETCH(Story, story);
    const QString markdown = storyToMarkdown(story);
    QVERIFY(markdown.startsWith(QStringLiteral("---\nheadline: ")));
    const ParseResult r = parseMarkdownStory(markdown, QStringLiteral("show.md"));
    QVERIFY2(r.ok(), qPrintable(r.error + QLatin1Char('\n') + markdown));
    const ParsedStory &p = r.stories.first();
    const Story &back = p.story;
    QCOMPARE(back.headline, story.headline);
    QCOMPARE(back.datelineCity, story.datelineCity);
    QCOMPARE(back.datelineCountry, story.datelineCountry);
    QCOMPARE(back.officeName, story.officeName);
    QCOMPARE(back.byline, story.byline);
    QCOMPARE(back.summary, story.summary);
    QCOMPARE(back.tags, story.tags);
    QCOMPARE(back.language, story.language);
    QCOMPARE(back.embargoAt, story.embargoAt);
    QCOMPARE(back.body, story.body);
    // The state is not part of the import format: an import is always a draft.
    QVERIFY(!p.extra.contains(QStringLiteral("status")));

    // Through the library and back out: the same Markdown (tags in the library's order).
    QTemporaryDir dir;
    QString error;
    const auto db = openLibrary(dir, &error);
    QVERIFY2(db, qPrintable(error));
    const QString path = writeFile(dir, QStringLiteral("story.md"), markdown.toUtf8());
    QVERIFY(!path.isEmpty());
    const Importer::FileResult imported = Importer(*db).importFile(path);
    QVERIFY2(imported.ok(), qPrintable(importErrorText(imported)));
    Result<Story> stored = StoryRepository(*db).get(imported.imported.first().id);
    QVERIFY(stored);
    QStringList storedTags = stored->tags;
    QStringList wantedTags = story.tags;
    storedTags.sort();
    wantedTags.sort();
    QCOMPARE(storedTags, wantedTags);
    stored->tags = story.tags;
    stored->status = story.status;
    QCOMPARE(storyToMarkdown(*stored), markdown);
}

void TestImport::crlfFile()
{
    const QString path = dataPath(QStringLiteral("crlf.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\r\n")); // the fixture really has CRLF
    const ParseResult r = parseFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Story &s = r.stories.first().story;
    QCOMPARE(s.headline, QStringLiteral("Officers Trained in Quezon City"));
    QCOMPARE(s.dateline(), QStringLiteral("QUEZON CITY, THE PHILIPPINES"));
    QCOMPARE(s.body, QStringLiteral("Forty officers\nspent five days in training.\n\n"
                                    "The course ends with an exam."));
}

void TestImport::bomFile()
{
    const QString path = dataPath(QStringLiteral("bom.md"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("\xEF\xBB\xBF---\r\n"));
    const ParseResult r = parseFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Story &s = r.stories.first().story;
    QCOMPARE(s.headline, QStringLiteral("A Story Saved With a BOM"));
    QCOMPARE(s.dateline(), QStringLiteral("KAMPALA, UGANDA"));
    QCOMPARE(s.body, QStringLiteral("The text."));
}

// "Unicode" text as Windows editors save it (UTF-16 with a byte-order mark) reads as UTF-8 does.
void TestImport::utf16File()
{
    const QString path = dataPath(QStringLiteral("utf16.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("\xFF\xFE"));
    const ParseResult r = parseFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.stories.size(), 1);
    QCOMPARE(r.stories.first().story.dateline(), QStringLiteral("GULU, UGANDA"));
}

// Front matter written for other tools: title, author, description and lang are the same fields.
void TestImport::frontMatterAliases()
{
    const ParseResult r = parseMarkdownStory(
        QStringLiteral("---\ntitle: From Another Tool\nauthor: Desk\ndescription: Short.\n"
                       "lang: bn\n---\n\nGULU, UGANDA – Text.\n"),
        QStringLiteral("hugo.md"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Story &s = r.stories.first().story;
    QCOMPARE(s.headline, QStringLiteral("From Another Tool"));
    QCOMPARE(s.byline, QStringLiteral("Desk"));
    QCOMPARE(s.summary, QStringLiteral("Short."));
    QCOMPARE(s.language, QStringLiteral("bn"));
    QVERIFY(r.notes.isEmpty());
    // The same field twice under two names is the same mistake as twice under one.
    const ParseResult twice = parseMarkdownStory(
        QStringLiteral("---\ntitle: A\nheadline: B\n---\n\nText.\n"), QStringLiteral("t.md"));
    QVERIFY(twice.error.contains(QStringLiteral("given twice")));
}

void TestImport::nfc()
{
    QTemporaryDir dir;
    // "é" written as e + combining acute (NFD), as some Mac editors save it.
    const QByteArray nfd =
        "---\nheadline: Cafe\xCC\x81 Owners Join Campaign\n---\nCafe\xCC\x81 text.\n";
    const QString path = writeFile(dir, QStringLiteral("nfd.md"), nfd);
    const ParseResult r = parseFile(path);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.stories.first().story.headline,
             QString::fromUtf8("Caf\xC3\xA9 Owners Join Campaign"));
    QCOMPARE(r.stories.first().story.body, QString::fromUtf8("Caf\xC3\xA9 text."));
}

void TestImport::refusedFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("error");
    QTest::newRow("invalid UTF-8") << QStringLiteral("invalid-utf8.txt")
                                   << QStringLiteral("invalid-utf8.txt:3: is not valid UTF-8 (byte "
                                                     "0xE9 in column 36); save the file as UTF-8");
    QTest::newRow("NUL byte") << QStringLiteral("nul.txt")
                              << QStringLiteral(
                                     "nul.txt:2: contains a NUL byte; this is not a text file");
    QTest::newRow("missing") << QStringLiteral("no-such-story.md")
                             << QStringLiteral("no-such-story.md: no such file");
    QTest::newRow("folder") << QStringLiteral("batch")
                            << QStringLiteral("batch: is a folder, not a story file");
}

void TestImport::refusedFiles()
{
    QFETCH(QString, file);
    QFETCH(QString, error);
    const QString path = dataPath(file);
    const QString prefix = QDir::toNativeSeparators(dataPath(QString()));
    const ParseResult r = parseFile(path);
    QCOMPARE(r.error, prefix + error);
    QVERIFY(r.stories.isEmpty());

    QTemporaryDir dir;
    QString openError;
    const auto db = openLibrary(dir, &openError);
    QVERIFY2(db, qPrintable(openError));
    const Importer::FileResult imported = Importer(*db).importFile(path);
    QCOMPARE(imported.error, prefix + error);
    QCOMPARE(storyCount(*db), 0);
}

void TestImport::batchWithBrokenMiddle()
{
    QTemporaryDir dir;
    QString error;
    const auto db = openLibrary(dir, &error);
    QVERIFY2(db, qPrintable(error));
    QStringList errors;
    const QStringList files = Importer::expandPaths({dataPath(QStringLiteral("batch"))}, &errors);
    QCOMPARE(errors, QStringList());
    QCOMPARE(files, QStringList({dataPath(QStringLiteral("batch/01-gulu.md")),
                                 dataPath(QStringLiteral("batch/02-broken.md")),
                                 dataPath(QStringLiteral("batch/03-quezon.txt"))}));
    Importer importer(*db);
    QVector<Importer::FileResult> results;
    for (const QString &file : files) {
        results.append(importer.importFile(file));
    }
    QVERIFY2(results.at(0).ok(), qPrintable(importErrorText(results.at(0))));
    QCOMPARE(results.at(0).imported.size(), 1);
    QCOMPARE(results.at(1).error, QDir::toNativeSeparators(files.at(1)) +
                                      QStringLiteral(":5: front matter is not closed with ---"));
    QVERIFY(results.at(1).imported.isEmpty());
    QVERIFY2(results.at(2).ok(), qPrintable(importErrorText(results.at(2))));
    QCOMPARE(results.at(2).imported.size(), 2);

    const QVector<StoryRow> rows =
        StoryRepository(*db).list(StoryFilter{}, 0, 100, false).value_or({});
    QStringList headlines;
    for (const StoryRow &row : rows) {
        headlines.append(row.headline);
    }
    headlines.sort();
    QCOMPARE(headlines,
             QStringList({QStringLiteral("Court Clerks Digitise Case Files in Gulu"),
                          QStringLiteral("Police Officers Train on Victim-Centred Interviews"),
                          QStringLiteral("Shelter Opens Counselling Room")}));
    QVERIFY(!OfficeRepository(*db).findByName(QStringLiteral("Kampala"))); // nothing of file 2
    const Result<Story> gulu = StoryRepository(*db).get(results.at(0).imported.first().id);
    QVERIFY(gulu);
    QCOMPARE(gulu->tags,
             QStringList({QStringLiteral("topic/justice-system"), QStringLiteral("type/court")}));
}

void TestImport::failingStoryRollsBackItsFile()
{
    QTemporaryDir dir;
    QString error;
    const auto db = openLibrary(dir, &error);
    QVERIFY2(db, qPrintable(error));
    // The library refuses the second story of the file (as a full disk or a constraint would).
    QSqlQuery q(db->connection());
    QVERIFY(q.exec(QStringLiteral(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON stories WHEN new.headline LIKE '%REFUSED%' "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")));
    const QString path =
        writeFile(dir, QStringLiteral("three.txt"),
                  QStringLiteral("First Story\n\nGULU, UGANDA – One.\n\n"
                                 "Second Story REFUSED\n\nKAMPALA, UGANDA – Two.\n\n"
                                 "Third Story\n\nKOLKATA, INDIA – Three.\n")
                      .toUtf8());
    const Importer::FileResult r = Importer(*db).importFile(path);
    QVERIFY(r.imported.isEmpty());
    const QString why = importErrorText(r);
    QVERIFY2(why.startsWith(QDir::toNativeSeparators(path) +
                            QStringLiteral(":5: not imported (\"Second Story REFUSED\"): ")),
             qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("refused by the test")), qPrintable(why));
    QCOMPARE(storyCount(*db), 0);
    QCOMPARE(OfficeRepository(*db).all()->size(), 0); // the first story's office went too

    // The library is still usable: the next file imports.
    const Importer::FileResult next =
        Importer(*db).importFile(dataPath(QStringLiteral("bengali.txt")));
    QVERIFY2(next.ok(), qPrintable(importErrorText(next)));
    QCOMPARE(storyCount(*db), 1);
}

void TestImport::officesFromDatelines()
{
    QCOMPARE(OfficeRepository::nameFromCity(QStringLiteral("QUEZON CITY")),
             QStringLiteral("Quezon City"));
    QTemporaryDir dir;
    QString error;
    const auto db = openLibrary(dir, &error);
    QVERIFY2(db, qPrintable(error));
    Importer importer(*db);
    QVERIFY(importer.importFile(dataPath(QStringLiteral("multi-story.txt"))).ok());
    QVERIFY(importer.importFile(dataPath(QStringLiteral("front-matter.md"))).ok());
    QStringList names;
    const QVector<Office> offices = *OfficeRepository(*db).all();
    for (const Office &office : offices) {
        names.append(office.name);
    }
    QCOMPARE(names, QStringList({QStringLiteral("Dar Es Salaam"), QStringLiteral("Gulu"),
                                 QStringLiteral("Quezon City")}));
    const std::optional<Office> quezon =
        OfficeRepository(*db).findByName(QStringLiteral("quezon city"));
    QVERIFY(quezon);
    QCOMPARE(quezon->city, QStringLiteral("QUEZON CITY"));
    QCOMPARE(quezon->country, QStringLiteral("THE PHILIPPINES"));
}

void TestImport::expandPaths()
{
    QStringList errors;
    const QString tree = dataPath(QStringLiteral("tree"));
    const QStringList files = Importer::expandPaths({tree, dataPath(QStringLiteral("missing.md")),
                                                     dataPath(QStringLiteral("tree/2-b.txt")),
                                                     dataPath(QStringLiteral("tree/ignored.docx"))},
                                                    &errors);
    QCOMPARE(files,
             QStringList({tree + QStringLiteral("/2-b.txt"), tree + QStringLiteral("/10-c.md"),
                          tree + QStringLiteral("/a/1-a.markdown"),
                          dataPath(QStringLiteral("tree/ignored.docx"))}));
    QCOMPARE(errors, QStringList{QDir::toNativeSeparators(dataPath(QStringLiteral("missing.md"))) +
                                 QStringLiteral(": no such file")});

    QTemporaryDir empty;
    errors.clear();
    QVERIFY(Importer::expandPaths({empty.path()}, &errors).isEmpty());
    QCOMPARE(errors.size(), 1);
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
