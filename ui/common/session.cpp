#include "common/session.h"

namespace fo {

Session::Session(Database &db, QObject *parent) : QObject(parent), mDb(db) {}

void Session::setPerson(const Person &person)
{
    if (person.id == mPerson.id && person.roles == mPerson.roles && person.name == mPerson.name) {
        return;
    }
    mPerson = person;
    Q_EMIT personChanged(mPerson);
}

} // namespace fo
