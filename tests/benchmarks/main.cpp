// fieldoffice-bench: a realistic synthetic library and the measurements of issue 6.
// Built from tests/benchmarks, never installed with the program.

#include "generator.h"
#include "runner.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

namespace {

int usage()
{
    std::fputs("Usage: fieldoffice-bench generate --library FILE --stories N [--seed S]\n"
               "       fieldoffice-bench run --library FILE [--json] [--only "
               "list,startup,export,editor,backup,spelling]\n",
               stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        return usage();
    }
    const QString command = args.takeAt(1);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption library(QStringLiteral("library"), QStringLiteral("Library file."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption stories(QStringLiteral("stories"), QStringLiteral("How many stories."),
                                     QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption only(
        QStringLiteral("only"),
        QStringLiteral("Only these groups: list, startup, export, editor, backup, spelling "
                       "(comma-separated)."),
        QStringLiteral("GROUPS"));
    p.addOptions({library, stories, seed, json, only});
    if (!p.parse(args) || !p.isSet(library)) {
        return usage();
    }
    QString error;
    if (command == QLatin1String("generate")) {
        fo::bench::GenerateOptions options;
        options.library = p.value(library);
        options.stories = p.value(stories).toInt();
        options.seed = p.value(seed).toUInt();
        if (options.stories <= 0 || !fo::bench::generateLibrary(options, &error)) {
            std::fprintf(stderr, "fieldoffice-bench: %s\n", qPrintable(error));
            return 1;
        }
        return 0;
    }
    if (command == QLatin1String("run")) {
        const QStringList groups = p.value(only).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const auto measures = fo::bench::runBenchmarks(p.value(library), groups, &error);
        if (measures.isEmpty()) {
            std::fprintf(stderr, "fieldoffice-bench: %s\n", qPrintable(error));
            return 1;
        }
        if (p.isSet(json)) {
            std::fputs(fo::bench::formatJson(measures).constData(), stdout);
        } else {
            std::fputs(fo::bench::formatTable(measures).toUtf8().constData(), stdout);
        }
        return 0;
    }
    return usage();
}
