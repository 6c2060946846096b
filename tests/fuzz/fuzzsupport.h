#pragma once

// What every fuzz target needs: one application object for the whole run (QTextDocument wants a
// QGuiApplication, the SQL driver a QCoreApplication) on the offscreen platform, and a private
// folder on a memory file system for entry points that only read files.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace fuzz {

inline void startApplication(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's own warnings about odd input are expected; printing them would only slow the run.
    qputenv("QT_LOGGING_RULES", "*.debug=false;*.warning=false");
    static QGuiApplication app(*argc, *argv);
    // Fontconfig and Qt's font database are filled on first use; do it here, not in an input.
    QFont().exactMatch();
}

/// A folder that lives as long as the process: on /dev/shm when there is one, so writing an
/// input costs no disk I/O.
inline QString scratchFolder()
{
    static QTemporaryDir dir(QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                                 ? QStringLiteral("/dev/shm/fieldoffice-fuzz-XXXXXX")
                                 : QDir::tempPath() + QStringLiteral("/fieldoffice-fuzz-XXXXXX"));
    if (!dir.isValid()) {
        std::fputs("fuzz: cannot make a scratch folder\n", stderr);
        std::abort();
    }
    return dir.path();
}

/// Writes the input to `name` in the scratch folder and returns its path.
inline QString writeInput(const QString &name, const uint8_t *data, size_t size)
{
    const QString path = QDir(scratchFolder()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char *>(data), qint64(size)) != qint64(size)) {
        std::fputs("fuzz: cannot write the input file\n", stderr);
        std::abort();
    }
    return path;
}

/// Stops the run with a message, so that libFuzzer keeps the input as a crash.
[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "fuzz: %s\n", what);
    std::abort();
}

} // namespace fuzz
