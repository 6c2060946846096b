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

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "fuzz: the page holds \"%s\"\n", qPrintable(what.left(200)));
    fuzz::fail("the exported page breaks the exporter's promise");
}

void checkPromises(const QString &page)
{
    // The page template's own <meta> elements come before the body.
    const qsizetype body = page.indexOf(QLatin1String("\n<body>\n"));
    if (body < 0 || !page.endsWith(QLatin1String("</html>\n"))) {
        fuzz::fail("the page is not a whole HTML document");
    }
    const QString html = page.mid(body);
    static const QRegularExpression element(
        QStringLiteral("<\\s*(script|iframe|object|embed|img|svg|math|link|meta|base|form|input|"
                       "frame|frameset|applet|audio|video|source|style)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tag(QStringLiteral("<[a-zA-Z][^>]*>"));
    static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\""));
    static const QRegularExpression handler(QStringLiteral("\\son[a-z]+\\s*="),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression url(
        QStringLiteral("\\s(?:href|src|action|formaction)\\s*=\\s*\"([^\"]*)\""),
        QRegularExpression::CaseInsensitiveOption);
    // As a browser reads a URL: C0 controls and spaces around it go, tabs and line ends inside.
    static const QRegularExpression ignored(QStringLiteral("[\\t\\n\\r]"));
    static const QRegularExpression scheme(QStringLiteral("^[\\x00-\\x20]*([a-z][a-z0-9+.-]*):"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression allowed(QStringLiteral("^(https?|mailto)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = element.match(html); m.hasMatch())
        fail(m.captured(0));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QString t = it.next().captured(0);
        // Attribute values are quoted and escaped: what is inside them cannot be an attribute.
        if (QString(t).replace(quoted, QStringLiteral("\"\"")).contains(handler))
            fail(t);
        for (auto u = url.globalMatch(t); u.hasNext();) {
            const QRegularExpressionMatch m = scheme.match(u.next().captured(1).remove(ignored));
            if (m.hasMatch() && !allowed.match(m.captured(1)).hasMatch())
                fail(t);
        }
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
