#pragma once

#include <QString>

#include <functional>

namespace fo {

/// The PDF's rule for code points it cannot show, applied at the PDF boundary (every text that
/// Pango lays out, the metadata, outline titles and link targets):
///
///  - a lone surrogate, a noncharacter (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF, up to U+10FFFF),
///    a private-use code point or one that Unicode has not assigned becomes U+FFFD (�);
///  - a control character other than tab, line feed and carriage return is dropped;
///  - when `drawable` is given, any other character it says no installed font can draw (an
///    emoji without an emoji font) becomes U+FFFD, rather than a box of hex digits that would
///    also land in the PDF's text layer. Formatting characters (joiners, variation selectors)
///    and spaces are left to Pango, which never draws them as boxes.
///
/// Why: Cairo refuses a whole PDF over one noncharacter ("input string not valid UTF-8"), and
/// Pango's hex boxes put digits into the text a journalist copies. U+FFFD shows, in the page
/// and in the copied text, that something was there.
QString
pdfSafeText(const QString &text,
            const std::function<bool(char32_t)> &drawable = std::function<bool(char32_t)>());

} // namespace fo
