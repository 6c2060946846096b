#include "refusaltext.h"

#include <QCoreApplication>

namespace fo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Refusal", text);
}

} // namespace

QString storageReasonText(const Refusal &refusal)
{
    switch (refusal.kind) {
    case RefusalKind::LibraryBusy:
        return tr("the library is busy: another program is writing to it");
    case RefusalKind::LibraryReadOnly:
        return tr("the library is read-only");
    case RefusalKind::DiskFull:
        return tr("the disk is full");
    case RefusalKind::FileSizeLimit:
        return tr("the file size limit was reached");
    case RefusalKind::LibraryDamaged:
        return tr("it is damaged (%1)").arg(refusal.detail);
    case RefusalKind::NotALibrary:
        return tr("it is not an SQLite database");
    default:
        return refusal.detail;
    }
}

QString refusalText(const Refusal &refusal)
{
    switch (refusal.kind) {
    case RefusalKind::LibraryBusy:
    case RefusalKind::LibraryReadOnly:
    case RefusalKind::DiskFull:
    case RefusalKind::FileSizeLimit:
    case RefusalKind::LibraryDamaged:
    case RefusalKind::NotALibrary:
    case RefusalKind::StorageFailed:
        return tr("cannot save: %1").arg(storageReasonText(refusal));
    }
    return refusal.detail;
}

} // namespace fo
