// MainWindow and the person it works as (issue 12 item 1): nobody chosen means the window
// reads only; the first run and a newcomer go through "Who Are You?" (PersonDialog).

#include "window/mainwindow.h"

#include "common/session.h"
#include "library/database.h"
#include "people/personrepository.h"
#include "window/persondialog.h"
#include "window/personstrip.h"

#include <QLabel>
#include <QStatusBar>
#include <QTimer>

namespace fo {

void MainWindow::restorePerson()
{
    const PersonRepository people(*mDb);
    const Result<Person> remembered = people.get(mSettings.person(mDb->path()));
    if (remembered && remembered->active) {
        mSession->setPerson(*remembered);
        return;
    }
    // A newcomer who asked to join on this computer works as themselves once an admin added
    // them, without being asked again.
    const QString joinName = mSettings.joinName(mDb->path());
    if (const Result<Person> joined = joinName.isEmpty()
                                          ? Result<Person>(Refusal(RefusalKind::NoPersonNamed))
                                          : people.findByName(joinName);
        joined && joined->active) {
        mSettings.setJoinName(mDb->path(), QString());
        mSession->setPerson(*joined);
        statusBar()->showMessage(tr("An admin added you: you work as %1.").arg(joined->name), 8000);
        return;
    }
    // Asked once the window shows, and never when someone was set meanwhile (tests do). A
    // fresh library asks too: its first person becomes the admin.
    QTimer::singleShot(0, this, [this] {
        if (!mSession->hasPerson() && isVisible() && mSettings.joinName(mDb->path()).isEmpty()) {
            showPersonDialog();
        }
    });
}

void MainWindow::onPersonChanged(const Person &person)
{
    // The session wrote what was typed for the person who typed it; the panels follow it.
    if (person.isKnown()) {
        mSettings.setPerson(mDb->path(), person.id);
        QStringList roles;
        for (Role role : allRoles()) {
            if (person.has(role)) {
                roles << roleLabel(role);
            }
        }
        mPersonLabel->setText(tr("%1 (%2)").arg(person.name, roles.join(QStringLiteral(", "))));
        mPersonStrip->hide();
    } else {
        mPersonLabel->setText(tr("Read only: nobody chosen (Review ▸ Switch Person…)"));
        mPersonStrip->showReadOnly(mSettings.joinName(mDb->path()));
    }
}

void MainWindow::showPersonDialog()
{
    if (findChild<PersonDialog *>()) {
        return; // already asking
    }
    auto *dialog = new PersonDialog(*mSession, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PersonDialog::joinAsked, this, [this] {
        if (!mSession->hasPerson()) {
            onPersonChanged(mSession->person()); // the strip says that the request waits
        }
    });
    dialog->open(); // window-modal, without a nested event loop
}

} // namespace fo
