#include "history/readablediff.h"

#include "domain/story.h"
#include "markdown/markdowndocument.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>

namespace fo {

namespace {

bool isWord(const QString &token)
{
    for (const QChar c : token) {
        if (c.isLetterOrNumber()) {
            return true;
        }
    }
    return false;
}

/// The last `words` words of `text`, not reaching back past a line end.
QString tail(const QString &text, int words, bool *cut)
{
    const QStringList tokens = wordTokens(text);
    int from = int(tokens.size());
    int seen = 0;
    while (from > 0 && seen < words && !tokens.at(from - 1).contains(QLatin1Char('\n'))) {
        --from;
        seen += isWord(tokens.at(from)) ? 1 : 0;
    }
    *cut = from > 0;
    return tokens.mid(from).join(QString());
}

/// The first `words` words of `text`, not reaching past a line end.
QString head(const QString &text, int words, bool *cut)
{
    const QStringList tokens = wordTokens(text);
    int to = 0;
    int seen = 0;
    while (to < tokens.size() && seen < words && !tokens.at(to).contains(QLatin1Char('\n'))) {
        seen += isWord(tokens.at(to)) ? 1 : 0;
        ++to;
    }
    *cut = to < tokens.size();
    return tokens.mid(0, to).join(QString());
}

void appendEqual(DiffHunk &hunk, const QString &text)
{
    if (!text.isEmpty()) {
        hunk.segments.append({DiffSegment::Kind::Equal, text});
    }
}

int order(const QString &field)
{
    static const QStringList kOrder = {QStringLiteral("headline"), QStringLiteral("dateline"),
                                       QStringLiteral("summary"),  QStringLiteral("tags"),
                                       QStringLiteral("office"),   QStringLiteral("embargo"),
                                       QStringLiteral("language"), QStringLiteral("byline")};
    const int at = int(kOrder.indexOf(field));
    return at < 0 ? int(kOrder.size()) : at;
}

} // namespace

QString renderedBodyText(const QString &markdown)
{
    QTextDocument doc;
    markdownToDocument(markdown, &doc);
    QStringList lines;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        QString line = block.text();
        line.replace(QChar(QChar::LineSeparator), QLatin1Char('\n'));
        if (QTextList *list = block.textList()) {
            const bool numbered = list->format().style() == QTextListFormat::ListDecimal;
            line.prepend(numbered ? QStringLiteral("%1. ").arg(list->itemNumber(block) + 1)
                                  : QStringLiteral("• "));
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

QVector<DiffHunk> diffHunks(const QString &before, const QString &after, int contextWords)
{
    const QVector<DiffSegment> segments = diffWords(before, after);
    QVector<DiffHunk> hunks;
    DiffHunk current;
    bool open = false; // a change is in `current`
    for (int i = 0; i < segments.size(); ++i) {
        const DiffSegment &s = segments.at(i);
        if (s.kind != DiffSegment::Kind::Equal) {
            current.segments.append(s);
            open = true;
            continue;
        }
        const bool last = i + 1 == segments.size();
        bool cutAfter = false;
        bool cutBefore = false;
        const QString after1 = open ? head(s.text, contextWords, &cutAfter) : QString();
        const QString before1 = last ? QString() : tail(s.text, contextWords, &cutBefore);
        if (open && !last && after1.size() + before1.size() >= s.text.size()) {
            appendEqual(current, s.text); // close changes: one passage
            continue;
        }
        if (open) {
            appendEqual(current, after1);
            current.cutAfter = cutAfter;
            hunks.append(current);
            current = DiffHunk();
            open = false;
        }
        if (!last) {
            appendEqual(current, before1);
            current.cutBefore = cutBefore;
        }
    }
    if (open) {
        hunks.append(current);
    }
    return hunks;
}

ReadableDiff readableDiff(const Story &before, const Story &after, int contextWords)
{
    ReadableDiff diff;
    for (const FieldDiff &field : diffStories(before, after)) {
        if (field.changed && field.field != QLatin1String("body")) {
            diff.fields.append(field);
        }
    }
    std::stable_sort(
        diff.fields.begin(), diff.fields.end(),
        [](const FieldDiff &a, const FieldDiff &b) { return order(a.field) < order(b.field); });
    if (before.body != after.body) {
        diff.hunks =
            diffHunks(renderedBodyText(before.body), renderedBodyText(after.body), contextWords);
    }
    return diff;
}

QString readableDiffToHtml(const ReadableDiff &diff)
{
    QString out = QStringLiteral(
        "<html><head><style>del { color: #a40000; background: #fde2e1; } "
        "ins { color: #0b6623; background: #dff5e1; text-decoration: none; }</style></head><body>");
    for (const FieldDiff &f : diff.fields) {
        out += QStringLiteral("<p><b>%1:</b> %2</p>")
                   .arg(f.label.toHtmlEscaped(), diffToHtml(f.segments));
    }
    if (!diff.hunks.isEmpty()) {
        out += QStringLiteral("<h4>%1</h4>").arg(QStringLiteral("Text"));
    }
    const QString ellipsis = QStringLiteral("<span style=\"color:gray\">…</span>");
    for (const DiffHunk &hunk : diff.hunks) {
        out += QStringLiteral("<p>%1%2%3</p>")
                   .arg(hunk.cutBefore ? ellipsis + QLatin1Char(' ') : QString(),
                        diffToHtml(hunk.segments),
                        hunk.cutAfter ? QLatin1Char(' ') + ellipsis : QString());
    }
    if (diff.isEmpty()) {
        out += QStringLiteral("<p>No differences.</p>");
    }
    return out + QStringLiteral("</body></html>");
}

} // namespace fo
