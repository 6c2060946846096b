#include "uisettings.h"

#include <QCoreApplication>

namespace fo {

namespace {

// Keys, all in one place. Renaming one loses what users had saved under it.
const QString kMainWindowGeometry = QStringLiteral("mainWindow/geometry");
const QString kMainWindowState = QStringLiteral("mainWindow/state");
const QString kMainSplitterState = QStringLiteral("mainWindow/splitter");
const QString kStoryListHeaderState = QStringLiteral("storyList/header");
const QString kFilterStatus = QStringLiteral("storyList/filter/status"); // a status key
const QString kFilterOffice = QStringLiteral("storyList/filter/office");
const QString kFilterTag = QStringLiteral("storyList/filter/tag");

QString organization()
{
    // Without an organisation the settings sit in a folder named after the program
    // (~/.config/fieldoffice/), beside its data folder, rather than in "Unknown Organization".
    const QString name = QCoreApplication::organizationName();
    return name.isEmpty() ? QCoreApplication::applicationName() : name;
}

} // namespace

UiSettings::UiSettings() : mSettings(organization(), QCoreApplication::applicationName()) {}

QByteArray UiSettings::mainWindowGeometry() const
{
    return mSettings.value(kMainWindowGeometry).toByteArray();
}

void UiSettings::setMainWindowGeometry(const QByteArray &geometry)
{
    mSettings.setValue(kMainWindowGeometry, geometry);
}

QByteArray UiSettings::mainWindowState() const
{
    return mSettings.value(kMainWindowState).toByteArray();
}

void UiSettings::setMainWindowState(const QByteArray &state)
{
    mSettings.setValue(kMainWindowState, state);
}

QByteArray UiSettings::mainSplitterState() const
{
    return mSettings.value(kMainSplitterState).toByteArray();
}

void UiSettings::setMainSplitterState(const QByteArray &state)
{
    mSettings.setValue(kMainSplitterState, state);
}

QByteArray UiSettings::storyListHeaderState() const
{
    return mSettings.value(kStoryListHeaderState).toByteArray();
}

void UiSettings::setStoryListHeaderState(const QByteArray &state)
{
    mSettings.setValue(kStoryListHeaderState, state);
}

StoryFilter UiSettings::storyListFilter() const
{
    StoryFilter filter; // default: everything
    filter.status = parseStatus(mSettings.value(kFilterStatus).toString());
    filter.office = mSettings.value(kFilterOffice).toString();
    filter.tag = mSettings.value(kFilterTag).toString();
    return filter;
}

void UiSettings::setStoryListFilter(const StoryFilter &filter)
{
    mSettings.setValue(kFilterStatus, filter.status ? statusKey(*filter.status) : QString());
    mSettings.setValue(kFilterOffice, filter.office);
    mSettings.setValue(kFilterTag, filter.tag);
}

void UiSettings::clear()
{
    mSettings.clear();
}

} // namespace fo
