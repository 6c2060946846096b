// Fuzzes the HTML exporter: the bytes are a story, its Markdown body (what a story holds after an
// import or an edit) and, after a line "%%%%", its short fields. The page must keep the exporter's
// promise: no script, no embedded or remote content, no event handler, links only http, https and
// mailto.

#include "fuzzsupport.h"

#include "export/htmlexporter.h"

#include <QRegularExpression>

namespace {

/// The input is the Markdown body; the short fields, when given, follow a line "%%%%" at its end,
/// one a line: headline, dateline city, country, byline, summary, tags (comma-separated).
fo::Story storyFrom(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    fo::Story story;
    story.id = 1;
    story.officeName = QStringLiteral("Gulu");
    story.status = size % 2 ? fo::StoryStatus::Approved : fo::StoryStatus::Draft;
    const qsizetype split = text.lastIndexOf(QLatin1String("\n%%%%\n"));
    story.body = split < 0 ? text : text.left(split);
    if (split >= 0) {
        QStringList fields = text.mid(split + 6).split(QLatin1Char('\n'));
        fields.resize(6);
        story.headline = fields.at(0);
        story.datelineCity = fields.at(1);
        story.datelineCountry = fields.at(2);
        story.byline = fields.at(3);
        story.summary = fields.at(4);
        story.tags = fields.at(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
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
