#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcTranslations, "cairn.translations")

namespace cairn {
namespace {

bool install(QCoreApplication &app, const QLocale &locale, const QString &name, const QString &dir)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(locale, name, u"_"_s, dir)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    qCDebug(lcTranslations) << "loaded" << translator->filePath();
    return true;
}

} // namespace

bool installTranslations(QCoreApplication &app, const QLocale &requested)
{
    // The "C" locale (LANG unset) reads best as English, with its plural forms.
    const QLocale locale = requested.language() == QLocale::C ? QLocale(QLocale::English) : requested;
    install(app, locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(app, locale, u"cairn"_s, u":/i18n"_s);
}

} // namespace cairn
