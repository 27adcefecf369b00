#pragma once
// Carries out what the first-run wizard asked for on the running core: the network choice
// (listening again if it changed), the library folders and a scan, the administrator, start at
// login and DLNA. Safe to repeat after a failure: what is done already is kept, not redone.

#include "FirstRunWizard.h"

namespace cairn {

class LoginStart;
class Runtime;

FirstRunOutcome applyFirstRun(Runtime &runtime, const LoginStart &loginStart, const FirstRunChoices &choices);

} // namespace cairn
