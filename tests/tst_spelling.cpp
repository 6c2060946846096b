// Spelling without a window: which words are checked, the system's Hunspell dictionaries by
// story language (English, French, Bengali; Tamil has none), a dictionary in a legacy
// encoding, and the library's own dictionary shared through the library file.

#include "library/database.h"
#include "libraryopentesting.h"
#include "messages/refusaltext.h"
#include "spelling/librarydictionary.h"
#include "spelling/spelldictionary.h"
#include "spelling/spellwords.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fo;

class TestSpelling : public QObject
{
    Q_OBJECT

private slots:
    void words_data();
    void words();
    void englishFlagsAMisspeltWord();
    void frenchWithAccents();
    void legacyEncodedDictionary();
    void bengaliWordIsCheckedWhole();
    void tamilHasNoDictionary();
    void libraryWordIsSharedByTheLibrary();
    void libraryRefusesWhatIsNotAWord();

private:
    /// The dictionary for `language`, or QSKIP when the system has none installed.
    static std::unique_ptr<SpellDictionary>
    system(const QString &language, const QString &variant = QStringLiteral("en_US"));
};

std::unique_ptr<SpellDictionary> TestSpelling::system(const QString &language,
                                                      const QString &variant)
{
    auto opened = SpellDictionary::open(language, variant);
    if (!opened) {
        return nullptr;
    }
    return std::move(*opened);
}

#define OPEN_OR_SKIP(var, language, package)                                                       \
    auto var = system(QStringLiteral(language));                                                   \
    if (!var) {                                                                                    \
        QSKIP("no " language " Hunspell dictionary installed (Debian package " package             \
              "; packaging/install-deps.sh installs it)");                                         \
    }

void TestSpelling::words_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    const auto l = [](std::initializer_list<const char *> words) {
        QStringList out;
        for (const char *w : words) {
            out << QString::fromUtf8(w);
        }
        return out;
    };
    QTest::newRow("pseudonym") << QStringLiteral("Sarika* said") << l({"Sarika", "said"});
    QTest::newRow("capitals") << QStringLiteral("KAMPALA, UGANDA — the NGO met")
                              << l({"the", "met"});
    QTest::newRow("addresses") << QStringLiteral("see https://example.org/a-b and www.x.org now")
                               << l({"see", "and", "now"});
    QTest::newRow("e-mail") << QStringLiteral("write to press@example.org today")
                            << l({"write", "to", "today"});
    QTest::newRow("digits") << QStringLiteral("COVID-19 cases in 2024 rose 3rd time")
                            << l({"cases", "in", "rose", "time"});
    QTest::newRow("markdown") << QStringLiteral("## **Bold** and _it_ [link](https://a.org)")
                              << l({"Bold", "and", "it"});
    QTest::newRow("apostrophes") << QString::fromUtf8("don’t l'homme families' rights")
                                 << l({"don't", "l'homme", "families", "rights"});
    QTest::newRow("hyphen") << QStringLiteral("well-known") << l({"well", "known"});
    QTest::newRow("bengali") << QString::fromUtf8("মানুষ। কৃষ্ণ ১২টি") << l({"মানুষ", "কৃষ্ণ"});
}

void TestSpelling::words()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const SpellWord &w : spellWords(text)) {
        got << w.word;
        // Where it is: the word itself, but for a typographic apostrophe.
        QCOMPARE(text.mid(w.start, w.length).replace(QChar(0x2019), u'\''), w.word);
    }
    QCOMPARE(got, expected);
}

void TestSpelling::englishFlagsAMisspeltWord()
{
    OPEN_OR_SKIP(dictionary, "en", "hunspell-en-us");
    QVERIFY(dictionary->isCorrect(QStringLiteral("families")));
    QVERIFY(dictionary->isCorrect(QStringLiteral("Families")));
    QVERIFY(dictionary->isCorrect(QStringLiteral("don't")));
    QVERIFY(!dictionary->isCorrect(QStringLiteral("familes")));
    QVERIFY(
        dictionary->suggestions(QStringLiteral("familes")).contains(QStringLiteral("families")));
    // British and American English are both there; each is what its people write.
    auto gb = SpellDictionary::open(QStringLiteral("en"), QStringLiteral("en_GB"));
    if (gb && (*gb)->name() == QLatin1String("en_GB")) {
        QVERIFY((*gb)->isCorrect(QStringLiteral("organisation")));
        QVERIFY(!dictionary->isCorrect(QStringLiteral("organisation")));
    }
}

void TestSpelling::frenchWithAccents()
{
    OPEN_OR_SKIP(dictionary, "fr", "hunspell-fr");
    QVERIFY(dictionary->isCorrect(QString::fromUtf8("été")));
    QVERIFY(dictionary->isCorrect(QString::fromUtf8("informées")));
    QVERIFY(dictionary->isCorrect(QString::fromUtf8("garçon")));
    QVERIFY(!dictionary->isCorrect(QString::fromUtf8("gouvernemnt")));
    QVERIFY(dictionary->suggestions(QString::fromUtf8("fenetre"))
                .contains(QString::fromUtf8("fenêtre")));
}

void TestSpelling::legacyEncodedDictionary()
{
    // Words go to Hunspell in the dictionary's own encoding and come back from it.
    auto opened = SpellDictionary::open(QStringLiteral("fr"), QString(),
                                        {QStringLiteral(FO_TEST_DATA "/spelling")});
    QVERIFY(opened);
    SpellDictionary &d = **opened;
    QCOMPARE(d.encoding(), QStringLiteral("ISO8859-1"));
    QVERIFY(d.isCorrect(QString::fromUtf8("été")));
    QVERIFY(d.isCorrect(QString::fromUtf8("élève")));
    QVERIFY(!d.isCorrect(QStringLiteral("ete")));
    // A letter that ISO 8859-1 cannot hold is in none of its words.
    QVERIFY(!d.isCorrect(QString::fromUtf8("été€")));
    QVERIFY(d.suggestions(QStringLiteral("cafe")).contains(QString::fromUtf8("café")));
    QVERIFY(d.suggestions(QStringLiteral("garcon")).contains(QString::fromUtf8("garçon")));
}

void TestSpelling::bengaliWordIsCheckedWhole()
{
    OPEN_OR_SKIP(dictionary, "bn", "hunspell-bn");
    const QString text = QString::fromUtf8("মানুষ বাংলাদেশ");
    const QVector<SpellWord> words = spellWords(text);
    QCOMPARE(words.size(), 2);
    for (const SpellWord &w : words) {
        QVERIFY2(dictionary->isCorrect(w.word), qPrintable(w.word));
    }
    // Cut at its vowel sign, as a tokenizer that splits there would, it is not a word.
    QVERIFY(!dictionary->isCorrect(QString::fromUtf8("মানষ")));
    // য় typed as য and a nukta (Unicode's normal form), listed as one letter.
    const QString niye = QStringLiteral("\u09A8\u09BF\u09AF\u09BC\u09C7");
    QVERIFY(dictionary->isCorrect(niye));
    // Listed words with their endings: the city's, to the people.
    QVERIFY(dictionary->isCorrect(QString::fromUtf8("শহরের")));
    QVERIFY(dictionary->isCorrect(QString::fromUtf8("মানুষদের")));
    QVERIFY(!dictionary->isCorrect(QString::fromUtf8("শহরররের")));
}

void TestSpelling::tamilHasNoDictionary()
{
    const auto opened = SpellDictionary::open(QStringLiteral("ta"));
    QVERIFY(!opened);
    QCOMPARE(opened.refusal().kind, RefusalKind::NoSpellingDictionary);
    QCOMPARE(refusalText(opened.refusal()),
             QStringLiteral("no Tamil spelling dictionary is available on this computer; "
                            "spelling is not checked"));
}

void TestSpelling::libraryWordIsSharedByTheLibrary()
{
    OPEN_OR_SKIP(dictionary, "en", "hunspell-en-us");
    QVERIFY(!dictionary->isCorrect(QStringLiteral("Sarika")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dictionary.fieldoffice"));
    QString error;
    {
        auto db = fo::testing::openLibrary(path, Database::OpenMode::CreateIfMissing, &error);
        QVERIFY2(db, qPrintable(error));
        const Status added = LibraryDictionary(*db).add(
            QStringLiteral("Sarika"), QStringLiteral("en"), QStringLiteral("Amina Diallo"));
        QVERIFY2(added, qPrintable(refusalText(added.refusal())));
        // Twice is the same as once.
        QVERIFY(LibraryDictionary(*db).add(QStringLiteral("Sarika"), QStringLiteral("en"),
                                           QStringLiteral("Someone Else")));
    }
    // Another program opening the library gets the word; another language does not.
    auto other = fo::testing::openLibrary(path, Database::OpenMode::MustExist, &error);
    QVERIFY2(other, qPrintable(error));
    const Result<QStringList> words = LibraryDictionary(*other).words(QStringLiteral("en"));
    QVERIFY(words);
    QCOMPARE(*words, QStringList{QStringLiteral("Sarika")});
    QVERIFY(LibraryDictionary(*other).words(QStringLiteral("fr"))->isEmpty());
    for (const QString &word : *words) {
        dictionary->addWord(word);
    }
    QVERIFY(dictionary->isCorrect(QStringLiteral("Sarika")));
    QVERIFY(!dictionary->isCorrect(QStringLiteral("sarika")));
}

void TestSpelling::libraryRefusesWhatIsNotAWord()
{
    QTemporaryDir dir;
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("d.fieldoffice")),
                                       Database::OpenMode::CreateIfMissing, &error);
    QVERIFY2(db, qPrintable(error));
    const Status refused =
        LibraryDictionary(*db).add(QStringLiteral("two words"), QStringLiteral("en"), QString());
    QVERIFY(!refused);
    QCOMPARE(refused.refusal().kind, RefusalKind::NotAWord);
    QVERIFY(!LibraryDictionary(*db).add(QStringLiteral("  "), QStringLiteral("en"), QString()));
    QVERIFY(LibraryDictionary(*db).words(QStringLiteral("en"))->isEmpty());
}

QTEST_GUILESS_MAIN(TestSpelling)
#include "tst_spelling.moc"
