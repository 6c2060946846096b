#include "common/outputpathfield.h"
#include "common/childsignals.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

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
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty()) {
        dir = QDir::homePath();
    }
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

QString OutputPathField::fileNameFor(const QString &title, const QString &fallback)
{
    QString name;
    bool dash = false;
    for (const QChar c : title.toLower()) {
        if (c.isLetterOrNumber() || c.isMark()) {
            if (dash && !name.isEmpty()) {
                name += QLatin1Char('-');
            }
            name += c;
            dash = false;
        } else {
            dash = true;
        }
        if (name.size() >= 60) {
            break;
        }
    }
    return name.isEmpty() ? fallback : name;
}

OutputPathField::~OutputPathField()
{
    disconnectChildSignals(this);
}

} // namespace fo
