#include "domain/wordcount.h"

#include <QtTest>

using namespace fo;

/// Word count and reading time, as the editor's status bar shows them, in every script the
/// offices write in.
class TestWordCount : public QObject
{
    Q_OBJECT

private slots:
    void countWords_data();
    void countWords();
    void readingMinutes();
};

void TestWordCount::countWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("words");
    QTest::newRow("english") << QStringLiteral("Court clerks digitise 40,000 case files.") << 6;
    QTest::newRow("punctuation") << QStringLiteral("Amina*, 16, said: “yes.” — twice") << 5;
    QTest::newRow("contraction") << QStringLiteral("It doesn't end here") << 4;
    // Vowel signs and the virama stay inside their words.
    QTest::newRow("bengali") << QStringLiteral("কলকাতায় সচেতনতা মেলা") << 3;
    QTest::newRow("tamil") << QStringLiteral("சென்னை செங்கல் சூளை ஆய்வு") << 4;
    QTest::newRow("mixed") << QStringLiteral("KOLKATA, INDIA – কলকাতা and சென்னை") << 5;
    QTest::newRow("lines") << QStringLiteral("one\ntwo\u2028three") << 3;
    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("only marks") << QStringLiteral(" — * ") << 0;
}

void TestWordCount::countWords()
{
    QFETCH(QString, text);
    QFETCH(int, words);
    QCOMPARE(fo::countWords(text), words);
}

void TestWordCount::readingMinutes()
{
    QCOMPARE(fo::readingMinutes(0), 0);
    QCOMPARE(fo::readingMinutes(1), 1);
    QCOMPARE(fo::readingMinutes(200), 1);
    QCOMPARE(fo::readingMinutes(201), 2);
    QCOMPARE(fo::readingMinutes(1000), 5);
}

QTEST_MAIN(TestWordCount)
#include "tst_wordcount.moc"
