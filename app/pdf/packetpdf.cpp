// The press packet as PDF. Everything is laid out first (cover, contents, every story), so that
// the page on which each story starts and the page count are known; then every page is drawn.

#include "export/packet.h"
#include "pdfrender.h"

#include "export/storydocument.h"
#include "pdflayout.h"
#include "pdfsurface.h"
#include "storyflow.h"

namespace fo {

namespace {

/// A run of pages laid out together: the cover, the contents, or one story.
struct Section
{
    QVector<FlowBlock> blocks;
    QVector<PageFlow> pages;
    int firstPage = 0; // 1-based
};

constexpr double kNumberColumn = 40;

QVector<FlowBlock> coverFlow(const Packet &p, const PangoText &t, const PageGeometry &g)
{
    const double w = g.textWidth();
    const QString en = QStringLiteral("en");
    QVector<FlowBlock> out;
    TextStyle org = house::kicker();
    org.size = 10;
    org.letterSpacing = 1.2;
    out.append(textBlock(t.layout(p.organisation.toUpper(), org, w, en), 8));
    FlowBlock bar;
    bar.kind = FlowBlock::Kind::Rule;
    bar.ruleThickness = 2.5;
    bar.ruleLength = 56;
    bar.ruleRgb = house::kAccent;
    out.append(bar);
    TextStyle label = house::byline();
    label.letterSpacing = 1.0;
    FlowBlock packetLabel = textBlock(t.layout(QStringLiteral("PRESS PACKET"), label, w, en), 10);
    packetLabel.spaceBefore = g.textHeight() * 0.22;
    out.append(packetLabel);
    TextStyle title = house::headline();
    title.size = 30;
    title.lineHeight = 0.86;
    out.append(textBlock(t.layout(p.title, title, w, QStringLiteral("und")), 14));
    TextStyle date = house::standfirst();
    date.italic = false;
    out.append(textBlock(t.layout(p.dateLine(), date, w, en), 6));
    const int n = p.stories.size();
    TextStyle count = house::byline();
    count.size = 10;
    out.append(
        textBlock(t.layout(n == 1 ? QStringLiteral("1 story") : QStringLiteral("%1 stories").arg(n),
                           count, w, en),
                  0));
    if (!p.embargoLine().isEmpty()) {
        TextStyle embargo = house::kicker();
        embargo.size = 10;
        FlowBlock embargoBlock = textBlock(t.layout(p.embargoLine().toUpper(), embargo, w, en), 0);
        embargoBlock.spaceBefore = 22;
        out.append(embargoBlock);
    }
    if (!p.pressContact.trimmed().isEmpty()) {
        TextStyle contactLabel = house::kicker();
        contactLabel.rgb = house::kMuted;
        FlowBlock labelBlock =
            textBlock(t.layout(QStringLiteral("PRESS CONTACT"), contactLabel, w, en), 5, true);
        TextStyle contact = house::body();
        contact.align = TextStyle::Align::Left;
        contact.lineHeight = 1.0;
        FlowBlock contactBlock = textBlock(t.layout(p.pressContact.trimmed(), contact, w, en), 0);
        // The contact sits at the foot of the cover when there is room for it.
        double used = 0;
        for (const FlowBlock &b : qAsConst(out)) {
            used += b.spaceBefore + b.spaceAfter +
                    (b.kind == FlowBlock::Kind::Rule ? b.ruleThickness
                                                     : PangoText::height(b.layout.get()));
        }
        const double need = PangoText::height(labelBlock.layout.get()) + 5 +
                            PangoText::height(contactBlock.layout.get());
        labelBlock.spaceBefore = qMax(30.0, g.textHeight() - used - need - 2);
        out.append(labelBlock);
        out.append(contactBlock);
    }
    return out;
}

QString entryDetails(const Story &s)
{
    QStringList parts;
    if (!s.dateline().isEmpty()) {
        parts << s.dateline();
    }
    if (!s.officeName.isEmpty()) {
        parts << s.officeName;
    }
    if (!s.byline.trimmed().isEmpty()) {
        parts << s.byline.trimmed();
    }
    return parts.join(QStringLiteral("  \u00b7  "));
}

QVector<FlowBlock> contentsFlow(const Packet &p, const PangoText &t, double w)
{
    QVector<FlowBlock> out;
    TextStyle heading = house::headline();
    heading.size = 16;
    out.append(
        textBlock(t.layout(QStringLiteral("Contents"), heading, w, QStringLiteral("en")), 6));
    FlowBlock rule;
    rule.kind = FlowBlock::Kind::Rule;
    rule.spaceAfter = 14;
    out.append(rule);
    TextStyle entry = house::heading(2);
    entry.size = 10.5;
    entry.lineHeight = 0.95;
    TextStyle details = house::byline();
    details.size = 8;
    for (const PacketStory &ps : p.stories) {
        const QString lang = languageTag(ps.story.language);
        FlowBlock e = textBlock(
            t.layout(ps.story.headline.trimmed(), entry, w - kNumberColumn, lang), 2, true);
        e.dottedLeader = true;
        out.append(e);
        out.append(
            textBlock(t.layout(entryDetails(ps.story), details, w - kNumberColumn, lang), 11));
    }
    return out;
}

QString subjectLine(const Packet &p)
{
    QStringList headlines;
    for (const PacketStory &ps : p.stories) {
        headlines << ps.story.headline.trimmed();
    }
    return QStringLiteral("Press packet of %1 stories: %2")
        .arg(p.stories.size())
        .arg(headlines.join(QStringLiteral("; ")));
}

bool cancelled(const PacketOptions &o, int done, int total)
{
    return o.progress && !o.progress(done, total);
}

void setMetadata(PdfSurface &pdf, const Packet &p)
{
    pdf.setMetadata(PdfSurface::Metadata::Title, p.title);
    pdf.setMetadata(PdfSurface::Metadata::Author, p.organisation);
    pdf.setMetadata(PdfSurface::Metadata::Subject, subjectLine(p));
    pdf.setMetadata(PdfSurface::Metadata::Creator,
                    QStringLiteral("Field Office %1").arg(QStringLiteral(FO_VERSION)));
    pdf.setMetadata(PdfSurface::Metadata::CreateDate, p.createdAt.toUTC().toString(Qt::ISODate));
}

/// Page numbers into the contents, now that every story's first page is known. The numbers
/// are those printed on the pages: the cover is not numbered, so page 2 of the file is "1".
void numberContents(Section &contents, const QVector<int> &firstPages, const PangoText &t)
{
    TextStyle number = house::heading(2);
    number.size = 10.5;
    int k = 0;
    for (FlowBlock &b : contents.blocks) {
        if (b.dottedLeader) {
            const int page = firstPages.at(k++);
            b.trailing = t.layout(QString::number(page - 1), number, 0, QStringLiteral("en"));
            b.linkPage = page;
        } else if (k > 0 && b.kind == FlowBlock::Kind::Text) {
            b.linkPage = firstPages.at(k - 1); // the details line links too
        }
    }
}

/// Between two stories. The packet's rule for where a story starts: on the same page as the end
/// of the one before when at least a third of the page is left (and its headline, standfirst
/// and first lines fit), under a rule; otherwise at the top of the next page. So the tail of a
/// story never has a page to itself while another story follows.
FlowBlock storyBreak(const PageGeometry &g)
{
    FlowBlock f;
    f.kind = FlowBlock::Kind::PageBreak;
    f.needsRoom = g.textHeight() / 3;
    f.spaceBefore = 20;
    f.ruleThickness = 1.2;
    f.ruleRgb = house::kMuted;
    f.spaceAfter = 26;
    return f;
}

/// The page (of the stories' section) on which each story starts: the first that holds a
/// piece of its first block.
QVector<int> storyFirstPages(const Section &s, const QVector<int> &firstBlocks)
{
    QVector<int> out;
    for (int page = 0; page < s.pages.size(); ++page) {
        for (const Placement &p : s.pages.at(page).placements) {
            while (out.size() < firstBlocks.size() && p.block >= firstBlocks.at(out.size())) {
                out.append(s.firstPage + page);
            }
        }
    }
    return out;
}

} // namespace

Status renderPacketPdf(const Packet &packet, const QString &path, const PacketOptions &options)
{
    const PageGeometry g = pageGeometry(options.pageSize);
    const PangoText t;
    const int n = packet.stories.size();
    const int total = 2 * n; // laying out, then drawing, each story
    Section cover{coverFlow(packet, t, g), {}, 1};
    cover.pages = paginate(cover.blocks, g.textHeight());
    Section contents{contentsFlow(packet, t, g.textWidth()), {}, 1 + int(cover.pages.size())};
    contents.pages = paginate(contents.blocks, g.textHeight());
    // The stories flow as one section, each after a conditional break (storyBreak).
    Section body{{}, {}, contents.firstPage + int(contents.pages.size())};
    QVector<int> firstBlocks;
    firstBlocks.reserve(n);
    for (int i = 0; i < n; ++i) {
        if (i > 0) {
            body.blocks.append(storyBreak(g));
        }
        firstBlocks.append(body.blocks.size());
        body.blocks += storyFlow(packet.stories.at(i).story, t, g.textWidth());
        if (cancelled(options, i + 1, total)) {
            return Refusal(RefusalKind::ExportCancelled);
        }
    }
    body.pages = paginate(body.blocks, g.textHeight());
    if (n == 0) {
        body.pages.clear();
    }
    const QVector<int> firstPages = storyFirstPages(body, firstBlocks);
    // The cover carries no number and is not counted: numbers start on the contents.
    const int pageCount = body.firstPage - 1 + int(body.pages.size());
    numberContents(contents, firstPages, t);

    PdfSurface pdf;
    if (Status opened = pdf.open(path, g); !opened) {
        return opened;
    }
    setMetadata(pdf, packet);
    PageFrame frame;
    frame.headerLeft = packet.title;
    frame.headerRight = packet.organisation;
    frame.draft = packet.draft;
    int drawn = 0;
    auto drawSection = [&](const Section &s, bool numbered) {
        frame.header = numbered;
        frame.folio = numbered;
        for (int i = 0; i < s.pages.size(); ++i) {
            const int page = s.firstPage + i;
            addPageDestination(pdf.cr(), page);
            pdf.setPageLabel(numbered ? QString::number(page - cover.pages.size())
                                      : QStringLiteral("Cover"));
            drawPageFrame(pdf.cr(), t, g, frame, page - int(cover.pages.size()),
                          pageCount - int(cover.pages.size()));
            drawPage(pdf.cr(), s.blocks, s.pages.at(i), g.left, g.top, g.textWidth());
            pdf.showPage();
            // Drawing reports progress per story started, as laying out did.
            while (drawn < firstPages.size() && firstPages.at(drawn) <= page) {
                ++drawn;
            }
            if (numbered && &s == &body && cancelled(options, n + drawn, total)) {
                return false;
            }
        }
        return true;
    };
    drawSection(cover, false);
    drawSection(contents, true);
    if (!drawSection(body, true)) {
        return Refusal(RefusalKind::ExportCancelled);
    }
    for (int i = 0; i < n; ++i) {
        pdf.addOutline(packet.stories.at(i).story.headline.trimmed(), firstPages.at(i));
    }
    return pdf.finish();
}

} // namespace fo
