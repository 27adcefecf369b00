#pragma once
// The caller's ratings: PUT /api/ratings/{tracks|albums|artists}/{id} with {"rating": 0–5}
// (0 clears). The same ratings OpenSubsonic clients set (setRating).

namespace cairn {
class Router;
struct HttpServices;
void addRatingRoutes(Router &router, const HttpServices &services);
} // namespace cairn
