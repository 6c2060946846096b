#pragma once

#include <QTextDocument>

namespace fo {

/// A document that loads no resources. A story may name images or style sheets by path or URL;
/// the stock QTextDocument would read such files from disk (and its image handler would try the
/// file itself), which a view of a story must never do, and nothing here ever goes to the
/// network. Photos will come from the library itself; until then an image is a grey placeholder.
class OfflineDocument : public QTextDocument
{
    Q_OBJECT

public:
    using QTextDocument::QTextDocument;

    /// The placeholder every image shows as.
    static QImage placeholderImage();

protected:
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace fo
