#pragma once

#include "base/refusal.h"

#include "domain/story.h"

#include <QString>

namespace fo {

struct StoryDocument;

/// How a story page is wrapped.
struct HtmlOptions
{
    enum class Stylesheet
    {
        Inline, // the house stylesheet inside <style>: one self-contained file
        Linked, // <link rel="stylesheet" href=stylesheetHref>: pages of a packet folder
        None,   // no stylesheet at all (a caller that styles the document itself)
    };
    /// "DRAFT — NOT FOR RELEASE" at the top of the page.
    bool draft = false;
    Stylesheet stylesheet = Stylesheet::Inline;
    QString stylesheetHref = QStringLiteral("house.css");
};

/// The house stylesheet (resources/export/house.css), as shipped in the binary.
QString houseStylesheet();

/// One story as a complete, self-contained HTML5 document: semantic elements only, no script,
/// no event handler, nothing remote; links only http, https and mailto. The editor's preview
/// renders through this too, so what the preview shows is what is exported.
QString renderStoryHtml(const Story &story, const HtmlOptions &options = HtmlOptions());

/// The <article> element of a story (header, body, footnotes), for pages that hold more than one
/// story. `id` becomes the article's id attribute when not empty.
QString renderStoryArticle(const Story &story, const QString &id = QString());
QString renderStoryArticle(const Story &story, const StoryDocument &doc, const QString &id);

/// Writes renderStoryHtml() to `path` atomically, or says why not (the file refusals of
/// base/atomicwrite.h); an existing file is then left as it was.
Status writeStoryHtml(const Story &story, const QString &path, const HtmlOptions &options);

/// Text as HTML character data or attribute value: & < > " ' escaped, control characters
/// replaced by U+FFFD.
QString htmlEscape(const QString &text);

/// Everything a page needs around its body, filled into resources/export/page.html.
struct HtmlPage
{
    QString lang = QStringLiteral("en");
    QString title;
    QString body; // HTML
    HtmlOptions options;
};
QString renderHtmlPage(const HtmlPage &page);

/// The banner of a draft: "DRAFT — NOT FOR RELEASE".
QString draftMarkText();

} // namespace fo
