#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fo {

/// Asks for a link: its text (when there is no selection to link) and its address. Only web
/// (http, https) and e-mail (mailto) addresses are accepted; "example.org" becomes
/// "https://example.org" and "name@example.org" a mailto link. Anything else — javascript:,
/// data:, file: — is refused with a reason, and OK stays disabled.
class LinkDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LinkDialog(QWidget *parent = nullptr);
    ~LinkDialog() override;

    /// `text` empty and `askText` false: the link goes on selected text that is not shown.
    void setLink(const QString &text, const QString &address, bool askText);
    /// Offers "Remove Link" (for a link that exists).
    void setRemovable(bool removable);

    QString text() const;
    /// The normalised address; empty while it is not acceptable.
    QString address() const;
    /// True when the dialog was closed with "Remove Link".
    bool removeRequested() const { return mRemove; }

    /// The address to store for what someone typed, or empty when it is not allowed.
    static QString normalizedAddress(const QString &input);

private:
    void validate();

    QLineEdit *mText = nullptr;
    QLabel *mTextLabel = nullptr;
    QLineEdit *mAddress = nullptr;
    QLabel *mMessage = nullptr;
    QDialogButtonBox *mButtons = nullptr;
    QPushButton *mRemoveButton = nullptr;
    bool mRemove = false;
};

} // namespace fo
