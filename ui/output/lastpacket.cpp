#include "output/lastpacket.h"

#include "common/outputpathfield.h"
#include "output/exportdialog.h"
#include "output/packetstorymodel.h"

#include <QDir>
#include <QFileInfo>
#include <QLineEdit>

namespace fo::lastpacket {

UiSettings::LastPacket of(const ExportDialog &dialog, const QString &writtenPath)
{
    UiSettings::LastPacket packet;
    for (qint64 id : dialog.storyModel()->storyIds()) {
        packet.storyIds << id;
    }
    packet.title = dialog.titleEdit()->text();
    packet.folder = QFileInfo(writtenPath).absolutePath();
    return packet;
}

void restoreInto(ExportDialog &dialog, const UiSettings::LastPacket &packet)
{
    if (!packet.title.isEmpty()) {
        dialog.titleEdit()->setText(packet.title);
    }
    OutputPathField *field = dialog.outputField();
    const QString suggested = field->path();
    if (!packet.folder.isEmpty() && QFileInfo(packet.folder).isDir() && !suggested.isEmpty()) {
        field->setPath(QDir(packet.folder).filePath(QFileInfo(suggested).fileName()));
    }
}

} // namespace fo::lastpacket
