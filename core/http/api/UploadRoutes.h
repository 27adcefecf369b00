#pragma once
// POST /api/folders/{id}/upload?name=…: a media file streamed into a library folder the caller
// sees (administrators, and users with the upload right). Absent when uploads are off.

namespace cairn {
class Router;
struct HttpServices;
void addUploadRoutes(Router &router, const HttpServices &services);
} // namespace cairn
