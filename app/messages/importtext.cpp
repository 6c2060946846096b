#include "messages/importtext.h"

#include "messages/refusaltext.h"

#include <QCoreApplication>
#include <QDir>

namespace fo {

QString importErrorText(const Importer::FileResult &result)
{
    if (!result.error.isEmpty()) {
        return result.error;
    }
    const auto tr = [](const char *text) { return QCoreApplication::translate("Refusal", text); };
    const QString name = QDir::toNativeSeparators(result.path);
    switch (result.refused) {
    case Importer::Refused::No:
        return QString();
    case Importer::Refused::ReadOnly:
        return tr("%1: not imported: the library is read-only").arg(name);
    case Importer::Refused::Begin:
        return tr("%1: not imported: cannot write to the library: %2")
            .arg(name, storageReasonText(result.why));
    case Importer::Refused::Story:
        return tr("%1:%2: not imported (\"%3\"): %4")
            .arg(name, QString::number(result.line), result.headline, refusalText(result.why));
    case Importer::Refused::Commit:
        return tr("%1: not imported: %2").arg(name, refusalText(result.why));
    }
    return QString();
}

} // namespace fo
