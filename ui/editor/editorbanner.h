#pragma once

#include <QLabel>

namespace fo {

/// The strip above the editor that says why the story cannot be edited (read-only library,
/// in the Trash, the workflow) or that changes are not saved. Hidden when there is nothing to
/// say; read out by screen readers as its text.
class EditorBanner : public QLabel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Notice,
        Error
    };

    explicit EditorBanner(QWidget *parent = nullptr);

    /// Shows `text`; an empty text hides the banner.
    void showMessage(const QString &text, Kind kind);
};

} // namespace fo
