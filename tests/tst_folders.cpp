// The code's folders and which may include which (README › Code map). Reads every #include of
// the program's sources, resolves it to the folder that holds the file, and fails on an include
// of a folder above the includer or beside it in the same layer, and on a file included by its
// bare name from another folder. The graph it finds is printed, folder by folder.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// Lowest first. A folder may include its own files and those of folders in LOWER layers only;
// folders of one layer are independent of each other.
const QVector<QStringList> kLayers = {
    {QStringLiteral("core/base")},
    {QStringLiteral("core/domain")},
    {QStringLiteral("core/markdown")},
    {QStringLiteral("core/library")},
    {QStringLiteral("core/people"), QStringLiteral("core/comments"),
     QStringLiteral("core/spelling"), QStringLiteral("core/team")},
    {QStringLiteral("core/history")},
    {QStringLiteral("core/search"), QStringLiteral("core/workflow")},
    {QStringLiteral("core/stories")},
    {QStringLiteral("core/import"), QStringLiteral("core/export"), QStringLiteral("core/backup"),
     QStringLiteral("core/sync")},
    {QStringLiteral("core/demo")},
    {QStringLiteral("messages")},
    {QStringLiteral("cli"), QStringLiteral("ui/common"), QStringLiteral("pdf")},
    {QStringLiteral("ui/safety")},
    {QStringLiteral("ui/editor"), QStringLiteral("ui/review"), QStringLiteral("ui/output"),
     QStringLiteral("ui/browser")},
    {QStringLiteral("ui/window")},
    {QStringLiteral("main")},
};

// Where quoted includes are looked up, after the includer's own folder (CMake include dirs).
const QStringList kRoots = {QStringLiteral("app/core"), QStringLiteral("app/messages"),
                            QStringLiteral("ui"), QStringLiteral("app/cli"), QStringLiteral("app")};

QString source(const QString &relative)
{
    return QStringLiteral(FO_SOURCE_DIR "/") + relative;
}

// "app/core/library/database.cpp" → "core/library"; "ui/editor/x.h" → "ui/editor".
QString folderOf(const QString &relativeFile)
{
    const QString dir = QFileInfo(relativeFile).path();
    if (dir.startsWith(QLatin1String("app/core/"))) {
        return QStringLiteral("core/") + dir.mid(9);
    }
    if (dir == QLatin1String("app")) {
        return QStringLiteral("main");
    }
    if (dir.startsWith(QLatin1String("app/"))) {
        return dir.mid(4).section(QLatin1Char('/'), 0, 0);
    }
    return dir; // ui/<folder>
}

int layerOf(const QString &folder)
{
    for (int i = 0; i < kLayers.size(); ++i) {
        if (kLayers.at(i).contains(folder)) {
            return i;
        }
    }
    return -1;
}

} // namespace

class TestFolders : public QObject
{
    Q_OBJECT

private slots:
    void foldersIncludeOnlyFoldersBelow()
    {
        const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\""),
                                         QRegularExpression::MultilineOption);
        QMap<QString, QSet<QString>> graph; // folder → folders it includes
        QStringList problems;
        int files = 0;
        for (const QString &top : {QStringLiteral("app"), QStringLiteral("ui")}) {
            QDirIterator it(source(top), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString relative = QDir(source(QString())).relativeFilePath(path);
                const QString from = folderOf(relative);
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(file.readAll());
                ++files;
                if (layerOf(from) < 0) {
                    problems << QStringLiteral("%1: folder %2 has no layer").arg(relative, from);
                    continue;
                }
                auto matches = include.globalMatch(text);
                while (matches.hasNext()) {
                    const QString name = matches.next().captured(1);
                    QString target;
                    const QString own = QFileInfo(path).path() + QLatin1Char('/') + name;
                    if (QFileInfo::exists(own)) {
                        target = QDir(source(QString())).relativeFilePath(own);
                    } else {
                        for (const QString &root : kRoots) {
                            if (QFileInfo::exists(source(root + QLatin1Char('/') + name))) {
                                target = root + QLatin1Char('/') + name;
                                break;
                            }
                        }
                    }
                    if (target.isEmpty()) {
                        continue; // generated (moc, ui_) or a system header in quotes
                    }
                    const QString to = folderOf(QDir::cleanPath(target));
                    if (to == from) {
                        continue;
                    }
                    graph[from].insert(to);
                    if (!name.contains(QLatin1Char('/'))) {
                        problems << QStringLiteral("%1: includes \"%2\" of %3 without its folder")
                                        .arg(relative, name, to);
                    }
                    const int fromLayer = layerOf(from);
                    const int toLayer = layerOf(to);
                    if (toLayer >= fromLayer) {
                        problems << QStringLiteral("%1: %2 includes %3 (%4), which is not below it")
                                        .arg(relative, from, to, name);
                    }
                }
            }
        }
        for (auto it = graph.cbegin(); it != graph.cend(); ++it) {
            QStringList targets = it.value().values();
            targets.sort();
            qInfo("%s -> %s", qPrintable(it.key()), qPrintable(targets.join(QLatin1String(", "))));
        }
        QVERIFY2(files > 100, "the sources were not found");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestFolders)
#include "tst_folders.moc"
