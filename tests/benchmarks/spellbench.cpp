#include "spellbench.h"

#include "../libraryopentesting.h"
#include "../refusaltesting.h"
#include "common/session.h"
#include "editor/bodyeditor.h"
#include "editor/spellcheck.h"
#include "editor/spellchecker.h"
#include "editor/storyeditor.h"
#include "library/database.h"
#include "spelling/spelldictionary.h"
#include "spelling/spellwords.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>

namespace fo::bench {

namespace {

/// About 5,000 words: the paragraphs of the library's longest story, repeated, in English.
Story englishStory(Database &source)
{
    QSqlQuery q(source.connection());
    Story story;
    if (q.exec(QStringLiteral("SELECT id FROM stories ORDER BY length(body) DESC LIMIT 1")) &&
        q.next()) {
        story = StoryRepository(source).get(q.value(0).toLongLong()).value_or(Story());
    }
    const QStringList paragraphs = story.body.split(QStringLiteral("\n\n"));
    QString body;
    for (int i = 0, n = 0; n < 5000 && !paragraphs.isEmpty(); ++i) {
        const QString &p = paragraphs.at(i % paragraphs.size());
        body += p + QStringLiteral("\n\n");
        n += int(p.count(QLatin1Char(' ')) + 1);
    }
    story.body = body.trimmed() + QLatin1Char('\n');
    story.language = QStringLiteral("en");
    story.id = 0;
    story.uuid.clear();
    story.officeId = 0;
    return story;
}

/// Types 200 characters at the end of the text, one key event at a time, and what the event
/// loop does right after each; the p99 goes in the p95 column.
Sample typeKeys(BodyEditor *body)
{
    body->setFocus();
    QTextCursor cursor = body->textCursor();
    cursor.movePosition(QTextCursor::End);
    body->setTextCursor(cursor);
    QVector<double> times;
    const QString text = QStringLiteral("The oficers met the familes again on Tuesday. ");
    for (int i = 0; i < 200; ++i) {
        const QChar c = text.at(i % text.size());
        QElapsedTimer t;
        t.start();
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(body, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(body, &release);
        QApplication::processEvents();
        times << t.nsecsElapsed() / 1e6;
    }
    Sample s = summarise(times);
    s.p95 = s.p99;
    return s;
}

void measureChecking(const Story &story, QVector<Measure> &out)
{
    auto opened = SpellDictionary::open(QStringLiteral("en"), QStringLiteral("en_GB"));
    if (!opened) {
        qWarning("no English spelling dictionary: spelling not measured");
        return;
    }
    SpellDictionary &dictionary = **opened;
    QTextDocument doc;
    doc.setMarkdown(story.body);
    const QString text = doc.toPlainText();
    int words = 0;
    int misspelt = 0;
    {
        Measure m;
        m.name = QStringLiteral("spelling: check the whole 5,000-word story once");
        m.ours = measure(5, [&] {
            const QVector<SpellWord> found = spellWords(text);
            words = int(found.size());
            misspelt = 0;
            for (const SpellWord &w : found) {
                misspelt += dictionary.isCorrect(w.word) ? 0 : 1;
            }
        });
        m.note = QStringLiteral("%1 words through Hunspell (%2 misspelt), on the spelling "
                                "thread, not the keystroke's")
                     .arg(words)
                     .arg(misspelt);
        out << m;
    }
    {
        // What a keystroke adds on the GUI thread: its paragraph split into words, each looked
        // up in the cache of answers (the longest paragraph of the story).
        QString paragraph;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            if (b.text().size() > paragraph.size()) {
                paragraph = b.text();
            }
        }
        QHash<QString, bool> cache;
        for (const SpellWord &w : spellWords(text)) {
            cache.insert(w.word, true);
        }
        int found = 0;
        Measure m;
        m.name = QStringLiteral("spelling: a keystroke's share (its paragraph)");
        m.ours = measure(200, [&] {
            for (const SpellWord &w : spellWords(paragraph)) {
                found += cache.contains(w.word) ? 1 : 0;
            }
        });
        m.target = 4;
        m.note = QStringLiteral("%1 words split and looked up in the cache of answers")
                     .arg(spellWords(paragraph).size());
        out << m;
    }
    {
        Measure m;
        m.name = QStringLiteral("spelling: corrections for one word (right-click)");
        m.ours = measure(5, [&] { dictionary.suggestions(QStringLiteral("familes")); });
        m.note = QStringLiteral("Hunspell's suggest, which the context menu waits for");
        out << m;
    }
    {
        Measure m;
        m.name = QStringLiteral("spelling: load the English dictionary");
        m.ours = measure(3, [&] { SpellDictionary::open(QStringLiteral("en")); });
        m.note = QStringLiteral("on the spelling thread when a story's language is new");
        out << m;
    }
}

} // namespace

void measureSpelling(Database &source, QVector<Measure> &out)
{
    const Story story = englishStory(source);
    if (story.body.size() < 100) {
        return;
    }
    measureChecking(story, out);
    for (const bool on : {false, true}) {
        QTemporaryDir dir;
        QString error;
        auto db = fo::testing::openLibrary(dir.filePath(QStringLiteral("spelling.fieldoffice")),
                                           Database::OpenMode::CreateIfMissing, &error);
        Story big = story;
        if (!db || !fo::testing::said(StoryWriter(*db).create(big), &error)) {
            return;
        }
        Session session(*db);
        StoryEditor editor(session);
        editor.setSpellCheckEnabled(on);
        editor.resize(1400, 900);
        editor.show();
        QApplication::processEvents();
        QElapsedTimer ready;
        ready.start();
        editor.openStory(big.id, &error);
        // The event loop's turns while every word of the story is checked and its underline
        // drawn, and for a second at least (spelling off: the same second, for comparison).
        SpellCheck *spell = editor.spellCheck();
        const qint64 opened = ready.elapsed();
        qint64 drawn = -1;
        QVector<double> turns; // each turn of the event loop: what a keystroke would wait for
        while (ready.elapsed() < 20000) {
            if (drawn < 0 && !(on && spell->isBusy())) {
                drawn = ready.elapsed();
            }
            if (drawn >= 0 && ready.elapsed() > 1000) {
                break;
            }
            QElapsedTimer turn;
            turn.start();
            QApplication::processEvents(QEventLoop::AllEvents, 5);
            turns << turn.nsecsElapsed() / 1e6;
        }
        const QString state = on ? QStringLiteral("on") : QStringLiteral("off");
        if (on) {
            Measure m;
            m.name = QStringLiteral("open the 5,000-word story → every misspelling drawn");
            m.ours.median = m.ours.p95 = m.ours.p99 = m.ours.max = double(drawn);
            m.ours.runs = 1;
            m.note = QStringLiteral("the dictionary loaded, every word checked on the spelling "
                                    "thread, underlines drawn in slices of 3 ms");
            out << m;
        }
        Measure wait;
        wait.name = QStringLiteral("longest event-loop turn after opening, spelling ") + state;
        wait.ours = summarise(turns);
        wait.ours.p95 = wait.ours.max; // the longest turn is the one that matters
        wait.note = QStringLiteral("%1 turns in the first %2 ms after openStory() (%3 ms); the "
                                   "longest in the p95 column: what a keystroke waits for")
                        .arg(turns.size())
                        .arg(ready.elapsed())
                        .arg(opened);
        out << wait;
        Measure m;
        m.name = on ? QStringLiteral("keystroke in the 5,000-word story, spelling on")
                    : QStringLiteral("keystroke in the 5,000-word story, spelling off");
        m.target = 4;
        m.ours = typeKeys(editor.bodyEditor());
        m.note = QStringLiteral("p99 of 200 characters (in the p95 column)");
        out << m;
    }
}

} // namespace fo::bench
