#include "export/htmlexporter.h"

#include "base/atomicwrite.h"
#include "export/storydocument.h"

#include <QFile>

namespace fo {

namespace {

QString resourceText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return QString(); // only when the binary was built without its resources
    }
    return QString::fromUtf8(f.readAll());
}

/// Fills {{name}} placeholders in one pass, so that a value holding "{{body}}" is never expanded.
QString fillTemplate(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size() + 4096);
    int pos = 0;
    while (true) {
        const int open = text.indexOf(QStringLiteral("{{"), pos);
        const int close = open < 0 ? -1 : text.indexOf(QStringLiteral("}}"), open + 2);
        if (close < 0) {
            out += QStringView(text).mid(pos);
            return out;
        }
        out += QStringView(text).mid(pos, open - pos);
        out += values.value(text.mid(open + 2, close - open - 2));
        pos = close + 2;
    }
}

void openTags(QString &out, unsigned flags)
{
    if (flags & TextRun::Dateline) {
        out += QStringLiteral("<span class=\"dateline\">");
    }
    if (flags & TextRun::Bold) {
        out += QStringLiteral("<strong>");
    }
    if (flags & TextRun::Italic) {
        out += QStringLiteral("<em>");
    }
    if (flags & TextRun::Code) {
        out += QStringLiteral("<code>");
    }
}

void closeTags(QString &out, unsigned flags)
{
    if (flags & TextRun::Code) {
        out += QStringLiteral("</code>");
    }
    if (flags & TextRun::Italic) {
        out += QStringLiteral("</em>");
    }
    if (flags & TextRun::Bold) {
        out += QStringLiteral("</strong>");
    }
    if (flags & TextRun::Dateline) {
        out += QStringLiteral("</span>");
    }
}

void renderRuns(QString &out, const Inlines &runs)
{
    for (int i = 0; i < runs.size();) {
        const QString href = runs.at(i).href;
        if (!href.isEmpty()) {
            out += QStringLiteral("<a href=\"%1\">").arg(htmlEscape(href));
        }
        // One <a> around every neighbouring run with the same target.
        for (; i < runs.size() && runs.at(i).href == href; ++i) {
            const TextRun &r = runs.at(i);
            if (r.flags & TextRun::LineBreak) {
                out += QStringLiteral("<br>\n");
                continue;
            }
            openTags(out, r.flags);
            out += htmlEscape(r.text);
            closeTags(out, r.flags);
        }
        if (!href.isEmpty()) {
            out += QStringLiteral("</a>");
        }
    }
}

/// ` dir="rtl"` for a block whose text starts, like Arabic or Hebrew, with a right-to-left letter
/// (the first strong character decides, as in the editor and in Pango's PDF), so that the
/// browser and the preview align it right as those do. Left-to-right blocks carry nothing: the
/// page's direction is theirs, and their HTML stays as it was.
QString direction(const QString &text)
{
    return text.isRightToLeft() ? QStringLiteral(" dir=\"rtl\"") : QString();
}

/// The dateline in front of the first paragraph does not count: the editor shows it in a field
/// of its own, so there the paragraph's direction is its own text's.
QString direction(const Inlines &runs)
{
    QString text;
    for (const TextRun &r : runs) {
        if (!(r.flags & TextRun::Dateline)) {
            text += r.text;
        }
    }
    return direction(text);
}

/// The direction of a list item: that of its first paragraph or heading.
QString itemDirection(const Block &item)
{
    const Block *b = &item;
    for (int depth = 0; depth < 64 && !b->children.isEmpty(); ++depth) {
        b = &b->children.constFirst();
    }
    return direction(b->runs);
}

/// A text block or a rule: blocks without children.
void renderLeaf(QString &out, const Block &b, bool tight)
{
    switch (b.kind) {
    case Block::Kind::Paragraph:
        if (tight) {
            renderRuns(out, b.runs); // paragraphs of a tight list lose their <p>, nothing else
        } else if (!b.runs.isEmpty()) {
            out += QStringLiteral("<p%1>").arg(direction(b.runs));
            renderRuns(out, b.runs);
            out += QStringLiteral("</p>\n");
        }
        break;
    case Block::Kind::Heading: {
        // The headline is the page's h1: "#" and "##" in the body are both sections under it.
        const int level = qBound(2, b.level, 6);
        out += QStringLiteral("<h%1%2>").arg(level).arg(direction(b.runs));
        renderRuns(out, b.runs);
        out += QStringLiteral("</h%1>\n").arg(level);
        break;
    }
    case Block::Kind::Code:
        out += QStringLiteral("<pre><code>") + htmlEscape(plainText(b.runs)) +
               QStringLiteral("</code></pre>\n");
        break;
    case Block::Kind::Rule:
        out += QStringLiteral("<hr>\n");
        break;
    default:
        break;
    }
}

/// Renders a block tree with a stack of its own instead of recursion: however deep a body
/// nests (StoryDocument stops at limits::kMaxNestingDepth, but a Block tree may come from
/// elsewhere), rendering cannot run out of stack.
void renderBlocks(QString &out, const QVector<Block> &blocks, bool tight)
{
    struct Frame
    {
        const QVector<Block> *blocks;
        int next;
        bool tight;
        QString close;
    };
    QVector<Frame> stack{{&blocks, 0, tight, QString()}};
    while (!stack.isEmpty()) {
        Frame &frame = stack.last();
        if (frame.next >= frame.blocks->size()) {
            out += frame.close;
            stack.removeLast();
            continue;
        }
        const Block &b = frame.blocks->at(frame.next++);
        const bool inTight = frame.tight; // `frame` dangles once the stack grows
        switch (b.kind) {
        case Block::Kind::BulletList:
            out += QStringLiteral("<ul>\n");
            stack.append({&b.children, 0, b.tight, QStringLiteral("</ul>\n")});
            break;
        case Block::Kind::OrderedList:
            out += b.start == 1 ? QStringLiteral("<ol>\n")
                                : QStringLiteral("<ol start=\"%1\">\n").arg(b.start);
            stack.append({&b.children, 0, b.tight, QStringLiteral("</ol>\n")});
            break;
        case Block::Kind::ListItem:
            out += QStringLiteral("<li%1>").arg(itemDirection(b));
            stack.append({&b.children, 0, inTight, QStringLiteral("</li>\n")});
            break;
        case Block::Kind::Quote:
            out += QStringLiteral("<blockquote>\n");
            stack.append({&b.children, 0, false, QStringLiteral("</blockquote>\n")});
            break;
        default:
            renderLeaf(out, b, inTight);
        }
    }
}

QString contentSecurityPolicy(HtmlOptions::Stylesheet stylesheet)
{
    // Belt and braces: even if something slipped past the sanitiser, a browser would run no
    // script and fetch nothing.
    const QString style = stylesheet == HtmlOptions::Stylesheet::Linked
                              ? QStringLiteral("style-src 'self'")
                              : QStringLiteral("style-src 'unsafe-inline'");
    return QStringLiteral("default-src 'none'; %1; base-uri 'none'; form-action 'none'").arg(style);
}

} // namespace

QString draftMarkText()
{
    return QStringLiteral("DRAFT \u2014 NOT FOR RELEASE");
}

QString houseStylesheet()
{
    static const QString css = resourceText(QStringLiteral(":/export/house.css"));
    return css;
}

QString htmlEscape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '"':
            out += QStringLiteral("&quot;");
            break;
        case '\'':
            out += QStringLiteral("&#39;");
            break;
        default:
            if ((c.category() == QChar::Other_Control && c != QLatin1Char('\n') &&
                 c != QLatin1Char('\t')) ||
                c.unicode() == 0xFFFE || c.unicode() == 0xFFFF) {
                out += QChar(0xFFFD);
            } else {
                out += c;
            }
        }
    }
    return out;
}

QString renderHtmlPage(const HtmlPage &page)
{
    static const QString tmpl = resourceText(QStringLiteral(":/export/page.html"));
    QString style;
    switch (page.options.stylesheet) {
    case HtmlOptions::Stylesheet::Inline:
        style = QStringLiteral("<style>\n") + houseStylesheet() + QStringLiteral("</style>");
        break;
    case HtmlOptions::Stylesheet::Linked:
        style = QStringLiteral("<link rel=\"stylesheet\" href=\"%1\">")
                    .arg(htmlEscape(page.options.stylesheetHref));
        break;
    case HtmlOptions::Stylesheet::None:
        break;
    }
    QString body = page.body;
    if (page.options.draft) {
        body.prepend(QStringLiteral("<p class=\"draft-mark\" role=\"note\">%1</p>\n")
                         .arg(htmlEscape(draftMarkText())));
    }
    return fillTemplate(tmpl, {
                                  {QStringLiteral("lang"), htmlEscape(languageTag(page.lang))},
                                  {QStringLiteral("csp"),
                                   htmlEscape(contentSecurityPolicy(page.options.stylesheet))},
                                  {QStringLiteral("title"), htmlEscape(page.title)},
                                  {QStringLiteral("style"), style},
                                  {QStringLiteral("body"), body},
                              });
}

QString renderStoryArticle(const Story &story, const QString &id)
{
    return renderStoryArticle(story, StoryDocument::fromStory(story), id);
}

QString renderStoryArticle(const Story &story, const StoryDocument &doc, const QString &id)
{
    QString out;
    out += QStringLiteral("<article class=\"story\" lang=\"%1\"").arg(languageTag(story.language));
    if (!id.isEmpty()) {
        out += QStringLiteral(" id=\"%1\"").arg(htmlEscape(id));
    }
    out += QStringLiteral(">\n<header>\n");
    if (story.embargoAt.isValid()) {
        out += QStringLiteral("<p class=\"embargo\">Embargoed until %1</p>\n")
                   .arg(htmlEscape(formatEmbargo(story.embargoAt)));
    }
    out += QStringLiteral("<h1%1>%2</h1>\n")
               .arg(direction(story.headline), htmlEscape(story.headline));
    if (!story.summary.trimmed().isEmpty()) {
        out += QStringLiteral("<p class=\"standfirst\"%1>%2</p>\n")
                   .arg(direction(story.summary), htmlEscape(story.summary.trimmed()));
    }
    if (!story.byline.trimmed().isEmpty()) {
        out += QStringLiteral("<p class=\"byline\"%1>%2</p>\n")
                   .arg(direction(story.byline), htmlEscape(story.byline.trimmed()));
    }
    out += QStringLiteral("</header>\n");
    renderBlocks(out, doc.blocks, false);
    if (!doc.footnotes.isEmpty()) {
        out += QStringLiteral("<footer class=\"footnotes\">\n");
        for (const Inlines &note : doc.footnotes) {
            out += QStringLiteral("<p%1>").arg(direction(note));
            renderRuns(out, note);
            out += QStringLiteral("</p>\n");
        }
        out += QStringLiteral("</footer>\n");
    }
    out += QStringLiteral("</article>\n");
    return out;
}

QString renderStoryHtml(const Story &story, const HtmlOptions &options)
{
    HtmlPage page;
    page.lang = story.language;
    page.title = story.headline;
    page.options = options;
    page.body = QStringLiteral("<main class=\"page\">\n") + renderStoryArticle(story) +
                QStringLiteral("</main>");
    return renderHtmlPage(page);
}

Status writeStoryHtml(const Story &story, const QString &path, const HtmlOptions &options)
{
    return writeFileAtomically(path, renderStoryHtml(story, options).toUtf8());
}

} // namespace fo
