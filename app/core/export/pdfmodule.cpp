#include "export/pdfmodule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>

namespace fo {

namespace {

QStringList candidates()
{
    QStringList paths;
    const QString named = qEnvironmentVariable("FIELDOFFICE_PDF_MODULE");
    if (!named.isEmpty()) {
        paths << named;
    }
    const QString file = QStringLiteral("libfieldoffice_pdf.so");
    if (QCoreApplication::instance()) {
        paths << QDir(QCoreApplication::applicationDirPath())
                     .filePath(QStringLiteral(FO_PDF_MODULE_RELDIR) + QLatin1Char('/') + file);
    }
    paths << QStringLiteral(FO_PDF_MODULE_BUILDDIR) + QLatin1Char('/') + file;
    return paths;
}

const PdfModule *load(QString *error)
{
    QStringList tried;
    for (const QString &path : candidates()) {
        if (!QFileInfo::exists(path)) {
            tried << QDir::toNativeSeparators(path);
            continue;
        }
        // Deliberately never unloaded: the module lives as long as the program.
        auto *library = new QLibrary(path);
        const auto entry =
            reinterpret_cast<const PdfModule *(*)()>(library->resolve("fieldoffice_pdf_module"));
        const PdfModule *module = entry ? entry() : nullptr;
        if (!module || module->abi != PdfModule::kAbi) {
            *error = QStringLiteral("PDF export is not available: %1 is not this version's PDF "
                                    "module (%2)")
                         .arg(QDir::toNativeSeparators(path),
                              entry ? QStringLiteral("another version") : library->errorString());
            delete library;
            return nullptr;
        }
        return module;
    }
    *error = QStringLiteral("PDF export is not available: the PDF module was not found (looked "
                            "for %1)")
                 .arg(tried.join(QStringLiteral(", ")));
    return nullptr;
}

} // namespace

const PdfModule *pdfModule(QString *error)
{
    static QMutex mutex; // exports run off the GUI thread
    static const PdfModule *module = nullptr;
    static QString loadError;
    const QMutexLocker lock(&mutex);
    if (!module && loadError.isEmpty()) {
        module = load(&loadError);
    }
    if (!module && error) {
        *error = loadError;
    }
    return module;
}

bool writeStoryPdf(const Story &story, const QString &path, const PdfOptions &options,
                   QString *error)
{
    const PdfModule *module = pdfModule(error);
    return module && module->writeStory(story, path, options, error);
}

bool writePacketPdf(const Packet &packet, const QString &path, const PacketOptions &options,
                    QString *error)
{
    const PdfModule *module = pdfModule(error);
    return module && module->writePacket(packet, path, options, error);
}

} // namespace fo
