#pragma once

// Stories and packets for tst_export, and poppler run as a process.

#include "export/packet.h"
#include "exportchecks.h"
#include "messages/refusaltext.h"

#include <QRegularExpression>

namespace exportfixtures {

using namespace fo;
using exportchecks::runTool;

/// Whether `status` is done; if not, its words (as the command line shows them) in `error`.
inline bool said(const Status &status, QString *error)
{
    if (!status) {
        *error = refusalText(status.refusal());
    }
    return status.ok();
}

inline const QString kDraftMark = QStringLiteral("DRAFT \u2014 NOT FOR RELEASE");

inline Story makeStory(const QString &headline, const QString &body, const QString &language = {})
{
    Story s;
    s.id = 1;
    s.uuid = QStringLiteral("7d1c0c4e-0000-4000-8000-000000000001");
    s.headline = headline;
    s.datelineCity = QStringLiteral("GULU");
    s.datelineCountry = QStringLiteral("UGANDA");
    s.officeName = QStringLiteral("Gulu");
    s.byline = QStringLiteral("Field Office Communications");
    s.summary = QStringLiteral("Volunteers and court staff sorted decades of records.");
    s.body = body;
    if (!language.isEmpty()) {
        s.language = language;
    }
    return s;
}

/// A story mixing English, Bengali and Tamil, as the Kolkata and Chennai offices write them.
inline Story scriptStory()
{
    Story s =
        makeStory(QStringLiteral("পশ্চিমবঙ্গের মেলা and a Chennai inspection"),
                  QStringLiteral("The fair will travel to three more districts of পশ্চিমবঙ্গের next "
                                 "year.\n\n> சென்னை அருகே உள்ள செங்கல் சூளைகளில் கொத்தடிமை முறை. "
                                 "தமிழ்நாடு முழுவதும் ஆய்வுகளைத் தொடர்வோம்.\n\nOfficials in "
                                 "சென்னை said the work goes on across தமிழ்நாடு.\n"));
    s.datelineCity = QStringLiteral("CHENNAI");
    s.datelineCountry = QStringLiteral("INDIA");
    return s;
}

inline Packet makePacket(int n, bool draft)
{
    Packet p;
    p.title = QStringLiteral("Spring Stories 2026");
    p.organisation = QStringLiteral("Field Office International");
    p.pressContact = QStringLiteral("Grace Achieng\n+256 700 000 000\npress@example.org");
    p.createdAt = QDateTime(QDate(2026, 3, 3), QTime(10, 0), Qt::UTC);
    p.exportedBy = QStringLiteral("Grace Achieng");
    p.draft = draft;
    QString paragraph;
    for (int w = 0; w < 70; ++w) {
        paragraph += QStringLiteral("record ");
    }
    for (int i = 0; i < n; ++i) {
        // Lengths differ, so that stories take one, two or three pages.
        QString body;
        for (int k = 0; k < 3 + (i * 7) % 11; ++k) {
            body += paragraph.trimmed() + QStringLiteral(".\n\n");
        }
        if (i % 4 == 0) {
            body += QStringLiteral("Amina\\*, 16, spoke in Tamil: சென்னை.\n\n"
                                   "\\*Name changed to protect her identity.\n");
        }
        PacketStory ps;
        ps.story = makeStory(
            QStringLiteral("Story %1 Court Files Digitised").arg(i + 1, 2, 10, QLatin1Char('0')),
            body);
        ps.story.id = 100 + i;
        ps.story.uuid =
            QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        ps.approval.reviewer = QStringLiteral("Ruth Namubiru");
        ps.approval.approvedAt = p.createdAt.addDays(-1);
        ps.approval.revision = 2 + i;
        ps.approval.contentHash = QString::number(i).repeated(64).left(64);
        p.stories.append(ps);
    }
    return p;
}

inline QString pdfText(const QString &pdf, int first = 0, int last = 0, bool layout = false)
{
    QStringList args;
    if (first > 0) {
        args << QStringLiteral("-f") << QString::number(first) << QStringLiteral("-l")
             << QString::number(last);
    }
    if (layout) {
        args << QStringLiteral("-layout");
    }
    args << QStringLiteral("-enc") << QStringLiteral("UTF-8") << pdf << QStringLiteral("-");
    return runTool(QStringLiteral("pdftotext"), args).out;
}

inline int pdfPageCount(const QString &pdf)
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf}).out;
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.captured(1).toInt();
}

inline QString squeeze(QString s)
{
    s.remove(QRegularExpression(QStringLiteral("\\s+")));
    return s;
}

} // namespace exportfixtures
