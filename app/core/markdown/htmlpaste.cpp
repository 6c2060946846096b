// Bounding the nesting of pasted HTML before gumbo parses it (htmlpaste.h).

#include "markdown/htmlpaste.h"

#include <QSet>

namespace fo {

namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u':' || c == u'_';
}

/// Elements that open nothing to count: void elements, and those an HTML5 parser closes by
/// itself when the next one starts (so that they never nest deeply).
bool opensNothing(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("area"),     QStringLiteral("base"),     QStringLiteral("br"),
        QStringLiteral("col"),      QStringLiteral("embed"),    QStringLiteral("hr"),
        QStringLiteral("img"),      QStringLiteral("input"),    QStringLiteral("link"),
        QStringLiteral("meta"),     QStringLiteral("param"),    QStringLiteral("source"),
        QStringLiteral("track"),    QStringLiteral("wbr"),      QStringLiteral("keygen"),
        QStringLiteral("frame"),    QStringLiteral("image"),    QStringLiteral("basefont"),
        QStringLiteral("bgsound"),  QStringLiteral("p"),        QStringLiteral("li"),
        QStringLiteral("dt"),       QStringLiteral("dd"),       QStringLiteral("option"),
        QStringLiteral("optgroup"), QStringLiteral("tr"),       QStringLiteral("td"),
        QStringLiteral("th"),       QStringLiteral("thead"),    QStringLiteral("tbody"),
        QStringLiteral("tfoot"),    QStringLiteral("colgroup"), QStringLiteral("caption"),
        QStringLiteral("rb"),       QStringLiteral("rt"),       QStringLiteral("rtc"),
        QStringLiteral("rp"),       QStringLiteral("html"),     QStringLiteral("head"),
        QStringLiteral("body")};
    return names.contains(name);
}

/// Elements whose content is text up to their end tag, not markup.
bool isRawText(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("script"),  QStringLiteral("style"),    QStringLiteral("textarea"),
        QStringLiteral("title"),   QStringLiteral("xmp"),      QStringLiteral("iframe"),
        QStringLiteral("noembed"), QStringLiteral("noframes"), QStringLiteral("plaintext")};
    return names.contains(name);
}

/// The index just past the '>' that ends the tag whose attributes start at `from` (quotes
/// respected), or the end of the text.
qsizetype tagEnd(const QString &html, qsizetype from, bool *selfClosing)
{
    const qsizetype n = html.size();
    QChar quote;
    for (qsizetype i = from; i < n; ++i) {
        const QChar c = html.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            }
        } else if (c == u'"' || c == u'\'') {
            // Only a quote right after '=' (and blanks) opens a value, as in the tokenizer.
            qsizetype k = i - 1;
            while (k >= from && html.at(k).isSpace()) {
                --k;
            }
            if (k >= from && html.at(k) == u'=') {
                quote = c;
            }
        } else if (c == u'>') {
            *selfClosing = i > from && html.at(i - 1) == u'/';
            return i + 1;
        }
    }
    *selfClosing = false;
    return n;
}

} // namespace

QString boundHtmlNesting(const QString &html, int maxDepth)
{
    const qsizetype n = html.size();
    QString out;
    out.reserve(n);
    int depth = 0;
    qsizetype copied = 0; // html[copied, i) is still to be copied to out
    qsizetype i = 0;
    while (i < n) {
        const qsizetype lt = html.indexOf(u'<', i);
        if (lt < 0 || lt + 1 >= n) {
            break;
        }
        const QChar next = html.at(lt + 1);
        if (next == u'!' || next == u'?') {
            // A comment ends at "-->", anything else starting "<!" or "<?" at the next '>'.
            const bool comment = html.mid(lt, 4) == QLatin1String("<!--");
            const qsizetype end =
                comment ? html.indexOf(QLatin1String("-->"), lt + 4) : html.indexOf(u'>', lt);
            i = end < 0 ? n : end + (comment ? 3 : 1);
            continue;
        }
        const bool closing = next == u'/';
        qsizetype nameEnd = lt + (closing ? 2 : 1);
        const qsizetype nameStart = nameEnd;
        if (nameEnd >= n || !html.at(nameEnd).isLetter()) {
            i = lt + 1; // "<" as text
            continue;
        }
        while (nameEnd < n && isNameChar(html.at(nameEnd))) {
            ++nameEnd;
        }
        const QString name = html.mid(nameStart, nameEnd - nameStart).toLower();
        bool selfClosing = false;
        const qsizetype end = tagEnd(html, nameEnd, &selfClosing);
        bool drop = false;
        if (closing) {
            if (!opensNothing(name) && !isRawText(name)) {
                drop = depth > maxDepth;
                depth = qMax(0, depth - 1);
            }
        } else if (name == QLatin1String("noscript")) {
            // A browser that runs scripts reads <noscript> as raw text it never shows; gumbo,
            // which runs none, would parse it as markup and show it. It goes, content and all.
            const qsizetype close =
                html.indexOf(QLatin1String("</noscript"), end, Qt::CaseInsensitive);
            const qsizetype after = close < 0 ? -1 : html.indexOf(u'>', close);
            out += QStringView(html).mid(copied, lt - copied);
            copied = after < 0 ? n : after + 1;
            i = copied;
            continue;
        } else if (isRawText(name)) {
            // Its content is not markup: go on after its end tag.
            const QString endTag = QStringLiteral("</") + name;
            const qsizetype close = html.indexOf(endTag, end, Qt::CaseInsensitive);
            i = close < 0 ? n : close + endTag.size();
            continue;
        } else if (!opensNothing(name) && !selfClosing) {
            drop = ++depth > maxDepth;
        }
        if (drop) {
            out += QStringView(html).mid(copied, lt - copied);
            copied = end;
        }
        i = end;
    }
    out += QStringView(html).mid(copied);
    return out;
}

} // namespace fo
