#pragma once
// The messages of one logging category, collected from every thread (the server's workers
// included) while a LogCapture lives; every message still reaches the previous handler unless
// told otherwise. One capture at a time.

#include <QStringList>

namespace cairn::test {

class LogCapture
{
public:
    explicit LogCapture(const char *category, bool passOn = true);
    ~LogCapture();   // restores the previous handler
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QStringList lines() const;
    void clear();
};

} // namespace cairn::test
