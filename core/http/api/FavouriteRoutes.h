#pragma once
// The caller's favourites (stars): PUT and DELETE /api/favourites/{tracks|albums|artists}/{id},
// GET /api/favourites. The same stars OpenSubsonic clients set and read (star, getStarred2).

namespace cairn {
class Router;
struct HttpServices;
void addFavouriteRoutes(Router &router, const HttpServices &services);
} // namespace cairn
