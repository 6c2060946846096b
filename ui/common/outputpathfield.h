#pragma once

#include <QWidget>

class QLineEdit;

namespace fo {

/// Where an export goes: a path field with a Browse button. It offers a default name (from the
/// packet title or headline) in the folder of the last export until the user types or picks a
/// path, and keeps the suffix in step with the chosen format.
class OutputPathField : public QWidget
{
    Q_OBJECT

public:
    enum class Kind
    {
        File,
        Folder,
    };

    explicit OutputPathField(QWidget *parent = nullptr);

    ~OutputPathField() override;

    QString path() const;
    void setPath(const QString &path);
    QLineEdit *lineEdit() const { return mEdit; }

    /// What kind of path the format needs; `suffix` ("pdf", "html") is for files.
    void setKind(Kind kind, const QString &suffix, const QString &filter);
    /// The file or folder name to offer, without suffix; ignored once the user chose a path.
    void setSuggestedName(const QString &baseName);

    /// "Press packet: Gulu, May" → "press-packet-gulu-may" (letters of any script are kept),
    /// whole words only up to 60 characters; a single longer word is cut between graphemes.
    static QString fileNameFor(const QString &title, const QString &fallback);
    /// Keeps the folder of a finished export, which the next suggestion starts in (UiSettings).
    static void remember(const QString &exportedPath);

Q_SIGNALS:
    void pathChanged(const QString &path);

private:
    void browse();
    void applySuggestion();

    QLineEdit *mEdit = nullptr;
    Kind mKind = Kind::File;
    QString mSuffix;
    QString mFilter;
    QString mBaseName;
    bool mChosen = false; // the user typed or picked a path: leave the name alone
};

} // namespace fo
