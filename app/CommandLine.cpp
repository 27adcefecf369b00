#include "CommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace cairn {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(u"Cairn"_s);
    QCoreApplication::setApplicationName(u"Cairn"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CAIRN_VERSION));
}

std::variant<Options, int> optionsOrExit(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto parsed = parseOptions(arguments);
    if (const auto *exit = std::get_if<OptionsExit>(&parsed)) {
        if (exit->code != 0)
            return failWith(exit->text, exit->code);
        QTextStream(stdout) << exit->text << Qt::endl;
        return 0;
    }
    return std::get<Options>(parsed);
}

int failWith(const QString &message, int code)
{
    QTextStream(stderr) << "cairn: " << message << Qt::endl;
    return code;
}

} // namespace cairn
