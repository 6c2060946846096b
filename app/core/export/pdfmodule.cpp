#include "export/pdfmodule.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>
#include <QMutex>

#include <optional>

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

Result<const PdfModule *> load()
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
            Refusal r(RefusalKind::PdfModuleWrongVersion, QDir::toNativeSeparators(path),
                      entry ? QString() : library->errorString());
            r.number = entry ? 1 : 0;
            delete library;
            return r;
        }
        return module;
    }
    return Refusal(RefusalKind::PdfModuleMissing, tried.join(QStringLiteral(", ")));
}

} // namespace

Result<const PdfModule *> pdfModule()
{
    static QMutex mutex; // exports run off the GUI thread
    static std::optional<Result<const PdfModule *>> loaded;
    const QMutexLocker lock(&mutex);
    if (!loaded) {
        loaded = load();
    }
    return *loaded;
}

Status writePacketPdf(const Packet &packet, const QString &path, const PacketOptions &options)
{
    const Result<const PdfModule *> module = pdfModule();
    return module ? (*module)->writePacket(packet, path, options) : Status(module.refusal());
}

} // namespace fo
