#pragma once

#include "import/importer.h"

#include <QString>

namespace fo {

/// Why a file was not imported, as one line: the parser's "FILE:LINE: message", or the
/// library's refusal ("FILE:LINE: not imported ("Headline"): cannot save: …"); empty when it
/// was imported. Translatable (context "Refusal").
QString importErrorText(const Importer::FileResult &result);

} // namespace fo
