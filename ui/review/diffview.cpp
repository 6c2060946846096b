#include "review/diffview.h"

#include "common/offlinedocument.h"

namespace fo {

DiffView::DiffView(QWidget *parent) : QTextBrowser(parent)
{
    setDocument(new OfflineDocument(this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

void DiffView::setDiffHtml(const QString &html)
{
    mDiffHtml = html;
    // The diff escapes story text, so every tag here is the diff's own.
    QString shown = html;
    shown
        .replace(QStringLiteral("<del>"),
                 QStringLiteral("<span style=\"color:#a40000; background-color:#fde2e1; "
                                "text-decoration:line-through;\">"))
        .replace(QStringLiteral("</del>"), QStringLiteral("</span>"))
        .replace(QStringLiteral("<ins>"),
                 QStringLiteral("<span style=\"color:#0b6623; background-color:#dff5e1; "
                                "text-decoration:underline;\">"))
        .replace(QStringLiteral("</ins>"), QStringLiteral("</span>"));
    setHtml(shown);
}

void DiffView::clearDiff()
{
    mDiffHtml.clear();
    clear();
}

} // namespace fo
