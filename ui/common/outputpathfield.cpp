#include "common/outputpathfield.h"
#include "common/childsignals.h"
#include "common/uisettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBoundaryFinder>

namespace fo {

OutputPathField::OutputPathField(QWidget *parent) : QWidget(parent)
{
    mEdit = new QLineEdit(this);
    mEdit->setObjectName(QStringLiteral("outputPathEdit"));
    mEdit->setClearButtonEnabled(true);
    auto *browseButton = new QPushButton(tr("&Browse…"), this);
    browseButton->setObjectName(QStringLiteral("browseButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mEdit, 1);
    layout->addWidget(browseButton);
    connect(browseButton, &QPushButton::clicked, this, &OutputPathField::browse);
    connect(mEdit, &QLineEdit::textEdited, this, [this] { mChosen = true; });
    connect(mEdit, &QLineEdit::textChanged, this, &OutputPathField::pathChanged);
}

QString OutputPathField::path() const
{
    return QDir::fromNativeSeparators(mEdit->text().trimmed());
}

void OutputPathField::setPath(const QString &path)
{
    mChosen = true;
    mEdit->setText(QDir::toNativeSeparators(path));
}

void OutputPathField::setKind(Kind kind, const QString &suffix, const QString &filter)
{
    mKind = kind;
    mSuffix = suffix;
    mFilter = filter;
    if (!mChosen) {
        applySuggestion();
        return;
    }
    // A chosen path keeps its folder and name; only the suffix follows the format.
    const QString current = path();
    if (current.isEmpty()) {
        return;
    }
    const QFileInfo info(current);
    QString base = info.fileName();
    const QString oldSuffix = info.suffix().toLower();
    if (oldSuffix == QLatin1String("pdf") || oldSuffix == QLatin1String("html")) {
        base.chop(oldSuffix.size() + 1);
    }
    const QString name = kind == Kind::File ? base + QLatin1Char('.') + suffix : base;
    mEdit->setText(QDir::toNativeSeparators(info.dir().filePath(name)));
}

void OutputPathField::setSuggestedName(const QString &baseName)
{
    mBaseName = baseName;
    if (!mChosen) {
        applySuggestion();
    }
}

void OutputPathField::applySuggestion()
{
    const QString dir = UiSettings().exportFolder(); // where the last export went
    const QString base = mBaseName.isEmpty() ? QStringLiteral("export") : mBaseName;
    const QString name = mKind == Kind::File ? base + QLatin1Char('.') + mSuffix : base;
    mEdit->setText(QDir::toNativeSeparators(QDir(dir).filePath(name)));
}

void OutputPathField::browse()
{
    QString chosen;
    if (mKind == Kind::Folder) {
        // The packet folder is created by the export: pick its name inside a parent folder.
        chosen = QFileDialog::getSaveFileName(this, tr("Export to Folder"), path(), QString(),
                                              nullptr, QFileDialog::ShowDirsOnly);
    } else {
        chosen = QFileDialog::getSaveFileName(this, tr("Export to File"), path(), mFilter);
        if (!chosen.isEmpty() && QFileInfo(chosen).suffix().isEmpty()) {
            chosen += QLatin1Char('.') + mSuffix;
        }
    }
    if (!chosen.isEmpty()) {
        setPath(chosen);
    }
}

void OutputPathField::remember(const QString &exportedPath)
{
    // A packet folder is named by the user; the folder to offer next time is the one holding it.
    UiSettings().setExportFolder(QFileInfo(exportedPath).absolutePath());
}

namespace {

constexpr qsizetype kMaxNameLength = 60;

/// Letters, digits and combining marks make words; so do the joiners that Bengali and other
/// Indic scripts write inside words.
bool isWordCharacter(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c) || c == 0x200C || c == 0x200D;
}

/// The first `max` code units of a word, or fewer: never inside a grapheme (a letter with its
/// vowel signs) nor right after a virama, which would leave a conjunct half written.
QString leftOfWord(const QString &word, qsizetype max)
{
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, word);
    qsizetype cut = 0;
    for (qsizetype at = graphemes.toNextBoundary(); at > 0 && at <= max;
         at = graphemes.toNextBoundary()) {
        if (QChar::combiningClass(word.at(at - 1).unicode()) != 9) {
            cut = at;
        }
    }
    return word.left(cut);
}

} // namespace

QString OutputPathField::fileNameFor(const QString &title, const QString &fallback)
{
    QStringList words{QString()};
    const QString lower = title.toLower();
    for (const char32_t c : QStringView(lower).toUcs4()) {
        if (isWordCharacter(c)) {
            words.last() += QString::fromUcs4(&c, 1);
        } else if (!words.constLast().isEmpty()) {
            words.append(QString());
        }
    }
    // Whole words only, as many as fit: "…-kiln-near", never "…-kiln-near-ch".
    QString name;
    for (const QString &word : qAsConst(words)) {
        if (word.isEmpty()) {
            continue;
        }
        if (name.size() + (name.isEmpty() ? 0 : 1) + word.size() > kMaxNameLength) {
            if (name.isEmpty()) {
                name = leftOfWord(word, kMaxNameLength); // one word longer than a name
            }
            break;
        }
        if (!name.isEmpty()) {
            name += QLatin1Char('-');
        }
        name += word;
    }
    return name.isEmpty() ? fallback : name;
}

OutputPathField::~OutputPathField()
{
    disconnectChildSignals(this);
}

} // namespace fo
