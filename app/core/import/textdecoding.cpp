#include "import/textdecoding.h"

#include <QPair>
#include <QStringDecoder>

namespace fo {

namespace {

/// Qt's UTF-16 decoder lets a surrogate without its other half through.
bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() &&
            text.at(i + 1).isLowSurrogate()) {
            ++i;
        } else if (text.at(i).isSurrogate()) {
            return true;
        }
    }
    return false;
}

qsizetype invalidUtf8Offset(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + len > n) {
            return i;
        }
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i; // overlong, out of range or a surrogate
        }
        i += len;
    }
    return -1;
}

/// "3" and the column in characters of a byte offset.
QPair<int, int> lineAndColumn(const QByteArray &bytes, qsizetype offset)
{
    const QByteArray before = bytes.left(offset);
    const int line = int(before.count('\n')) + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int column = int(QString::fromUtf8(before.mid(lineStart)).size()) + 1;
    return {line, column};
}

} // namespace

DecodedText decodeTextFile(const QByteArray &input)
{
    DecodedText result;
    QByteArray bytes = input;
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        // "Unicode" text as Windows editors save it: unambiguous with its byte-order mark.
        QStringDecoder utf16(bytes.startsWith("\xFF\xFE") ? QStringDecoder::Utf16LE
                                                          : QStringDecoder::Utf16BE);
        const QString decoded = utf16.decode(bytes.mid(2));
        if (utf16.hasError() || decoded.contains(QChar::Null) || hasLoneSurrogate(decoded)) {
            result.problem = DecodedText::Problem::DamagedUtf16;
            result.line = 1;
            return result;
        }
        bytes = decoded.toUtf8();
    }
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bytes.remove(0, 3);
    }
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0) {
        result.problem = DecodedText::Problem::NulByte;
        result.line = lineAndColumn(bytes, nul).first;
        return result;
    }
    if (const qsizetype bad = invalidUtf8Offset(bytes); bad >= 0) {
        const auto [line, column] = lineAndColumn(bytes, bad);
        result.problem = DecodedText::Problem::InvalidUtf8;
        result.line = line;
        result.column = column;
        result.byte = uchar(bytes.at(bad));
        return result;
    }
    result.text = QString::fromUtf8(bytes);
    return result;
}

} // namespace fo
