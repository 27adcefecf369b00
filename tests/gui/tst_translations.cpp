// Every language Cairn ships is complete where people look: the main window with each of its
// tabs, the user and app-password dialogs and the tray menu, built as the desktop builds them,
// ask each embedded .qm for every string they show, and none may be missing. A second check
// catches text that never went through tr(): what a widget shows in German, French or Spanish
// must differ from what it shows in English, but for words the languages share.

#include "AppPasswordsDialog.h"
#include "DesktopWindow.h"
#include "FirstRunWizard.h"
#include "MainWindow.h"
#include "Runtime.h"
#include "TrayIcon.h"
#include "SettingsDialog.h"
#include "UserEditDialog.h"
#include "auth/AppPasswordStore.h"
#include "auth/UserAdministration.h"
#include "catalog/FolderRepository.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QWizardPage>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;

namespace {

// Cairn's translation for one language, noting every text of Cairn's it was asked for and did
// not have.
class RecordingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        const QString found = QTranslator::translate(context, sourceText, disambiguation, n);
        if (found.isEmpty() && QByteArrayView(context).startsWith("cairn::")) {
            QMutexLocker lock(&m_mutex);
            m_missing.insert(QString::fromUtf8(context) + u": "_s + QString::fromUtf8(sourceText));
        }
        return found;
    }

    QStringList missing() const
    {
        QMutexLocker lock(&m_mutex);
        QStringList out(m_missing.cbegin(), m_missing.cend());
        out.sort();
        return out;
    }

private:
    mutable QMutex m_mutex;   // the runtime's threads translate too
    mutable QSet<QString> m_missing;
};

// The texts a widget tree shows: labels, buttons, group and tab titles, menu entries, column
// headers, placeholders, tool tips. Markup and addresses are dropped; what is left without a
// letter (numbers, ports) is not text to translate.
void collect(const QWidget *root, QSet<QString> &texts)
{
    static const QRegularExpression markup(u"<[^>]*>|\\b(?:https?|file)://\\S*"_s);
    const auto add = [&texts](QString text) {
        text = text.remove(markup).remove(u'&').trimmed();
        if (text.contains(QRegularExpression(u"\\p{L}{2,}"_s)))
            texts.insert(text);
    };
    QList<const QWidget *> widgets{root};
    for (const QWidget *w : root->findChildren<const QWidget *>())
        widgets << w;
    for (const QWidget *w : widgets) {
        add(w->windowTitle());
        add(w->toolTip());
        if (const auto *label = qobject_cast<const QLabel *>(w))
            add(label->text());
        else if (const auto *button = qobject_cast<const QAbstractButton *>(w))
            add(button->text());
        else if (const auto *group = qobject_cast<const QGroupBox *>(w))
            add(group->title());
        else if (const auto *edit = qobject_cast<const QLineEdit *>(w))
            add(edit->placeholderText());
        else if (const auto *page = qobject_cast<const QWizardPage *>(w)) {
            add(page->title());
            add(page->subTitle());
        }
        else if (const auto *tabs = qobject_cast<const QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        } else if (const auto *view = qobject_cast<const QAbstractItemView *>(w); view && view->model()) {
            for (int c = 0; c < view->model()->columnCount(); ++c)
                add(view->model()->headerData(c, Qt::Horizontal).toString());
        }
        for (const QAction *action : w->actions())
            add(action->text());
    }
}

struct Shown
{
    QSet<QString> texts;
    QStringList missing;   // asked for and not in the .qm
};

// Builds the desktop's window, every tab shown once, its tray menu and the dialogs, with the
// translation `language` installed (none: English as written), and returns what they show.
Shown showEverything(const QString &language)
{
    Shown shown;
    RecordingTranslator translator;
    if (!language.isEmpty()) {
        if (!translator.load(u":/i18n/cairn_%1.qm"_s.arg(language))) {
            shown.missing << u"no embedded cairn_%1.qm"_s.arg(language);
            return shown;
        }
        QCoreApplication::installTranslator(&translator);
    }
    // Qt's own words in dialogs (OK, Cancel, Close), as the app installs them.
    QTranslator qtbase;
    if (!language.isEmpty()) {
        if (!qtbase.load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            shown.missing << u"no qtbase_%1.qm (Debian: qt6-translations-l10n)"_s.arg(language);
            return shown;
        }
        QCoreApplication::installTranslator(&qtbase);
    }
    {
        QTemporaryDir dir;
        Options options;
        options.dataDir = dir.filePath(u"data"_s);
        options.port = 0;
        options.bind = QHostAddress::LocalHost;
        const QString library = dir.filePath(u"Music"_s);
        QDir().mkpath(library);
        options.libraries = {library};
        Runtime runtime(options);
        if (const auto error = runtime.start()) {
            shown.missing << *error;
            return shown;
        }
        UserChanges admin;
        admin.name = u"admin"_s;
        admin.password = u"correct horse battery"_s;
        admin.admin = true;
        const auto user = runtime.users().create(admin);

        DesktopWindow desktop(runtime);
        MainWindow &window = desktop.window();
        window.show();
        auto *tabs = window.findChild<QTabWidget *>();
        for (int i = 0; tabs && i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            collect(tabs->currentWidget(), shown.texts);
        }
        collect(&window, shown.texts);
        collect(desktop.tray().menu(), shown.texts);

        const QList<Folder> folders = FolderRepository(runtime.database()).list();
        const auto submit = [](const UserChanges &) -> std::optional<QString> { return std::nullopt; };
        UserEditDialog addUser(folders, std::nullopt, submit, &window);
        addUser.show();
        collect(&addUser, shown.texts);
        if (user) {
            UserEditDialog editUser(folders, *user, submit, &window);
            editUser.show();
            collect(&editUser, shown.texts);
            AppPasswordsDialog passwords(runtime.appPasswords(), *user, &window);
            passwords.show();
            QCoreApplication::processEvents();
            collect(&passwords, shown.texts);
        }
        QCoreApplication::processEvents();

        // The settings dialog, page by page.
        if (SettingsDialog *settings = desktop.openSettings()) {
            auto *pages = settings->findChild<QTabWidget *>();
            for (int i = 0; pages && i < pages->count(); ++i) {
                pages->setCurrentIndex(i);
                QCoreApplication::processEvents();
                collect(settings, shown.texts);
            }
            settings->reject();
        }

        // The first run, page by page to its end (applied by a stand-in: nothing to set up).
        FirstRunWizard wizard({library}, [](const FirstRunChoices &) {
            return FirstRunOutcome{{}, QUrl(u"http://192.0.2.10:8096/"_s)};
        });
        wizard.show();
        wizard.findChild<QLineEdit *>(u"adminPassword"_s)->setText(u"a long secret"_s);
        wizard.findChild<QLineEdit *>(u"adminPasswordRepeat"_s)->setText(u"a long secret"_s);
        for (int page = 0; page < 4; ++page) {
            collect(&wizard, shown.texts);
            wizard.next();
        }
        if (wizard.currentId() != FirstRunWizard::ReadyPage)
            shown.missing << u"the first-run wizard did not reach its last page"_s;
    }
    shown.missing << translator.missing();
    QCoreApplication::removeTranslator(&qtbase);
    QCoreApplication::removeTranslator(&translator);
    return shown;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everythingShownIsTranslated_data();
    void everythingShownIsTranslated();

private:
    QSet<QString> m_english;
};

void TestTranslations::initTestCase()
{
    const Shown english = showEverything({});
    QVERIFY2(english.missing.isEmpty() || english.texts.size() > 0, qPrintable(english.missing.join(u'\n')));
    m_english = english.texts;
    // What is collected must be real: the window's tabs and the tray's entries among it.
    for (const QString &text : {u"Library"_s, u"Users"_s, u"Activity"_s, u"Presets"_s, u"Open Cairn"_s, u"Quit"_s,
                                u"Cairn settings"_s, u"Port:"_s, u"Language: *"_s})
        QVERIFY2(m_english.contains(text), qPrintable(text));
}

void TestTranslations::everythingShownIsTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("shared");   // words spelled the same as in English
    QTest::newRow("German") << u"de"_s
                            << QStringList{u"Cairn"_s, u"OK"_s, u"Name"_s, u"Name:"_s, u"Client"_s, u"Format"_s,
                                           u"Administrator"_s, u"Bitrate"_s, u"DLNA"_s, u"Video"_s};
    QTest::newRow("French") << u"fr"_s << QStringList{u"Cairn"_s, u"OK"_s, u"Client"_s, u"Format"_s, u"Albums"_s, u"Message"_s,
                                                       u"DLNA"_s};
    QTest::newRow("Spanish") << u"es"_s << QStringList{u"Cairn"_s, u"DLNA"_s, u"General"_s};
}

void TestTranslations::everythingShownIsTranslated()
{
    QFETCH(QString, language);
    QFETCH(QStringList, shared);
    const Shown shown = showEverything(language);
    QVERIFY2(shown.missing.isEmpty(), qPrintable(u"not translated:\n"_s + shown.missing.join(u'\n')));
    QStringList same;
    for (const QString &text : shown.texts) {
        if (m_english.contains(text) && !shared.contains(text))
            same << text;
    }
    same.sort();
    QVERIFY2(same.isEmpty(), qPrintable(u"shown as in English:\n"_s + same.join(u'\n')));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
