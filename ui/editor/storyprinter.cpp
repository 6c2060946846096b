#include "editor/storyprinter.h"

#include "common/offlinedocument.h"
#include "export/htmlexporter.h"

#include <QPrinter>

namespace fo {

std::unique_ptr<QTextDocument> storyPrintDocument(const Story &story, bool draft)
{
    HtmlOptions options;
    options.draft = draft;
    // Offline: a story naming a file or a URL as an image must not make printing read it.
    auto document = std::make_unique<OfflineDocument>();
    document->setHtml(renderStoryHtml(story, options));
    document->setMetaInformation(QTextDocument::DocumentTitle, story.headline);
    return document;
}

void printStory(const Story &story, bool draft, QPrinter *printer)
{
    if (printer->docName().isEmpty()) {
        printer->setDocName(story.headline); // the job's name in the printer's queue
    }
    storyPrintDocument(story, draft)->print(printer);
}

} // namespace fo
