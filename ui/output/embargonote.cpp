#include "output/embargonote.h"

#include "export/storydocument.h"

#include <QCoreApplication>

namespace fo {

QString embargoNote(const QVector<Story> &stories, const QDateTime &now)
{
    QDateTime latest;
    for (const Story &s : stories) {
        if (s.embargoAt.isValid() && s.embargoAt > now &&
            (!latest.isValid() || s.embargoAt > latest)) {
            latest = s.embargoAt;
        }
    }
    return latest.isValid() ? QCoreApplication::translate("EmbargoNote", "embargoed until %1")
                                  .arg(formatEmbargo(latest))
                            : QString();
}

} // namespace fo
