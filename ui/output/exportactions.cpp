#include "output/exportactions.h"

#include "common/session.h"
#include "common/uisettings.h"
#include "library/database.h"
#include "output/exportdialog.h"
#include "output/lastpacket.h"
#include "output/organisationdialog.h"
#include "output/storyexportdialog.h"
#include "search/storylistmodel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>

namespace fo {

ExportActions::ExportActions(Session &session, QAbstractItemView *stories, QWidget *window)
    : QObject(window), mSession(session), mStories(stories), mWindow(window)
{
    mPacket = new QAction(tr("Export Press &Packet…"), this);
    mPacket->setObjectName(QStringLiteral("exportPacketAction"));
    mPacket->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    mPacket->setStatusTip(tr("Put approved stories together as one PDF or HTML press packet"));
    connect(mPacket, &QAction::triggered, this, &ExportActions::exportPacket);

    mFromSelection = new QAction(tr("New Packet from &Selection…"), this);
    mFromSelection->setObjectName(QStringLiteral("packetFromSelectionAction"));
    mFromSelection->setStatusTip(
        tr("Start a press packet with the stories selected in the list (Ctrl+click, Shift+click)"));
    connect(mFromSelection, &QAction::triggered, this, &ExportActions::exportSelection);
    if (mStories && mStories->selectionModel()) {
        connect(mStories->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &ExportActions::updateSelectionAction);
    }
    updateSelectionAction();

    mStory = new QAction(tr("E&xport Story…"), this);
    mStory->setObjectName(QStringLiteral("exportStoryAction"));
    mStory->setStatusTip(tr("Export the open story as PDF or HTML"));
    mStory->setEnabled(false);
    connect(mStory, &QAction::triggered, this, &ExportActions::exportStory);

    mOrganisation = new QAction(tr("&Organisation…"), this);
    mOrganisation->setObjectName(QStringLiteral("organisationAction"));
    mOrganisation->setStatusTip(tr("The name and press contact printed on press packets"));
    connect(mOrganisation, &QAction::triggered, this, &ExportActions::editOrganisation);
    connect(&mSession, &Session::openStoryChanged, this, &ExportActions::setOpenStory);
    setOpenStory(mSession.openStory());
}

void ExportActions::setOpenStory(qint64 id)
{
    mOpenStory = id;
    mStory->setEnabled(id > 0);
}

QVector<qint64> ExportActions::selectedStories() const
{
    QVector<qint64> ids;
    if (!mStories || !mStories->selectionModel()) {
        return ids;
    }
    QModelIndexList rows = mStories->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &index : qAsConst(rows)) {
        const qint64 id = index.data(StoryListModel::StoryIdRole).toLongLong();
        if (id > 0 && !ids.contains(id)) {
            ids << id;
        }
    }
    return ids;
}

void ExportActions::updateSelectionAction()
{
    const int n = int(selectedStories().size());
    mFromSelection->setEnabled(n > 0);
    mFromSelection->setText(n > 1 ? tr("New Packet from &Selection (%1 Stories)…").arg(n)
                                  : tr("New Packet from &Selection…"));
}

void ExportActions::exportPacket()
{
    const UiSettings::LastPacket last = UiSettings().lastPacket(mSession.database().path());
    if (last.storyIds.isEmpty()) {
        openPacketDialog(selectedStories(), false);
    } else {
        openPacketDialog(QVector<qint64>(last.storyIds.cbegin(), last.storyIds.cend()), true);
    }
}

void ExportActions::exportSelection()
{
    openPacketDialog(selectedStories(), false);
}

void ExportActions::openPacketDialog(const QVector<qint64> &ids, bool restoreLast)
{
    if (!mSession.flush()) {
        return;
    }
    auto *dialog = new ExportDialog(mSession, ids, mWindow);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString library = mSession.database().path();
    if (restoreLast) {
        lastpacket::restoreInto(*dialog, UiSettings().lastPacket(library));
    }
    connect(dialog, &ExportDialog::packetExported, this,
            [this, dialog, library](const QString &path, int n) {
                UiSettings().setLastPacket(library, lastpacket::of(*dialog, path));
                Q_EMIT messageShown(
                    tr("Wrote %1 with %2.")
                        .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()),
                             n == 1 ? tr("1 story") : tr("%1 stories").arg(n)));
            });
    dialog->open();
}

void ExportActions::exportStory()
{
    if (mOpenStory <= 0 || !mSession.flush()) {
        return;
    }
    auto *dialog = new StoryExportDialog(mSession, mOpenStory, mWindow);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StoryExportDialog::storyExported, this,
            [this](const QString &path, bool draft) {
                const QString where = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
                Q_EMIT messageShown(draft ? tr("Exported to %1, marked DRAFT.").arg(where)
                                          : tr("Exported to %1.").arg(where));
            });
    dialog->open();
}

void ExportActions::editOrganisation()
{
    auto *dialog = new OrganisationDialog(mSession.database(), mSession.person(), mWindow);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OrganisationDialog::organisationSaved, this,
            [this] { Q_EMIT messageShown(tr("Organisation settings saved.")); });
    dialog->open();
}

} // namespace fo
