#include "generator.h"

#include "../libraryopentesting.h"
#include "library/database.h"
#include "wordlist.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fo::bench {

namespace {

/// Made-up words for the long tail of the vocabulary: the rare words of a real archive.
QStringList syntheticWords(int count)
{
    static const char *const syllables[] = {"ka", "lu", "mbo", "te", "sa", "ri", "no", "go",
                                            "ba", "ye", "wi",  "da", "ko", "na", "pe", "ru",
                                            "si", "to", "ma",  "li", "zu", "he", "fa", "jo"};
    constexpr int n = int(sizeof(syllables) / sizeof(*syllables));
    QRandomGenerator rng(7);
    QStringList words;
    QSet<QString> seen;
    while (words.size() < count) {
        QString w;
        const int parts = 2 + int(rng.bounded(3));
        for (int i = 0; i < parts; ++i) {
            w += QLatin1String(syllables[rng.bounded(n)]);
        }
        if (!seen.contains(w)) {
            seen.insert(w);
            words << w;
        }
    }
    return words;
}

/// Draws ranks with probability proportional to 1/rank^s (Zipf).
class ZipfSampler
{
public:
    ZipfSampler(int size, double s)
    {
        mCdf.resize(size);
        double sum = 0;
        for (int r = 0; r < size; ++r) {
            sum += 1.0 / std::pow(r + 1.0, s);
            mCdf[r] = sum;
        }
        for (double &c : mCdf) {
            c /= sum;
        }
    }
    int draw(QRandomGenerator &rng) const
    {
        const double u = rng.generateDouble();
        return int(std::lower_bound(mCdf.begin(), mCdf.end(), u) - mCdf.begin());
    }

private:
    std::vector<double> mCdf;
};

struct Generator
{
    QRandomGenerator rng;
    const QStringList &words = vocabulary();
    ZipfSampler zipf{int(vocabulary().size()), 1.05};
    QStringList bengali = bengaliWords();
    QStringList tamil = tamilWords();

    QString sentence(int minWords, int maxWords, bool capitalise = true)
    {
        const int n = minWords + int(rng.bounded(maxWords - minWords + 1));
        QString s;
        for (int i = 0; i < n; ++i) {
            QString w = words.at(zipf.draw(rng));
            if (i == 0 && capitalise) {
                w[0] = w.at(0).toUpper();
            }
            if (i) {
                s += QLatin1Char(' ');
            }
            s += w;
        }
        return s;
    }

    QString passage(const QStringList &list, int n)
    {
        QString s;
        for (int i = 0; i < n; ++i) {
            s += (i ? QStringLiteral(" ") : QString()) + list.at(int(rng.bounded(list.size())));
        }
        return s + QChar(0x0964);
    }

    QString body(int targetWords, int script)
    {
        QString out;
        int written = 0;
        while (written < targetWords) {
            QString paragraph;
            const int sentences = 2 + int(rng.bounded(4));
            for (int i = 0; i < sentences && written < targetWords; ++i) {
                const QString s = sentence(8, 24);
                written += s.count(QLatin1Char(' ')) + 1;
                paragraph +=
                    (paragraph.isEmpty() ? QString() : QStringLiteral(" ")) + s + QLatin1Char('.');
            }
            out += paragraph + QStringLiteral("\n\n");
            if (script && written > targetWords / 2 && !out.contains(QLatin1Char('>'))) {
                out += QStringLiteral("> ") +
                       passage(script == 1 ? bengali : tamil, 10 + int(rng.bounded(20))) +
                       QStringLiteral("\n\n");
            }
        }
        out.chop(1);
        return out;
    }
};

const char *statusFor(double u)
{
    // A real archive: mostly released and archived, a working set of drafts and reviews.
    if (u < 0.55)
        return "released";
    if (u < 0.75)
        return "archived";
    if (u < 0.83)
        return "approved";
    if (u < 0.88)
        return "in-review";
    if (u < 0.98)
        return "draft";
    return "changes-requested";
}

bool exec(QSqlQuery &q, const QString &sql, QString *error)
{
    if (!q.exec(sql)) {
        *error = q.lastError().text() + QStringLiteral(" in ") + sql;
        return false;
    }
    return true;
}

} // namespace

const QStringList &vocabulary()
{
    static const QStringList words = englishWords() + syntheticWords(40000);
    return words;
}

bool generateLibrary(const GenerateOptions &options, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    auto db = fo::testing::openLibrary(options.library, Database::OpenMode::CreateNew, error);
    if (!db) {
        return false;
    }
    QSqlDatabase conn = db->connection();
    QSqlQuery q(conn);
    // Bulk load: no per-row index maintenance. The triggers are put back as they were and the
    // full-text index is built once at the end.
    QStringList triggers;
    if (!exec(q,
              QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND "
                             "(name LIKE 'stories_fts_%' OR name LIKE 'story_tags_%')"),
              error)) {
        return false;
    }
    QStringList triggerNames;
    while (q.next()) {
        triggers << q.value(0).toString();
    }
    exec(q, QStringLiteral("PRAGMA synchronous = OFF"), error);
    conn.transaction();
    if (!exec(q,
              QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND "
                             "(name LIKE 'stories_fts_%' OR name LIKE 'story_tags_%')"),
              error)) {
        return false;
    }
    while (q.next()) {
        triggerNames << q.value(0).toString();
    }
    for (const QString &t : triggerNames) {
        exec(q, QStringLiteral("DROP TRIGGER ") + t, error);
    }

    Generator g{QRandomGenerator(options.seed)};
    const QStringList places = placeNames();
    QVector<qint64> officeIds;
    QVector<QString> cities, countries;
    QSqlQuery office(conn);
    office.prepare(QStringLiteral("INSERT INTO offices (name, city, country) VALUES (?, ?, ?)"));
    for (const QString &p : places) {
        const QString city = p.section(QLatin1Char('|'), 0, 0);
        const QString country = p.section(QLatin1Char('|'), 1, 1);
        office.addBindValue(city);
        office.addBindValue(city.toUpper());
        office.addBindValue(country);
        if (!office.exec()) {
            *error = office.lastError().text();
            return false;
        }
        officeIds << office.lastInsertId().toLongLong();
        cities << city.toUpper();
        countries << country;
    }
    // 200 tags: one per office, and topics and types made of newsroom words.
    QSqlQuery tag(conn);
    tag.prepare(QStringLiteral("INSERT INTO tags (category, name) VALUES (?, ?)"));
    QVector<qint64> tagIds;
    QStringList tagText;
    const QStringList &words = vocabulary();
    for (int i = 0; i < 200; ++i) {
        QString category, name;
        if (i < places.size()) {
            category = QStringLiteral("office");
            name = places.at(i)
                       .section(QLatin1Char('|'), 0, 0)
                       .toLower()
                       .replace(QLatin1Char(' '), QLatin1Char('-'));
        } else {
            category = i % 2 ? QStringLiteral("topic") : QStringLiteral("type");
            name = words.at(40 + i) + QLatin1Char('-') + words.at(300 + i);
        }
        tag.addBindValue(category);
        tag.addBindValue(name);
        if (!tag.exec()) {
            *error = tag.lastError().text();
            return false;
        }
        tagIds << tag.lastInsertId().toLongLong();
        tagText << category + QLatin1Char(' ') + name;
    }
    ZipfSampler tagZipf(200 - places.size(), 0.9);

    QSqlQuery story(conn);
    story.prepare(QStringLiteral(
        "INSERT INTO stories (id, uuid, headline, dateline_city, dateline_country, office_id, "
        "byline, summary, body, language, status, created_at, updated_at, tag_text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery link(conn);
    link.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO story_tags (story_id, tag_id, updated_at) VALUES (?, ?, ?)"));
    const qint64 start = QDateTime(QDate(2016, 1, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 span = qint64(10) * 365 * 24 * 3600 * 1000;
    for (int i = 1; i <= options.stories; ++i) {
        const int o = int(g.rng.bounded(officeIds.size()));
        const double scriptDraw = g.rng.generateDouble();
        const int script = scriptDraw < 0.025 ? 1 : scriptDraw < 0.05 ? 2 : 0;
        const int targetWords = 150 + int(g.rng.bounded(651));
        const qint64 created = start + span * i / options.stories;
        const qint64 updated = created + qint64(g.rng.bounded(30 * 24 * 3600)) * 1000;
        QVector<int> chosen{o};
        const int extra = int(g.rng.bounded(6));
        for (int t = 0; t < extra; ++t) {
            const int pick = places.size() + tagZipf.draw(g.rng);
            if (!chosen.contains(pick)) {
                chosen << pick;
            }
        }
        QStringList storyTags;
        for (const int t : chosen) {
            storyTags << tagText.at(t);
        }
        story.addBindValue(i);
        // Derived from the seed, so the same seed gives the same library, byte for byte.
        const QUuid uuid(g.rng.generate(), quint16(g.rng.generate()),
                         quint16(0x4000 | (g.rng.generate() & 0x0fff)),
                         uchar(0x80 | (g.rng.generate() & 0x3f)), uchar(g.rng.generate()),
                         uchar(g.rng.generate()), uchar(g.rng.generate()), uchar(g.rng.generate()),
                         uchar(g.rng.generate()), uchar(g.rng.generate()), uchar(g.rng.generate()));
        story.addBindValue(uuid.toString(QUuid::WithoutBraces));
        story.addBindValue(g.sentence(6, 11));
        story.addBindValue(cities.at(o));
        story.addBindValue(countries.at(o));
        story.addBindValue(officeIds.at(o));
        story.addBindValue(QStringLiteral("Field Office Communications"));
        story.addBindValue(g.sentence(14, 26) + QLatin1Char('.'));
        story.addBindValue(g.body(targetWords, script));
        story.addBindValue(QStringLiteral("en"));
        story.addBindValue(QString::fromLatin1(statusFor(g.rng.generateDouble())));
        story.addBindValue(created);
        story.addBindValue(updated);
        story.addBindValue(storyTags.join(QLatin1Char(' ')));
        if (!story.exec()) {
            *error = story.lastError().text();
            return false;
        }
        for (const int t : chosen) {
            link.addBindValue(i);
            link.addBindValue(tagIds.at(t));
            link.addBindValue(updated);
            if (!link.exec()) {
                *error = link.lastError().text();
                return false;
            }
        }
        if (i % 10000 == 0) {
            conn.commit();
            conn.transaction();
            std::fprintf(stderr, "\r%d stories, %.1f s", i, timer.elapsed() / 1000.0);
        }
    }
    std::fprintf(stderr, "\nbuilding the full-text index…\n");
    if (!exec(q, QStringLiteral("INSERT INTO stories_fts(stories_fts) VALUES ('rebuild')"),
              error)) {
        return false;
    }
    for (const QString &t : triggers) {
        if (!exec(q, t, error)) {
            return false;
        }
    }
    if (!conn.commit()) {
        *error = conn.lastError().text();
        return false;
    }
    exec(q, QStringLiteral("INSERT INTO stories_fts(stories_fts) VALUES ('optimize')"), error);
    exec(q, QStringLiteral("ANALYZE"), error);
    exec(q, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), error);
    std::fprintf(stderr, "generated %d stories in %.1f s\n", options.stories,
                 timer.elapsed() / 1000.0);
    return true;
}

} // namespace fo::bench
