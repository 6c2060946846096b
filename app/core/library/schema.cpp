#include "library/schema.h"

#include "library/database.h"

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
        // Small columns first, long text last: SQLite reads a row front to back, so a list that
        // shows status and times never has to walk the overflow pages of a long body.
        QStringLiteral(R"(CREATE TABLE stories (
            id               INTEGER PRIMARY KEY,
            uuid             TEXT NOT NULL UNIQUE,
            status           TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                ('draft','in-review','changes-requested','approved','released','archived')),
            office_id        INTEGER REFERENCES offices(id) ON DELETE SET NULL,
            language         TEXT NOT NULL DEFAULT 'en',
            embargo_at       INTEGER,
            created_at       INTEGER NOT NULL,
            updated_at       INTEGER NOT NULL,
            deleted_at       INTEGER,
            dateline_city    TEXT NOT NULL DEFAULT '',
            dateline_country TEXT NOT NULL DEFAULT '',
            headline         TEXT NOT NULL DEFAULT '',
            byline           TEXT NOT NULL DEFAULT '',
            summary          TEXT NOT NULL DEFAULT '',
            tag_text         TEXT NOT NULL DEFAULT '',
            body             TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX stories_updated ON stories(updated_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX stories_status ON stories(status, updated_at DESC)"),
        // deleted_at in the office index lets "stories of this office not in the Trash" be
        // counted from the index alone; the partial index answers "is the Trash empty?" at
        // once. Neither may read story rows: at 100,000 stories those are gigabytes.
        QStringLiteral("CREATE INDEX stories_office ON stories(office_id, deleted_at, "
                       "updated_at DESC)"),
        QStringLiteral("CREATE INDEX stories_trash ON stories(deleted_at) WHERE deleted_at IS "
                       "NOT NULL"),
        QStringLiteral(R"(CREATE TABLE tags (
            id       INTEGER PRIMARY KEY,
            category TEXT NOT NULL DEFAULT '' CHECK (category IN ('','office','topic','type')),
            name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
            UNIQUE (category, name COLLATE NOCASE)))"),
        // updated_at mirrors the story's, so that a tag filter reads its stories newest first
        // straight from the index, however many stories carry the tag.
        QStringLiteral(R"(CREATE TABLE story_tags (
            story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            updated_at INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (story_id, tag_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX story_tags_tag ON story_tags(tag_id, updated_at DESC, "
                       "story_id DESC)"),
        QStringLiteral(R"(CREATE TRIGGER stories_updated_to_tags AFTER UPDATE OF updated_at
            ON stories BEGIN
            UPDATE story_tags SET updated_at = new.updated_at WHERE story_id = new.id;
        END)"),
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
            UPDATE story_tags SET updated_at = (
                SELECT updated_at FROM stories WHERE id = new.story_id)
            WHERE story_id = new.story_id AND tag_id = new.tag_id;
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

// Version 2: the editorial workflow. People and their roles; revisions (JSON snapshots of a
// story, kept at every state change and once per editing session); approvals bound to a
// revision and a content hash (contenthash.h); comments anchored to passages; the audit trail.
// History keeps the person's name as it was, so it survives renames. The audit trail has no
// foreign keys on purpose: its rows outlive what they describe, and triggers refuse to change
// or delete them.
QStringList version2()
{
    return {
        QStringLiteral(R"(CREATE TABLE people (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE person_roles (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            role      TEXT NOT NULL CHECK (role IN ('editor','reviewer','exporter','admin')),
            PRIMARY KEY (person_id, role)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE revisions (
            id           INTEGER PRIMARY KEY,
            story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            number       INTEGER NOT NULL CHECK (number > 0),
            kind         TEXT NOT NULL CHECK (kind IN
                ('created','baseline','edit','state','restore')),
            status       TEXT NOT NULL,
            person_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
            person_name  TEXT NOT NULL DEFAULT '',
            created_at   INTEGER NOT NULL,
            updated_at   INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            snapshot     TEXT NOT NULL,
            note         TEXT NOT NULL DEFAULT '',
            UNIQUE (story_id, number)))"),
        QStringLiteral(R"(CREATE TABLE approvals (
            id           INTEGER PRIMARY KEY,
            story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            revision_id  INTEGER NOT NULL REFERENCES revisions(id) ON DELETE CASCADE,
            person_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,
            person_name  TEXT NOT NULL DEFAULT '',
            approved_at  INTEGER NOT NULL,
            content_hash TEXT NOT NULL CHECK (length(content_hash) = 64)))"),
        QStringLiteral("CREATE INDEX approvals_story ON approvals(story_id, id DESC)"),
        // An approved revision is the exact version a reviewer signed off: it never changes.
        QStringLiteral(R"(CREATE TRIGGER revisions_approved_frozen BEFORE UPDATE ON revisions
            WHEN EXISTS (SELECT 1 FROM approvals WHERE revision_id = old.id) BEGIN
            SELECT RAISE(ABORT, 'an approved revision cannot be changed');
        END)"),
        QStringLiteral(R"(CREATE TABLE comments (
            id            INTEGER PRIMARY KEY,
            story_id      INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            parent_id     INTEGER REFERENCES comments(id) ON DELETE CASCADE,
            person_id     INTEGER REFERENCES people(id) ON DELETE SET NULL,
            person_name   TEXT NOT NULL DEFAULT '',
            text          TEXT NOT NULL CHECK (length(trim(text)) > 0),
            created_at    INTEGER NOT NULL,
            anchor_quote  TEXT NOT NULL DEFAULT '',
            anchor_before TEXT NOT NULL DEFAULT '',
            anchor_after  TEXT NOT NULL DEFAULT '',
            anchor_offset INTEGER NOT NULL DEFAULT -1,
            resolved_at   INTEGER,
            resolved_by   TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX comments_story ON comments(story_id, created_at)"),
        QStringLiteral(R"(CREATE TABLE audit_log (
            id          INTEGER PRIMARY KEY,
            at          INTEGER NOT NULL,
            action      TEXT NOT NULL,
            story_id    INTEGER,
            person_id   INTEGER,
            person_name TEXT NOT NULL DEFAULT '',
            revision    INTEGER,
            detail      TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX audit_log_at ON audit_log(at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX audit_log_story ON audit_log(story_id, at DESC)"),
        QStringLiteral("CREATE INDEX audit_log_person ON audit_log(person_id, at DESC)"),
        QStringLiteral(R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only');
        END)"),
        QStringLiteral(R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
            SELECT RAISE(ABORT, 'the audit trail is append-only');
        END)"),
    };
}

// Version 3: the story list reads its rows from one index. A story row holds its whole text
// (3 KB on average), so a page of 200 list rows read from the table touched 200 pages of the
// file; the index holds just what a list row shows, in list order, so the same page is a few
// index pages (fieldoffice-bench: "open → first page of the list"). It replaces
// stories_updated, which is its leading part. Only an index: a read-only library of version 2
// still opens, without it.
QStringList version3()
{
    return {
        QStringLiteral("CREATE INDEX stories_list ON stories(updated_at DESC, id DESC, deleted_at, "
                       "status, office_id, headline, dateline_city, dateline_country)"),
        QStringLiteral("DROP INDEX stories_updated"),
    };
}

// Version 4: the change log (ChangeLog, written by StoryWriter): one row for every change to a
// story, in order, for the team sync and safeguarding checks to read. A library upgraded to it
// starts with an EMPTY log: its earlier changes stay in the revisions and the audit trail. No
// foreign key to stories: a story purged from the Trash keeps its rows. Append-only, like the
// audit trail. A read-only library of version 2 or 3 still opens without it (nothing can be
// written there, so nothing goes unlogged).
QStringList version4()
{
    return {
        QStringLiteral(R"(CREATE TABLE change_log (
            seq         INTEGER PRIMARY KEY AUTOINCREMENT,
            story_id    INTEGER NOT NULL,
            story_uuid  TEXT NOT NULL DEFAULT '',
            kind        TEXT NOT NULL,
            from_status TEXT,
            to_status   TEXT,
            fields      TEXT NOT NULL DEFAULT '',
            person_id   INTEGER,
            person_name TEXT NOT NULL DEFAULT '',
            revision    INTEGER,
            at          INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX change_log_story ON change_log(story_id, seq)"),
        QStringLiteral(R"(CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN
            SELECT RAISE(ABORT, 'the change log is append-only');
        END)"),
        QStringLiteral(R"(CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log BEGIN
            SELECT RAISE(ABORT, 'the change log is append-only');
        END)"),
    };
}

// Version 5 (issue 12). Spellcheck (item 3): the library's dictionary, words that anyone who
// opens the library added to spelling ("Sarika", "Barangay"), per story language. Not a change
// to a story, so not in the change log. A read-only library of version 2–4 opens without it
// (LibraryDictionary reads no words there).
QStringList version5()
{
    return {
        QStringLiteral(R"(CREATE TABLE dictionary_words (
            word      TEXT NOT NULL,
            language  TEXT NOT NULL,
            added_by  TEXT NOT NULL DEFAULT '',
            added_at  INTEGER NOT NULL,
            PRIMARY KEY (language, word)))"),
        // Issue 12 item 1 (at the desk, "who am I"): a newcomer asks to join a library that
        // has an admin; the request waits here until an admin adds them with roles (and it goes)
        // or declines it. Until then the newcomer's window only reads.
        QStringLiteral(R"(CREATE TABLE join_requests (
            id       INTEGER PRIMARY KEY,
            name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            asked_at INTEGER NOT NULL))"),
    };
}

} // namespace

const QVector<QStringList> &schemaMigrations()
{
    static const QVector<QStringList> migrations = {version1(), version2(), version3(), version4(),
                                                    version5()};
    return migrations;
}

} // namespace fo
