#pragma once
// App passwords as the rest of Cairn sees them: generated per-user credentials for clients
// (Subsonic players) that cannot use the account password. The secret leaves the store once,
// in CreatedAppPassword, when it is made.

#include <QString>

namespace cairn {

// A listed app password: never its secret.
struct AppPasswordInfo
{
    qint64 id = 0;
    QString name;                // the label, e.g. "Symfonium on my phone"
    qint64 createdAt = 0;        // seconds since the epoch
    qint64 lastUsedAt = 0;       // 0 = never; written at most once a minute
};

// The answer to creating one: the only time the secret is shown.
struct CreatedAppPassword
{
    qint64 id = 0;
    QString name;
    QString secret;              // e.g. "k7mq2-x9dtr-4hnwe-p3zfa": lowercase letters and digits
    qint64 createdAt = 0;
};

// Whose app password a secret is.
struct AppPasswordOwner
{
    qint64 userId = 0;
    qint64 appPasswordId = 0;
};

} // namespace cairn
