// Paste: HTML from a web page or word processor turned into Markdown a body may hold.

#include "markdowninternal.h"

#include <QFont>
#include <QHash>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QVariant>

namespace fo::markdown_detail {
namespace {

// ---------------------------------------------------------------------------------------------
// Paste: a QTextDocument that never fetches anything an <img>, <link> or CSS url() asks for.

class PasteDocument : public QTextDocument
{
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

// Word marks list paragraphs with an mso-list style and draws the bullet or number as text inside
// <![if !supportLists]>. Made into real lists here, a pasted list stays a list without "·" junk.
QString wordListsToHtmlLists(const QString &html)
{
    static const QRegularExpression paragraph(QStringLiteral("<p\\b([^>]*)>(.*?)</p\\s*>"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression level(QStringLiteral("mso-list:\\s*l\\d+\\s+level(\\d+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression marker(
        QStringLiteral("<!\\[if !supportLists\\]>(.*?)<!\\[endif\\]>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression noise(QStringLiteral("<[^>]*>|&nbsp;|&#160;|\\s"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression numbered(QStringLiteral("^[0-9A-Za-z]{1,4}[.)]$"));
    if (!html.contains(QLatin1String("mso-list"), Qt::CaseInsensitive))
        return html;
    QString out;
    QVector<bool> open; // per nesting level: ordered
    const auto closeTo = [&](int depth) {
        while (open.size() > depth)
            out += open.takeLast() ? QStringLiteral("</ol>") : QStringLiteral("</ul>");
    };
    int last = 0;
    for (auto it = paragraph.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString between = html.mid(last, m.capturedStart() - last);
        last = int(m.capturedEnd());
        const QRegularExpressionMatch lm = level.match(m.captured(1));
        if (!lm.hasMatch() || !between.trimmed().isEmpty())
            closeTo(0);
        out += between;
        if (!lm.hasMatch()) {
            out += m.captured(0);
            continue;
        }
        QString body = m.captured(2);
        QString mark;
        const QRegularExpressionMatch mm = marker.match(body);
        if (mm.hasMatch()) {
            mark = mm.captured(1);
            mark.remove(noise);
            body.remove(mm.capturedStart(), mm.capturedLength());
        }
        const bool ordered = numbered.match(mark).hasMatch();
        const int depth = qBound(1, lm.captured(1).toInt(), 9);
        closeTo(depth);
        if (open.size() == depth && open.last() != ordered)
            closeTo(depth - 1);
        while (open.size() < depth) {
            out += ordered ? QStringLiteral("<ol>") : QStringLiteral("<ul>");
            open.append(ordered);
        }
        out += QStringLiteral("<li>") + body + QStringLiteral("</li>");
    }
    closeTo(0);
    return out + html.mid(last);
}

QString withoutHiddenMarkup(QString html)
{
    // Qt's parser already skips <script> and <style>; removing these first also drops the
    // content of elements it would show as text (noscript, template, Word's <xml> islands).
    static const QRegularExpression elements(
        QStringLiteral("<(script|style|head|title|iframe|object|embed|template|noscript|svg|math|"
                       "xml)\\b[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression unclosed(
        QStringLiteral("<(script|style|iframe|object|embed|template|noscript|svg|math|xml)\\b.*"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comments(QStringLiteral("<!--.*?(-->|$)"),
                                             QRegularExpression::DotMatchesEverythingOption);
    // Qt treats these void head elements as containers and would hide what follows them.
    static const QRegularExpression voids(QStringLiteral("<(link|meta|base)\\b[^>]*>"),
                                          QRegularExpression::CaseInsensitiveOption);
    html.remove(comments);
    html.remove(elements);
    html.remove(unclosed);
    html.remove(voids);
    return wordListsToHtmlLists(html);
}

// Paste: one source block as a clean block (only what a body may hold) at the end of cursor's
// document. Qt marks every quote level 1 and nests quotes by margin, 40 px a level.
void appendPastedBlock(const QTextBlock &b, QTextCursor &cursor, bool fresh, int *quoteId,
                       bool *inQuote, QHash<QTextList *, QTextList *> *lists)
{
    const QTextBlockFormat sf = b.blockFormat();
    const int heading = sf.headingLevel() <= 0 ? 0 : sf.headingLevel() <= 2 ? 2 : 3;
    QTextBlockFormat bf;
    if (heading > 0)
        bf.setHeadingLevel(heading);
    const int depth = sf.intProperty(QTextFormat::BlockQuoteLevel) > 0
                          ? qBound(1, qRound(sf.leftMargin() / 40), 6)
                          : 0;
    if (depth > 0) {
        if (!*inQuote)
            ++*quoteId;
        bf.setProperty(QTextFormat::BlockQuoteLevel, depth);
        bf.setProperty(Prop::QuoteId, *quoteId);
        bf.setLeftMargin(kQuoteIndent * depth);
    }
    *inQuote = depth > 0;
    const QTextCharFormat blockChar = makeCharFormat(RunFormat(), heading);
    if (fresh) {
        cursor.setBlockFormat(bf);
        cursor.setBlockCharFormat(blockChar);
    } else {
        cursor.insertBlock(bf, blockChar);
    }
    if (QTextList *sourceList = b.textList()) {
        QTextList *&list = (*lists)[sourceList];
        if (!list) {
            QTextListFormat lf;
            lf.setStyle(isOrderedStyle(sourceList->format().style()) ? QTextListFormat::ListDecimal
                                                                     : QTextListFormat::ListDisc);
            lf.setIndent(qMax(1, sourceList->format().indent()));
            list = cursor.createList(lf);
        } else {
            list->add(cursor.block());
        }
    }
    for (auto it = b.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat cf = fragment.charFormat();
        if (!fragment.isValid() || cf.isImageFormat())
            continue;
        RunFormat f;
        f.bold = heading == 0 && cf.fontWeight() >= QFont::Bold;
        f.italic = cf.fontItalic();
        const QString href = cf.anchorHref().trimmed();
        if (cf.isAnchor() && isAllowedLinkTarget(href))
            f.href = href;
        QString piece = fragment.text();
        piece.remove(QChar(QChar::ObjectReplacementCharacter));
        piece.replace(QChar(QChar::ParagraphSeparator), kLineSeparator);
        cursor.insertText(piece, makeCharFormat(f, heading));
    }
}

} // namespace
} // namespace fo::markdown_detail

namespace fo {

using namespace markdown_detail;

QString sanitizeHtmlToMarkdown(const QString &html)
{
    PasteDocument source;
    source.setHtml(withoutHiddenMarkup(html));

    QTextDocument clean;
    QTextCursor cursor(&clean);
    bool fresh = true;
    QHash<QTextList *, QTextList *> lists;
    int quoteId = 0;
    bool inQuote = false;
    for (QTextBlock b = source.begin(); b.isValid(); b = b.next()) {
        bool empty = true;
        for (QChar c : b.text())
            empty = empty && (c.isSpace() || c == QChar::ObjectReplacementCharacter);
        if (empty)
            continue;
        appendPastedBlock(b, cursor, fresh, &quoteId, &inQuote, &lists);
        fresh = false;
    }
    return documentToCanonicalMarkdown(&clean);
}

} // namespace fo
