#pragma once

// The command line run inside the test's own process: fieldoffice_cli's runCli() writing to
// strings, as the program writes to stdout and stderr (tests/processrun.h runs the program).

#include "cli/cli.h"
#include "processrun.h"

#include <QBuffer>
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace fo {

/// `fieldoffice ARGS` with `input` on its standard input: its exit code and what it printed.
inline ToolRun runCliInProcess(const QStringList &args, const QByteArray &input = QByteArray())
{
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    QBuffer in;
    in.setData(input);
    in.open(QIODevice::ReadOnly);
    ToolRun r;
    r.code = cli::runCli(args, cli::CliIo{outStream, errStream, &in});
    r.out = out;
    r.err = err;
    return r;
}

} // namespace fo
