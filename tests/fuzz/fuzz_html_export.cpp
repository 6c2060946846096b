// Fuzzes the HTML exporter: the bytes are a story whose first lines fill the short fields
// (headline, dateline, byline, summary, tags) and whose rest is the Markdown body, which is what
// a story holds after an import or an edit. The page must keep the exporter's promise: no
// script, no embedded or remote content, no event handler, links only http, https and mailto.

#include "fuzzsupport.h"

#include "htmlexporter.h"

#include <QRegularExpression>

namespace {

/// Takes the text up to the next line end off `text`.
QString takeLine(QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QString line = end < 0 ? text : text.left(end);
    text = end < 0 ? QString() : text.mid(end + 1);
    return line;
}

fo::Story storyFrom(const uint8_t *data, size_t size)
{
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    fo::Story story;
    // A seed that is a Markdown file starts with a heading or front matter: keep it all as body.
    if (!text.startsWith(QLatin1Char('#')) && !text.startsWith(QLatin1String("---"))) {
        story.headline = takeLine(text);
        story.datelineCity = takeLine(text);
        story.datelineCountry = takeLine(text);
        story.byline = takeLine(text);
        story.summary = takeLine(text);
        story.tags = takeLine(text).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    story.id = 1;
    story.officeName = QStringLiteral("Gulu");
    story.body = text;
    story.status = size % 2 ? fo::StoryStatus::Approved : fo::StoryStatus::Draft;
    return story;
}

void checkPromises(const QString &page)
{
    // The page template's own <meta> elements come before the body.
    const qsizetype body = page.indexOf(QLatin1String("\n<body>\n"));
    if (body < 0 || !page.endsWith(QLatin1String("</html>\n"))) {
        fuzz::fail("the page is not a whole HTML document");
    }
    const QString html = page.mid(body);
    static const QRegularExpression forbidden(
        QStringLiteral("<\\s*(script|iframe|object|embed|img|svg|math|link|meta|base|form|input|"
                       "frame|frameset|applet|audio|video|source)\\b"
                       "|<[^>]*\\son[a-z]+\\s*="
                       "|\\s(href|src|action|formaction)\\s*=\\s*[\"']?\\s*(?!https?:|mailto:|#)"
                       "[a-z][a-z0-9+.-]*:"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = forbidden.match(html);
    if (m.hasMatch()) {
        std::fprintf(stderr, "fuzz: the page holds \"%s\"\n", qPrintable(m.captured(0).left(80)));
        fuzz::fail("the exported page breaks the exporter's promise");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::startApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fo::Story story = storyFrom(data, size);
    fo::HtmlOptions options;
    options.draft = story.status != fo::StoryStatus::Approved;
    // The stylesheet is the same on every page; leave it out and check the rest.
    options.stylesheet = fo::HtmlOptions::Stylesheet::None;
    checkPromises(fo::renderStoryHtml(story, options));
    return 0;
}
