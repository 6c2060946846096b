// Markdown -> QTextDocument: md4c events recorded and replayed into a document.

#include "domain/storylimits.h"
#include "markdown/markdowninternal.h"

#include <QHash>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

#include <md4c.h>

namespace fo::markdown_detail {
namespace {

QString decodeEntity(const QString &entity)
{
    if (entity.startsWith(QLatin1String("&#"))) {
        const bool hex = entity.size() > 2 && (entity.at(2) == u'x' || entity.at(2) == u'X');
        const int skip = hex ? 3 : 2;
        bool ok = false;
        uint code = entity.mid(skip, entity.size() - skip - 1).toUInt(&ok, hex ? 16 : 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            code = 0xFFFD;
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    // Named entities go through Qt's HTML parser (the HTML 4 set). An unknown name stays as
    // written, here and in the signatures, so it round-trips either way.
    static thread_local QHash<QString, QString> cache;
    const auto it = cache.constFind(entity);
    if (it != cache.constEnd())
        return *it;
    QTextDocument html;
    html.setHtml(entity);
    QString decoded = html.firstBlock().text();
    if (decoded.isEmpty())
        decoded = entity;
    cache.insert(entity, decoded);
    return decoded;
}

QString attributeText(const MD_ATTRIBUTE &attribute)
{
    QString out;
    if (!attribute.text)
        return out;
    for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET from = attribute.substr_offsets[i];
        const MD_OFFSET to = attribute.substr_offsets[i + 1];
        const QString piece = QString::fromUtf8(attribute.text + from, int(to - from));
        if (attribute.substr_types[i] == MD_TEXT_ENTITY)
            out += decodeEntity(piece);
        else if (attribute.substr_types[i] == MD_TEXT_NULLCHAR)
            out += QChar(0xFFFD);
        else
            out += piece;
    }
    return out;
}

int onEnterBlock(MD_BLOCKTYPE type, void *detail, void *user)
{
    MdEvent e;
    e.kind = MdEvent::EnterBlock;
    e.type = type;
    if (type == MD_BLOCK_UL) {
        e.tight = static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight;
    } else if (type == MD_BLOCK_OL) {
        const auto *d = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
        e.tight = d->is_tight;
        e.number = int(qMin(d->start, 999999999u));
    } else if (type == MD_BLOCK_H) {
        e.number = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
    } else if (type == MD_BLOCK_CODE) {
        const auto *d = static_cast<MD_BLOCK_CODE_DETAIL *>(detail);
        e.href = attributeText(d->info);
        e.number = d->fence_char;
    }
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onLeaveBlock(MD_BLOCKTYPE type, void *, void *user)
{
    MdEvent e;
    e.kind = MdEvent::LeaveBlock;
    e.type = type;
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onEnterSpan(MD_SPANTYPE type, void *detail, void *user)
{
    MdEvent e;
    e.kind = MdEvent::EnterSpan;
    e.type = type;
    if (type == MD_SPAN_A) {
        const auto *d = static_cast<MD_SPAN_A_DETAIL *>(detail);
        e.href = attributeText(d->href);
        e.title = attributeText(d->title);
    } else if (type == MD_SPAN_IMG) {
        const auto *d = static_cast<MD_SPAN_IMG_DETAIL *>(detail);
        e.href = attributeText(d->src);
        e.title = attributeText(d->title);
    }
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onLeaveSpan(MD_SPANTYPE type, void *, void *user)
{
    MdEvent e;
    e.kind = MdEvent::LeaveSpan;
    e.type = type;
    static_cast<Events *>(user)->append(e);
    return 0;
}

int onText(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *user)
{
    MdEvent e;
    e.type = type;
    e.text = QString::fromUtf8(text, int(size));
    if (type == MD_TEXT_ENTITY) {
        e.type = MD_TEXT_NORMAL;
        e.text = decodeEntity(e.text);
    } else if (type == MD_TEXT_NULLCHAR) {
        e.type = MD_TEXT_NORMAL;
        e.text = QString(QChar(0xFFFD));
    }
    static_cast<Events *>(user)->append(e);
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Document builder: replays md4c events into a QTextDocument.

class DocBuilder
{
public:
    explicit DocBuilder(QTextDocument *doc) : mCursor(doc)
    {
        mCursor.movePosition(QTextCursor::End);
        const QTextBlock first = doc->firstBlock();
        mFresh = doc->blockCount() == 1 && first.length() <= 1 && !first.textList();
    }

    void beginUnit() { mFirstBlock = -1; }
    int unitFirstBlock() const { return mFirstBlock; }
    bool lossy() const { return mLossy; }
    int listItems() const { return mListItems; }

    void build(const Events &events, int from, int to)
    {
        for (int i = from; i < to; ++i) {
            const MdEvent &e = events[i];
            switch (e.kind) {
            case MdEvent::EnterBlock:
                enterBlock(e);
                break;
            case MdEvent::LeaveBlock:
                leaveBlock(e);
                break;
            case MdEvent::EnterSpan:
                span(e, 1);
                break;
            case MdEvent::LeaveSpan:
                span(e, -1);
                break;
            case MdEvent::Text:
                text(e);
                break;
            }
        }
    }

    void appendVerbatim(const QString &source)
    {
        QTextBlockFormat bf;
        bf.setProperty(Prop::BlockKind, int(MarkdownBlockKind::Verbatim));
        QTextCharFormat cf;
        cf.setFontFixedPitch(true);
        cf.setFontFamilies({QStringLiteral("monospace")});
        newBlock(bf, cf);
        QString shown = source;
        shown.replace(u'\n', kLineSeparator);
        mCursor.insertText(shown, cf);
    }

private:
    struct ListState
    {
        QTextListFormat format;
        QTextList *list = nullptr;
    };

    void enterBlock(const MdEvent &e)
    {
        if (mSkip > 0 || e.type == MD_BLOCK_HR || e.type == MD_BLOCK_CODE ||
            e.type == MD_BLOCK_HTML || e.type >= MD_BLOCK_TABLE) {
            // Only whole units are shown verbatim; this marks the unit as not representable.
            mLossy = true;
            ++mSkip;
            return;
        }
        if (e.type == MD_BLOCK_QUOTE || e.type == MD_BLOCK_UL || e.type == MD_BLOCK_OL ||
            e.type == MD_BLOCK_LI)
            mInLeaf = false; // a tight item's text has no paragraph around it to close
        switch (e.type) {
        case MD_BLOCK_QUOTE:
            if (!mLists.isEmpty())
                mLossy = true; // quotes are always the outer container in this model
            if (mQuoteDepth++ == 0)
                mQuoteId = ++mQuoteCounter;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL: {
            if (mItemPending)
                mLossy = true; // an item that starts with a nested list
            const int level = int(mLists.size());
            QTextListFormat lf;
            if (e.type == MD_BLOCK_OL) {
                lf.setStyle(QTextListFormat::ListDecimal);
                lf.setProperty(Prop::ListStart, e.number);
            } else {
                lf.setStyle(level == 0   ? QTextListFormat::ListDisc
                            : level == 1 ? QTextListFormat::ListCircle
                                         : QTextListFormat::ListSquare);
            }
            lf.setIndent(level + 1);
            if (!e.tight)
                lf.setProperty(Prop::ListLoose, true);
            mLists.append({lf, nullptr});
            break;
        }
        case MD_BLOCK_LI:
            mItemPending = true;
            mItemUsed.append(false);
            break;
        case MD_BLOCK_P:
        case MD_BLOCK_H:
            mHeading = e.type == MD_BLOCK_H ? e.number : 0;
            startLeaf();
            break;
        default:
            break;
        }
        if (mQuoteDepth + int(mLists.size()) > limits::kMaxNestingDepth)
            mLossy = true; // shown as its source: a document as deep as that is unusable
    }

    void leaveBlock(const MdEvent &e)
    {
        if (mSkip > 0) {
            --mSkip;
            return;
        }
        switch (e.type) {
        case MD_BLOCK_QUOTE:
            --mQuoteDepth;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            mLists.removeLast();
            break;
        case MD_BLOCK_LI:
            if (mItemPending)
                mLossy = true; // an empty item
            mItemPending = false;
            mItemUsed.removeLast();
            mInLeaf = false;
            break;
        case MD_BLOCK_P:
        case MD_BLOCK_H:
            mInLeaf = false;
            mHeading = 0;
            break;
        default:
            break;
        }
    }

    void span(const MdEvent &e, int step)
    {
        if (e.type == MD_SPAN_IMG) {
            mLossy = true;
            mSkip += step;
        } else if (mSkip > 0) {
            return;
        } else if (e.type == MD_SPAN_EM) {
            mEm += step;
        } else if (e.type == MD_SPAN_STRONG) {
            mStrong += step;
        } else if (e.type == MD_SPAN_CODE) {
            mCode += step;
        } else if (e.type == MD_SPAN_A && step > 0) {
            mLinks.append(RunFormat{false, false, false, false, e.href, e.title});
        } else if (e.type == MD_SPAN_A) {
            mLinks.removeLast();
        } else {
            mLossy = true;
        }
    }

    void text(const MdEvent &e)
    {
        if (mSkip > 0)
            return;
        if (!mInLeaf) {
            if (!mItemPending)
                mLossy = true;
            startLeaf();
        }
        RunFormat f;
        f.bold = mStrong > 0;
        f.italic = mEm > 0;
        f.code = mCode > 0;
        if (!mLinks.isEmpty()) {
            f.href = mLinks.last().href;
            f.title = mLinks.last().title;
        }
        if (e.type == MD_TEXT_BR || e.type == MD_TEXT_SOFTBR) {
            trimTrailingBlanksInBlock();
            const bool softBreak = e.type == MD_TEXT_SOFTBR && !f.code;
            QTextCharFormat cf = makeCharFormat(f, mHeading);
            if (softBreak)
                cf.setProperty(Prop::SoftBreak, true);
            const bool hard = e.type == MD_TEXT_BR && !f.code;
            mCursor.insertText(hard ? QString(kLineSeparator) : QStringLiteral(" "), cf);
            return;
        }
        f.raw = e.type == MD_TEXT_HTML;
        const QStringList lines = e.text.split(u'\n');
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0) {
                QTextCharFormat cf = makeCharFormat(f, mHeading);
                if (!f.code)
                    cf.setProperty(Prop::SoftBreak, true);
                mCursor.insertText(QStringLiteral(" "), cf);
            }
            if (!lines[i].isEmpty())
                mCursor.insertText(lines[i], makeCharFormat(f, mHeading));
        }
    }

    // Spaces before a line break do not render; dropping them keeps one document per rendering.
    void trimTrailingBlanksInBlock()
    {
        while (mCursor.positionInBlock() > 0) {
            const QChar c = mCursor.block().text().at(mCursor.positionInBlock() - 1);
            const QTextCharFormat cf = mCursor.charFormat();
            if (!isBlank(c) || cf.boolProperty(Prop::InlineCode) || cf.boolProperty(Prop::RawHtml))
                break;
            mCursor.deletePreviousChar();
        }
    }

    void startLeaf()
    {
        if (!mItemPending && !mItemUsed.isEmpty() && mItemUsed.last())
            mLossy = true; // a second paragraph in one list item
        QTextBlockFormat bf;
        if (mHeading > 0)
            bf.setHeadingLevel(mHeading);
        if (mQuoteDepth > 0) {
            bf.setProperty(QTextFormat::BlockQuoteLevel, mQuoteDepth);
            bf.setProperty(Prop::QuoteId, mQuoteId);
            bf.setLeftMargin(kQuoteIndent * qMin(mQuoteDepth, limits::kMaxNestingDepth));
        }
        newBlock(bf, makeCharFormat(RunFormat(), mHeading));
        mInLeaf = true;
        if (mItemPending && !mLists.isEmpty()) {
            ListState &ls = mLists.last();
            if (!ls.list)
                ls.list = mCursor.createList(ls.format);
            else if (ls.list->count() < limits::kMaxListItems)
                ls.list->add(mCursor.block());
            else
                mLossy = true; // see kMaxListItems: the unit is shown as its source
            mItemPending = false;
            mItemUsed.last() = true;
            ++mListItems;
        }
    }

    void newBlock(const QTextBlockFormat &bf, const QTextCharFormat &cf)
    {
        if (mFresh) {
            mCursor.setBlockFormat(bf);
            mCursor.setBlockCharFormat(cf);
            mFresh = false;
        } else {
            mCursor.insertBlock(bf, cf);
        }
        if (mFirstBlock < 0)
            mFirstBlock = mCursor.blockNumber();
    }

    QTextCursor mCursor;
    bool mFresh = true;
    int mFirstBlock = -1;
    bool mLossy = false;
    int mSkip = 0;
    QVector<ListState> mLists;
    QVector<bool> mItemUsed;
    bool mItemPending = false;
    bool mInLeaf = false;
    int mHeading = 0;
    int mQuoteDepth = 0;
    int mQuoteId = 0;
    int mQuoteCounter = 0;
    int mListItems = 0;
    int mEm = 0;
    int mStrong = 0;
    int mCode = 0;
    QVector<RunFormat> mLinks;
};

bool isRepresentable(const Events &events, const QVector<Range> &tops, const Unit &unit,
                     const QString &source, QString *canonical)
{
    if (unit.topCount == 0 || unit.definitions)
        return false;
    QTextDocument scratch;
    DocBuilder builder(&scratch);
    for (int k = unit.firstTop; k < unit.firstTop + unit.topCount; ++k)
        builder.build(events, tops[k].from, tops[k].to);
    if (builder.lossy())
        return false;
    *canonical = canonicalOf(&scratch, 0, scratch.blockCount() - 1);
    if (*canonical == source)
        return true; // written as the editor writes it (the usual case): nothing to compare
    const Events back = parseMarkdown(*canonical);
    const QVector<Range> parts = topLevelBlocks(back);
    if (parts.size() != unit.topCount)
        return false;
    for (int k = 0; k < parts.size(); ++k) {
        const Range &original = tops[unit.firstTop + k];
        if (signature(back, parts[k].from, parts[k].to) !=
            signature(events, original.from, original.to))
            return false;
    }
    return true;
}

} // namespace

Events parseMarkdown(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    Events events;
    MD_PARSER parser{};
    // Plain CommonMark with raw HTML recognised: HTML is kept as text, never rendered.
    parser.flags = MD_DIALECT_COMMONMARK;
    parser.enter_block = onEnterBlock;
    parser.leave_block = onLeaveBlock;
    parser.enter_span = onEnterSpan;
    parser.leave_span = onLeaveSpan;
    parser.text = onText;
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &events);
    return events;
}

QVector<Range> topLevelBlocks(const Events &events)
{
    QVector<Range> out;
    int depth = 0;
    int start = 0;
    for (int i = 0; i < events.size(); ++i) {
        if (events[i].kind == MdEvent::EnterBlock) {
            if (depth == 1)
                start = i;
            ++depth;
        } else if (events[i].kind == MdEvent::LeaveBlock) {
            --depth;
            if (depth == 1)
                out.append({start, i + 1});
        }
    }
    return out;
}

} // namespace fo::markdown_detail

namespace fo {

using namespace markdown_detail;

void markdownToDocument(const QString &markdown, QTextDocument *doc)
{
    const bool undo = doc->isUndoRedoEnabled();
    doc->setUndoRedoEnabled(false);
    doc->clear();
    QString text = markdown;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    // The document uses U+2028 for line breaks, so a literal one could not survive a verbatim
    // block; like CR, U+2028 and U+2029 end a line.
    text.replace(kLineSeparator, u'\n');
    text.replace(QChar(QChar::ParagraphSeparator), u'\n');
    const Events events = parseMarkdown(text);
    const QVector<Range> tops = topLevelBlocks(events);
    const QVector<Unit> units =
        mergeDependentUnits(matchUnits(text, events, tops), text, events, tops);
    // One edit block around the whole build: a document shown in an editor is laid out once
    // at the end, not again after every block and format change (a 5,000-word story shaped
    // its text several times over).
    QTextCursor batch(doc);
    batch.beginEditBlock();
    DocBuilder builder(doc);
    for (int u = 0; u < units.size(); ++u) {
        const Unit &unit = units[u];
        QString source = text.mid(unit.begin, unit.end - unit.begin);
        builder.beginUnit();
        QString canonical;
        // Past kMaxDocumentListItems, lists are not built at all (storylimits.h).
        if (builder.listItems() < limits::kMaxDocumentListItems &&
            isRepresentable(events, tops, unit, source, &canonical)) {
            for (int k = unit.firstTop; k < unit.firstTop + unit.topCount; ++k)
                builder.build(events, tops[k].from, tops[k].to);
        } else {
            // md4c 0.4.8 can read a body differently with a blank line in front (an indented line
            // after blank lines joins a list item only then), so a kept first unit keeps them.
            if (u == 0)
                source = text.left(unit.end);
            builder.appendVerbatim(source);
            canonical.clear();
        }
        const QString separator =
            u > 0 ? text.mid(units[u - 1].end, unit.begin - units[u - 1].end) : QString();
        const int first = builder.unitFirstBlock();
        if (first < 0)
            continue;
        if (canonical.isEmpty())
            canonical = canonicalOf(doc, first, doc->blockCount() - 1);
        markUnit(doc, first, u + 1, source, canonical, separator);
    }
    batch.endEditBlock();
    doc->setUndoRedoEnabled(undo);
    doc->setModified(false);
}

} // namespace fo
