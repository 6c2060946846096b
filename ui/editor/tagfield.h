#pragma once

#include "library/tagrepository.h"

#include <QSet>
#include <QStringList>
#include <QWidget>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace fo {

/// The tags of a story, typed as a comma-separated list ("topic/justice-system, type/court").
///
/// Completion offers the library's tags as soon as part of a name is typed (anywhere in the
/// label, so "just" finds "topic/justice-system"); a name that is not in the library becomes a
/// new tag. Below the field each tag shows with its category, and new ones are marked new.
///
/// A tag counts only once it is finished — a comma typed after it, a completion chosen, Enter, or
/// the focus leaving — so that an autosave in the middle of a word never creates a tag "topic/ju".
class TagField : public QWidget
{
    Q_OBJECT

public:
    explicit TagField(QWidget *parent = nullptr);
    ~TagField() override;

    /// The tags to offer, with their categories.
    void setChoices(const QVector<Tag> &tags);
    /// Shows `tags` without emitting tagsEdited().
    void setTags(const QStringList &tags);
    /// The finished tags.
    QStringList tags() const { return mTags; }
    /// Finishes what is being typed now (before a save that must not wait for the focus to move).
    void commit();

    void setReadOnly(bool readOnly);
    QLineEdit *lineEdit() const { return mEdit; }
    /// The line under the field that shows each tag with its category.
    QLabel *badges() const { return mBadges; }

    /// Labels in the form the library stores, without empties and duplicates (ignoring case).
    static QStringList parse(const QString &text);

signals:
    /// The finished tags changed by the user.
    void tagsEdited(const QStringList &before, const QStringList &after);

private:
    void onTextEdited(const QString &text);
    /// Undoes a comma or space just typed where the text already has its separator.
    bool dropRepeatedSeparator(const QString &text);
    void insertCompletion(const QString &label);
    void updateBadges();
    /// The part of the text being typed: from after the last comma before the cursor.
    QString currentToken() const;

    QLineEdit *mEdit = nullptr;
    QLabel *mBadges = nullptr;
    QCompleter *mCompleter = nullptr;
    QStringListModel *mChoiceModel = nullptr;
    QSet<QString> mKnown; // lower-case labels of the library's tags
    QStringList mTags;
};

} // namespace fo
