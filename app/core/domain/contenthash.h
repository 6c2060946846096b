#pragma once

#include <QByteArray>
#include <QStringList>

namespace fo {

struct Story;

/// The SHA-256 of everything an export of the story shows, as 64 lower-case hex digits.
///
/// An approval records this hash; an export recomputes it and refuses, or the packet manifest
/// carries it, so "what was approved" and "what is exported" can be compared exactly.
///
/// The hashed bytes (contentSerialisation) are, in UTF-8, the line "fieldoffice-content-v1\n"
/// followed by one record per field in this fixed order:
///     headline, dateline-city, dateline-country, byline, summary, body, language, tags
/// A text record is `NAME ":" BYTES ":" TEXT "\n"`, where BYTES is the decimal length of TEXT in
/// UTF-8, so that no field can run into the next. The tags record is `"tags:" COUNT "\n"`
/// followed by one text record named "tag" per tag label ("topic/justice-system"), sorted by
/// UTF-16 code units, duplicates removed. Texts are hashed exactly as stored (no trimming, no
/// case folding, no Unicode normalisation): any change a user makes to them counts.
///
/// Then the fields an export prints besides those, each only when it is set, so that the hash
/// of a story without them is what it always was:
///     office    (named in a packet's contents)   `"office:" BYTES ":" NAME "\n"`
///     embargo   (the embargo line)               `"embargo:" BYTES ":" TIME "\n"`, TIME in
///               ISO 8601 UTC with milliseconds ("2026-12-10T09:00:00.000Z")
/// Status and times are not exported content and are not hashed. When photos exist, their
/// captions will follow as a "captions" record only for stories that have photos.
///
/// Approvals given before office and embargo were hashed carry legacyContentHash() of their
/// revision; Workflow::approvalState() honours them only while the story's office and embargo
/// are still those of the approved revision.
QByteArray contentHash(const Story &story);

/// The hash as it was before office and embargo were part of it (no "office" and "embargo"
/// records); equal to contentHash() for a story with neither.
QByteArray legacyContentHash(const Story &story);

/// The exact bytes contentHash() hashes (for tests, and for anyone checking a manifest).
QByteArray contentSerialisation(const Story &story);

/// The tag labels as the hash sees them: canonical spelling, sorted, without duplicates.
QStringList canonicalTags(const QStringList &tags);

} // namespace fo
