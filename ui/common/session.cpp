#include "common/session.h"

namespace fo {

Session::Session(Database &db, QObject *parent) : QObject(parent), mDb(db) {}

void Session::setPerson(const Person &person)
{
    if (person.id == mPerson.id && person.roles == mPerson.roles && person.name == mPerson.name) {
        return;
    }
    // What was typed so far is recorded for the person who typed it.
    flush();
    mPerson = person;
    Q_EMIT personChanged(mPerson);
}

void Session::setOpenStory(qint64 id)
{
    if (id == mOpenStory) {
        return;
    }
    mOpenStory = id;
    Q_EMIT openStoryChanged(id);
}

bool Session::flush()
{
    QString error;
    if (flushQuietly(&error)) {
        return true;
    }
    Q_EMIT flushFailed(tr("The open story could not be saved: %1").arg(error));
    return false;
}

bool Session::flushQuietly(QString *error)
{
    QString ignored;
    return !mEdits || mEdits->writePendingEdits(error ? error : &ignored);
}

void Session::reportStateChanged(qint64 id)
{
    Q_EMIT storyStateChanged(id);
}

} // namespace fo
