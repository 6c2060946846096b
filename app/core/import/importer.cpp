#include "import/importer.h"

#include "import/importparser.h"
#include "library/database.h"
#include "stories/storywriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>

#include <algorithm>

namespace fo {

namespace {

/// Compares paths case-insensitively, with runs of digits compared as numbers.
bool naturalLess(const QString &a, const QString &b)
{
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
        if (a.at(i).isDigit() && b.at(j).isDigit()) {
            int ei = i;
            int ej = j;
            while (ei < a.size() && a.at(ei).isDigit()) {
                ++ei;
            }
            while (ej < b.size() && b.at(ej).isDigit()) {
                ++ej;
            }
            // Numbers of any length: without leading zeros, the shorter is smaller.
            while (i < ei - 1 && a.at(i) == QLatin1Char('0')) {
                ++i;
            }
            while (j < ej - 1 && b.at(j) == QLatin1Char('0')) {
                ++j;
            }
            const QStringView na = QStringView(a).mid(i, ei - i);
            const QStringView nb = QStringView(b).mid(j, ej - j);
            if (na.size() != nb.size()) {
                return na.size() < nb.size();
            }
            if (na != nb) {
                return na < nb;
            }
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a.at(i).toCaseFolded();
        const QChar cb = b.at(j).toCaseFolded();
        if (ca != cb) {
            return ca < cb;
        }
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j)) {
        return (a.size() - i) < (b.size() - j);
    }
    return a < b; // same but for case or zeros: keep a stable order
}

bool isStoryFile(const QFileInfo &info)
{
    // A folder of stories often carries a README about them; it is not a story.
    if (info.completeBaseName().compare(QLatin1String("README"), Qt::CaseInsensitive) == 0) {
        return false;
    }
    const QString suffix = info.suffix().toLower();
    return suffix == QLatin1String("md") || suffix == QLatin1String("markdown") ||
           suffix == QLatin1String("txt");
}

} // namespace

Importer::FileResult Importer::importFile(const QString &path)
{
    FileResult result;
    result.path = path;
    const ParseResult parsed = parseFile(path);
    result.notes = parsed.notes;
    if (!parsed.ok()) {
        result.error = parsed.error;
        return result;
    }
    if (mDb.isReadOnly()) {
        result.refused = Refused::ReadOnly;
        return result;
    }
    Transaction transaction(mDb.connection());
    if (const Status begun = transaction.begun(); !begun) {
        result.refused = Refused::Begin;
        result.why = begun.refusal();
        return result;
    }
    StoryWriter writer(mDb);
    ChangeContext context;
    context.actor = mActor;
    context.change = ChangeKind::Imported;
    QVector<Story> created;
    for (const ParsedStory &p : parsed.stories) {
        Story story = p.story;
        story.id = 0;
        story.status = StoryStatus::Draft; // a front-matter "status:" is for the demo loader only
        if (const Status written = writer.create(story, context); !written) {
            // The transaction rolls back: nothing of this file stays.
            result.refused = Refused::Story;
            result.why = written.refusal();
            result.line = p.line;
            result.headline = story.headline;
            return result;
        }
        created.append(story);
    }
    if (const Status done = transaction.finish(); !done) {
        result.refused = Refused::Commit;
        result.why = done.refusal();
        return result;
    }
    result.imported = created;
    return result;
}

QStringList Importer::expandPaths(const QStringList &paths, QStringList *errors)
{
    QStringList files;
    QSet<QString> seen;
    const auto add = [&](const QString &file) {
        const QString key = QFileInfo(file).canonicalFilePath();
        if (!seen.contains(key)) {
            seen.insert(key);
            files.append(file);
        }
    };
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (errors) {
                errors->append(
                    QStringLiteral("%1: no such file").arg(QDir::toNativeSeparators(path)));
            }
            continue;
        }
        if (!info.isDir()) {
            add(path);
            continue;
        }
        QStringList found;
        QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (isStoryFile(it.fileInfo())) {
                found.append(file);
            }
        }
        if (found.isEmpty() && errors) {
            errors->append(QStringLiteral("%1: no .md, .markdown or .txt files in this folder")
                               .arg(QDir::toNativeSeparators(path)));
        }
        std::sort(found.begin(), found.end(), naturalLess);
        for (const QString &file : std::as_const(found)) {
            add(file);
        }
    }
    return files;
}

} // namespace fo
