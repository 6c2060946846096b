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
/// Office, embargo, status and times are not exported content and are not hashed.
/// When photos exist, their captions will follow as a "captions" record only for stories that
/// have photos, so approvals of stories without photos stay valid.
QByteArray contentHash(const Story &story);

/// The exact bytes contentHash() hashes (for tests, and for anyone checking a manifest).
QByteArray contentSerialisation(const Story &story);

/// The tag labels as the hash sees them: canonical spelling, sorted, without duplicates.
QStringList canonicalTags(const QStringList &tags);

} // namespace fo
