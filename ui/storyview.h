#pragma once

#include "story.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTextBrowser;
class QTextDocument;

namespace fo {

/// Shows one story, read-only: headline, dateline, office, byline, status, tags, summary and the
/// body rendered from its Markdown. Until a story is chosen it says how to choose one.
///
/// The body never loads anything from outside the library: no files, no network (see
/// storyview.cpp). An editor will replace the body browser later.
class StoryView : public QWidget
{
    Q_OBJECT

public:
    explicit StoryView(QWidget *parent = nullptr);

    void setStory(const Story &story);
    void clear();
    /// The story shown, 0 when none.
    qint64 storyId() const { return mStoryId; }

private:
    QWidget *buildStoryPage();

    qint64 mStoryId = 0;
    QStackedWidget *mStack = nullptr;
    QLabel *mHeadline = nullptr;
    QLabel *mDateline = nullptr;
    QLabel *mOffice = nullptr;
    QLabel *mByline = nullptr;
    QLabel *mStatus = nullptr;
    QLabel *mTags = nullptr;
    QLabel *mSummary = nullptr;
    QTextBrowser *mBody = nullptr;
    QTextDocument *mBodyDocument = nullptr;
};

} // namespace fo
