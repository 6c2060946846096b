#include "import/storymarkdown.h"

#include "domain/dateline.h"
#include "domain/storylimits.h"
#include "import/importparser.h"
#include "library/officerepository.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace fo {

namespace {

QString rstrip(const QString &text)
{
    int n = text.size();
    while (n > 0 && text.at(n - 1).isSpace()) {
        --n;
    }
    return text.left(n);
}

bool isFenceLine(const QString &line)
{
    return rstrip(line) == QLatin1String("---");
}

/// Always quoted, with the escapes frontMatterValue() reads.
QString quoted(const QString &value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString located(const QString &name, int line, const QString &message)
{
    return QStringLiteral("%1:%2: %3").arg(name, QString::number(line), message);
}

QString applyTags(const FrontMatterEntry &e, Story &story, const QString &name)
{
    const QStringList labels = e.items.isEmpty() ? parseFrontMatterList(e.rawValue) : e.items;
    story.tags.clear();
    // A set, not QStringList::contains(): comparing each of thousands of tags with all the
    // others grows with the square of their number (tst_limits imports the most allowed).
    QSet<QString> seen;
    for (const QString &text : labels) {
        const TagLabel label = TagLabel::parse(text);
        if (label.name.isEmpty()) {
            return located(name, e.line, QStringLiteral("tag '%1' has no name").arg(text));
        }
        const QString canonical = label.toString();
        const QString key = canonical.toCaseFolded();
        if (!seen.contains(key)) {
            seen.insert(key);
            story.tags.append(canonical);
        }
    }
    if (const QString error = checkTags(story.tags); !error.isEmpty()) {
        return located(name, e.line, error);
    }
    return {};
}

/// Applies one known front-matter key to the story. Returns an error, or an empty string.
QString applyKnownKey(const FrontMatterEntry &e, Story &s, const QString &name,
                      FrontMatterGiven *given)
{
    const QString &v = e.value;
    if (!e.items.isEmpty() && e.key != QLatin1String("tags")) {
        return located(name, e.line, QStringLiteral("only 'tags' can be a list"));
    }
    if (e.key == QLatin1String("headline")) {
        s.headline = v;
    } else if (e.key == QLatin1String("dateline")) {
        const DatelineParts dateline = splitDateline(v); // domain/dateline.h: the one rule
        s.datelineCity = dateline.city;
        s.datelineCountry = dateline.country;
        given->dateline = true;
    } else if (e.key == QLatin1String("office")) {
        s.officeName = v;
        given->office = true;
    } else if (e.key == QLatin1String("byline")) {
        s.byline = v;
    } else if (e.key == QLatin1String("summary")) {
        s.summary = v;
    } else if (e.key == QLatin1String("tags")) {
        return applyTags(e, s, name);
    } else if (e.key == QLatin1String("language")) {
        static const QRegularExpression code(
            QStringLiteral("^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$"));
        if (!v.isEmpty() && !code.match(v).hasMatch()) {
            return located(name, e.line,
                           QStringLiteral("language '%1' is not a language code such as en, bn "
                                          "or ta")
                               .arg(v));
        }
        s.language = v.isEmpty() ? QStringLiteral("en")
                                 : QString(v).replace(QLatin1Char('_'), QLatin1Char('-'));
    } else if (e.key == QLatin1String("embargo")) {
        const std::optional<QDateTime> at = v.isEmpty() ? QDateTime() : parseIsoDateTime(v);
        if (!at) {
            return located(name, e.line,
                           QStringLiteral("embargo '%1' is not a date and time such as "
                                          "2024-05-01T09:00:00Z (UTC) or "
                                          "2024-05-01T12:00:00+03:00")
                               .arg(v));
        }
        s.embargoAt = *at;
    }
    return {};
}

} // namespace

FrontMatter readFrontMatter(const QStringList &lines)
{
    FrontMatter fm;
    if (lines.isEmpty() || !isFenceLine(lines.first())) {
        return fm;
    }
    fm.present = true;
    int closing = -1;
    for (int i = 1; i < lines.size(); ++i) {
        if (isFenceLine(lines.at(i))) {
            closing = i;
            break;
        }
    }
    static const QRegularExpression keyLine(
        QStringLiteral("^([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:(.*)$"));
    const int end = closing < 0 ? lines.size() : closing;
    for (int i = 1; i < end; ++i) {
        const QString t = lines.at(i).trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#'))) {
            continue;
        }
        // YAML-style list items under a key with no value on its own line ("tags:" + "- a").
        const bool item = t == QLatin1String("-") || t.startsWith(QLatin1String("- "));
        if (item && !fm.entries.isEmpty() && fm.entries.last().rawValue.isEmpty()) {
            const QString value = frontMatterValue(t.mid(1));
            if (!value.isEmpty()) {
                fm.entries.last().items.append(value);
            }
            continue;
        }
        const QRegularExpressionMatch m = keyLine.match(t);
        if (!m.hasMatch()) {
            // Without a closing line, the first line that is not `key: value` is most likely
            // where the body begins: that is where the `---` is missing.
            fm.errorLine = i + 1;
            fm.error = closing < 0 ? QStringLiteral("front matter is not closed with ---")
                                   : QStringLiteral("front matter line is not 'key: value' (a "
                                                    "value over several lines must be written in "
                                                    "double quotes, with \\n for line breaks)");
            return fm;
        }
        FrontMatterEntry entry;
        entry.key = m.captured(1).toLower();
        entry.rawValue = m.captured(2).trimmed();
        entry.value = frontMatterValue(entry.rawValue);
        entry.line = i + 1;
        fm.entries.append(entry);
    }
    if (closing < 0) {
        fm.errorLine = lines.size();
        fm.error = QStringLiteral("front matter is not closed with ---");
        return fm;
    }
    fm.bodyStart = closing + 1;
    return fm;
}

QString applyFrontMatter(const FrontMatter &fm, const QString &name, ParsedStory &parsed,
                         FrontMatterGiven *given, QStringList *notes)
{
    static const QStringList known = {QStringLiteral("headline"), QStringLiteral("dateline"),
                                      QStringLiteral("office"),   QStringLiteral("byline"),
                                      QStringLiteral("summary"),  QStringLiteral("tags"),
                                      QStringLiteral("language"), QStringLiteral("embargo")};
    // The names other tools give the same fields (Jekyll, Hugo, Pandoc), in any case.
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("title"), QStringLiteral("headline")},
        {QStringLiteral("author"), QStringLiteral("byline")},
        {QStringLiteral("description"), QStringLiteral("summary")},
        {QStringLiteral("lang"), QStringLiteral("language")},
    };
    QMap<QString, int> seen;
    for (FrontMatterEntry e : fm.entries) {
        e.key = e.key.toLower();
        e.key = aliases.value(e.key, e.key);
        if (!known.contains(e.key)) {
            // Kept for callers that know the key (the demo loader reads "status").
            parsed.extra.insert(e.key,
                                e.items.isEmpty() ? e.value : e.items.join(QStringLiteral(", ")));
            notes->append(located(
                name, e.line, QStringLiteral("front matter key '%1' is not imported").arg(e.key)));
            continue;
        }
        if (seen.contains(e.key)) {
            return located(name, e.line,
                           QStringLiteral("'%1' is given twice (also on line %2)")
                               .arg(e.key, QString::number(seen.value(e.key))));
        }
        seen.insert(e.key, e.line);
        const QString error = applyKnownKey(e, parsed.story, name, given);
        if (!error.isEmpty()) {
            return error;
        }
    }
    return {};
}

std::optional<QDateTime> parseIsoDateTime(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(
            "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
            " ?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int ms = (m.captured(7) + QStringLiteral("00")).left(3).toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    int offset = 0; // seconds east of UTC; no offset means UTC
    const QString zone = m.captured(8);
    if (zone.size() > 1) {
        const QString digits = zone.mid(1).remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.mid(2).toInt();
        if (hours > 14 || minutes > 59) {
            return std::nullopt;
        }
        offset = (hours * 60 + minutes) * 60 * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    return QDateTime(date, time, QTimeZone::utc()).addSecs(-offset);
}

QString frontMatterValue(const QString &raw)
{
    const QString t = raw.trimmed();
    if (t.size() < 2 || t.front() != QLatin1Char('"')) {
        return t;
    }
    QString out;
    for (int i = 1; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if (c == QLatin1Char('\\') && i + 1 < t.size()) {
            const QChar next = t.at(++i);
            switch (next.unicode()) {
            case '"':
            case '\\':
                out += next;
                break;
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            default: // not an escape: keep it as written ("C:\files")
                out += c;
                out += next;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            // Only a quote that ends the value closes it; otherwise the quotes are text.
            return i == t.size() - 1 ? out : t;
        }
        out += c;
    }
    return t; // never closed: the quote is text
}

QString quoteFrontMatterValue(const QString &value)
{
    const bool needsQuotes = value.isEmpty() || value.front().isSpace() || value.back().isSpace() ||
                             value.startsWith(QLatin1Char('"')) ||
                             value.contains(QLatin1Char('\n')) ||
                             value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\t'));
    return needsQuotes ? quoted(value) : value;
}

QStringList parseFrontMatterList(const QString &raw)
{
    QString t = raw.trimmed();
    if (t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']'))) {
        t = t.mid(1, t.size() - 2);
    }
    QStringList items;
    const int n = t.size();
    int i = 0;
    while (i < n) {
        const int start = i;
        int j = i;
        while (j < n && t.at(j).isSpace()) {
            ++j;
        }
        if (j < n && t.at(j) == QLatin1Char('"')) {
            // A quoted item may hold commas: skip to its closing quote.
            int k = j + 1;
            while (k < n && t.at(k) != QLatin1Char('"')) {
                k += t.at(k) == QLatin1Char('\\') ? 2 : 1;
            }
            j = std::min(k + 1, n);
        }
        int comma = t.indexOf(QLatin1Char(','), j);
        if (comma < 0) {
            comma = n;
        }
        const QString item = frontMatterValue(t.mid(start, comma - start));
        if (!item.isEmpty()) {
            items.append(item);
        }
        i = comma + 1;
    }
    return items;
}

QString formatFrontMatterList(const QStringList &items)
{
    QStringList out;
    for (const QString &item : items) {
        const bool special = item.contains(QLatin1Char(',')) || item.contains(QLatin1Char('[')) ||
                             item.contains(QLatin1Char(']'));
        out.append(special ? quoted(item) : quoteFrontMatterValue(item));
    }
    return out.join(QStringLiteral(", "));
}

QString escapeMarkdownText(const QString &line)
{
    static const QRegularExpression entity(
        QStringLiteral("&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"));
    QString out;
    out.reserve(line.size() + 8);
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        switch (c.unicode()) {
        case '\\':
        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
        case '<':
            out += QLatin1Char('\\');
            break;
        case '&':
            if (entity
                    .match(line, i, QRegularExpression::NormalMatch,
                           QRegularExpression::AnchorAtOffsetMatchOption)
                    .hasMatch()) {
                out += QLatin1Char('\\');
            }
            break;
        default:
            break;
        }
        out += c;
    }
    if (out.isEmpty()) {
        return out;
    }
    // Line starts that would open a block: a numbered list item gets its "." or ")" escaped,
    // the others a backslash in front.
    static const QRegularExpression ordered(QStringLiteral("^([0-9]{1,9})([.)])(?=[ \\t]|$)"));
    const QRegularExpressionMatch m = ordered.match(out);
    if (m.hasMatch()) {
        return m.captured(1) + QLatin1Char('\\') + out.mid(m.capturedLength(1));
    }
    const QChar first = out.at(0);
    const bool blankAfterFirst = out.size() == 1 || out.at(1).isSpace();
    const auto onlyOf = [&out](QChar c) {
        return std::all_of(out.cbegin(), out.cend(),
                           [c](QChar x) { return x == c || x == QLatin1Char(' '); });
    };
    bool escape = first == QLatin1Char('#') || first == QLatin1Char('>');
    escape =
        escape || ((first == QLatin1Char('-') || first == QLatin1Char('+')) && blankAfterFirst);
    escape = escape || ((first == QLatin1Char('-') || first == QLatin1Char('=')) && onlyOf(first));
    escape = escape || out.startsWith(QLatin1String("~~~"));
    return escape ? QLatin1Char('\\') + out : out;
}

QString storyToMarkdown(const Story &story)
{
    QString out = QStringLiteral("---\n");
    const auto field = [&out](const char *key, const QString &value) {
        out += QLatin1String(key) + QLatin1String(": ") + quoteFrontMatterValue(value) +
               QLatin1Char('\n');
    };
    field("headline", story.headline);
    const QString city = story.datelineCity.trimmed();
    const QString country = story.datelineCountry.trimmed();
    if (!city.isEmpty() || !country.isEmpty()) {
        field("dateline", country.isEmpty() ? city : city + QStringLiteral(", ") + country);
    } else {
        // An explicitly empty dateline stops the importer from taking one out of the body.
        const QString firstLine = story.body.trimmed().section(QLatin1Char('\n'), 0, 0);
        if (matchDateline(firstLine, true)) {
            field("dateline", QString());
        }
    }
    if (!story.officeName.trimmed().isEmpty()) {
        field("office", story.officeName);
    } else if (!OfficeRepository::nameFromCity(city).isEmpty()) {
        field("office", QString()); // explicitly none, rather than the one the city would give
    }
    if (!story.byline.isEmpty()) {
        field("byline", story.byline);
    }
    if (!story.summary.isEmpty()) {
        field("summary", story.summary);
    }
    if (!story.tags.isEmpty()) {
        out += QStringLiteral("tags: ") + formatFrontMatterList(story.tags) + QLatin1Char('\n');
    }
    field("language", story.language.isEmpty() ? QStringLiteral("en") : story.language);
    if (story.embargoAt.isValid()) {
        const QDateTime utc = story.embargoAt.toUTC();
        field("embargo",
              utc.toString(utc.time().msec() ? QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")
                                             : QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")));
    }
    out += QStringLiteral("---\n");
    out += story.body;
    if (!story.body.isEmpty() && !story.body.endsWith(QLatin1Char('\n'))) {
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace fo
