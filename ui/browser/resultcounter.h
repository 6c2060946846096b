#pragma once

#include "domain/story.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace fo {

class BackgroundJob;

/// Counts the stories a filter matches, and the library's stories, off the GUI thread (issue
/// 12 item 8): at 100,000 stories a count of a common word costs more than a keystroke may,
/// so it runs on a connection of its own after typing pauses, and only the latest request's
/// answer is reported.
class ResultCounter : public QObject
{
    Q_OBJECT

public:
    /// How long typing must pause before a count starts (milliseconds).
    static constexpr int kPauseMs = 300;

    ResultCounter(const QString &libraryPath, QObject *parent = nullptr);
    ~ResultCounter() override;

    /// Counts for `filter` once typing pauses; an earlier request not yet answered is dropped.
    void request(const StoryFilter &filter);

Q_SIGNALS:
    /// `matching` of `total` stories (not in the Trash; for the Trash both count the Trash)
    /// match `filter`. Not emitted when counting failed: the list says nothing then.
    void counted(const fo::StoryFilter &filter, int matching, int total);

private:
    void start();

    QString mPath;
    StoryFilter mPending;
    bool mHasPending = false;
    QTimer mPause;
    BackgroundJob *mJob = nullptr;
};

} // namespace fo
