// Fuzzes the paste sanitiser: the bytes are HTML on the clipboard (a web page, a word
// processor, or someone hostile). What comes out must be Markdown the editor can load, and
// loading it is part of the run.

#include "fuzzsupport.h"

#include "markdown/markdowndocument.h"

#include <QTextDocument>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::startApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString markdown = fo::sanitizeHtmlToMarkdown(html);
    QTextDocument doc;
    fo::markdownToDocument(markdown, &doc);
    (void)fo::documentToMarkdown(&doc);
    return 0;
}
