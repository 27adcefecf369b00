#pragma once
// Authenticates a Subsonic request from its own credentials (u+p, u+t+s, apiKey) and makes the
// caller the exchange's identity; otherwise answers the spec's error and returns false.

namespace cairn {
struct HttpServices;
}

namespace cairn::subsonic {

class Call;

bool signIn(Call &call, const HttpServices &services);

} // namespace cairn::subsonic
