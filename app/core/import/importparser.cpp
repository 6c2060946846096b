#include "import/importparser.h"

#include "domain/pseudonymasterisks.h"
#include "domain/storylimits.h"
#include "import/storymarkdown.h"
#include "import/textdecoding.h"
#include "library/officerepository.h"
#include "markdown/markdownnesting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace fo {

namespace {

/// Front matter and blank lines around the body: what a Markdown file may hold beyond its body.
constexpr qint64 kMarkdownFileOverhead = 64 * 1024;

QString located(const QString &name, int line, const QString &message)
{
    return QStringLiteral("%1:%2: %3").arg(name, QString::number(line), message);
}

QString lineRange(int first, int last)
{
    return first == last
               ? QString::number(first)
               : QStringLiteral("%1-%2").arg(QString::number(first), QString::number(last));
}

QString rstrip(const QString &text)
{
    int n = text.size();
    while (n > 0 && text.at(n - 1).isSpace()) {
        --n;
    }
    return text.left(n);
}

bool isBlank(const QString &line)
{
    return line.trimmed().isEmpty();
}

/// A line that only marks the end of a press release or a break between stories.
bool isSeparator(const QString &line)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[#*_=~-](?:[ \\t]*[#*_=~-]){2,}|-30-)$"));
    return re.match(line.trimmed()).hasMatch();
}

/// The dateline, by the rule in DOMAIN.md: `CITY, COUNTRY –` in capitals at the start of a line.
///  - CITY and COUNTRY are one or more words separated by spaces; a word starts with an
///    upper-case letter (\p{Lu}, any script that has case) followed by upper-case letters,
///    combining marks, dots, apostrophes (' ’) or hyphens: QUEZON CITY, DAR ES SALAAM,
///    THE PHILIPPINES, GUINEA-BISSAU, CÔTE D'IVOIRE, ST. LOUIS, SÃO PAULO.
///  - A comma (and optional spaces) separates them; COUNTRY may itself hold further
///    comma-separated parts (it is everything after the first comma).
///  - Then at least one space, the separator – (en dash), — (em dash), - (hyphen) or --, and at
///    least one space or the end of the line.
///  - In Markdown, `**CITY, COUNTRY**` or `**CITY, COUNTRY –**` (or __ … __) is accepted too.
/// Lower-case ("Gulu, Uganda –") and dashes without spaces ("UGANDA–For") are not datelines.
const QRegularExpression &datelinePattern()
{
    static const QRegularExpression re = [] {
        // Capitals, or a script without case (কলকাতা, சென்னை), with their marks.
        const QString word = QStringLiteral(
            "(?:\\p{Lu}[\\p{Lu}\\p{M}.'\\x{2019}-]*|\\p{Lo}[\\p{Lo}\\p{M}.'\\x{2019}-]*)");
        const QString name =
            word + QStringLiteral("(?:[ \\x{00A0}]+") + word + QStringLiteral(")*");
        const QString pattern =
            QStringLiteral("^(\\*\\*|__)?(") + name + QStringLiteral("),[ \\x{00A0}]*(") + name +
            QStringLiteral("(?:,[ \\x{00A0}]*") + name +
            QStringLiteral(")*)(\\*\\*|__)?[ \\x{00A0}]+(?:--|[\\x{2013}\\x{2014}-])"
                           "(\\*\\*|__)?(?:[ \\x{00A0}]+|$)");
        return QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption);
    }();
    return re;
}

/// The text of a level-1 ATX heading (`# Headline`, `# Headline #`), unescaped.
std::optional<QString> headingText(const QString &line)
{
    static const QRegularExpression re(
        QStringLiteral("^ {0,3}#(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    static const QRegularExpression escaped(
        QStringLiteral("\\\\([!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~])"));
    QString text = m.captured(1).trimmed();
    text.replace(escaped, QStringLiteral("\\1"));
    return text;
}

bool isSetextUnderline(const QString &line)
{
    static const QRegularExpression re(QStringLiteral("^ {0,3}=+[ \\t]*$"));
    return re.match(line).hasMatch();
}

int firstNonBlank(const QStringList &lines, int from = 0)
{
    for (int i = from; i < lines.size(); ++i) {
        if (!isBlank(lines.at(i))) {
            return i;
        }
    }
    return -1;
}

/// What the front matter said, beyond the story fields.
struct MarkdownContext
{
    QString name;
    FrontMatterGiven given;
    int bodyStart = 0; // 0-based line of the file where the body lines start
};

/// Drops blanks at line ends, except the two or more spaces of a Markdown hard line break.
void stripLineEnds(QStringList &lines)
{
    for (int i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QString stripped = rstrip(line);
        const bool hardBreak = !stripped.isEmpty() && line.endsWith(QLatin1String("  ")) &&
                               i + 1 < lines.size() && !isBlank(lines.at(i + 1));
        if (!hardBreak && stripped.size() != line.size()) {
            lines[i] = stripped;
        }
    }
}

/// Takes the headline out of the body when the front matter has none: the first level-1 heading
/// (ATX `# …`, or `…` underlined with `===` as the first line). Text before it is skipped.
bool takeHeadline(QStringList &body, Story &story, const MarkdownContext &ctx, QStringList *notes)
{
    const int first = firstNonBlank(body);
    if (first < 0) {
        return false;
    }
    if (!headingText(body.at(first)) && first + 1 < body.size() &&
        isSetextUnderline(body.at(first + 1)) &&
        !body.at(first).startsWith(QLatin1String("    "))) {
        story.headline = body.at(first).trimmed();
        body.erase(body.begin(), body.begin() + first + 2);
        return !story.headline.isEmpty();
    }
    bool inFence = false;
    for (int i = first; i < body.size(); ++i) {
        const QString t = body.at(i).trimmed();
        if (t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"))) {
            inFence = !inFence;
        }
        const std::optional<QString> heading = inFence ? std::nullopt : headingText(body.at(i));
        if (heading && !heading->isEmpty()) {
            story.headline = *heading;
            if (i > first) {
                const int last = [&] {
                    int l = i - 1;
                    while (isBlank(body.at(l))) {
                        --l;
                    }
                    return l;
                }();
                notes->append(QStringLiteral("%1:%2: skipped text before the headline")
                                  .arg(ctx.name, lineRange(ctx.bodyStart + first + 1,
                                                           ctx.bodyStart + last + 1)));
            }
            body.erase(body.begin(), body.begin() + i + 1);
            return true;
        }
    }
    return false;
}

/// Takes the dateline out of the first paragraph (see matchDateline).
void takeDateline(QStringList &body, Story &story, const MarkdownContext &ctx, QStringList *notes)
{
    const int first = firstNonBlank(body);
    if (first < 0) {
        return;
    }
    const QString line = body.at(first).trimmed();
    const std::optional<DatelineMatch> m = matchDateline(line, true);
    if (!m) {
        return;
    }
    if (ctx.given.dateline) {
        if (story.dateline().isEmpty()) {
            return; // explicitly none: the text stays as written
        }
        const bool same = m->city.simplified().compare(story.datelineCity.simplified(),
                                                       Qt::CaseInsensitive) == 0 &&
                          m->country.simplified().compare(story.datelineCountry.simplified(),
                                                          Qt::CaseInsensitive) == 0;
        if (!same) {
            notes->append(located(ctx.name, ctx.bodyStart + first + 1,
                                  QStringLiteral("the text starts with the dateline '%1, %2', "
                                                 "not the front matter's '%3'; it was left in "
                                                 "the text")
                                      .arg(m->city, m->country, story.dateline())));
            return;
        }
    } else {
        story.datelineCity = m->city;
        story.datelineCountry = m->country;
    }
    const QString rest = line.mid(m->length);
    if (rest.trimmed().isEmpty()) {
        body.removeAt(first);
    } else {
        body[first] = rest;
    }
}

QString joinBody(QStringList lines)
{
    while (!lines.isEmpty() && isBlank(lines.first())) {
        lines.removeFirst();
    }
    while (!lines.isEmpty() && isBlank(lines.last())) {
        lines.removeLast();
    }
    return lines.join(QLatin1Char('\n'));
}

/// Where a plain-text story starts: its headline line and the line that opens with the dateline.
struct PlainStart
{
    int headline = 0;
    int dateline = 0;
    DatelineMatch match;
};

/// A headline is a non-empty line with a blank line (or the start of the file) before it and a
/// blank line after it, and the next non-blank line begins with a dateline.
QVector<PlainStart> plainStoryStarts(const QStringList &lines)
{
    const int n = lines.size();
    const auto blank = [&](int i) { return i < 0 || i >= n || lines.at(i).isEmpty(); };
    QVector<PlainStart> starts;
    for (int i = 0; i < n; ++i) {
        if (blank(i) || !blank(i - 1) || i + 1 >= n || !blank(i + 1)) {
            continue;
        }
        int k = i + 1;
        while (k < n && blank(k)) {
            ++k;
        }
        if (const std::optional<DatelineMatch> m =
                k < n ? matchDateline(lines.at(k)) : std::nullopt) {
            starts.append({i, k, *m});
            i = k;
        }
    }
    return starts;
}

/// The story from its headline to `end` (exclusive), its text as Markdown that reads as written.
ParsedStory plainStory(const QStringList &lines, const PlainStart &start, int end)
{
    ParsedStory parsed;
    parsed.line = start.headline + 1;
    Story &story = parsed.story;
    story.headline = lines.at(start.headline);
    story.datelineCity = start.match.city;
    story.datelineCountry = start.match.country;
    story.officeName = OfficeRepository::nameFromCity(start.match.city);
    QStringList body;
    bool gap = false;
    for (int j = start.dateline; j < end; ++j) {
        const QString line =
            j == start.dateline ? lines.at(j).mid(start.match.length).trimmed() : lines.at(j);
        if (line.isEmpty()) {
            gap = !body.isEmpty();
            continue;
        }
        if (gap) {
            body.append(QString()); // paragraphs: one blank line, however many there were
            gap = false;
        }
        body.append(escapeMarkdownText(line));
    }
    story.body = body.join(QLatin1Char('\n'));
    return parsed;
}

/// The text as the parsers read it (normaliseImportText), with what is not text replaced by
/// U+FFFD and a note saying where: PDF and other writers refuse noncharacters such as U+10FFFF.
QString importText(const QString &text, const QString &name, QStringList *notes)
{
    QString t = text;
    qsizetype first = 0;
    if (const int replaced = replaceNonCharacters(&t, &first)) {
        const int line = int(QStringView(t).left(first).count(QLatin1Char('\n'))) + 1;
        notes->append(located(name, line,
                              QStringLiteral("replaced %1 character(s) that are not text (such as "
                                             "U+FFFF or U+10FFFF) with U+FFFD")
                                  .arg(replaced)));
    }
    return normaliseImportText(t);
}

/// Lists and quotes deeper than limits::kMaxNestingDepth flattened, with a note.
void flattenBody(QStringList &body, int bodyStart, const QString &name, QStringList *notes)
{
    const FlattenedMarkdown flat = flattenDeepNesting(body.join(QLatin1Char('\n')));
    if (flat.changedLines == 0) {
        return;
    }
    notes->append(located(name, bodyStart + flat.firstLine, flattenNote(flat, bodyStart)));
    body = flat.markdown.split(QLatin1Char('\n'));
}

} // namespace

std::optional<DatelineMatch> matchDateline(const QString &line, bool markdown)
{
    const QRegularExpressionMatch m = datelinePattern().match(line);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QString open = m.captured(1);
    const QString closeBefore = m.captured(4);
    const QString closeAfter = m.captured(5);
    const bool balanced = open.isEmpty()
                              ? closeBefore.isEmpty() && closeAfter.isEmpty()
                              : markdown && ((closeBefore == open && closeAfter.isEmpty()) ||
                                             (closeAfter == open && closeBefore.isEmpty()));
    if (!balanced) {
        return std::nullopt;
    }
    DatelineMatch d;
    d.city = m.captured(2).replace(QChar(0x00A0), QLatin1Char(' '));
    d.country = m.captured(3).replace(QChar(0x00A0), QLatin1Char(' '));
    d.length = int(m.capturedEnd(0));
    return d;
}

QString normaliseImportText(const QString &text)
{
    QString t = text;
    if (t.startsWith(QChar(0xFEFF))) {
        t.remove(0, 1);
    }
    t.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return t.normalized(QString::NormalizationForm_C);
}

ParseResult parseMarkdownStory(const QString &text, const QString &displayName)
{
    ParseResult result;
    QStringList lines = importText(text, displayName, &result.notes).split(QLatin1Char('\n'));
    const FrontMatter fm = readFrontMatter(lines);
    if (!fm.error.isEmpty()) {
        result.error = located(displayName, fm.errorLine, fm.error);
        return result;
    }
    ParsedStory parsed;
    parsed.line = 1;
    Story &story = parsed.story;
    MarkdownContext ctx;
    ctx.name = displayName;
    ctx.bodyStart = fm.bodyStart;
    result.error = applyFrontMatter(fm, displayName, parsed, &ctx.given, &result.notes);
    if (!result.ok()) {
        return result;
    }
    QStringList body = lines.mid(fm.bodyStart);
    stripLineEnds(body);
    flattenBody(body, fm.bodyStart, displayName, &result.notes);
    if (story.headline.trimmed().isEmpty()) {
        if (!takeHeadline(body, story, ctx, &result.notes)) {
            result.error = located(displayName, 1,
                                   QStringLiteral("no headline (add a 'headline:' line to the "
                                                  "front matter or start with '# Headline')"));
            return result;
        }
    } else if (const int first = firstNonBlank(body); first >= 0) {
        // A heading that repeats the front-matter headline would print it twice.
        const std::optional<QString> heading = headingText(body.at(first));
        if (heading &&
            heading->simplified().compare(story.headline.simplified(), Qt::CaseInsensitive) == 0) {
            result.notes.append(located(displayName, fm.bodyStart + first + 1,
                                        QStringLiteral("left out the heading that repeats the "
                                                       "headline")));
            body.removeAt(first);
        }
    }
    takeDateline(body, story, ctx, &result.notes);
    if (!ctx.given.office) {
        story.officeName = OfficeRepository::nameFromCity(story.datelineCity);
    }
    story.body = escapePseudonymAsterisks(joinBody(body));
    if (const QString tooLarge = checkBodySize(story.body); !tooLarge.isEmpty()) {
        result.error = located(displayName, fm.bodyStart + 1, tooLarge);
        return result;
    }
    result.stories.append(parsed);
    return result;
}

ParseResult parsePlainTextStories(const QString &text, const QString &displayName)
{
    ParseResult result;
    QStringList lines = importText(text, displayName, &result.notes).split(QLatin1Char('\n'));
    for (QString &line : lines) {
        line = line.trimmed(); // indentation means nothing here (and would be code in Markdown)
    }
    const QVector<PlainStart> starts = plainStoryStarts(lines);
    if (starts.isEmpty()) {
        // The usual near miss: a dateline written in small letters ("Gulu, Uganda – ").
        static const QRegularExpression smallDateline(
            QStringLiteral("^(\\p{L}[\\p{L}\\p{M}.' -]*), *(\\p{L}[\\p{L}\\p{M}.' -]*) "
                           "+(?:--|[\\x{2013}\\x{2014}-]) "),
            QRegularExpression::UseUnicodePropertiesOption);
        for (int i = 1; i < lines.size(); ++i) {
            const QRegularExpressionMatch m = smallDateline.match(lines.at(i));
            if (m.hasMatch() && lines.at(i - 1).isEmpty()) {
                result.error = located(
                    displayName, i + 1,
                    QStringLiteral("no story found: the dateline '%1, %2' must be in capitals "
                                   "('%3, %4 – ')")
                        .arg(m.captured(1), m.captured(2), m.captured(1).toUpper(),
                             m.captured(2).toUpper()));
                return result;
            }
        }
        result.error = located(displayName, 1,
                               QStringLiteral("no story found (a story starts with its headline "
                                              "on a line of its own, a blank line, and a "
                                              "paragraph that begins with a dateline such as "
                                              "'GULU, UGANDA – ')"));
        return result;
    }
    const int firstText = firstNonBlank(lines);
    if (firstText < starts.first().headline) {
        int last = starts.first().headline - 1;
        while (lines.at(last).isEmpty()) {
            --last;
        }
        result.notes.append(QStringLiteral("%1:%2: skipped text before the first headline")
                                .arg(displayName, lineRange(firstText + 1, last + 1)));
    }
    for (int s = 0; s < starts.size(); ++s) {
        const PlainStart &start = starts.at(s);
        int end = s + 1 < starts.size() ? starts.at(s + 1).headline : lines.size();
        // Blank lines and end marks ("###", "* * *", "-30-") after the text are not the story's.
        QStringList dropped;
        while (end > start.dateline + 1 &&
               (lines.at(end - 1).isEmpty() || isSeparator(lines.at(end - 1)))) {
            if (!lines.at(end - 1).isEmpty()) {
                dropped.prepend(located(
                    displayName, end,
                    QStringLiteral("left out the separator line '%1'").arg(lines.at(end - 1))));
            }
            --end;
        }
        result.notes += dropped;
        result.stories.append(plainStory(lines, start, end));
        if (const QString tooLarge = checkBodySize(result.stories.constLast().story.body);
            !tooLarge.isEmpty()) {
            result.error = located(displayName, start.headline + 1, tooLarge);
            return result;
        }
    }
    return result;
}

ParseResult parseFile(const QString &path)
{
    ParseResult result;
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("%1: no such file").arg(name);
        return result;
    }
    if (info.isDir()) {
        result.error = QStringLiteral("%1: is a folder, not a story file").arg(name);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: cannot read: %2").arg(name, file.errorString());
        return result;
    }
    const QString suffix = info.suffix().toLower();
    const bool markdown = suffix == QLatin1String("md") || suffix == QLatin1String("markdown");
    // Refused before reading: a 50 MB file took 904 MB of memory to import.
    if (markdown && file.size() > limits::kMaxBodyBytes + kMarkdownFileOverhead) {
        result.error =
            QStringLiteral("%1: is %2; a story may hold at most %3 of text (split it "
                           "into several stories)")
                .arg(name, formatByteSize(file.size()), formatByteSize(limits::kMaxBodyBytes));
        return result;
    }
    if (file.size() > limits::kMaxImportFileBytes) {
        result.error = QStringLiteral("%1: is %2; a file to import may be at most %3")
                           .arg(name, formatByteSize(file.size()),
                                formatByteSize(limits::kMaxImportFileBytes));
        return result;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error = QStringLiteral("%1: cannot read: %2").arg(name, file.errorString());
        return result;
    }
    const DecodedText decoded = decodeTextFile(bytes);
    switch (decoded.problem) {
    case DecodedText::Problem::None:
        break;
    case DecodedText::Problem::DamagedUtf16:
        result.error = located(name, 1, QStringLiteral("is damaged UTF-16 text"));
        return result;
    case DecodedText::Problem::NulByte:
        result.error = located(name, decoded.line,
                               QStringLiteral("contains a NUL byte; this is not a text file"));
        return result;
    case DecodedText::Problem::InvalidUtf8:
        result.error = located(
            name, decoded.line,
            QStringLiteral("is not valid UTF-8 (byte 0x%1 in column %2); save "
                           "the file as UTF-8")
                .arg(QString::number(decoded.byte, 16).toUpper(), QString::number(decoded.column)));
        return result;
    }
    const QString &text = decoded.text;
    if (markdown) {
        return parseMarkdownStory(text, name);
    }
    return parsePlainTextStories(text, name);
}

} // namespace fo
