#include "FuzzSupport.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <cstdlib>

namespace cairn::fuzz {

QByteArrayView FuzzInput::field()
{
    const qsizetype end = m_rest.indexOf('\n');
    if (end < 0) {
        const QByteArrayView all = m_rest;
        m_rest = {};
        return all;
    }
    const QByteArrayView head = m_rest.first(end);
    m_rest = m_rest.sliced(end + 1);
    return head;
}

qint64 FuzzInput::number(qint64 fallback, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = field().toByteArray().toLongLong(&ok);
    return qBound(min, ok ? value : fallback, max);
}

void require(bool condition, const char *what)
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz: broken invariant: %s\n", what);
    std::abort();
}

void ensureApplication()
{
    static int argc = 1;
    static char name[] = "cairn-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication *app = nullptr;
    if (app)
        return;
    // Millions of inputs would otherwise print millions of warnings about bad input.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
    app = new QCoreApplication(argc, argv);
}

} // namespace cairn::fuzz
