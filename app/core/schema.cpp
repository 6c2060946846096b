#include "schema.h"

#include "database.h"

namespace fo {

namespace {

// Version 1: offices, stories, tags, the story–tag link, settings and the full-text index.
// Times are UTC milliseconds since the epoch. stories.tag_text mirrors the story's tag names so
// that the external-content FTS table can index them; triggers keep both in step.
QStringList version1()
{
    return {
        QStringLiteral("PRAGMA application_id = %1").arg(Database::kApplicationId),
        QStringLiteral(R"(CREATE TABLE offices (
            id      INTEGER PRIMARY KEY,
            name    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            city    TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral(R"(CREATE TABLE stories (
            id               INTEGER PRIMARY KEY,
            uuid             TEXT NOT NULL UNIQUE,
            headline         TEXT NOT NULL DEFAULT '',
            dateline_city    TEXT NOT NULL DEFAULT '',
            dateline_country TEXT NOT NULL DEFAULT '',
            office_id        INTEGER REFERENCES offices(id) ON DELETE SET NULL,
            byline           TEXT NOT NULL DEFAULT '',
            summary          TEXT NOT NULL DEFAULT '',
            body             TEXT NOT NULL DEFAULT '',
            language         TEXT NOT NULL DEFAULT 'en',
            status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                ('draft','in-review','changes-requested','approved','released','archived')),
            embargo_at       INTEGER,
            created_at       INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL,
            deleted_at       INTEGER,
            tag_text         TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX stories_updated ON stories(updated_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX stories_status ON stories(status, updated_at DESC)"),
        QStringLiteral("CREATE INDEX stories_office ON stories(office_id, updated_at DESC)"),
        QStringLiteral(R"(CREATE TABLE tags (
            id       INTEGER PRIMARY KEY,
            category TEXT NOT NULL DEFAULT '' CHECK (category IN ('','office','topic','type')),
            name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
            UNIQUE (category, name COLLATE NOCASE)))"),
        QStringLiteral(R"(CREATE TABLE story_tags (
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, tag_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX story_tags_tag ON story_tags(tag_id, story_id)"),
        QStringLiteral(R"(CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID)"),
        // Bengali and Tamil words stay whole: marks (M*) are word characters.
        QStringLiteral(R"(CREATE VIRTUAL TABLE stories_fts USING fts5(
            headline, summary, body, tag_text,
            content='stories', content_rowid='id',
            tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
            prefix='2 3'))"),
        QStringLiteral(R"(CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
            INSERT INTO stories_fts(rowid, headline, summary, body, tag_text)
            VALUES (new.id, new.headline, new.summary, new.body, new.tag_text);
        END)"),
        QStringLiteral(R"(CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
            INSERT INTO stories_fts(stories_fts, rowid, headline, summary, body, tag_text)
            VALUES ('delete', old.id, old.headline, old.summary, old.body, old.tag_text);
        END)"),
        QStringLiteral(R"(CREATE TRIGGER stories_fts_update
            AFTER UPDATE OF headline, summary, body, tag_text ON stories BEGIN
            INSERT INTO stories_fts(stories_fts, rowid, headline, summary, body, tag_text)
            VALUES ('delete', old.id, old.headline, old.summary, old.body, old.tag_text);
            INSERT INTO stories_fts(rowid, headline, summary, body, tag_text)
            VALUES (new.id, new.headline, new.summary, new.body, new.tag_text);
        END)"),
        // The tag names of a story, mirrored into stories.tag_text for the index.
        QStringLiteral(R"(CREATE TRIGGER story_tags_insert AFTER INSERT ON story_tags BEGIN
            UPDATE stories SET tag_text = (
                SELECT coalesce(group_concat(t.category || ' ' || t.name, ' '), '')
                FROM story_tags st JOIN tags t ON t.id = st.tag_id
                WHERE st.story_id = new.story_id)
            WHERE id = new.story_id;
        END)"),
        QStringLiteral(R"(CREATE TRIGGER story_tags_delete AFTER DELETE ON story_tags BEGIN
            UPDATE stories SET tag_text = (
                SELECT coalesce(group_concat(t.category || ' ' || t.name, ' '), '')
                FROM story_tags st JOIN tags t ON t.id = st.tag_id
                WHERE st.story_id = old.story_id)
            WHERE id = old.story_id;
        END)"),
        QStringLiteral(R"(CREATE TRIGGER tags_rename AFTER UPDATE OF name, category ON tags BEGIN
            UPDATE stories SET tag_text = (
                SELECT coalesce(group_concat(t.category || ' ' || t.name, ' '), '')
                FROM story_tags st JOIN tags t ON t.id = st.tag_id
                WHERE st.story_id = stories.id)
            WHERE id IN (SELECT story_id FROM story_tags WHERE tag_id = new.id);
        END)"),
    };
}

} // namespace

const QVector<QStringList> &schemaMigrations()
{
    static const QVector<QStringList> migrations = {version1()};
    return migrations;
}

} // namespace fo
