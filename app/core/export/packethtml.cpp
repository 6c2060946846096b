#include "export/packethtml.h"

#include "base/atomicwrite.h"
#include "export/htmlexporter.h"
#include "export/storydocument.h"

namespace fo {

namespace {

QString coverHtml(const Packet &p)
{
    QString out = QStringLiteral("<header class=\"cover\">\n");
    if (!p.organisation.isEmpty()) {
        out += QStringLiteral("<p class=\"cover-org\">%1</p>\n").arg(htmlEscape(p.organisation));
    }
    out += QStringLiteral("<h1>%1</h1>\n").arg(htmlEscape(p.title));
    const int n = p.stories.size();
    out += QStringLiteral("<p class=\"cover-date\">%1 \u00b7 %2</p>\n")
               .arg(htmlEscape(p.dateLine()),
                    n == 1 ? QStringLiteral("1 story") : QStringLiteral("%1 stories").arg(n));
    if (!p.embargoLine().isEmpty()) {
        out += QStringLiteral("<p class=\"embargo\">%1</p>\n").arg(htmlEscape(p.embargoLine()));
    }
    if (!p.pressContact.trimmed().isEmpty()) {
        QStringList lines;
        for (const QString &line : p.pressContact.trimmed().split(QLatin1Char('\n'))) {
            lines << htmlEscape(line.trimmed());
        }
        out +=
            QStringLiteral("<div class=\"contact\">\n<p class=\"contact-label\">Press contact</p>\n"
                           "<p>%1</p>\n</div>\n")
                .arg(lines.join(QStringLiteral("<br>\n")));
    }
    return out + QStringLiteral("</header>\n");
}

QString tocDetails(const Story &s)
{
    QStringList parts;
    if (!s.dateline().isEmpty()) {
        parts << s.dateline();
    }
    if (!s.officeName.isEmpty()) {
        parts << s.officeName;
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

/// Cover and contents; `singleFile` links to anchors in the same file instead of story pages.
QString indexBody(const Packet &p, bool singleFile)
{
    QString out = coverHtml(p);
    out += QStringLiteral("<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n");
    for (const PacketStory &ps : p.stories) {
        const Story &s = ps.story;
        const QString target =
            singleFile ? QStringLiteral("#story-%1").arg(s.id) : packetStoryFileName(s);
        out += QStringLiteral("<li><a href=\"%1\" lang=\"%2\">%3</a>")
                   .arg(htmlEscape(target), languageTag(s.language), htmlEscape(s.headline));
        const QString details = tocDetails(s);
        if (!details.isEmpty()) {
            out += QStringLiteral(" <span class=\"toc-meta\">%1</span>").arg(htmlEscape(details));
        }
        out += QStringLiteral("</li>\n");
    }
    return out + QStringLiteral("</ol>\n</nav>\n");
}

QString storyNav(const Packet &p, int i)
{
    QString out = QStringLiteral("<nav class=\"packet-nav\" lang=\"en\" aria-label=\"Packet\">\n"
                                 "<a href=\"index.html\">\u2190 Contents</a>\n<span>");
    if (i > 0) {
        out += QStringLiteral("<a href=\"%1\" rel=\"prev\">Previous</a>")
                   .arg(packetStoryFileName(p.stories.at(i - 1).story));
    }
    if (i > 0 && i + 1 < p.stories.size()) {
        out += QStringLiteral(" \u00b7 ");
    }
    if (i + 1 < p.stories.size()) {
        out += QStringLiteral("<a href=\"%1\" rel=\"next\">Next</a>")
                   .arg(packetStoryFileName(p.stories.at(i + 1).story));
    }
    return out + QStringLiteral("</span>\n</nav>\n");
}

QString runningTitle(const Packet &p, int i)
{
    QString text = p.title;
    if (!p.organisation.isEmpty()) {
        text += QStringLiteral(" \u00b7 ") + p.organisation;
    }
    return QStringLiteral("<p class=\"running-title\" lang=\"en\">%1 \u00b7 %2 of %3</p>\n")
        .arg(htmlEscape(text))
        .arg(i + 1)
        .arg(p.stories.size());
}

} // namespace

QString packetStoryFileName(const Story &story)
{
    return QStringLiteral("story-%1.html").arg(story.id);
}

QString renderPacketSingleHtml(const Packet &packet)
{
    HtmlPage page;
    page.title = packet.title;
    page.lang = QStringLiteral("en");
    page.options.draft = packet.draft;
    QString body = QStringLiteral("<main class=\"page\">\n") + indexBody(packet, true);
    for (const PacketStory &ps : packet.stories) {
        body += QStringLiteral("<div class=\"packet-story\">\n") +
                renderStoryArticle(ps.story, QStringLiteral("story-%1").arg(ps.story.id)) +
                QStringLiteral("</div>\n");
    }
    page.body = body + QStringLiteral("</main>");
    return renderHtmlPage(page);
}

Status writePacketHtmlFolder(const Packet &packet, FolderTransaction &folder,
                             const PacketOptions &options)
{
    if (Status s = folder.writeFile(QStringLiteral("house.css"), houseStylesheet().toUtf8()); !s) {
        return s;
    }
    HtmlOptions linked;
    linked.stylesheet = HtmlOptions::Stylesheet::Linked;
    linked.draft = packet.draft;
    HtmlPage index;
    index.title = packet.title;
    index.options = linked;
    index.body = QStringLiteral("<main class=\"page\">\n") + indexBody(packet, false) +
                 QStringLiteral("</main>");
    if (Status s = folder.writeFile(QStringLiteral("index.html"), renderHtmlPage(index).toUtf8());
        !s) {
        return s;
    }
    const int n = packet.stories.size();
    for (int i = 0; i < n; ++i) {
        const Story &s = packet.stories.at(i).story;
        HtmlPage page;
        page.lang = s.language;
        page.title = s.headline + QStringLiteral(" \u2013 ") + packet.title;
        page.options = linked;
        page.body = storyNav(packet, i) + QStringLiteral("<main class=\"page\">\n") +
                    runningTitle(packet, i) + renderStoryArticle(s) + QStringLiteral("</main>");
        if (Status w = folder.writeFile(packetStoryFileName(s), renderHtmlPage(page).toUtf8());
            !w) {
            return w;
        }
        if (options.progress && !options.progress(i + 1, n)) {
            return Refusal(RefusalKind::ExportCancelled);
        }
    }
    return Status();
}

} // namespace fo
