#pragma once

#include "base/atomicwrite.h"

#include <QString>

#include <memory>
#include <optional>

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace fo {

/// The paper, in points, and the text area on it.
struct PageGeometry
{
    double width = 595.28; // A4
    double height = 841.89;
    double left = 72;
    double right = 72;
    double top = 78;
    double bottom = 78;

    double textWidth() const { return width - left - right; }
    double textHeight() const { return height - top - bottom; }
};

/// A Cairo PDF surface streaming into a StagedFile: nothing replaces the destination until
/// finish() succeeds, so a failed or cancelled export leaves the old file (or none), and a full
/// disk is an error, never a short file.
///
/// The whole document is one "Document" structure element: Cairo 1.16 reserves a parent-tree
/// object for every page with a link and writes it only when the PDF has a structure tree, so
/// without one the cross-reference table lists objects that are not in the file ("file is
/// damaged" to qpdf --check).
class PdfSurface
{
public:
    PdfSurface() = default;
    ~PdfSurface(); // cancels unless finished
    PdfSurface(const PdfSurface &) = delete;
    PdfSurface &operator=(const PdfSurface &) = delete;

    Status open(const QString &path, const PageGeometry &page);
    cairo_t *cr() const { return mCr; }

    enum class Metadata
    {
        Title,
        Author,
        Subject,
        Creator,
        CreateDate
    };
    void setMetadata(Metadata key, const QString &value);
    /// A bookmark at the top of `page` (1-based) in the PDF's outline.
    void addOutline(const QString &title, int page);
    /// The current page's label, which PDF viewers show instead of its position ("Cover", "1").
    void setPageLabel(const QString &label);
    void showPage();
    /// Completes the PDF and moves it into place.
    Status finish();

private:
    void close();

    std::unique_ptr<StagedFile> mFile;
    std::optional<Refusal> mWriteError; // the first failed write to the file
    cairo_surface_t *mSurface = nullptr;
    cairo_t *mCr = nullptr;
};

} // namespace fo
