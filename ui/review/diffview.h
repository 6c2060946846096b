#pragma once

#include <QTextBrowser>

namespace fo {

/// A read-only view of a word diff (storyDiffToHtml). Qt's rich text knows neither <ins> nor
/// <del>, so they are drawn as underlined green and struck-through red spans (marked by more
/// than colour). Its document loads no resources: a diff quotes story text, which may name
/// images or links that must never be fetched from here.
class DiffView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);

    /// Shows `html` as made by storyDiffToHtml().
    void setDiffHtml(const QString &html);
    /// The diff as given, with its <ins> and <del> (toHtml() would return Qt's rendering).
    QString diffHtml() const { return mDiffHtml; }
    void clearDiff();

private:
    QString mDiffHtml;
};

} // namespace fo
