#pragma once

#include "export/packet.h"
#include "export/pdfexporter.h"

namespace fo {

/// What the PDF module (app/pdf, libfieldoffice_pdf.so) gives the program. The module holds
/// everything that draws PDF with Pango and Cairo; the program loads it on the first PDF, so
/// that starting the window or a command that writes no PDF never maps that stack.
///
/// Both sides are built from this header in one build; `abi` guards against a module left
/// over from another one.
struct PdfModule
{
    static constexpr int kAbi = 1;
    int abi = kAbi;
    bool (*writeStory)(const Story &, const QString &, const PdfOptions &, QString *) = nullptr;
    bool (*writePacket)(const Packet &, const QString &, const PacketOptions &,
                        QString *) = nullptr;
};

/// The module, loaded on first use; null with `error` set when it cannot be found or loaded.
/// Searched: $FIELDOFFICE_PDF_MODULE (a file), then beside the program as installed
/// (bin/../<libdir>/fieldoffice/), then the build tree it was built in.
const PdfModule *pdfModule(QString *error);

} // namespace fo

/// The module's one exported function.
extern "C" const fo::PdfModule *fieldoffice_pdf_module();
