#pragma once

#include <QSaveFile>
#include <QString>

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

/// A Cairo PDF surface streaming into a QSaveFile: nothing replaces the destination until
/// finish() succeeds, so a failed or cancelled export leaves the old file (or none).
class PdfSurface
{
public:
    PdfSurface() = default;
    ~PdfSurface(); // cancels unless finished
    PdfSurface(const PdfSurface &) = delete;
    PdfSurface &operator=(const PdfSurface &) = delete;

    bool open(const QString &path, const PageGeometry &page, QString *error);
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
    void showPage();
    /// Completes the PDF and moves it into place.
    bool finish(QString *error);

private:
    void close();

    QSaveFile mFile;
    cairo_surface_t *mSurface = nullptr;
    cairo_t *mCr = nullptr;
    bool mWriteFailed = false;
};

} // namespace fo
