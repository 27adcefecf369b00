#pragma once
// Drops the two Qt warnings our worker design triggers by construction: each worker's
// QTcpServer never listens (the acceptor does), so QAbstractHttpServer::bind() warns once and
// QTcpServer::nextPendingConnection() warns for every connection. Everything else passes.

namespace cairn {

// Idempotent and thread-safe; chains to the handler that was installed before.
void installWorkerWarningFilter();

} // namespace cairn
