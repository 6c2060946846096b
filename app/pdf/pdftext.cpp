#include "pdftext.h"

namespace fo {

namespace {

constexpr char16_t kReplacement = 0xFFFD;

enum class Verdict
{
    Keep,
    Drop,
    Replace,
};

bool isNoncharacter(char32_t c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/// Pango draws these without a glyph of their own (or as a space): no font check.
bool leftToPango(char32_t c, QChar::Category category)
{
    return category == QChar::Other_Format || category == QChar::Separator_Space ||
           category == QChar::Separator_Line || category == QChar::Separator_Paragraph ||
           (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F;
}

Verdict judge(char32_t c, const std::function<bool(char32_t)> &drawable)
{
    if (c == '\t' || c == '\n' || c == '\r') {
        return Verdict::Keep;
    }
    const QChar::Category category = QChar::category(c);
    if (category == QChar::Other_Control) {
        return Verdict::Drop;
    }
    if (isNoncharacter(c) || category == QChar::Other_PrivateUse ||
        category == QChar::Other_NotAssigned || category == QChar::Other_Surrogate) {
        return Verdict::Replace;
    }
    // Latin, Greek and Cyrillic below U+0250 are in every body font: no need to ask.
    if (drawable && c >= 0x250 && !leftToPango(c, category) && !drawable(c)) {
        return Verdict::Replace;
    }
    return Verdict::Keep;
}

/// True when nothing in `text` needs a second look (the common case: plain text).
bool plain(const QString &text)
{
    for (const QChar ch : text) {
        const char16_t u = ch.unicode();
        if (u >= 0x250 || (u < 0x20 && u != '\t' && u != '\n' && u != '\r') ||
            (u >= 0x7F && u < 0xA0)) {
            return false;
        }
    }
    return true;
}

} // namespace

QString pdfSafeText(const QString &text, const std::function<bool(char32_t)> &drawable)
{
    if (plain(text)) {
        return text;
    }
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text.at(i);
        char32_t c = ch.unicode();
        qsizetype units = 1;
        if (ch.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(ch, text.at(i + 1));
            units = 2;
        }
        switch (judge(c, drawable)) {
        case Verdict::Keep:
            out.append(text.constData() + i, units);
            break;
        case Verdict::Replace:
            out.append(QChar(kReplacement));
            break;
        case Verdict::Drop:
            break;
        }
        i += units - 1;
    }
    return out;
}

} // namespace fo
