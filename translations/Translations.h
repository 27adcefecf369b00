#pragma once
// Loads the user-interface translations for a locale: Cairn's own (embedded under :/i18n)
// and Qt's (for standard dialogs), when they exist.

#include <QLocale>

class QCoreApplication;

namespace cairn {

// Installs the translators on `app` (they become its children). Returns whether Cairn's own
// translation for `locale` was found (English has one too: its plural forms).
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace cairn
