#include "browser/resultcounter.h"

#include "common/backgroundjob.h"
#include "library/database.h"
#include "search/storyquery.h"

namespace fo {

namespace {

struct Counts
{
    StoryFilter filter;
    int matching = -1;
    int total = -1;
};

} // namespace

ResultCounter::ResultCounter(const QString &libraryPath, QObject *parent)
    : QObject(parent), mPath(libraryPath), mJob(new BackgroundJob(this))
{
    mPause.setSingleShot(true);
    mPause.setInterval(kPauseMs);
    connect(&mPause, &QTimer::timeout, this, &ResultCounter::start);
}

ResultCounter::~ResultCounter() = default;

void ResultCounter::request(const StoryFilter &filter)
{
    mPending = filter;
    mHasPending = true;
    mPause.start();
}

void ResultCounter::start()
{
    if (!mHasPending) {
        return;
    }
    if (mJob->isRunning()) {
        mPause.start(); // the count running now is stale: ask again once it is done
        return;
    }
    mHasPending = false;
    auto counts = std::make_shared<Counts>();
    counts->filter = mPending;
    const QString path = mPath;
    // A connection of its own: a Qt SQL connection belongs to the thread that opened it.
    const bool started = mJob->start([counts, path](const BackgroundJob::Progress &, QString *) {
        Result<std::unique_ptr<Database>> db = Database::open(path, Database::OpenMode::MustExist);
        if (!db) {
            return false;
        }
        const StoryQuery query(**db);
        StoryFilter all;
        all.onlyDeleted = counts->filter.onlyDeleted;
        const Result<int> matching = query.count(counts->filter);
        const Result<int> total = query.count(all);
        if (!matching || !total) {
            return false;
        }
        counts->matching = *matching;
        counts->total = *total;
        return true;
    });
    if (!started) {
        return;
    }
    connect(
        mJob, &BackgroundJob::finished, this,
        [this, counts](bool ok) {
            if (ok && !mHasPending) {
                Q_EMIT counted(counts->filter, counts->matching, counts->total);
            }
        },
        Qt::SingleShotConnection);
}

} // namespace fo
