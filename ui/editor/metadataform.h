#pragma once

#include "editor/storydraft.h"
#include "library/officerepository.h"
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
/// The form shows a StoryDraft and reports each change the user makes to it (StoryDraft::edit,
/// which records the undo step); values the draft takes from elsewhere (loading a story, undo,
/// redo, a merge) are shown without being reported. An office or a tag counts once it is
/// finished (chosen, or the field left), so a pause in typing never creates an office "Kam".
class MetadataForm : public QWidget
{
    Q_OBJECT

public:
    using Field = StoryDraft::Field;

    explicit MetadataForm(QWidget *parent = nullptr);

    ~MetadataForm() override;

    /// Shows `draft` and reports the user's changes to it from now on.
    void setDraft(StoryDraft *draft);
    /// Finishes an office or tags being typed, reporting them like any change.
    void commitPending();

    QVariant value(Field field) const;
    /// Shows `value` (from undo or redo) without reporting it.
    void setValue(Field field, const QVariant &value);
    void focusField(Field field);

    void setOffices(const QVector<Office> &offices);
    void setTagChoices(const QVector<Tag> &tags);
    void setReadOnly(bool readOnly, const QString &why = QString());
    void setStatusText(const QString &text);

    /// The widgets that edit the story, in tab order.
    QList<QWidget *> editors() const;

private:
    void buildFields();
    void buildLayout();
    void connectFields();
    void report(Field field, const QVariant &after);
    void showEmbargo(const QDateTime &utc);
    void addLanguage(const QString &code, const QString &name);
    /// An empty office takes the dateline city's, as import gives it.
    void fillOfficeFromCity();

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

    StoryDraft *mDraft = nullptr;
    QMap<Field, QVariant> mShown; // what each field showed before the user's next change
    bool mApplying = false;
    QString mOfficeFromCity; // the office this form filled in from the city, until changed
};

} // namespace fo
