// Paste: HTML from a web page or word processor turned into Markdown a body may hold. The HTML
// is parsed as a browser parses it (gumbo, an HTML5 parser), so an <embed>, a self-closing
// <svg/> or a "<script>" inside an attribute value hides nothing after it; the tree is then
// walked without recursion, keeping only what a body may hold.

#include "domain/storylimits.h"
#include "markdown/htmlpaste.h"
#include "markdown/htmlpasteelements.h"
#include "markdown/markdowninternal.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

#include <gumbo.h>

#include <vector>

namespace fo::markdown_detail {
namespace {

/// What an <iframe/> (or <noembed>, <noframes>) swallowed as raw text is parsed again, so that
/// the text after it survives; each time costs the rest of the paste, hence the bound.
constexpr int kMaxReparses = 4;
/// Items in one pasted list before it continues as a new one: building a list costs the square
/// of its length (storylimits.h, kMaxListItems), and a crafted paste holds 80,000 items.
constexpr int kMaxPastedListItems = 100;
/// Quotes take at most half of the nesting a body may have; lists the rest.
constexpr int kMaxQuoteDepth = limits::kMaxNestingDepth / 2;

/// What an element passes on to its content.
struct Context
{
    RunFormat format; // bold, italic, link
    int heading = 0;  // 2 or 3: a body's headings sit under the headline
    int quoteDepth = 0;
    int listId = -1; // index into Walker::mLists of the innermost list
    int listDepth = 0;
    bool pre = false;
    int wordLevel = 0; // a Word list paragraph: its level (1…); else 0
    bool wordOrdered = false;
};

const GumboVector *childrenOf(const GumboNode *node)
{
    if (node->type == GUMBO_NODE_DOCUMENT) {
        return &node->v.document.children;
    }
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
        return &node->v.element.children;
    }
    return nullptr;
}

bool isCommentStarting(const GumboNode *node, const char *start)
{
    return node->type == GUMBO_NODE_COMMENT &&
           QByteArray(node->v.text.text).trimmed().toLower().startsWith(start);
}

/// The bullet or number Word draws as text between <![if !supportLists]> and <![endif]>.
QString wordListMarker(const GumboNode *paragraph)
{
    QString marker;
    bool inMarker = false;
    QVector<QPair<const GumboNode *, unsigned>> stack{{paragraph, 0u}};
    while (!stack.isEmpty()) {
        auto &[node, next] = stack.last();
        const GumboVector *children = childrenOf(node);
        if (!children || next >= children->length) {
            stack.removeLast();
            continue;
        }
        const auto *child = static_cast<const GumboNode *>(children->data[next++]);
        if (isCommentStarting(child, "[if !supportlists]")) {
            inMarker = true;
        } else if (isCommentStarting(child, "[endif]")) {
            if (inMarker) {
                return marker;
            }
        } else if (child->type == GUMBO_NODE_TEXT && inMarker) {
            marker += QString::fromUtf8(child->v.text.text);
        } else if (childrenOf(child)) {
            stack.append({child, 0u});
        }
    }
    return marker;
}

/// Word marks list paragraphs with an mso-list style and draws the bullet or number as text:
/// made into real lists here, a pasted list stays a list without "·" junk.
void applyWordList(const GumboNode *node, const QString &style, Context &ctx)
{
    static const QRegularExpression level(QStringLiteral("mso-list:\\s*l\\d+\\s+level(\\d+)"));
    static const QRegularExpression numbered(QStringLiteral("^[0-9A-Za-z]{1,4}[.)]$"));
    const QRegularExpressionMatch m = level.match(style);
    if (!m.hasMatch()) {
        return;
    }
    QString mark = wordListMarker(node);
    mark.removeIf([](QChar c) { return c.isSpace(); }); // spaces and no-break spaces
    ctx.wordLevel = qBound(1, m.captured(1).toInt(), limits::kMaxNestingDepth);
    ctx.wordOrdered = numbered.match(mark).hasMatch();
}

/// Walks a gumbo tree into a clean QTextDocument: only what a body may hold, in the block and
/// character formats markdownToDocument() uses, so the canonical writer turns it into Markdown.
class Walker
{
public:
    Walker() : mCursor(&mDoc)
    {
        mDoc.setUndoRedoEnabled(false); // built once and read: no undo steps to record
    }
    ~Walker()
    {
        for (GumboOutput *output : mOutputs) {
            gumbo_destroy_output(&kGumboDefaultOptions, output);
        }
    }
    Walker(const Walker &) = delete;
    Walker &operator=(const Walker &) = delete;

    /// Parses `html` and walks it with `ctx`; its frames go on the stack of the current walk.
    void parse(const QString &html, const Context &ctx)
    {
        mSources.append(boundHtmlNesting(html).toUtf8()); // gumbo points into it: kept alive
        GumboOptions options = kGumboDefaultOptions;
        options.max_errors = 0; // errors are not used: do not collect them
        const QByteArray &utf8 = mSources.constLast();
        GumboOutput *output =
            gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
        mOutputs.push_back(output);
        mStack.append({output->document, 0, ctx, true});
    }

    /// The Markdown, or an empty string when the paste holds too many blocks.
    QString run(const QString &html)
    {
        parse(html, Context());
        while (!mStack.isEmpty() && mBlocks <= limits::kMaxPastedBlocks) {
            step();
        }
        endBlock();
        if (mBlocks > limits::kMaxPastedBlocks) {
            return {};
        }
        return documentToCanonicalMarkdown(&mDoc);
    }
    int blocks() const { return mBlocks; }

private:
    struct Frame
    {
        const GumboNode *node;
        unsigned next;
        Context ctx;
        bool block;
    };
    struct Run
    {
        QString text;
        RunFormat format;
    };
    struct ListState
    {
        bool ordered = false;
        int indent = 1;
        QTextList *list = nullptr;
    };

    void step()
    {
        Frame &frame = mStack.last();
        const GumboVector *children = childrenOf(frame.node);
        if (!children || frame.next >= children->length) {
            if (frame.block) {
                mInMarker = false;
                endBlock();
            }
            mStack.removeLast();
            return;
        }
        const auto *child = static_cast<const GumboNode *>(children->data[frame.next++]);
        const Context ctx = frame.ctx; // `frame` dangles once the stack grows
        switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            text(QString::fromUtf8(child->v.text.text), ctx);
            break;
        case GUMBO_NODE_COMMENT:
            if (isCommentStarting(child, "[if !supportlists]")) {
                mInMarker = true; // Word's list marker: made a real list instead
            } else if (isCommentStarting(child, "[endif]")) {
                mInMarker = false;
            }
            break;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            enter(child, ctx);
            break;
        default:
            break;
        }
    }

    void enter(const GumboNode *node, const Context &parent)
    {
        const GumboElement &e = node->v.element;
        const Role role = roleOf(e);
        const QString style = attribute(e, "style").toLower();
        if (role == Role::Skip || isHidden(e, style)) {
            return;
        }
        if (role == Role::Break) {
            if (mHasText) {
                ++mPendingBreaks;
            }
            mLastSpace = true;
            return;
        }
        if (role == Role::Reparse) {
            reparse(e, parent);
            return;
        }
        Context ctx = parent;
        applyElement(node, style, ctx);
        if (role == Role::Block) {
            endBlock();
        }
        mStack.append({node, 0, ctx, role == Role::Block});
    }

    void applyElement(const GumboNode *node, const QString &style, Context &ctx)
    {
        const GumboElement &e = node->v.element;
        switch (e.tag) {
        case GUMBO_TAG_B:
        case GUMBO_TAG_STRONG:
            ctx.format.bold = true;
            break;
        case GUMBO_TAG_I:
        case GUMBO_TAG_EM:
        case GUMBO_TAG_CITE:
        case GUMBO_TAG_VAR:
        case GUMBO_TAG_DFN:
            ctx.format.italic = true;
            break;
        case GUMBO_TAG_A: {
            const QString href = attribute(e, "href").trimmed();
            ctx.format.href = isAllowedLinkTarget(href) ? href : QString();
            break;
        }
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
            ctx.heading = 2;
            break;
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
            ctx.heading = 3;
            break;
        case GUMBO_TAG_BLOCKQUOTE:
            ++ctx.quoteDepth;
            break;
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
            // Past the nesting a body may have, items join the deepest list kept.
            if (ctx.listDepth < limits::kMaxNestingDepth) {
                ctx.listId = int(mLists.size());
                mLists.append({e.tag == GUMBO_TAG_OL, ++ctx.listDepth, nullptr});
            }
            break;
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_LISTING:
        case GUMBO_TAG_XMP:
        case GUMBO_TAG_PLAINTEXT:
            ctx.pre = true;
            break;
        case GUMBO_TAG_P:
            applyWordList(node, style, ctx);
            break;
        default:
            break;
        }
        if (!style.isEmpty()) {
            applyInlineStyle(style, &ctx.format.bold, &ctx.format.italic);
        }
    }

    void reparse(const GumboElement &e, const Context &ctx)
    {
        QString raw;
        for (unsigned i = 0; i < e.children.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(e.children.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
                raw += QString::fromUtf8(child->v.text.text);
            }
        }
        if (raw.trimmed().isEmpty() || mReparses >= kMaxReparses) {
            return;
        }
        ++mReparses;
        endBlock();
        parse(raw, ctx);
    }

    void text(const QString &raw, const Context &ctx)
    {
        if (mInMarker) {
            return;
        }
        QString s;
        s.reserve(raw.size());
        for (QChar c : raw) {
            if (!ctx.pre && (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f')) {
                if (!mLastSpace && mHasText) {
                    s += u' '; // HTML collapses blanks; those that start a block go
                }
                mLastSpace = true;
                continue;
            }
            if (!mHasText) {
                mHasText = true;
                mBlockCtx = ctx;
            }
            if (mPendingBreaks > 0) {
                s += QString(mPendingBreaks, kLineSeparator);
                mPendingBreaks = 0;
            }
            s += ctx.pre && c == u'\n' ? kLineSeparator : c;
            mLastSpace = false;
        }
        if (s.isEmpty()) {
            return;
        }
        if (!mRuns.isEmpty() && mRuns.constLast().format == ctx.format) {
            mRuns.last().text += s;
        } else {
            mRuns.append({s, ctx.format});
        }
    }

    void endBlock()
    {
        if (mHasText) {
            writeBlock();
        }
        mRuns.clear();
        mHasText = false;
        mPendingBreaks = 0;
        mLastSpace = true;
    }

    /// The list the block belongs to, or null; a block that is not in a list ends Word's.
    ListState *listOf(const Context &c, int quote)
    {
        const int deepest = qMax(1, limits::kMaxNestingDepth - quote);
        if (c.wordLevel <= 0) {
            mWordLists.clear();
            return c.listId >= 0 ? &mLists[c.listId] : nullptr;
        }
        const int level = qMin(c.wordLevel, deepest);
        if (mWordLists.size() > level) {
            mWordLists.resize(level);
        }
        if (mWordLists.size() == level && mWordLists.constLast().ordered != c.wordOrdered) {
            mWordLists.resize(level - 1);
        }
        while (mWordLists.size() < level) {
            mWordLists.append({c.wordOrdered, int(mWordLists.size()) + 1, nullptr});
        }
        return &mWordLists[level - 1];
    }

    void writeBlock()
    {
        while (!mRuns.isEmpty()) {
            QString &t = mRuns.last().text;
            while (!t.isEmpty() && (t.back() == u' ' || t.back() == kLineSeparator)) {
                t.chop(1);
            }
            if (!t.isEmpty()) {
                break;
            }
            mRuns.removeLast();
        }
        bool empty = true;
        for (const Run &r : std::as_const(mRuns)) {
            for (QChar c : r.text) {
                empty = empty && (c.isSpace() || c == QChar::ObjectReplacementCharacter);
            }
        }
        if (empty) {
            return;
        }
        if (++mBlocks > limits::kMaxPastedBlocks) {
            return; // refused as a whole (run()): nothing more is built
        }
        const Context &c = mBlockCtx;
        const int quote = qMin(c.quoteDepth, kMaxQuoteDepth);
        QTextBlockFormat bf;
        if (c.heading > 0) {
            bf.setHeadingLevel(c.heading);
        }
        if (quote > 0) {
            if (!mInQuote) {
                ++mQuoteId;
            }
            bf.setProperty(QTextFormat::BlockQuoteLevel, quote);
            bf.setProperty(Prop::QuoteId, mQuoteId);
            bf.setLeftMargin(kQuoteIndent * quote);
        }
        mInQuote = quote > 0;
        const QTextCharFormat blockChar = makeCharFormat(RunFormat(), c.heading);
        if (mFresh) {
            mCursor.setBlockFormat(bf);
            mCursor.setBlockCharFormat(blockChar);
            mFresh = false;
        } else {
            mCursor.insertBlock(bf, blockChar);
        }
        if (ListState *list = listOf(c, quote)) {
            if (list->list && list->list->count() >= kMaxPastedListItems) {
                list->list = nullptr; // continues as a new list: see kMaxPastedListItems
            }
            if (!list->list) {
                QTextListFormat lf;
                lf.setStyle(list->ordered ? QTextListFormat::ListDecimal
                                          : QTextListFormat::ListDisc);
                lf.setIndent(qMin(list->indent, qMax(1, limits::kMaxNestingDepth - quote)));
                list->list = mCursor.createList(lf);
            } else {
                list->list->add(mCursor.block());
            }
        }
        for (const Run &r : std::as_const(mRuns)) {
            RunFormat f = r.format;
            f.bold = c.heading == 0 && f.bold;
            QString piece = r.text;
            piece.remove(QChar(QChar::ObjectReplacementCharacter));
            mCursor.insertText(piece, makeCharFormat(f, c.heading));
        }
    }

    QTextDocument mDoc;
    QTextCursor mCursor;
    bool mFresh = true;
    QVector<Frame> mStack;
    QList<QByteArray> mSources;
    std::vector<GumboOutput *> mOutputs;
    int mReparses = 0;
    int mBlocks = 0;
    // The block being collected.
    QVector<Run> mRuns;
    Context mBlockCtx;
    bool mHasText = false;
    bool mLastSpace = true;
    int mPendingBreaks = 0;
    bool mInMarker = false;
    // Across blocks.
    QVector<ListState> mLists;
    QVector<ListState> mWordLists; // Word's list levels, 1… as 0…
    int mQuoteId = 0;
    bool mInQuote = false;
};

} // namespace
} // namespace fo::markdown_detail

namespace fo {

PastedHtml pasteHtml(const QString &html)
{
    markdown_detail::Walker walker;
    PastedHtml pasted;
    pasted.markdown = walker.run(html);
    pasted.refusal = checkPastedBlocks(walker.blocks());
    replaceNonCharacters(&pasted.markdown);
    return pasted;
}

QString sanitizeHtmlToMarkdown(const QString &html)
{
    return pasteHtml(html).markdown;
}

} // namespace fo
