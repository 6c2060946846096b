#include "browser/storylistdelegate.h"

#include "search/storylistmodel.h"

#include <QApplication>
#include <QPainter>

namespace fo {

namespace {

constexpr QChar kMatchStart(0x02);
constexpr QChar kMatchEnd(0x03);
constexpr int kLineGap = 2;    // pixels between the headline and the snippet
constexpr int kScriptRoom = 4; // pixels above and below a line for Bengali and Tamil marks

bool isSearchRow(const QModelIndex &index)
{
    // The model gives a null snippet when not searching and a (maybe empty) one when searching,
    // so every row of a search has the same height.
    return !index.data(StoryListModel::SnippetRole).isNull();
}

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled)) {
        return QPalette::Disabled;
    }
    return (option.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
}

} // namespace

StoryListDelegate::StoryListDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QVector<StoryListDelegate::Run> StoryListDelegate::snippetRuns(const QString &snippet)
{
    QVector<Run> runs;
    Run run;
    const auto flush = [&] {
        if (!run.text.isEmpty()) {
            runs.append(run);
        }
        run.text.clear();
    };
    for (const QChar c : snippet) {
        if (c == kMatchStart || c == kMatchEnd) {
            flush();
            run.matched = c == kMatchStart;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t')) {
            // Paragraph breaks of the body: one space, not a run of them.
            if (!run.text.endsWith(QLatin1Char(' '))) {
                run.text += QLatin1Char(' ');
            }
        } else {
            run.text += c;
        }
    }
    flush();
    return runs;
}

QVector<StoryListDelegate::Run>
StoryListDelegate::fitFirstMatch(QVector<Run> runs, const QFontMetrics &metrics, int width)
{
    int first = 0;
    while (first < runs.size() && !runs.at(first).matched) {
        ++first;
    }
    if (first == 0 || first == runs.size()) {
        return runs; // starts with a match, or has none
    }
    QString before;
    for (int i = 0; i < first; ++i) {
        before += runs.at(i).text;
    }
    const int room = width / 3;
    if (metrics.horizontalAdvance(before) <= room) {
        return runs;
    }
    // Cut at a word: the end of the context that fits, after an ellipsis.
    QString kept = metrics.elidedText(before, Qt::ElideLeft, room);
    const qsizetype space = kept.indexOf(QLatin1Char(' '));
    kept = space > 0 ? QStringLiteral("…") + kept.mid(space) : QStringLiteral("…");
    runs.remove(0, first);
    runs.prepend(Run{kept, false});
    return runs;
}

QSize StoryListDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Rows all have the height of the first one (uniform rows, for 100,000 of them), which the
    // style makes exactly one Latin line tall: Bengali and Tamil vowel signs above and below
    // the line were cut off. A few pixels of room fix that without measuring those scripts,
    // which would load their fonts before the first frame (fieldoffice-bench: "start →").
    const int line = QFontMetrics(opt.font).height();
    size.setHeight(qMax(size.height(), line + kScriptRoom));
    if (isSearchRow(index)) {
        size.setHeight(size.height() + line + kLineGap);
    }
    return size;
}

void StoryListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus as the style draws them; the text is ours, drawn once.
    // (The style would lay each cell's text out three times over: for its size, its place and
    // its drawing, which was most of the cost of a screen of the list.)
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (text.isEmpty()) {
        return;
    }
    QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    rect.adjust(margin, 0, -margin, 0);
    const QFontMetrics metrics(opt.font);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(
        opt.palette.color(colorGroup(opt), selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    const bool twoLines = index.column() == StoryListModel::HeadlineColumn && isSearchRow(index);
    const int line = metrics.height();
    const QRect first =
        twoLines ? QRect(rect.left(), rect.top() + (rect.height() - 2 * line - kLineGap) / 2,
                         rect.width(), line)
                 : rect;
    const Qt::Alignment alignment = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    painter->drawText(first, int(alignment) | Qt::TextSingleLine,
                      metrics.elidedText(text, opt.textElideMode, first.width()));
    if (twoLines) {
        paintSnippet(painter, opt, first.translated(0, line + kLineGap),
                     index.data(StoryListModel::SnippetRole).toString());
    }
    painter->restore();
}

void StoryListDelegate::paintSnippet(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QRect &rect, const QString &snippet) const
{
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group = colorGroup(option);
    const QColor text =
        option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    // The context is quieter than the headline; the matched words are not.
    QColor context = text;
    context.setAlphaF(0.72f);
    QColor mark = option.palette.color(group, QPalette::Highlight);
    mark.setAlphaF(0.22f);
    QFont boldFont = option.font;
    boldFont.setBold(true);
    const QFontMetrics metrics(option.font);
    const QFontMetrics boldMetrics(boldFont);

    int x = rect.left();
    const int right = rect.left() + rect.width();
    for (const Run &run : fitFirstMatch(snippetRuns(snippet), metrics, rect.width())) {
        const int available = right - x;
        if (available <= 0) {
            break;
        }
        const QFontMetrics &m = run.matched ? boldMetrics : metrics;
        QString shown = run.text;
        int width = m.horizontalAdvance(shown);
        const bool elided = width > available;
        if (elided) {
            shown = m.elidedText(shown, Qt::ElideRight, available);
            width = m.horizontalAdvance(shown);
        }
        const QRect runRect(x, rect.top(), available, rect.height());
        if (run.matched && !selected && !shown.isEmpty()) {
            painter->fillRect(QRect(x, rect.top(), width, rect.height()), mark);
        }
        painter->setFont(run.matched ? boldFont : option.font);
        painter->setPen(run.matched ? text : context);
        painter->drawText(runRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
        if (elided) {
            break;
        }
        x += width;
    }
}

} // namespace fo
