#pragma once

// Shared by the editor's widget tests: a fresh library per test, stories in it, and the
// window's parts found by their object names.

#include "common/uisettings.h"
#include "editor/storyeditor.h"
#include "library/database.h"
#include "libraryopentesting.h"
#include "refusaltesting.h"
#include "search/storylistmodel.h"
#include "stories/storyrepository.h"
#include "stories/storywriter.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>
#include <QtTest>

#include <memory>

namespace editortesting {

inline std::unique_ptr<fo::Database> openLibrary(const QTemporaryDir &dir,
                                                 const QString &name = QStringLiteral("stories"))
{
    QString error;
    auto db = fo::testing::openLibrary(dir.filePath(name + QStringLiteral(".fieldoffice")),
                                       fo::Database::OpenMode::CreateIfMissing, &error);
    if (!db) {
        qWarning("cannot open library: %s", qPrintable(error));
    }
    return db;
}

inline qint64 addStory(fo::Database &db, const QString &headline, const QString &body,
                       const QStringList &tags = {}, const QDateTime &embargo = QDateTime())
{
    fo::Story story;
    story.headline = headline;
    story.officeName = QStringLiteral("Kolkata");
    story.datelineCity = QStringLiteral("KOLKATA");
    story.datelineCountry = QStringLiteral("INDIA");
    story.byline = QStringLiteral("Field Office Communications");
    story.summary = QStringLiteral("Summary of ") + headline;
    story.body = body;
    story.tags = tags;
    story.embargoAt = embargo;
    // Created a while ago, so that any write would show in the updated time.
    story.createdAt = QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
    QString error;
    if (!fo::testing::said(fo::StoryWriter(db).create(story), &error)) {
        qWarning("cannot create story: %s", qPrintable(error));
    }
    return story.id;
}

inline fo::Story stored(fo::Database &db, qint64 id)
{
    return fo::StoryRepository(db).get(id).value_or(fo::Story());
}

template <typename T> T *part(const QWidget &window, const QString &name)
{
    T *widget = window.findChild<T *>(name);
    if (!widget) {
        qWarning("no %s in the window", qPrintable(name));
    }
    return widget;
}

inline QTextEdit *body(const QWidget &window)
{
    return part<QTextEdit>(window, QStringLiteral("bodyEditor"));
}

inline QTreeView *list(const QWidget &window)
{
    return part<QTreeView>(window, QStringLiteral("storyList"));
}

inline fo::StoryListModel *model(const QWidget &window)
{
    return qobject_cast<fo::StoryListModel *>(list(window)->model());
}

inline QAction *action(const QWidget &window, const QString &objectName)
{
    return part<QAction>(window, objectName);
}

/// Shows the window and makes it active, so that shortcuts and focus work as for a user.
inline bool showActive(QWidget &window)
{
    window.show();
    QApplication::setActiveWindow(&window);
    return QTest::qWaitForWindowActive(&window);
}

/// Types at the end of the body, as a user would.
inline void typeAtEnd(QTextEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, text);
}

/// Clicks `buttonText` in the next message box that opens (confirmations). Returns a flag that
/// turns true once it was clicked; gives up after five seconds.
inline std::shared_ptr<bool> answerNextMessageBox(const QString &buttonText)
{
    auto answered = std::make_shared<bool>(false);
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    auto *deadline = new QElapsedTimer;
    deadline->start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, deadline, buttonText, answered] {
        const auto stop = [&] {
            timer->stop();
            timer->deleteLater();
            delete deadline;
        };
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (deadline->elapsed() > 5000) {
                stop();
            }
            return;
        }
        const QList<QAbstractButton *> buttons = box->buttons();
        for (QAbstractButton *button : buttons) {
            if (button->text() == buttonText) {
                *answered = true;
                button->click();
                stop();
                return;
            }
        }
        qWarning("the message box has no button %s", qPrintable(buttonText));
        box->reject();
        stop();
    });
    timer->start();
    return answered;
}

} // namespace editortesting
