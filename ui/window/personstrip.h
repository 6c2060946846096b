#pragma once

#include <QFrame>

class QPushButton;

namespace fo {

class ErrorStrip;

/// The strip across the window while nobody is chosen (issue 12 item 1): the window reads the
/// library but writes nothing, and says so, with the way out one click away.
class PersonStrip : public QFrame
{
    Q_OBJECT

public:
    explicit PersonStrip(QWidget *parent = nullptr);

    /// Shows why the window only reads: nobody chosen, or `joinName` asked to join and waits
    /// for an admin. hide() when a person is chosen.
    void showReadOnly(const QString &joinName);
    QString text() const;

Q_SIGNALS:
    void chooseRequested();

private:
    ErrorStrip *mText = nullptr;
    QPushButton *mChoose = nullptr;
};

} // namespace fo
