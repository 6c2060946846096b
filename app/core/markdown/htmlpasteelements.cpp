// What a pasted HTML element is for the paste (markdownpaste.cpp): its role and its styles.

#include "markdown/htmlpasteelements.h"

#include <QRegularExpression>

namespace fo::markdown_detail {

Role roleOf(const GumboElement &e)
{
    if (e.tag_namespace != GUMBO_NAMESPACE_HTML) {
        return Role::Skip; // SVG and MathML: drawings and formulas, not text
    }
    switch (e.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_APPLET:
        return Role::Skip;
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
        return Role::Reparse;
    case GUMBO_TAG_BR:
        return Role::Break;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_P:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
        return Role::Block;
    case GUMBO_TAG_UNKNOWN: {
        // Word's <xml> islands hold settings, not text; <o:p> and the like are inline.
        const QByteArray name(e.original_tag.data, int(e.original_tag.length));
        return name.size() >= 4 && name.mid(1, 3).toLower() == "xml" ? Role::Skip : Role::Inline;
    }
    default:
        return Role::Inline;
    }
}

QString attribute(const GumboElement &e, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&e.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

bool isHidden(const GumboElement &e, const QString &style)
{
    if (gumbo_get_attribute(&e.attributes, "hidden")) {
        return true;
    }
    QString s = style;
    s.remove(u' ');
    return s.contains(QLatin1String("display:none"));
}

/// Bold and italic as inline CSS sets them (Word's spans, Google Docs' <b style=…normal>).
void applyInlineStyle(const QString &style, bool *bold, bool *italic)
{
    static const QRegularExpression weight(QStringLiteral("font-weight\\s*:\\s*([a-z0-9]+)"));
    static const QRegularExpression slant(QStringLiteral("font-style\\s*:\\s*([a-z]+)"));
    const QRegularExpressionMatch w = weight.match(style);
    if (w.hasMatch()) {
        const QString v = w.captured(1);
        *bold = v == QLatin1String("bold") || v == QLatin1String("bolder") || v.toInt() >= 600;
    }
    const QRegularExpressionMatch s = slant.match(style);
    if (s.hasMatch()) {
        *italic =
            s.captured(1) == QLatin1String("italic") || s.captured(1) == QLatin1String("oblique");
    }
}

} // namespace fo::markdown_detail
