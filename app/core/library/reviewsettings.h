#pragma once

#include "base/refusal.h"

namespace fo {

class Database;

/// The library's review rules that a team chooses (the `settings` table), so that every copy of
/// the library and every program on it applies the same ones. Keys and defaults live here.
/// Changing them is for an admin: Workflow::settingsRefusal() says who may.
class ReviewSettings
{
public:
    explicit ReviewSettings(Database &db) : mDb(db) {}

    /// The four-eyes rule: nobody approves a version holding their own change, and there is no
    /// "Submit and approve" in one step. Off unless set (how libraries worked before it).
    bool fourEyes() const;
    /// The same, or why the setting could not be read (QueryFailed).
    Result<bool> readFourEyes() const;
    /// Stores the rule in one transaction, or says why not.
    Status setFourEyes(bool on);

private:
    Database &mDb;
};

} // namespace fo
