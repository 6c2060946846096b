#pragma once

#include <QString>

class QWidget;

namespace fo {

/// Makes a text field read-only AND look it (issue 12 item 17): its background becomes the
/// window's, as a label's, and its tooltip says why it cannot be changed. `readOnly` false
/// gives back the field's own look. Works on QLineEdit, QPlainTextEdit and QTextEdit; other
/// widgets are disabled instead. The colours come from the palette, so a dark theme stays right.
void setReadOnlyLook(QWidget *field, bool readOnly, const QString &why = QString());

} // namespace fo
