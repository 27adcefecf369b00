#pragma once
// Every log message stays one line: a message handler that escapes line breaks and other
// controls in whatever reaches the log, so a value a client sent can never forge a line even
// where it was logged without logText().

namespace cairn {

// Idempotent and thread-safe; chains to the handler that was installed before.
void installLogLineGuard();

} // namespace cairn
