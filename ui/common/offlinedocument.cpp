#include "common/offlinedocument.h"

#include <QImage>
#include <QPainter>

namespace fo {

QImage OfflineDocument::placeholderImage()
{
    static const QImage image = [] {
        QImage img(96, 64, QImage::Format_ARGB32_Premultiplied);
        img.fill(QColor(0xe4, 0xe4, 0xe4));
        QPainter p(&img);
        p.setPen(QColor(0xa0, 0xa0, 0xa0));
        p.drawRect(img.rect().adjusted(0, 0, -1, -1));
        return img;
    }();
    return image;
}

QVariant OfflineDocument::loadResource(int type, const QUrl &)
{
    // A non-null image stops the image handler from trying the file system itself.
    return type == QTextDocument::ImageResource ? QVariant(placeholderImage()) : QVariant();
}

} // namespace fo
