#pragma once

#include "domain/person.h"

#include <QObject>

namespace fo {

class Database;

/// Who is using the window: the person every action is recorded for, and whose roles gate
/// what the window offers. One per main window; panels and dialogs take a reference.
class Session : public QObject
{
    Q_OBJECT

public:
    explicit Session(Database &db, QObject *parent = nullptr);

    Database &database() const { return mDb; }
    /// The current person; Person() (id 0, no roles) before anyone was picked.
    const Person &person() const { return mPerson; }
    bool hasPerson() const { return mPerson.isKnown(); }
    bool can(Role role) const { return mPerson.isKnown() && mPerson.has(role); }
    void setPerson(const Person &person);

Q_SIGNALS:
    void personChanged(const fo::Person &person);

private:
    Database &mDb;
    Person mPerson;
};

} // namespace fo
