#include "editor/metadataform.h"
#include "common/childsignals.h"
#include "common/readonlylook.h"

#include "domain/languages.h"
#include "editor/tagfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>

namespace fo {

namespace {

QLineEdit *makeLine(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

/// Shows a long text from its start, as people read it, not from its end.
void showText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        edit->setText(text);
        edit->home(false);
    }
}

} // namespace

MetadataForm::MetadataForm(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("metadataForm"));
    buildFields();
    buildLayout();
    connectFields();
}

void MetadataForm::buildFields()
{
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("storyStatus"));
    mStatus->setTextFormat(Qt::PlainText);
    mStatus->setAccessibleName(tr("State"));

    mHeadline = makeLine(QStringLiteral("headlineEdit"), tr("Headline"), this);
    mHeadline->setPlaceholderText(tr("Headline"));
    QFont headlineFont = mHeadline->font();
    if (headlineFont.pointSizeF() > 0) {
        headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.25);
    }
    headlineFont.setBold(true);
    mHeadline->setFont(headlineFont);

    mCity = makeLine(QStringLiteral("datelineCityEdit"), tr("Dateline city"), this);
    mCity->setPlaceholderText(tr("CITY"));
    mCountry = makeLine(QStringLiteral("datelineCountryEdit"), tr("Dateline country"), this);
    mCountry->setPlaceholderText(tr("COUNTRY"));

    mOffice = new QComboBox(this);
    mOffice->setObjectName(QStringLiteral("officeCombo"));
    mOffice->setAccessibleName(tr("Office"));
    mOffice->setEditable(true);
    mOffice->setInsertPolicy(QComboBox::NoInsert);
    mOffice->lineEdit()->setPlaceholderText(tr("Pick or type a new office"));
    mOffice->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    mOffice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mOffice->setMinimumContentsLength(10);

    mLanguage = new QComboBox(this);
    mLanguage->setObjectName(QStringLiteral("languageCombo"));
    mLanguage->setAccessibleName(tr("Language"));
    // As wide as its longest name: "বাংলা — Bengali (bn)" must not lose its end.
    mLanguage->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Language &language : storyLanguages()) {
        addLanguage(language.code, languageName(language));
    }

    mByline = makeLine(QStringLiteral("bylineEdit"), tr("Byline"), this);
    // Plainly a hint, never mistaken for a byline already there.
    mByline->setPlaceholderText(tr("Who wrote it, e.g. “Field Office Communications”"));

    mSummary = new QPlainTextEdit(this);
    mSummary->setObjectName(QStringLiteral("summaryEdit"));
    mSummary->setAccessibleName(tr("Summary"));
    mSummary->setPlaceholderText(tr("One or two sentences that say what happened"));
    mSummary->setTabChangesFocus(true);
    mSummary->setUndoRedoEnabled(false); // the story's stack undoes it
    const int lineHeight = mSummary->fontMetrics().lineSpacing();
    mSummary->setFixedHeight(lineHeight * 3 + 2 * mSummary->frameWidth() + 8);

    mEmbargoOn = new QCheckBox(tr("Embargoed &until"), this);
    mEmbargoOn->setObjectName(QStringLiteral("embargoCheck"));
    mEmbargoOn->setAccessibleName(tr("Embargo"));
    mEmbargoAt = new QDateTimeEdit(this);
    mEmbargoAt->setObjectName(QStringLiteral("embargoEdit"));
    mEmbargoAt->setAccessibleName(tr("Embargo date and time"));
    mEmbargoAt->setTimeSpec(Qt::LocalTime);
    mEmbargoAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    mEmbargoAt->setCalendarPopup(true);
    mEmbargoAt->setEnabled(false);

    mTags = new TagField(this);
    mTags->setObjectName(QStringLiteral("tagField"));
}

void MetadataForm::buildLayout()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Hea&dline:"), mHeadline);

    auto *dateline = new QHBoxLayout;
    dateline->addWidget(mCity, 1);
    dateline->addWidget(mCountry, 1);
    auto *datelineLabel = new QLabel(tr("Date&line:"), this);
    datelineLabel->setBuddy(mCity);
    form->addRow(datelineLabel, dateline);

    auto *office = new QHBoxLayout;
    office->addWidget(mOffice, 1);
    auto *languageLabel = new QLabel(tr("Lan&guage:"), this);
    languageLabel->setBuddy(mLanguage);
    office->addWidget(languageLabel);
    office->addWidget(mLanguage);
    auto *officeLabel = new QLabel(tr("Offi&ce:"), this);
    officeLabel->setBuddy(mOffice);
    form->addRow(officeLabel, office);

    form->addRow(tr("&Byline:"), mByline);
    form->addRow(tr("Su&mmary:"), mSummary);

    auto *embargo = new QHBoxLayout;
    embargo->addWidget(mEmbargoOn);
    embargo->addWidget(mEmbargoAt);
    embargo->addStretch(1);
    form->addRow(tr("Embargo:"), embargo);
    auto *tagsLabel = new QLabel(tr("&Tags:"), this);
    tagsLabel->setBuddy(mTags->lineEdit());
    form->addRow(tagsLabel, mTags);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mStatus);
    layout->addLayout(form);

    const QList<QWidget *> order = editors();
    for (int i = 0; i + 1 < order.size(); ++i) {
        setTabOrder(order.at(i), order.at(i + 1));
    }
}

void MetadataForm::connectFields()
{
    const auto text = [this](QLineEdit *edit, Field field) {
        connect(edit, &QLineEdit::textEdited, this,
                [this, field](const QString &value) { report(field, value); });
    };
    text(mHeadline, Field::Headline);
    text(mCity, Field::DatelineCity);
    text(mCountry, Field::DatelineCountry);
    text(mByline, Field::Byline);
    connect(mCity, &QLineEdit::editingFinished, this, &MetadataForm::fillOfficeFromCity);
    connect(mSummary, &QPlainTextEdit::textChanged, this,
            [this] { report(Field::Summary, mSummary->toPlainText()); });
    connect(mOffice, &QComboBox::activated, this,
            [this] { report(Field::Office, mOffice->currentText()); });
    connect(mOffice->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { report(Field::Office, mOffice->currentText()); });
    connect(mLanguage, &QComboBox::activated, this,
            [this] { report(Field::Language, mLanguage->currentData()); });
    connect(mEmbargoOn, &QCheckBox::toggled, this, [this](bool on) {
        mEmbargoAt->setEnabled(on && mEmbargoOn->isEnabled());
        if (on && !mApplying && !mShown.value(Field::Embargo).toDateTime().isValid()) {
            const QSignalBlocker blocker(mEmbargoAt);
            mEmbargoAt->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
        }
        report(Field::Embargo, value(Field::Embargo));
    });
    connect(mEmbargoAt, &QDateTimeEdit::dateTimeChanged, this,
            [this] { report(Field::Embargo, value(Field::Embargo)); });
    connect(mTags, &TagField::tagsEdited, this,
            [this](const QStringList &, const QStringList &after) { report(Field::Tags, after); });
}

void MetadataForm::report(Field field, const QVariant &after)
{
    if (mApplying) {
        return;
    }
    const QVariant before = mShown.value(field);
    if (before == after) {
        return;
    }
    mShown.insert(field, after);
    if (mDraft) {
        mDraft->edit(field, after);
    }
}

void MetadataForm::fillOfficeFromCity()
{
    if (mApplying || mCity->isReadOnly()) {
        return;
    }
    const QString office = mOffice->currentText().trimmed();
    // Only an office nobody chose: none yet, or the one this filled in from the city before.
    if (!office.isEmpty() && office != mOfficeFromCity) {
        return;
    }
    // The office import gives a story of this dateline (importparser.cpp), spelled as the
    // library spells an office it already has.
    QString name = OfficeRepository::nameFromCity(mCity->text());
    if (name.isEmpty() || name == office) {
        return;
    }
    if (const int known = mOffice->findText(name, Qt::MatchFixedString); known >= 0) {
        name = mOffice->itemText(known);
    }
    mApplying = true;
    mOffice->setEditText(name);
    mApplying = false;
    mOfficeFromCity = name;
    report(Field::Office, name);
}

void MetadataForm::addLanguage(const QString &code, const QString &name)
{
    mLanguage->addItem(QStringLiteral("%1 (%2)").arg(name, code), code);
}

void MetadataForm::setDraft(StoryDraft *draft)
{
    mDraft = draft;
    for (int i = 0; i <= int(Field::Tags); ++i) {
        setValue(Field(i), draft->value(Field(i)));
    }
    connect(draft, &StoryDraft::fieldChanged, this, &MetadataForm::setValue);
    connect(draft, &StoryDraft::fieldRestored, this, &MetadataForm::focusField);
}

void MetadataForm::commitPending()
{
    mTags->commit();
    report(Field::Office, mOffice->currentText());
}

QVariant MetadataForm::value(Field field) const
{
    switch (field) {
    case Field::Headline:
        return mHeadline->text();
    case Field::DatelineCity:
        return mCity->text();
    case Field::DatelineCountry:
        return mCountry->text();
    case Field::Office:
        return mOffice->currentText();
    case Field::Language:
        return mLanguage->currentData();
    case Field::Byline:
        return mByline->text();
    case Field::Summary:
        return mSummary->toPlainText();
    case Field::Embargo:
        return mEmbargoOn->isChecked() ? mEmbargoAt->dateTime().toUTC() : QDateTime();
    case Field::Tags:
        return mTags->tags();
    }
    return {};
}

void MetadataForm::setValue(Field field, const QVariant &value)
{
    mApplying = true;
    switch (field) {
    case Field::Headline:
        showText(mHeadline, value.toString());
        break;
    case Field::DatelineCity:
        showText(mCity, value.toString());
        break;
    case Field::DatelineCountry:
        showText(mCountry, value.toString());
        break;
    case Field::Office:
        mOffice->setEditText(value.toString());
        mOfficeFromCity.clear(); // loaded, undone or merged: someone's choice now
        break;
    case Field::Language: {
        const QString code = value.toString();
        if (mLanguage->findData(code) < 0) {
            addLanguage(code, code);
        }
        mLanguage->setCurrentIndex(mLanguage->findData(code));
        break;
    }
    case Field::Byline:
        showText(mByline, value.toString());
        break;
    case Field::Summary:
        if (mSummary->toPlainText() != value.toString()) {
            mSummary->setPlainText(value.toString());
            mSummary->moveCursor(QTextCursor::End);
        }
        break;
    case Field::Embargo:
        showEmbargo(value.toDateTime());
        break;
    case Field::Tags:
        mTags->setTags(value.toStringList());
        break;
    }
    mShown.insert(field, this->value(field));
    mApplying = false;
}

void MetadataForm::showEmbargo(const QDateTime &utc)
{
    mEmbargoOn->setChecked(utc.isValid());
    mEmbargoAt->setDateTime(utc.isValid()
                                ? utc.toLocalTime()
                                : QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
    mEmbargoAt->setEnabled(utc.isValid() && mEmbargoOn->isEnabled());
}

void MetadataForm::focusField(Field field)
{
    QWidget *widgets[] = {mHeadline, mCity,    mCountry,   mOffice, mLanguage,
                          mByline,   mSummary, mEmbargoOn, mTags};
    widgets[static_cast<int>(field)]->setFocus(Qt::OtherFocusReason);
}

void MetadataForm::setOffices(const QVector<Office> &offices)
{
    mApplying = true;
    const QString text = mOffice->currentText();
    mOffice->clear();
    for (const Office &office : offices) {
        mOffice->addItem(office.name);
    }
    mOffice->setEditText(text);
    mApplying = false;
}

void MetadataForm::setTagChoices(const QVector<Tag> &tags)
{
    mTags->setChoices(tags);
}

void MetadataForm::setReadOnly(bool readOnly, const QString &why)
{
    // Read-only fields look it, and say why (issue 12 item 17).
    for (QWidget *edit :
         std::initializer_list<QWidget *>{mHeadline, mCity, mCountry, mByline, mSummary}) {
        setReadOnlyLook(edit, readOnly, why);
    }
    mTags->setReadOnly(readOnly);
    mOffice->setEnabled(!readOnly);
    mLanguage->setEnabled(!readOnly);
    mEmbargoOn->setEnabled(!readOnly);
    mEmbargoAt->setEnabled(!readOnly && mEmbargoOn->isChecked());
}

void MetadataForm::setStatusText(const QString &text)
{
    mStatus->setText(text);
}

QList<QWidget *> MetadataForm::editors() const
{
    return {mHeadline, mCity,    mCountry,   mOffice,    mLanguage,
            mByline,   mSummary, mEmbargoOn, mEmbargoAt, mTags->lineEdit()};
}

MetadataForm::~MetadataForm()
{
    disconnectChildSignals(this);
}

} // namespace fo
