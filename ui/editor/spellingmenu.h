#pragma once

class QMenu;

namespace fo {

class StoryEditor;

/// Fills Edit ▸ English Spelling: British (en_GB), American (en_US) or as the computer's
/// locale has it; the choice is remembered (UiSettings::englishSpelling) and applies to the
/// open story at once.
void fillEnglishSpellingMenu(QMenu *menu, StoryEditor *editor);

} // namespace fo
