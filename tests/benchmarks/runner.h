#pragma once

#include "stats.h"

#include <QString>
#include <QVector>

namespace fo::bench {

struct Measure
{
    QString name;
    Sample ours;
    Sample floor;      // the same work straight through the sqlite3 C API; runs == 0 when none
    double target = 0; // ms; 0 when the issue sets none
    QString statistic = QStringLiteral("p95"); // which statistic the target applies to
    QString note;
};

/// Runs the measurements of the groups in `only` (list, startup, export, editor, backup, spelling;
/// all when empty) on an existing library, in this process; peak memory always comes last.
QVector<Measure> runBenchmarks(const QString &library, const QStringList &only, QString *error);
QString formatTable(const QVector<Measure> &measures);
QByteArray formatJson(const QVector<Measure> &measures);

} // namespace fo::bench
