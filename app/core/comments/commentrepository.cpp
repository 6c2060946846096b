#include "comments/commentrepository.h"

#include "base/clock.h"
#include "library/auditlog.h"
#include "library/database.h"
#include "library/nestedtransaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace fo {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, story_id, parent_id, person_id, person_name, text, created_at, anchor_quote, "
    "anchor_before, anchor_after, anchor_offset, resolved_at, resolved_by FROM comments ");

Comment commentFrom(const QSqlQuery &q)
{
    Comment c;
    c.id = q.value(0).toLongLong();
    c.storyId = q.value(1).toLongLong();
    c.parentId = q.value(2).toLongLong();
    c.personId = q.value(3).toLongLong();
    c.personName = q.value(4).toString();
    c.text = q.value(5).toString();
    c.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
    c.anchor.quote = q.value(7).toString();
    c.anchor.before = q.value(8).toString();
    c.anchor.after = q.value(9).toString();
    c.anchor.offset = q.value(10).toInt();
    if (!q.value(11).isNull()) {
        c.resolvedAt = QDateTime::fromMSecsSinceEpoch(q.value(11).toLongLong(), Qt::UTC);
    }
    c.resolvedBy = q.value(12).toString();
    return c;
}

QString excerpt(const QString &text)
{
    const QString t = text.simplified();
    return t.size() > 200 ? t.left(199) + QChar(0x2026) : t;
}

} // namespace

Result<Comment> CommentRepository::add(qint64 storyId, const Person &author, const QString &text,
                                       const CommentAnchor &anchor, qint64 parentId)
{
    if (!author.isKnown()) {
        return Refusal(RefusalKind::CommentNeedsPerson);
    }
    if (text.trimmed().isEmpty()) {
        return Refusal(RefusalKind::CommentEmpty);
    }
    CommentAnchor a = parentId ? CommentAnchor() : anchor;
    if (parentId) {
        const Result<Comment> parent = get(parentId);
        if (!parent) {
            return parent.refusal();
        }
        if (parent->storyId != storyId) {
            Refusal r(RefusalKind::CommentOtherStory);
            r.id = parentId;
            return r;
        }
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO comments (story_id, parent_id, person_id, person_name, text, created_at, "
        "anchor_quote, anchor_before, anchor_after, anchor_offset) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(storyId);
    q.addBindValue(parentId ? QVariant(parentId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(author.id);
    q.addBindValue(notNull(author.name));
    q.addBindValue(text.trimmed());
    q.addBindValue(Clock::now().toMSecsSinceEpoch());
    q.addBindValue(notNull(a.quote));
    q.addBindValue(notNull(a.before));
    q.addBindValue(notNull(a.after));
    q.addBindValue(a.isNull() ? -1 : a.offset);
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotSaveComment);
    }
    const qint64 id = q.lastInsertId().toLongLong();
    const QString detail = a.isNull()
                               ? excerpt(text)
                               : QStringLiteral("on “%1”: %2").arg(excerpt(a.quote), excerpt(text));
    if (const Status audited =
            AuditLog(mDb).append(AuditAction::CommentAdded, storyId, author, detail);
        !audited) {
        return audited.refusal();
    }
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    return get(id);
}

Status CommentRepository::setResolved(qint64 commentId, bool resolved, const Person &actor)
{
    Result<Comment> c = get(commentId);
    if (c && c->parentId) {
        c = get(c->parentId);
    }
    if (!c) {
        return c.refusal();
    }
    if (c->isResolved() == resolved) {
        return Status();
    }
    NestedTransaction tx(mDb.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun;
    }
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?"));
    q.addBindValue(resolved ? QVariant(Clock::now().toMSecsSinceEpoch())
                            : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(resolved ? notNull(actor.name) : QStringLiteral(""));
    q.addBindValue(c->id);
    if (!q.exec()) {
        return queryRefusal(q, RefusalKind::CannotChangeComment);
    }
    if (const Status audited = AuditLog(mDb).append(resolved ? AuditAction::CommentResolved
                                                             : AuditAction::CommentReopened,
                                                    c->storyId, actor, excerpt(c->text));
        !audited) {
        return audited;
    }
    return tx.finish();
}

Result<Comment> CommentRepository::get(qint64 commentId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(kSelect + QStringLiteral("WHERE id = ?"));
    q.addBindValue(commentId);
    if (q.exec() && q.next()) {
        return commentFrom(q);
    }
    Refusal r(RefusalKind::CommentNotFound);
    r.id = commentId;
    return r;
}

Result<QVector<Comment>> CommentRepository::forStory(qint64 storyId) const
{
    QVector<Comment> out;
    QSqlQuery q(mDb.connection());
    // Thread order: a reply sorts under the comment that started its thread.
    q.prepare(kSelect + QStringLiteral("WHERE story_id = ? "
                                       "ORDER BY coalesce(parent_id, id), parent_id IS NOT NULL, "
                                       "created_at, id"));
    q.addBindValue(storyId);
    if (!q.exec()) {
        return queryRefusal(q);
    }
    while (q.next()) {
        out.append(commentFrom(q));
    }
    return out;
}

Status CommentRepository::reanchor(qint64 storyId, const QString &body)
{
    // As before: a story whose comments cannot be read has no anchor to move.
    const Result<QVector<Comment>> comments = forStory(storyId);
    QSqlQuery update(mDb.connection());
    update.prepare(QStringLiteral(
        "UPDATE comments SET anchor_before = ?, anchor_after = ?, anchor_offset = ? WHERE id = ?"));
    for (const Comment &c : comments ? *comments : QVector<Comment>()) {
        if (c.anchor.isNull() || c.parentId) {
            continue;
        }
        const AnchorMatch m = locateAnchor(c.anchor, body);
        CommentAnchor now = c.anchor;
        if (m.kind == AnchorMatch::Kind::Exact) {
            // Fresh surroundings make the next search robust against further edits.
            now = CommentAnchor::fromSelection(body, m.start, m.length);
        } else if (m.kind == AnchorMatch::Kind::Approximate) {
            now.offset = m.start;
        } else {
            continue;
        }
        if (now.before == c.anchor.before && now.after == c.anchor.after &&
            now.offset == c.anchor.offset) {
            continue;
        }
        update.addBindValue(notNull(now.before));
        update.addBindValue(notNull(now.after));
        update.addBindValue(now.offset);
        update.addBindValue(c.id);
        if (!update.exec()) {
            return queryRefusal(update, RefusalKind::CannotMoveAnchor);
        }
    }
    return Status();
}

} // namespace fo
