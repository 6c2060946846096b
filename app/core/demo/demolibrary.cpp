#include "demo/demolibrary.h"

#include "demo/demopeople.h"
#include "import/importparser.h"
#include "library/database.h"
#include "library/organisationsettings.h"
#include "stories/storywriter.h"

#include <QDir>
#include <QFile>

static void initDemoResources()
{
    // The resources live in this static library; make sure they are registered.
    Q_INIT_RESOURCE(demo);
}

namespace fo {

Result<int> createDemoLibrary(Database &db)
{
    initDemoResources();
    const QDir dir(QStringLiteral(":/demo"));
    const QStringList files = dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    QStringList stories;
    for (const QString &f : files) {
        if (f.compare(QLatin1String("README.md"), Qt::CaseInsensitive) != 0) {
            stories << f;
        }
    }
    if (stories.isEmpty()) {
        return Refusal(RefusalKind::DemoStoriesMissing);
    }
    Transaction tx(db.connection());
    if (const Status begun = tx.begun(); !begun) {
        return begun.refusal();
    }
    StoryWriter writer(db);
    // Spread the stories over the past weeks, newest last in file order, so the list looks
    // like a real archive; relative to today so the demo never looks stale.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int created = 0;
    for (int i = 0; i < stories.size(); ++i) {
        const ParseResult parsed = parseFile(dir.filePath(stories.at(i)));
        if (!parsed.ok()) {
            return Refusal(RefusalKind::DemoStoryUnreadable, QString(), parsed.error);
        }
        for (const ParsedStory &p : parsed.stories) {
            Story story = p.story;
            story.status =
                parseStatus(p.extra.value(QStringLiteral("status"))).value_or(StoryStatus::Draft);
            const qint64 ageHours = qint64(stories.size() - i) * 31 + 5;
            story.createdAt = now.addSecs(-(ageHours + 52) * 3600);
            story.updatedAt = now.addSecs(-ageHours * 3600);
            if (const Status written = writer.create(story); !written) {
                return written.refusal();
            }
            ++created;
        }
    }
    // One person per role, and real approvals for the Approved and Released stories, so that
    // a press packet can be built from a fresh demo library.
    if (const Status people = addDemoPeopleAndApprovals(db); !people) {
        return people.refusal();
    }
    if (const Status done = tx.finish(); !done) {
        return done.refusal();
    }
    // A cover with a press contact, as a real office would set it up once (its own
    // transaction: the settings class keeps its writes atomic by itself).
    OrganisationInfo org = OrganisationSettings::defaults();
    org.name = QStringLiteral("Field Office Network");
    org.pressContact =
        QStringLiteral("Press office: Ana Reyes\n+63 2 8123 4567\npress@example.org");
    org.website = QStringLiteral("https://example.org");
    if (const Status saved = OrganisationSettings(db).save(org); !saved) {
        return saved.refusal();
    }
    return created;
}

} // namespace fo
