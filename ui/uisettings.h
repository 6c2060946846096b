#pragma once

#include "story.h"

#include <QByteArray>
#include <QSettings>

namespace fo {

/// The window's remembered state, typed. Every key and default lives in uisettings.cpp, so no
/// widget spells a settings key.
///
/// Stored with QSettings under the application's organisation and name; without an
/// organisation, in a folder named after the application.
class UiSettings
{
public:
    UiSettings();

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);
    /// The list/story split.
    QByteArray mainSplitterState() const;
    void setMainSplitterState(const QByteArray &state);
    /// Column widths and order of the story list.
    QByteArray storyListHeaderState() const;
    void setStoryListHeaderState(const QByteArray &state);

    /// The status, office and tag filters of the story list. The search text is not kept: a
    /// search left over from last week would hide stories with no obvious reason.
    StoryFilter storyListFilter() const;
    void setStoryListFilter(const StoryFilter &filter);

    /// Forgets everything the window remembered.
    void clear();

private:
    QSettings mSettings;
};

} // namespace fo
