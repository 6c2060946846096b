#include "domain/worddiff.h"

#include "domain/contenthash.h"
#include "domain/story.h"

#include <QHash>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <vector>

namespace fo {

namespace {

using Kind = DiffSegment::Kind;

/// Beyond this many differing tokens the shortest edit script costs too much memory
/// (it grows with its square); the rest is then shown as removed and inserted whole.
constexpr int kMaxEditDistance = 2000;

struct Edit
{
    Kind kind;
    int index; // into the old tokens (Equal, Removed) or the new ones (Inserted)
};

/// Myers' O(ND) shortest edit script of a → b.
std::vector<Edit> myers(const std::vector<int> &a, const std::vector<int> &b, bool *complete)
{
    const int n = int(a.size());
    const int m = int(b.size());
    const int max = n + m;
    std::vector<int> v(2 * size_t(max) + 3, 0);
    auto at = [&v, max](int k) -> int & { return v[size_t(k + max + 1)]; };
    std::vector<std::vector<int>> trace; // trace[d][k + d]: furthest x on diagonal k after d
    int found = -1;
    for (int d = 0; d <= max && d <= kMaxEditDistance && found < 0; ++d) {
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            int y = x - k;
            while (x < n && y < m && a[size_t(x)] == b[size_t(y)]) {
                ++x;
                ++y;
            }
            at(k) = x;
            if (x >= n && y >= m) {
                found = d;
            }
        }
        std::vector<int> window(2 * size_t(d) + 1);
        for (int k = -d; k <= d; ++k) {
            window[size_t(k + d)] = at(k);
        }
        trace.push_back(std::move(window));
    }
    *complete = found >= 0;
    std::vector<Edit> edits;
    if (!*complete) {
        return edits;
    }
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int> &prev = trace[size_t(d - 1)];
        auto prevAt = [&prev, d](int k) { return prev[size_t(k + d - 1)]; };
        const int k = x - y;
        const bool down = k == -d || (k != d && prevAt(k - 1) < prevAt(k + 1));
        const int prevK = down ? k + 1 : k - 1;
        const int prevX = prevAt(prevK);
        const int prevY = prevX - prevK;
        while (x > prevX && y > prevY) {
            edits.push_back({Kind::Equal, --x});
            --y;
        }
        if (down) {
            edits.push_back({Kind::Inserted, --y});
        } else {
            edits.push_back({Kind::Removed, --x});
        }
    }
    while (x > 0) {
        edits.push_back({Kind::Equal, --x});
    }
    std::reverse(edits.begin(), edits.end());
    return edits;
}

/// A stretch of equal text, or a change: what was there and what is there now.
struct Piece
{
    bool equal = true;
    QString text;     // equal
    QString removed;  // change
    QString inserted; // change
};

void addEqual(std::vector<Piece> &pieces, const QString &text)
{
    if (text.isEmpty()) {
        return;
    }
    if (!pieces.empty() && pieces.back().equal) {
        pieces.back().text += text;
    } else {
        pieces.push_back({true, text, {}, {}});
    }
}

void addChange(std::vector<Piece> &pieces, const QString &removed, const QString &inserted)
{
    if (removed.isEmpty() && inserted.isEmpty()) {
        return;
    }
    if (pieces.empty() || pieces.back().equal) {
        pieces.push_back({false, {}, {}, {}});
    }
    pieces.back().removed += removed;
    pieces.back().inserted += inserted;
}

bool foldable(const QString &text)
{
    if (text.isEmpty() || text.contains(QLatin1Char('\n'))) {
        return false;
    }
    for (const QChar c : text) {
        if (!c.isSpace()) {
            return false;
        }
    }
    return true;
}

/// A blank between two changes belongs to both, so that the reader sees one change.
std::vector<Piece> foldBlanks(const std::vector<Piece> &in)
{
    std::vector<Piece> out;
    for (size_t i = 0; i < in.size(); ++i) {
        const Piece &p = in[i];
        if (p.equal && foldable(p.text) && !out.empty() && !out.back().equal && i + 1 < in.size() &&
            !in[i + 1].equal) {
            out.back().removed += p.text + in[i + 1].removed;
            out.back().inserted += p.text + in[i + 1].inserted;
            ++i;
            continue;
        }
        out.push_back(p);
    }
    return out;
}

QVector<DiffSegment> toSegments(const std::vector<Piece> &pieces)
{
    QVector<DiffSegment> out;
    for (const Piece &p : pieces) {
        if (p.equal) {
            out.append({Kind::Equal, p.text});
            continue;
        }
        if (!p.removed.isEmpty()) {
            out.append({Kind::Removed, p.removed});
        }
        if (!p.inserted.isEmpty()) {
            out.append({Kind::Inserted, p.inserted});
        }
    }
    return out;
}

QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QStringList wordTokens(const QString &text)
{
    QStringList tokens;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Word, text);
    int start = 0;
    while (finder.toNextBoundary() >= 0) {
        const int end = int(finder.position());
        if (end > start) {
            tokens << text.mid(start, end - start);
        }
        start = end;
    }
    if (start < text.size()) {
        tokens << text.mid(start);
    }
    return tokens;
}

QVector<DiffSegment> diffWords(const QString &before, const QString &after)
{
    const QStringList oldTokens = wordTokens(before);
    const QStringList newTokens = wordTokens(after);
    // Common ends cost nothing to find and keep the edit script small.
    int prefix = 0;
    while (prefix < oldTokens.size() && prefix < newTokens.size() &&
           oldTokens.at(prefix) == newTokens.at(prefix)) {
        ++prefix;
    }
    int suffix = 0;
    while (suffix < oldTokens.size() - prefix && suffix < newTokens.size() - prefix &&
           oldTokens.at(oldTokens.size() - 1 - suffix) ==
               newTokens.at(newTokens.size() - 1 - suffix)) {
        ++suffix;
    }
    QHash<QString, int> ids;
    auto idsOf = [&ids](const QStringList &tokens, int from, int to) {
        std::vector<int> out;
        out.reserve(size_t(qMax(0, to - from)));
        for (int i = from; i < to; ++i) {
            auto it = ids.constFind(tokens.at(i));
            if (it == ids.constEnd()) {
                it = ids.insert(tokens.at(i), int(ids.size()));
            }
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> a = idsOf(oldTokens, prefix, int(oldTokens.size()) - suffix);
    const std::vector<int> b = idsOf(newTokens, prefix, int(newTokens.size()) - suffix);

    std::vector<Piece> pieces;
    addEqual(pieces, oldTokens.mid(0, prefix).join(QString()));
    bool complete = false;
    const std::vector<Edit> edits = myers(a, b, &complete);
    if (complete) {
        for (const Edit &e : edits) {
            if (e.kind == Kind::Equal) {
                addEqual(pieces, oldTokens.at(prefix + e.index));
            } else if (e.kind == Kind::Removed) {
                addChange(pieces, oldTokens.at(prefix + e.index), QString());
            } else {
                addChange(pieces, QString(), newTokens.at(prefix + e.index));
            }
        }
    } else {
        addChange(pieces, oldTokens.mid(prefix, int(a.size())).join(QString()),
                  newTokens.mid(prefix, int(b.size())).join(QString()));
    }
    addEqual(pieces, oldTokens.mid(oldTokens.size() - suffix).join(QString()));
    return toSegments(foldBlanks(pieces));
}

QVector<DiffSegment> diffTags(const QStringList &before, const QStringList &after)
{
    const QStringList a = canonicalTags(before);
    const QStringList b = canonicalTags(after);
    QStringList all = a + b;
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    QVector<DiffSegment> out;
    for (const QString &tag : all) {
        if (!out.isEmpty()) {
            out.append({Kind::Equal, QStringLiteral(", ")});
        }
        const Kind kind =
            a.contains(tag) ? (b.contains(tag) ? Kind::Equal : Kind::Removed) : Kind::Inserted;
        out.append({kind, tag});
    }
    return out;
}

QVector<FieldDiff> diffStories(const Story &before, const Story &after)
{
    QVector<FieldDiff> out;
    auto add = [&out](const char *field, const char *label, QVector<DiffSegment> segments) {
        FieldDiff f;
        f.field = QString::fromLatin1(field);
        f.label = QString::fromLatin1(label);
        f.segments = std::move(segments);
        f.changed = std::any_of(f.segments.cbegin(), f.segments.cend(),
                                [](const DiffSegment &s) { return s.kind != Kind::Equal; });
        out.append(f);
    };
    add("headline", "Headline", diffWords(before.headline, after.headline));
    add("dateline", "Dateline", diffWords(before.dateline(), after.dateline()));
    add("office", "Office", diffWords(before.officeName, after.officeName));
    add("byline", "Byline", diffWords(before.byline, after.byline));
    add("summary", "Summary", diffWords(before.summary, after.summary));
    add("language", "Language", diffWords(before.language, after.language));
    add("embargo", "Embargo", diffWords(isoOrEmpty(before.embargoAt), isoOrEmpty(after.embargoAt)));
    add("tags", "Tags", diffTags(before.tags, after.tags));
    add("body", "Body", diffWords(before.body, after.body));
    return out;
}

QString diffToPlainText(const QVector<DiffSegment> &segments)
{
    QString out;
    for (const DiffSegment &s : segments) {
        switch (s.kind) {
        case Kind::Equal:
            out += s.text;
            break;
        case Kind::Removed:
            out += QStringLiteral("[-") + s.text + QStringLiteral("-]");
            break;
        case Kind::Inserted:
            out += QStringLiteral("{+") + s.text + QStringLiteral("+}");
            break;
        }
    }
    return out;
}

QString diffToHtml(const QVector<DiffSegment> &segments)
{
    QString out;
    for (const DiffSegment &s : segments) {
        QString text = s.text.toHtmlEscaped();
        text.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        switch (s.kind) {
        case Kind::Equal:
            out += text;
            break;
        case Kind::Removed:
            out += QStringLiteral("<del>") + text + QStringLiteral("</del>");
            break;
        case Kind::Inserted:
            out += QStringLiteral("<ins>") + text + QStringLiteral("</ins>");
            break;
        }
    }
    return out;
}

QString storyDiffToPlainText(const QVector<FieldDiff> &diff, bool all)
{
    QString out;
    for (const FieldDiff &f : diff) {
        if (!f.changed && !all) {
            continue;
        }
        const QString text = diffToPlainText(f.segments);
        out += f.label + QLatin1Char(':') +
               (f.field == QLatin1String("body") ? QStringLiteral("\n") : QStringLiteral(" ")) +
               text + (text.endsWith(QLatin1Char('\n')) ? QString() : QStringLiteral("\n"));
    }
    return out.isEmpty() ? QStringLiteral("no differences\n") : out;
}

QString storyDiffToHtml(const QVector<FieldDiff> &diff, bool all)
{
    QString out = QStringLiteral(
        "<html><head><style>del { color: #a40000; background: #fde2e1; } "
        "ins { color: #0b6623; background: #dff5e1; text-decoration: none; }</style></head><body>");
    bool any = false;
    for (const FieldDiff &f : diff) {
        if (!f.changed && !all) {
            continue;
        }
        any = true;
        out += QStringLiteral("<h4>%1</h4><p>%2</p>")
                   .arg(f.label.toHtmlEscaped(), diffToHtml(f.segments));
    }
    if (!any) {
        out += QStringLiteral("<p>No differences.</p>");
    }
    return out + QStringLiteral("</body></html>");
}

} // namespace fo
