#pragma once

#include "domain/story.h"

#include <memory>

class QPrinter;
class QTextDocument;

namespace fo {

/// Printing a story (File › Print…) as it exports: the page is the HTML export's (htmlexporter.h:
/// its template, its house stylesheet, the DRAFT mark when the export would carry it), the same
/// page the preview shows, laid out by Qt on the printer's pages.
///
/// Why the HTML and not the PDF export: the story PDF is drawn by the PDF module (Pango and
/// Cairo), and Qt 6.4 on Debian 12 has nothing to draw a PDF on a printer without QtPdf, which
/// comes only with QtWebEngine. Through QTextDocument the page reaches every printer Qt's dialog
/// offers, and "Print to File" gives a PDF with a text layer. What differs from the exported PDF:
/// its running header and folio (here a page number at the foot).
///
/// `draft`: as the export decides it (the approval does not cover the story as it is).
std::unique_ptr<QTextDocument> storyPrintDocument(const Story &story, bool draft);
/// Prints storyPrintDocument() on `printer`, whose page size and margins it follows.
void printStory(const Story &story, bool draft, QPrinter *printer);

} // namespace fo
