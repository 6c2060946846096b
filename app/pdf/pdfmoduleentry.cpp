// The PDF module's entry point (see pdfmodule.h).

#include "export/pdfmodule.h"
#include "pdfrender.h"

extern "C" Q_DECL_EXPORT const fo::PdfModule *fieldoffice_pdf_module()
{
    static const fo::PdfModule module{fo::PdfModule::kAbi, &fo::renderStoryPdf,
                                      &fo::renderPacketPdf};
    return &module;
}
