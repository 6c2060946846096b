#pragma once

// Running programs from tests: the real fieldoffice as a user would run it, and tools such as
// pdftotext and tidy.

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fo {

struct ToolRun
{
    int code = -1; // -1 when it crashed or did not finish
    QString out;
    QString err;
};

inline ToolRun runTool(const QString &program, const QStringList &args,
                       const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    ToolRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// The environment of a user of the command line whose data and home are in `folder`, with no
/// display (the subcommands must never need one).
inline QProcessEnvironment commandLineEnvironment(const QString &folder)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(folder).filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("HOME"), QDir(folder).filePath(QStringLiteral("home")));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    return env;
}

} // namespace fo
