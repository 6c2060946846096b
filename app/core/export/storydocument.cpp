#include "export/storydocument.h"

#include "domain/storylimits.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

#include <md4c.h>

namespace fo {

namespace {

// md4c hands named entities over verbatim and knows no list of them. These are the ones story
// writers use; any other stays as written, which is safe (the exporters escape it).
struct NamedEntity
{
    const char *name;
    char32_t code;
};

constexpr NamedEntity kEntities[] = {
    {"amp", 0x26},     {"lt", 0x3C},       {"gt", 0x3E},      {"quot", 0x22},     {"apos", 0x27},
    {"nbsp", 0xA0},    {"ndash", 0x2013},  {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"laquo", 0xAB},    {"raquo", 0xBB},
    {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122}, {"euro", 0x20AC},   {"pound", 0xA3},
    {"yen", 0xA5},     {"cent", 0xA2},     {"deg", 0xB0},     {"times", 0xD7},    {"middot", 0xB7},
    {"bull", 0x2022},  {"sect", 0xA7},     {"para", 0xB6},    {"shy", 0xAD},      {"zwj", 0x200D},
    {"zwnj", 0x200C},  {"thinsp", 0x2009}, {"ensp", 0x2002},  {"emsp", 0x2003},   {"frac12", 0xBD},
    {"frac14", 0xBC},  {"eacute", 0xE9},   {"egrave", 0xE8},  {"aacute", 0xE1},   {"oacute", 0xF3},
    {"ntilde", 0xF1},  {"uuml", 0xFC},     {"ouml", 0xF6},    {"auml", 0xE4},     {"ccedil", 0xE7},
};

QString fromCodePoint(char32_t code)
{
    // CommonMark: NUL, surrogates and values past Unicode become U+FFFD.
    if (code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
        code = 0xFFFD;
    }
    return QString::fromUcs4(&code, 1);
}

QString decodeEntity(const QByteArray &entity)
{
    if (entity.size() < 3 || !entity.startsWith('&') || !entity.endsWith(';')) {
        return QString::fromUtf8(entity);
    }
    const QByteArray name = entity.mid(1, entity.size() - 2);
    if (name.startsWith('#')) {
        bool ok = false;
        const bool hex = name.size() > 1 && (name.at(1) == 'x' || name.at(1) == 'X');
        const qulonglong code =
            hex ? name.mid(2).toULongLong(&ok, 16) : name.mid(1).toULongLong(&ok);
        return fromCodePoint(ok && code <= 0x10FFFF ? char32_t(code) : 0xFFFD);
    }
    for (const NamedEntity &e : kEntities) {
        if (name == e.name) {
            return fromCodePoint(e.code);
        }
    }
    return QString::fromUtf8(entity);
}

QString attributeText(const MD_ATTRIBUTE &a)
{
    QString out;
    for (int i = 0; a.substr_offsets && a.substr_offsets[i] < a.size; ++i) {
        const QByteArray part(a.text + a.substr_offsets[i],
                              int(a.substr_offsets[i + 1] - a.substr_offsets[i]));
        switch (a.substr_types[i]) {
        case MD_TEXT_ENTITY:
            out += decodeEntity(part);
            break;
        case MD_TEXT_NULLCHAR:
            out += QChar(0xFFFD);
            break;
        default:
            out += QString::fromUtf8(part);
        }
    }
    return out;
}

struct Span
{
    MD_SPANTYPE type;
    QString href; // links: the safe target, or empty
};

/// Builds the block tree from md4c's callbacks. A block is pushed on enter and appended to its
/// parent on leave, so no pointer into a growing vector is ever kept.
class Builder
{
public:
    QVector<Block> top;

    void enterBlock(MD_BLOCKTYPE type, void *detail)
    {
        closeImplicit();
        if (type == MD_BLOCK_DOC) {
            return;
        }
        if (!keepLevel(type)) {
            return;
        }
        Block b;
        switch (type) {
        case MD_BLOCK_H:
            b.kind = Block::Kind::Heading;
            b.level = int(static_cast<MD_BLOCK_H_DETAIL *>(detail)->level);
            break;
        case MD_BLOCK_CODE:
        case MD_BLOCK_HTML:
            b.kind = Block::Kind::Code;
            break;
        case MD_BLOCK_UL:
            b.kind = Block::Kind::BulletList;
            b.tight = static_cast<MD_BLOCK_UL_DETAIL *>(detail)->is_tight != 0;
            break;
        case MD_BLOCK_OL: {
            const auto *d = static_cast<MD_BLOCK_OL_DETAIL *>(detail);
            b.kind = Block::Kind::OrderedList;
            b.tight = d->is_tight != 0;
            b.start = int(qMin(d->start, 999999999u));
            break;
        }
        case MD_BLOCK_LI:
            b.kind = Block::Kind::ListItem;
            break;
        case MD_BLOCK_QUOTE:
            b.kind = Block::Kind::Quote;
            break;
        case MD_BLOCK_HR:
            b.kind = Block::Kind::Rule;
            break;
        default: // paragraphs, and table parts should a dialect ever enable them
            b.kind = Block::Kind::Paragraph;
        }
        mStack.append(b);
        mImplicit.append(false);
    }

    void leaveBlock(MD_BLOCKTYPE type)
    {
        closeImplicit();
        if (type == MD_BLOCK_DOC || mKept.isEmpty()) {
            return;
        }
        const bool kept = mKept.takeLast();
        if (kept && (type == MD_BLOCK_UL || type == MD_BLOCK_OL || type == MD_BLOCK_QUOTE)) {
            --mLevels;
        }
        if (kept && !mStack.isEmpty()) {
            pop();
        }
    }

    void enterSpan(MD_SPANTYPE type, void *detail)
    {
        Span s{type, QString()};
        if (type == MD_SPAN_A) {
            s.href = safeLinkTarget(attributeText(static_cast<MD_SPAN_A_DETAIL *>(detail)->href));
        }
        // Images are never fetched: only their alt text (the span's text) is kept.
        mSpans.append(s);
    }

    /// md4c (0.4.8) can report leaving a span it never entered when emphasis marks overlap a
    /// link (found by fuzz_html_export): close the innermost open span of that type, if any.
    void leaveSpan(MD_SPANTYPE type)
    {
        for (qsizetype i = mSpans.size() - 1; i >= 0; --i) {
            if (mSpans.at(i).type == type) {
                mSpans.removeAt(i);
                return;
            }
        }
    }

    void text(MD_TEXTTYPE type, const char *data, MD_SIZE size)
    {
        const QByteArray bytes(data, int(size));
        switch (type) {
        case MD_TEXT_NULLCHAR:
            append(QString(QChar(0xFFFD)), 0);
            break;
        case MD_TEXT_BR:
            append(QStringLiteral("\n"), TextRun::LineBreak);
            break;
        case MD_TEXT_SOFTBR:
            append(QStringLiteral(" "), 0);
            break;
        case MD_TEXT_ENTITY:
            append(decodeEntity(bytes), 0);
            break;
        default: // normal, code, and raw HTML, which is shown as the literal text it is
            append(QString::fromUtf8(bytes), 0);
        }
    }

private:
    /// Lists and quotes past limits::kMaxNestingDepth levels are left out, their content going
    /// to the deepest level kept: the tree (and every renderer walking it) stays shallow, and
    /// no text is lost. Records the decision for leaveBlock().
    bool keepLevel(MD_BLOCKTYPE type)
    {
        bool keep = true;
        if (type == MD_BLOCK_UL || type == MD_BLOCK_OL || type == MD_BLOCK_QUOTE) {
            keep = mLevels < limits::kMaxNestingDepth;
            mLevels += keep ? 1 : 0;
        } else if (type == MD_BLOCK_LI) {
            keep = mKept.isEmpty() || mKept.constLast(); // an item of a list left out goes too
        }
        mKept.append(keep);
        return keep;
    }

    void append(const QString &text, unsigned extra)
    {
        if (mStack.isEmpty() || !mStack.constLast().isText()) {
            Block p; // text straight inside a tight list item
            mStack.append(p);
            mImplicit.append(true);
        }
        unsigned flags = extra;
        QString href;
        for (const Span &s : qAsConst(mSpans)) {
            if (s.type == MD_SPAN_STRONG) {
                flags |= TextRun::Bold;
            } else if (s.type == MD_SPAN_EM) {
                flags |= TextRun::Italic;
            } else if (s.type == MD_SPAN_CODE) {
                flags |= TextRun::Code;
            } else if (s.type == MD_SPAN_A) {
                href = s.href;
            }
        }
        if (mStack.constLast().kind == Block::Kind::Code) {
            flags |= TextRun::Code;
        }
        Inlines &runs = mStack.last().runs;
        if (!runs.isEmpty() && runs.constLast().flags == flags && runs.constLast().href == href &&
            !(flags & TextRun::LineBreak)) {
            runs.last().text += text;
        } else {
            runs.append(TextRun{text, flags, href});
        }
    }

    void closeImplicit()
    {
        if (!mImplicit.isEmpty() && mImplicit.constLast()) {
            pop();
        }
    }

    void pop()
    {
        Block b = mStack.takeLast();
        mImplicit.removeLast();
        if (b.kind == Block::Kind::Code && !b.runs.isEmpty() &&
            b.runs.constLast().text.endsWith(QLatin1Char('\n'))) {
            b.runs.last().text.chop(1);
        }
        (mStack.isEmpty() ? top : mStack.last().children).append(b);
    }

    QVector<Block> mStack;
    QVector<bool> mImplicit;
    QVector<bool> mKept; // per open md4c block: whether it has a Block in mStack
    int mLevels = 0;     // lists and quotes in mStack
    QVector<Span> mSpans;
};

bool isFootnote(const Block &b)
{
    if (b.kind != Block::Kind::Paragraph || b.runs.isEmpty()) {
        return false;
    }
    const QString text = b.runs.constFirst().text;
    return text.startsWith(QLatin1Char('*')) && !text.startsWith(QStringLiteral("**"));
}

Block *firstParagraph(QVector<Block> &blocks)
{
    for (Block &b : blocks) {
        if (b.kind == Block::Kind::Paragraph) {
            return &b;
        }
    }
    return nullptr;
}

/// Removes "GULU, UGANDA –" that the writer typed at the start of the paragraph, so that it is
/// shown once, in the dateline style.
void stripTypedDateline(Inlines &runs, const QString &dateline)
{
    if (runs.isEmpty() || runs.constFirst().flags != 0) {
        return;
    }
    static const QRegularExpression dash(QStringLiteral("^\\s*[\\x{2013}\\x{2014}-]\\s*"));
    QString &text = runs.first().text;
    if (!text.startsWith(dateline, Qt::CaseInsensitive)) {
        return;
    }
    const QRegularExpressionMatch m = dash.match(text.mid(dateline.size()));
    if (m.hasMatch()) {
        text = text.mid(dateline.size() + m.capturedLength());
    }
}

} // namespace

StoryDocument StoryDocument::fromMarkdown(const QString &markdown)
{
    Builder builder;
    MD_PARSER parser{};
    parser.abi_version = 0;
    // Raw HTML off: "<script>" and "<img onerror=…>" arrive as text and are escaped on output.
    parser.flags = MD_DIALECT_COMMONMARK | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE t, void *d, void *u) {
        static_cast<Builder *>(u)->enterBlock(t, d);
        return 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE t, void *, void *u) {
        static_cast<Builder *>(u)->leaveBlock(t);
        return 0;
    };
    parser.enter_span = [](MD_SPANTYPE t, void *d, void *u) {
        static_cast<Builder *>(u)->enterSpan(t, d);
        return 0;
    };
    parser.leave_span = [](MD_SPANTYPE t, void *, void *u) {
        static_cast<Builder *>(u)->leaveSpan(t);
        return 0;
    };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR *s, MD_SIZE n, void *u) {
        static_cast<Builder *>(u)->text(t, s, n);
        return 0;
    };
    const QByteArray utf8 = markdown.toUtf8();
    md_parse(utf8.constData(), MD_SIZE(utf8.size()), &parser, &builder);

    StoryDocument doc;
    doc.blocks = builder.top;
    while (!doc.blocks.isEmpty() && isFootnote(doc.blocks.constLast())) {
        doc.footnotes.prepend(doc.blocks.takeLast().runs);
    }
    // A rule that only separated the footnotes from the text: the footnote block draws its own.
    if (!doc.footnotes.isEmpty() && !doc.blocks.isEmpty() &&
        doc.blocks.constLast().kind == Block::Kind::Rule) {
        doc.blocks.removeLast();
    }
    return doc;
}

StoryDocument StoryDocument::fromStory(const Story &story)
{
    StoryDocument doc = fromMarkdown(story.body);
    const QString dateline = story.dateline();
    if (dateline.isEmpty()) {
        return doc;
    }
    Block *first = firstParagraph(doc.blocks);
    if (!first) {
        doc.blocks.prepend(Block{});
        first = &doc.blocks.first();
    }
    stripTypedDateline(first->runs, dateline);
    const TextRun mark{dateline + QStringLiteral(" \u2013"), TextRun::Dateline, QString()};
    if (!first->runs.isEmpty()) {
        first->runs.prepend(TextRun{QStringLiteral(" "), 0, QString()});
    }
    first->runs.prepend(mark);
    return doc;
}

QString plainText(const Inlines &runs)
{
    QString out;
    for (const TextRun &r : runs) {
        out += r.text;
    }
    return out;
}

QString safeLinkTarget(const QString &href)
{
    const QString h = href.trimmed();
    for (const QChar c : h) {
        if (c.category() == QChar::Other_Control || c.isSpace()) {
            return QString();
        }
    }
    const int colon = h.indexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return QString(); // relative links point at nothing outside the story
    }
    const QString scheme = h.left(colon).toLower();
    const QUrl url(h, QUrl::TolerantMode);
    if (!url.isValid()) {
        return QString();
    }
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        if (url.host().isEmpty() || !h.mid(colon).startsWith(QStringLiteral("://"))) {
            return QString();
        }
        return QString::fromLatin1(url.toEncoded());
    }
    if (scheme == QLatin1String("mailto")) {
        const QString address = url.path();
        if (address.isEmpty() || !address.contains(QLatin1Char('@'))) {
            return QString();
        }
        return QString::fromLatin1(url.toEncoded());
    }
    return QString();
}

QString languageTag(const QString &language)
{
    static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"));
    const QString l = language.trimmed();
    return tag.match(l).hasMatch() ? l : QStringLiteral("und");
}

QString formatEmbargo(const QDateTime &utc)
{
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
               .toString(utc.toUTC(), QStringLiteral("d MMMM yyyy, HH:mm")) +
           QStringLiteral(" UTC");
}

} // namespace fo
