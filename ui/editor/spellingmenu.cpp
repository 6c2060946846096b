#include "editor/spellingmenu.h"

#include "common/uisettings.h"
#include "editor/spellcheck.h"
#include "editor/storyeditor.h"
#include "spelling/spelldictionary.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLocale>
#include <QMenu>

namespace fo {

void fillEnglishSpellingMenu(QMenu *menu, StoryEditor *editor)
{
    menu->setObjectName(QStringLiteral("englishSpellingMenu"));
    auto *group = new QActionGroup(menu);
    const QString chosen = UiSettings().englishSpelling();
    const QString byLocale = SpellDictionary::englishVariantFor(QLocale::system());
    const struct
    {
        QString text;
        QString dictionary; // empty: the locale's
    } choices[] = {
        {QCoreApplication::translate("fo::MainWindow", "&British (en_GB)"),
         QStringLiteral("en_GB")},
        {QCoreApplication::translate("fo::MainWindow", "&American (en_US)"),
         QStringLiteral("en_US")},
        {QCoreApplication::translate("fo::MainWindow", "As the &Computer's Language (%1)")
             .arg(byLocale),
         QString()},
    };
    for (const auto &choice : choices) {
        QAction *action = menu->addAction(choice.text);
        action->setCheckable(true);
        action->setChecked(choice.dictionary == chosen);
        group->addAction(action);
        const QString dictionary = choice.dictionary;
        QObject::connect(action, &QAction::triggered, editor, [editor, dictionary, byLocale] {
            UiSettings().setEnglishSpelling(dictionary);
            if (SpellCheck *spell = editor->spellCheck()) {
                spell->setEnglishVariant(dictionary.isEmpty() ? byLocale : dictionary);
            }
        });
    }
}

} // namespace fo
