#pragma once

#include <QLineEdit>
#include <QTimer>

class QCompleter;
class QStandardItemModel;

namespace fo {

class Database;

/// Picks one story by its headline: type words, choose from the best matches. The matches come
/// from the library's search (StoryQuery), a few at a time, so a library of 100,000 stories is
/// never read whole. Empty means "all stories".
class StoryPicker : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int kMatches = 20;

    explicit StoryPicker(Database &db, QWidget *parent = nullptr);

    /// The chosen story; 0 for none (all stories).
    qint64 storyId() const { return mStoryId; }
    /// Looks up the stories matching the typed text now (typing waits a moment first).
    void lookUp();
    QCompleter *matches() const { return mCompleter; }
    /// Chooses the `row`th match (as clicking it in the list does).
    void choose(int row);

signals:
    /// Another story was chosen (0: all stories again).
    void storyChosen(qint64 id);

private:
    void setStory(qint64 id);

    Database &mDb;
    QStandardItemModel *mModel = nullptr;
    QCompleter *mCompleter = nullptr;
    QTimer mTyping;
    qint64 mStoryId = 0;
};

} // namespace fo
