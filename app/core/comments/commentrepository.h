#pragma once

#include "base/refusal.h"

#include "comments/commentanchor.h"
#include "domain/person.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

namespace fo {

class Database;

/// A comment on a story: general or anchored to a passage of the body, in a thread (a reply
/// has a parent; only the thread's first comment carries an anchor), resolvable per thread.
struct Comment
{
    qint64 id = 0;
    qint64 storyId = 0;
    qint64 parentId = 0; // 0: starts a thread
    qint64 personId = 0;
    QString personName;
    QString text;
    QDateTime createdAt;
    CommentAnchor anchor;
    QDateTime resolvedAt; // invalid while open
    QString resolvedBy;

    bool isResolved() const { return resolvedAt.isValid(); }
};

/// Comments of stories. Adding and resolving are recorded in the audit trail.
class CommentRepository
{
public:
    explicit CommentRepository(Database &db) : mDb(db) {}

    /// Adds a comment by `author` (a known person). With `parentId` it is a reply and the
    /// anchor is ignored (the thread's first comment holds it).
    Result<Comment> add(qint64 storyId, const Person &author, const QString &text,
                        const CommentAnchor &anchor, qint64 parentId);
    /// Resolves or reopens the thread the comment belongs to.
    Status setResolved(qint64 commentId, bool resolved, const Person &actor);

    /// The comment, or CommentNotFound (also when the library cannot be read).
    Result<Comment> get(qint64 commentId) const;
    /// Threads in the order they were started, each followed by its replies, oldest first.
    Result<QVector<Comment>> forStory(qint64 storyId) const;

    /// Finds each anchor of the story in its new `body` and remembers where it is now, so that it
    /// keeps following its passage through later edits. Called by StoryRepository on a body
    /// change; an anchor whose quote is no longer there keeps its last known place.
    Status reanchor(qint64 storyId, const QString &body);

private:
    Database &mDb;
};

} // namespace fo
