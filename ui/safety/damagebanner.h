#pragma once

#include "common/errorstrip.h"

namespace fo {

/// The error strip across the top of the window when the library was found damaged: what
/// SQLite found, that nothing more is written, and a link to the backups. A label, so that the
/// window's layout wraps it to its width.
class DamageBanner : public ErrorStrip
{
    Q_OBJECT

public:
    explicit DamageBanner(QWidget *parent = nullptr);

    /// Shows the strip for `problem` (SQLite's own words).
    void showDamage(const QString &problem);
    /// The message as plain text; empty while hidden.
    QString message() const;

signals:
    void restoreRequested();

private:
    QString mMessage;
};

} // namespace fo
