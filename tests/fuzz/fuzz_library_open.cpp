// Fuzzes opening a library: the bytes are a file someone hands over as a .fieldoffice library
// (damaged, truncated, from another program, made to mislead). Opening must refuse it with a
// message or open it; what opened must then read without crashing: the story list, a search,
// story 1 and its revisions, the health check.

#include "fuzzsupport.h"

#include "history/revisionrepository.h"
#include "library/database.h"
#include "library/libraryhealth.h"
#include "search/storyquery.h"
#include "stories/storyrepository.h"

namespace {

void removeLibrary(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
}

void readSome(fo::Database &db)
{
    fo::StoryQuery query(db);
    fo::StoryFilter filter;
    (void)query.list(filter, 0, 20, true);
    (void)query.count(filter);
    filter.search = QStringLiteral("court");
    (void)query.list(filter, 0, 20, false);
    fo::StoryRepository stories(db);
    (void)stories.get(1);
    (void)fo::RevisionRepository(db).forStory(1, true);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::startApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString name = QStringLiteral("library.fieldoffice");
    const QString path = QDir(fuzz::scratchFolder()).filePath(name);
    removeLibrary(path); // the -wal or -shm of the previous input must not meet this one
    fuzz::writeInput(name, data, size);
    auto opened = fo::Database::open(path, fo::Database::OpenMode::MustExist);
    if (opened) {
        fo::Database &db = **opened;
        db.setBusyTimeout(0);
        readSome(db);
    } else if (opened.refusal().kind == fo::RefusalKind::StorageFailed &&
               opened.refusal().detail.isEmpty()) {
        fuzz::fail("a library was refused without a reason");
    }
    (void)fo::checkLibraryHealth(path, fo::HealthCheck::Quick);
    removeLibrary(path);
    return 0;
}
