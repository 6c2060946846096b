#pragma once

#include <QString>

namespace fo {

struct Packet;

/// The cover of a press packet as simple HTML for a QTextBrowser: organisation, "Press packet",
/// title, date, story count, embargo line and press contact, in the order the PDF cover
/// prints them. Every text is escaped, and nothing in it refers to a resource.
QString coverPreviewHtml(const Packet &packet);

} // namespace fo
