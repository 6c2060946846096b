#include "pdfsurface.h"

#include "pdftext.h"

#include <QDir>

#include <cairo-pdf.h>
#include <cairo.h>

namespace fo {

PdfSurface::~PdfSurface()
{
    close();
}

void PdfSurface::close()
{
    if (mCr) {
        cairo_destroy(mCr);
        mCr = nullptr;
    }
    if (mSurface) {
        cairo_surface_finish(mSurface);
        cairo_surface_destroy(mSurface);
        mSurface = nullptr;
    }
}

Status PdfSurface::open(const QString &path, const PageGeometry &page)
{
    mFile = std::make_unique<StagedFile>(path);
    if (Status opened = mFile->open(); !opened) {
        return opened;
    }
    auto write = [](void *closure, const unsigned char *data, unsigned int length) {
        auto *self = static_cast<PdfSurface *>(closure);
        if (self->mWriteError) {
            return CAIRO_STATUS_WRITE_ERROR;
        }
        if (Status written = self->mFile->write(reinterpret_cast<const char *>(data), length);
            !written) {
            self->mWriteError = written.refusal();
            return CAIRO_STATUS_WRITE_ERROR;
        }
        return CAIRO_STATUS_SUCCESS;
    };
    mSurface = cairo_pdf_surface_create_for_stream(write, this, page.width, page.height);
    mCr = cairo_create(mSurface);
    if (cairo_status(mCr) != CAIRO_STATUS_SUCCESS) {
        return Refusal(RefusalKind::PdfCreateFailed, QString(),
                       QString::fromUtf8(cairo_status_to_string(cairo_status(mCr))));
    }
    cairo_tag_begin(mCr, "Document", "");
    return Status();
}

void PdfSurface::setMetadata(Metadata key, const QString &value)
{
    cairo_pdf_metadata_t k = CAIRO_PDF_METADATA_TITLE;
    switch (key) {
    case Metadata::Title:
        break;
    case Metadata::Author:
        k = CAIRO_PDF_METADATA_AUTHOR;
        break;
    case Metadata::Subject:
        k = CAIRO_PDF_METADATA_SUBJECT;
        break;
    case Metadata::Creator:
        k = CAIRO_PDF_METADATA_CREATOR;
        break;
    case Metadata::CreateDate:
        k = CAIRO_PDF_METADATA_CREATE_DATE;
        break;
    }
    if (!value.isEmpty()) {
        cairo_pdf_surface_set_metadata(mSurface, k, pdfSafeText(value).toUtf8().constData());
    }
}

void PdfSurface::addOutline(const QString &title, int page)
{
    const QByteArray link = "page=" + QByteArray::number(page) + " pos=[0 0]";
    cairo_pdf_surface_add_outline(mSurface, CAIRO_PDF_OUTLINE_ROOT,
                                  pdfSafeText(title).toUtf8().constData(), link.constData(),
                                  cairo_pdf_outline_flags_t(0));
}

void PdfSurface::setPageLabel(const QString &label)
{
    cairo_pdf_surface_set_page_label(mSurface, pdfSafeText(label).toUtf8().constData());
}

void PdfSurface::showPage()
{
    cairo_show_page(mCr);
}

Status PdfSurface::finish()
{
    cairo_tag_end(mCr, "Document");
    cairo_status_t status = cairo_status(mCr);
    cairo_destroy(mCr);
    mCr = nullptr;
    cairo_surface_finish(mSurface);
    if (status == CAIRO_STATUS_SUCCESS) {
        status = cairo_surface_status(mSurface);
    }
    cairo_surface_destroy(mSurface);
    mSurface = nullptr;
    if (mWriteError) {
        return *mWriteError;
    }
    if (status != CAIRO_STATUS_SUCCESS) {
        return Refusal(RefusalKind::PdfWriteFailed, QDir::toNativeSeparators(mFile->destination()),
                       QString::fromUtf8(cairo_status_to_string(status)));
    }
    return mFile->commit();
}

} // namespace fo
