#pragma once

#include <QObject>

namespace fo {

/// Disconnects every signal of `owner`'s descendants from `owner`.
///
/// Call it first in the destructor of a widget whose slots or lambdas use its own members.
/// ~QWidget deletes the children only after those members are gone, and a child can still emit
/// while it is being deleted — a focused line edit emits editingFinished as it loses the focus —
/// which would run the slot on a half-destroyed object.
inline void disconnectChildSignals(QObject *owner)
{
    const QList<QObject *> descendants = owner->findChildren<QObject *>();
    for (QObject *child : descendants) {
        QObject::disconnect(child, nullptr, owner, nullptr);
    }
}

} // namespace fo
