#include "messages/libraryopen.h"

#include "messages/refusaltext.h"

namespace fo {

std::unique_ptr<Database> openLibrary(const QString &path, Database::OpenMode mode, QString *error)
{
    Result<std::unique_ptr<Database>> opened = Database::open(path, mode);
    if (!opened) {
        if (error) {
            *error = refusalText(opened.refusal());
        }
        return nullptr;
    }
    return std::move(*opened);
}

} // namespace fo
