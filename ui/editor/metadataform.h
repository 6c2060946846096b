#pragma once

#include "library/officerepository.h"
#include "domain/story.h"
#include "library/tagrepository.h"

#include <QMap>
#include <QVariant>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace fo {

class TagField;

/// The form above a story's text: headline, dateline city and country, office (picked or typed
/// to create one), language, byline, summary, embargo and tags, with the story's state.
///
/// The form reports each change the user makes as one field with its value before and after
/// (fieldEdited), which is what an undo command needs; values set from outside (loading a story,
/// undo, redo) are shown without being reported. An office or a tag counts once it is finished
/// (chosen, or the field left), so a pause in typing never creates an office "Kam".
class MetadataForm : public QWidget
{
    Q_OBJECT

public:
    enum class Field
    {
        Headline,
        DatelineCity,
        DatelineCountry,
        Office,
        Language,
        Byline,
        Summary,
        Embargo,
        Tags
    };
    Q_ENUM(Field)

    explicit MetadataForm(QWidget *parent = nullptr);

    ~MetadataForm() override;

    /// Shows the story's fields.
    void setStory(const Story &story);
    /// Writes the form into `story`. An embargo the user did not touch stays exactly as it was
    /// (the form shows minutes; the library may hold seconds).
    void applyTo(Story &story) const;
    /// Finishes an office or tags being typed, reporting them like any change.
    void commitPending();

    QVariant value(Field field) const;
    /// Shows `value` (from undo or redo) without reporting it.
    void setValue(Field field, const QVariant &value);
    void focusField(Field field);

    void setOffices(const QVector<Office> &offices);
    void setTagChoices(const QVector<Tag> &tags);
    void setReadOnly(bool readOnly);
    void setStatusText(const QString &text);

    /// The widgets that edit the story, in tab order.
    QList<QWidget *> editors() const;

signals:
    void fieldEdited(fo::MetadataForm::Field field, const QVariant &before, const QVariant &after);

private:
    void buildFields();
    void buildLayout();
    void connectFields();
    void report(Field field, const QVariant &after);
    void showEmbargo(const QDateTime &utc);
    void addLanguage(const QString &code, const QString &name);

    QLabel *mStatus = nullptr;
    QLineEdit *mHeadline = nullptr;
    QLineEdit *mCity = nullptr;
    QLineEdit *mCountry = nullptr;
    QComboBox *mOffice = nullptr;
    QComboBox *mLanguage = nullptr;
    QLineEdit *mByline = nullptr;
    QPlainTextEdit *mSummary = nullptr;
    QCheckBox *mEmbargoOn = nullptr;
    QDateTimeEdit *mEmbargoAt = nullptr;
    TagField *mTags = nullptr;

    QMap<Field, QVariant> mShown; // what each field showed before the user's next change
    QDateTime mLoadedEmbargo;     // the embargo as the form showed it when the story loaded
    bool mApplying = false;
};

} // namespace fo
