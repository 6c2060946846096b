#pragma once

#include "processrun.h"

// Checks on exported files for tst_export: an allow-list over HTML, external tools (tidy,
// poppler) run as processes, and a small reader for the parts of a Cairo PDF the tests need.

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace exportchecks {

using fo::runTool;
using fo::ToolRun;

inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QString unescapeAttribute(QString v)
{
    v.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    v.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    v.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    v.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    v.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return v;
}

/// Every element, attribute and URL of `html` that is not on the allow-list. Packet pages may
/// also link to each other (index.html, story-N.html, #story-N) and to house.css.
inline QStringList allowListViolations(const QString &html, bool packetPage)
{
    static const QSet<QString> common{QStringLiteral("class"),      QStringLiteral("id"),
                                      QStringLiteral("lang"),       QStringLiteral("role"),
                                      QStringLiteral("aria-label"), QStringLiteral("dir")};
    static const QHash<QString, QSet<QString>> allowed{
        {QStringLiteral("html"), {}},
        {QStringLiteral("head"), {}},
        {QStringLiteral("title"), {}},
        {QStringLiteral("style"), {}},
        {QStringLiteral("body"), {}},
        {QStringLiteral("main"), {}},
        {QStringLiteral("article"), {}},
        {QStringLiteral("header"), {}},
        {QStringLiteral("footer"), {}},
        {QStringLiteral("nav"), {}},
        {QStringLiteral("div"), {}},
        {QStringLiteral("h1"), {}},
        {QStringLiteral("h2"), {}},
        {QStringLiteral("h3"), {}},
        {QStringLiteral("h4"), {}},
        {QStringLiteral("h5"), {}},
        {QStringLiteral("h6"), {}},
        {QStringLiteral("p"), {}},
        {QStringLiteral("span"), {}},
        {QStringLiteral("strong"), {}},
        {QStringLiteral("em"), {}},
        {QStringLiteral("code"), {}},
        {QStringLiteral("pre"), {}},
        {QStringLiteral("ul"), {}},
        {QStringLiteral("li"), {}},
        {QStringLiteral("blockquote"), {}},
        {QStringLiteral("hr"), {}},
        {QStringLiteral("br"), {}},
        {QStringLiteral("ol"), {QStringLiteral("start")}},
        {QStringLiteral("a"), {QStringLiteral("href"), QStringLiteral("rel")}},
        {QStringLiteral("link"), {QStringLiteral("href"), QStringLiteral("rel")}},
        {QStringLiteral("meta"),
         {QStringLiteral("charset"), QStringLiteral("name"), QStringLiteral("content"),
          QStringLiteral("http-equiv")}},
    };
    static const QRegularExpression tag(
        QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9]*)((?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*>"));
    static const QRegularExpression attribute(QStringLiteral("\\s+([^\\s=>]+)(?:=\"([^\"]*)\")?"));
    static const QRegularExpression web(QStringLiteral("^(https?://[^\\s/]+|mailto:[^\\s@]+@)"));
    static const QRegularExpression local(
        QStringLiteral("^(index\\.html|story-\\d+\\.html|#story-\\d+|house\\.css)$"));
    QStringList problems;
    QString rest = html;
    rest.remove(QStringLiteral("<!DOCTYPE html>"));
    int pos = 0;
    while ((pos = rest.indexOf(QLatin1Char('<'), pos)) >= 0) {
        const QRegularExpressionMatch m = tag.match(rest, pos, QRegularExpression::NormalMatch,
                                                    QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch()) {
            problems << QStringLiteral("not a tag: ") + rest.mid(pos, 40);
            ++pos;
            continue;
        }
        const QString name = m.captured(2).toLower();
        if (!allowed.contains(name)) {
            problems << QStringLiteral("element ") + name;
        }
        auto it = attribute.globalMatch(m.captured(3));
        while (it.hasNext()) {
            const QRegularExpressionMatch a = it.next();
            const QString key = a.captured(1).toLower();
            const QString value = unescapeAttribute(a.captured(2));
            if (!common.contains(key) && !allowed.value(name).contains(key)) {
                problems << QStringLiteral("attribute %1 on %2").arg(key, name);
            }
            if (key == QLatin1String("href") && !web.match(value).hasMatch() &&
                !(packetPage && local.match(value).hasMatch())) {
                problems << QStringLiteral("link to ") + value;
            }
            if (key == QLatin1String("dir") && value != QLatin1String("rtl")) {
                problems << QStringLiteral("dir ") + value; // left to right is the page's own
            }
            if (key == QLatin1String("http-equiv") &&
                value != QLatin1String("Content-Security-Policy")) {
                problems << QStringLiteral("http-equiv ") + value;
            }
        }
        pos = m.capturedEnd();
    }
    // A stylesheet can fetch too.
    static const QRegularExpression style(QStringLiteral("<style>(.*?)</style>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    auto styles = style.globalMatch(html);
    while (styles.hasNext()) {
        const QString css = styles.next().captured(1);
        if (css.contains(QStringLiteral("url(")) || css.contains(QStringLiteral("@import"))) {
            problems << QStringLiteral("stylesheet fetches a resource");
        }
    }
    return problems;
}

/// The parts of a PDF written by Cairo 1.16 that the tests read: pages in order, named
/// destinations, link targets and outline titles. Cairo writes these objects uncompressed.
struct PdfFacts
{
    QStringList pageObjects;              // "36 0 R" per page, in page order
    QHash<QString, QString> destinations; // "page-7" → "36 0 R"
    QStringList linkDestinations;         // "/Dest (page-7)" names, in file order
    QStringList uris;                     // web links
    QStringList outlineTitles;            // as written: (literal) or <hex UTF-16>
    bool hasOutlines = false;

    int pageOfDestination(const QString &name) const
    {
        return int(pageObjects.indexOf(destinations.value(name))) + 1;
    }
};

inline PdfFacts readPdf(const QByteArray &pdf)
{
    PdfFacts f;
    const QString text = QString::fromLatin1(pdf);
    const QRegularExpression kids(QStringLiteral("/Type /Pages\\s+/Kids \\[([^\\]]*)\\]"));
    const QRegularExpressionMatch k = kids.match(text);
    auto refs = QRegularExpression(QStringLiteral("(\\d+ \\d+ R)")).globalMatch(k.captured(1));
    while (refs.hasNext()) {
        f.pageObjects << refs.next().captured(1);
    }
    auto dests = QRegularExpression(QStringLiteral("\\((page-\\d+)\\) \\[(\\d+ \\d+ R) /XYZ"))
                     .globalMatch(text);
    while (dests.hasNext()) {
        const auto m = dests.next();
        f.destinations.insert(m.captured(1), m.captured(2));
    }
    auto links = QRegularExpression(QStringLiteral("/Subtype /Link[^>]*?/Dest \\((page-\\d+)\\)"))
                     .globalMatch(text);
    while (links.hasNext()) {
        f.linkDestinations << links.next().captured(1);
    }
    auto uris = QRegularExpression(QStringLiteral("/URI \\(([^)]*)\\)")).globalMatch(text);
    while (uris.hasNext()) {
        f.uris << uris.next().captured(1);
    }
    auto titles =
        QRegularExpression(QStringLiteral("/Title (\\([^)]*\\)|<[0-9A-Fa-f]+>)\\s+/Parent"))
            .globalMatch(text);
    while (titles.hasNext()) {
        f.outlineTitles << titles.next().captured(1);
    }
    f.hasOutlines = text.contains(QStringLiteral("/Type /Outlines"));
    return f;
}

} // namespace exportchecks
