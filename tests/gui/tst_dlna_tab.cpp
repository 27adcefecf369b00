// The desktop's DLNA tab, clicked through with the real DLNA server behind it: turning DLNA on
// without an account is refused with the reason and changes nothing; with an account it is
// applied (and the status line follows); turning it off again says so.
#include "DlnaServer.h"
#include "DlnaTab.h"
#include "TestServer.h"

#include "auth/User.h"
#include "auth/UserAdministration.h"
#include "dlna/DlnaDevice.h"
#include "http/HttpServer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::test;

class TestDlnaTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void applyRefusesAMissingAccountAndAppliesAGoodOne()
    {
        TestServer server;
        TestServerOptions options;
        options.users = true;
        QCOMPARE(server.start(options), QString());
        UserChanges tv;
        tv.name = u"living-room"_s;
        tv.password = u"a long enough password"_s;
        tv.admin = false;
        QVERIFY(server.users()->create(tv).ok());

        QTemporaryDir data;
        HttpServices services;
        DlnaServer dlna(data.path(), services);
        QVERIFY(services.dlna);
        DlnaTab tab(*server.users(), dlna.status());
        tab.setApply([&](const dlna::DlnaSettings &s) -> Result<dlna::DlnaStatus> {
            const DlnaChoice choice = checkDlnaSettings(s, *server.users());
            if (choice.problem && s.enabled)
                return DomainError::invalid(*choice.problem);
            dlna.apply(choice);
            return dlna.status();
        });
        tab.show();
        auto *status = tab.findChild<QLabel *>(u"dlnaStatus"_s);
        auto *error = tab.findChild<QLabel *>(u"dlnaError"_s);
        auto *enabled = tab.findChild<QCheckBox *>(u"dlnaEnabled"_s);
        auto *account = tab.findChild<QComboBox *>(u"dlnaAccount"_s);
        auto *interfaces = tab.findChild<QLineEdit *>(u"dlnaInterfaces"_s);
        auto *apply = tab.findChild<QPushButton *>(u"dlnaApply"_s);
        QVERIFY(status && error && enabled && account && interfaces && apply);
        QCOMPARE(status->text(), u"Off."_s);

        QTest::mouseClick(enabled, Qt::LeftButton);
        QVERIFY(enabled->isChecked());
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY2(error->text().contains(u"needs an account"_s), qPrintable(error->text()));
        QVERIFY(!dlna.status().settings.enabled);
        QVERIFY(!services.dlna->isEnabled());

        const int index = account->findData(u"living-room"_s);
        QVERIFY(index > 0);
        account->setCurrentIndex(index);
        interfaces->setText(u"lo"_s);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(error->text(), QString());
        QVERIFY(dlna.status().settings.enabled);
        QCOMPARE(dlna.status().settings.user, u"living-room"_s);
        QCOMPARE(dlna.status().settings.interfaces, QStringList{u"lo"_s});
        QVERIFY(services.dlna->isEnabled());
        QVERIFY2(status->text() != u"Off."_s, qPrintable(status->text()));

        QTest::mouseClick(enabled, Qt::LeftButton);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(status->text(), u"Off."_s);
        QVERIFY(!services.dlna->isEnabled());
    }
};

QTEST_MAIN(TestDlnaTab)
#include "tst_dlna_tab.moc"
