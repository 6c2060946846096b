#pragma once

// Inside the PDF module (app/pdf): what the renderers share. Nothing outside the module
// includes this; the program reaches the module through pdfmodule.h.

#include "export/packet.h"
#include "export/pdfexporter.h"

typedef struct _cairo cairo_t;

namespace fo {

class PangoText;
struct PageGeometry;

/// The paper and the house margins for a page size.
PageGeometry pageGeometry(PageSize size);

/// What surrounds the text on a page: the running header, "Page N of M" and the draft mark.
struct PageFrame
{
    QString headerLeft;
    QString headerRight;
    bool header = true; // false on a cover
    bool folio = true;  // "Page N of M"; false on a cover, which carries no number
    bool draft = false;
};

/// Draws the frame of page `page` (1-based, as numbered) of `pageCount`.
void drawPageFrame(cairo_t *cr, const PangoText &text, const PageGeometry &geometry,
                   const PageFrame &frame, int page, int pageCount);

/// writeStoryPdf() and writePacketPdf() as the module does them.
Status renderStoryPdf(const Story &story, const QString &path, const PdfOptions &options);
Status renderPacketPdf(const Packet &packet, const QString &path, const PacketOptions &options);

} // namespace fo
