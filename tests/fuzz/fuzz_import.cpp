// Fuzzes the import of a story file, built twice (CMakeLists.txt): as fuzz_markdown_import, a
// Markdown file (.md, front matter optional), and as fuzz_plaintext_import, a plain-text file with
// one or more stories (.txt). FO_FUZZ_FILE_NAME chooses which. The bytes go through
// parseFile() as a user's file would (UTF-16 and BOM detection, the NUL and UTF-8 checks, line-end
// and NFC normalisation, then the parser). A parsed story is written back as Markdown, which reads
// every field the parser filled, and its body is loaded as the editor loads it when the story is
// opened.
//
// parseFile() only takes a path, so the input is written to a file on a memory file system.

#include "fuzzsupport.h"

#include "import/importparser.h"
#include "import/storymarkdown.h"
#include "markdown/markdowndocument.h"

#include <QTextDocument>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::startApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString name = QStringLiteral(FO_FUZZ_FILE_NAME);
    const fo::ParseResult result = fo::parseFile(fuzz::writeInput(name, data, size));
    if (!result.ok() && !result.stories.isEmpty()) {
        fuzz::fail("a refused file still gave stories");
    }
    for (const fo::ParsedStory &parsed : result.stories) {
        // The import promises a headline on every story it brings in.
        if (parsed.story.headline.trimmed().isEmpty()) {
            fuzz::fail("a story without a headline was accepted");
        }
        (void)fo::storyToMarkdown(parsed.story);
        QTextDocument doc;
        fo::markdownToDocument(parsed.story.body, &doc);
        (void)fo::documentToMarkdown(&doc);
    }
    return 0;
}
