#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace fo {

/// The red strip across the top of the window when the library was found damaged: what SQLite
/// found, that nothing more is written, and a button to the backups.
class DamageBanner : public QFrame
{
    Q_OBJECT

public:
    explicit DamageBanner(QWidget *parent = nullptr);

    /// Shows the strip for `problem` (SQLite's own words).
    void showDamage(const QString &problem);
    QString text() const;

signals:
    void restoreRequested();

private:
    QLabel *mText = nullptr;
    QPushButton *mRestore = nullptr;
};

} // namespace fo
