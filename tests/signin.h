#pragma once

// Widget tests of the window work as a person: the window never writes for nobody (issue 12
// item 1). One person with every role, so that the workflow allows what the test does.

#include "library/database.h"
#include "messages/refusaltext.h"
#include "people/personrepository.h"
#include "window/mainwindow.h"

#include <QtTest>

inline fo::Person deskTester(fo::Database &db)
{
    const QString name = QStringLiteral("Desk Tester");
    fo::PersonRepository people(db);
    if (const fo::Result<fo::Person> known = people.findByName(name)) {
        return *known;
    }
    fo::Person person;
    person.name = name;
    person.roles =
        fo::Roles(fo::Role::Editor) | fo::Role::Reviewer | fo::Role::Exporter | fo::Role::Admin;
    if (const fo::Status added = people.add(person, fo::Person()); !added) {
        qWarning("cannot add the tester: %s", qPrintable(fo::refusalText(added.refusal())));
    }
    return person;
}

/// Makes `window` work as the tester (added to its library when missing).
inline void signIn(fo::MainWindow &window)
{
    window.setCurrentPerson(deskTester(window.database()));
}
