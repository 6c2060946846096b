#pragma once

#include <QByteArray>
#include <QString>

namespace fo {

/// Bytes of a text file as text, or what is wrong with them and where.
struct DecodedText
{
    enum class Problem
    {
        None,
        DamagedUtf16, // a UTF-16 byte-order mark, then what is not UTF-16 text
        NulByte,      // a NUL byte: not a text file
        InvalidUtf8,  // not UTF-8 (Latin-1, Windows-1252, a binary file)
    };
    QString text; // empty unless problem is None
    Problem problem = Problem::None;
    int line = 0;   // 1-based line of the problem
    int column = 0; // InvalidUtf8: the column of the bad byte, in characters
    uchar byte = 0; // InvalidUtf8: the bad byte
};

/// The one decoder of story files, for import (parseFile) and `fieldoffice edit --body-file`:
/// UTF-16 with its byte-order mark ("Unicode" as Windows editors save it), else strict UTF-8
/// (overlong forms, surrogates and what is beyond U+10FFFF refused); a UTF-8 byte-order mark is
/// dropped; a NUL byte is refused. Line endings are left as they are.
DecodedText decodeTextFile(const QByteArray &bytes);

} // namespace fo
