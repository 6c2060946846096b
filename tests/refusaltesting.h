#pragma once

// Tests that print why a call was refused: said(call(), &error) passes the call's Status or
// Result on and sets `error` to its refusal in words (refusalText()) when it was refused.

#include "base/refusal.h"
#include "messages/refusaltext.h"

#include <QString>

namespace fo::testing {

template <typename R> R said(R result, QString *error)
{
    if (!result && error) {
        *error = refusalText(result.refusal());
    }
    return result;
}

} // namespace fo::testing
