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
    static constexpr int kAbi = 2; // 2: the functions return Status
    int abi = kAbi;
    Status (*writeStory)(const Story &, const QString &, const PdfOptions &) = nullptr;
    Status (*writePacket)(const Packet &, const QString &, const PacketOptions &) = nullptr;
};

/// The module, loaded on first use, or why not (PdfModuleMissing, PdfModuleWrongVersion).
/// Searched: $FIELDOFFICE_PDF_MODULE (a file), then beside the program as installed
/// (bin/../<libdir>/fieldoffice/), then the build tree it was built in.
Result<const PdfModule *> pdfModule();

} // namespace fo

/// The module's one exported function.
extern "C" const fo::PdfModule *fieldoffice_pdf_module();
