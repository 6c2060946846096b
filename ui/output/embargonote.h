#pragma once

#include "domain/story.h"

#include <QDateTime>
#include <QVector>

namespace fo {

/// What the export dialogs say of an embargo (issue 12 item 18): "embargoed until 10 December
/// 2026, 09:00 UTC" when any of `stories` is embargoed beyond `now` (the latest such embargo,
/// which a packet's cover prints too); empty when none is. An export may go out before then,
/// but "ready to send" alone would invite publishing it.
QString embargoNote(const QVector<Story> &stories,
                    const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace fo
