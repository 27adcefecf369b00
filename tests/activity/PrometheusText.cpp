#include "PrometheusText.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

PrometheusScrape parsePrometheusText(const QByteArray &text)
{
    static const QRegularExpression help(u"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*$"_s);
    static const QRegularExpression type(u"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$"_s);
    static const QRegularExpression sample(
        u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\""
        "(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)?\\})? "
        "(-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|\\+Inf|-Inf|NaN)$"_s);
    PrometheusScrape scrape;
    if (!text.endsWith('\n')) {
        scrape.error = u"the text does not end with a newline"_s;
        return scrape;
    }
    const QString all = QString::fromUtf8(text);
    const QStringList lines = all.left(all.size() - 1).split(u'\n');
    QSet<QString> seenFamilies;
    QString currentFamily;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const auto where = [&](const QString &what) { return u"line %1: %2: %3"_s.arg(i + 1).arg(what, line); };
        if (line.startsWith(u"# HELP "_s)) {
            if (!help.match(line).hasMatch())
                return scrape.error = where(u"bad HELP"_s), scrape;
            continue;
        }
        if (line.startsWith(u"# TYPE "_s)) {
            const auto m = type.match(line);
            if (!m.hasMatch())
                return scrape.error = where(u"bad TYPE"_s), scrape;
            if (seenFamilies.contains(m.captured(1)))
                return scrape.error = where(u"family declared twice"_s), scrape;
            seenFamilies.insert(m.captured(1));
            currentFamily = m.captured(1);
            scrape.types.insert(currentFamily, m.captured(2));
            continue;
        }
        if (line.startsWith(u'#'))
            continue;
        const auto m = sample.match(line);
        if (!m.hasMatch())
            return scrape.error = where(u"not a sample line"_s), scrape;
        const QString name = m.captured(1);
        const QString kind = scrape.types.value(currentFamily);
        const bool belongs = name == currentFamily
            || (kind == u"histogram"_s && (name == currentFamily + u"_bucket"_s || name == currentFamily + u"_sum"_s
                                          || name == currentFamily + u"_count"_s));
        if (!belongs)
            return scrape.error = where(u"sample outside its family's TYPE"_s), scrape;
        const QString key = name + m.captured(2);
        if (scrape.samples.contains(key))
            return scrape.error = where(u"duplicate sample"_s), scrape;
        const QString value = m.captured(7);
        scrape.samples.insert(key, value == u"+Inf"_s ? qInf() : value.toDouble());
    }
    return scrape;
}

} // namespace cairn::test
