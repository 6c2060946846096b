#include "common/readonlylook.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QVariant>

namespace fo {

void setReadOnlyLook(QWidget *field, bool readOnly, const QString &why)
{
    if (auto *line = qobject_cast<QLineEdit *>(field)) {
        line->setReadOnly(readOnly);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(field)) {
        plain->setReadOnly(readOnly);
    } else if (auto *rich = qobject_cast<QTextEdit *>(field)) {
        rich->setReadOnly(readOnly);
    } else {
        field->setEnabled(!readOnly);
        return;
    }
    // The property lets a test (and a style sheet) tell the look; the palette draws it.
    field->setProperty("readOnlyLook", readOnly);
    QWidget *surface = field;
    if (auto *area = qobject_cast<QAbstractScrollArea *>(field)) {
        surface = area->viewport();
    }
    for (QWidget *w : {field, surface}) {
        QPalette palette = w->palette();
        if (readOnly && !w->property("baseBeforeReadOnly").isValid()) {
            w->setProperty("baseBeforeReadOnly", palette.color(QPalette::Base));
            palette.setColor(QPalette::Base, palette.color(QPalette::Window));
        } else if (!readOnly && w->property("baseBeforeReadOnly").isValid()) {
            palette.setColor(QPalette::Base, w->property("baseBeforeReadOnly").value<QColor>());
            w->setProperty("baseBeforeReadOnly", QVariant());
        }
        w->setPalette(palette);
    }
    // The field's own tooltip comes back when it can be changed again.
    if (readOnly && !why.isEmpty()) {
        if (!field->property("toolTipBeforeReadOnly").isValid()) {
            field->setProperty("toolTipBeforeReadOnly", field->toolTip());
        }
        field->setToolTip(why);
    } else if (!readOnly && field->property("toolTipBeforeReadOnly").isValid()) {
        field->setToolTip(field->property("toolTipBeforeReadOnly").toString());
        field->setProperty("toolTipBeforeReadOnly", QVariant());
    }
}

} // namespace fo
