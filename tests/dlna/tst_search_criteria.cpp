// The ContentDirectory's SearchCriteria and SortCriteria: what TVs and control points send is
// understood and evaluated exactly; anything malformed, unsupported or hostile (unbalanced
// parentheses, unknown properties, unterminated strings, deep nesting, huge input) is refused,
// never guessed at.
#include "dlna/DidlObject.h"
#include "dlna/SearchCriteria.h"
#include "dlna/SortCriteria.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::dlna;

namespace {

Track track(const QString &title, const QString &artist, const QString &album, const QString &genre,
            MediaKind kind = MediaKind::Audio)
{
    Track t;
    t.id = 1;
    t.kind = kind;
    t.title = title;
    t.artist = artist;
    t.album = album;
    t.genre = genre;
    return t;
}

DidlContainer album(const QString &title, const QString &artist)
{
    DidlContainer c;
    c.id = u"al1"_s;
    c.title = title;
    c.artist = artist;
    c.upnpClass = u"object.container.album.musicAlbum"_s;
    return c;
}

std::optional<SearchCriteria> parsed(const QString &text)
{
    auto result = SearchCriteria::parse(text);
    if (std::holds_alternative<QString>(result))
        return std::nullopt;
    return std::get<SearchCriteria>(std::move(result));
}

} // namespace

class TestSearchCriteria : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepted_data()
    {
        QTest::addColumn<QString>("criteria");
        QTest::newRow("everything") << u"*"_s;
        QTest::newRow("everything, spaced") << u"  *  "_s;
        QTest::newRow("audio") << u"upnp:class derivedfrom \"object.item.audioItem\""_s;
        QTest::newRow("class and title")
            << u"(upnp:class derivedfrom \"object.item.audioItem\") and (dc:title contains \"love\")"_s;
        QTest::newRow("or chain")
            << u"upnp:class = \"object.container.album.musicAlbum\" or upnp:class = \"object.container.person.musicArtist\""_s;
        QTest::newRow("no spaces around =") << u"upnp:genre=\"Rock\""_s;
        QTest::newRow("escapes") << u"dc:title contains \"say \\\"hi\\\" \\\\ bye\""_s;
        QTest::newRow("exists") << u"upnp:album exists true"_s;
        QTest::newRow("upper-case AND") << u"dc:title contains \"a\" AND dc:creator contains \"b\""_s;
        QTest::newRow("doesNotContain") << u"upnp:artist doesNotContain \"x\""_s;
        QTest::newRow("not equal") << u"upnp:genre != \"Jazz\""_s;
        QTest::newRow("tabs and newlines") << u"dc:title\tcontains\n\"x\""_s;
        QTest::newRow("windows media player")
            << u"upnp:class derivedfrom \"object.item.audioItem\" and @refID exists false"_s;
        QTest::newRow("32 levels") << QString(32, u'(') + u"dc:title = \"x\""_s + QString(32, u')');
    }
    void accepted()
    {
        QFETCH(QString, criteria);
        auto result = SearchCriteria::parse(criteria);
        const auto *error = std::get_if<QString>(&result);
        QVERIFY2(!error, error ? qPrintable(*error) : "");
    }

    void refused_data()
    {
        QTest::addColumn<QString>("criteria");
        QTest::newRow("empty") << QString();
        QTest::newRow("blank") << u"   "_s;
        QTest::newRow("unbalanced open") << u"(dc:title = \"x\""_s;
        QTest::newRow("unbalanced close") << u"dc:title = \"x\")"_s;
        QTest::newRow("empty parentheses") << u"()"_s;
        QTest::newRow("unknown property") << u"dc:publisher = \"x\""_s;
        QTest::newRow("refID compared") << u"@refID = \"t1\""_s;
        QTest::newRow("id") << u"@id = \"t1\""_s;
        QTest::newRow("unterminated string") << u"dc:title contains \"abc"_s;
        QTest::newRow("unquoted value") << u"dc:title contains abc"_s;
        QTest::newRow("bad escape") << u"dc:title = \"a\\n\""_s;
        QTest::newRow("trailing backslash") << u"dc:title = \"a\\"_s;
        QTest::newRow("relational <") << u"dc:title < \"b\""_s;
        QTest::newRow("unknown operator") << u"dc:title like \"b\""_s;
        QTest::newRow("exists maybe") << u"upnp:album exists maybe"_s;
        QTest::newRow("dangling and") << u"dc:title = \"x\" and"_s;
        QTest::newRow("leading or") << u"or dc:title = \"x\""_s;
        QTest::newRow("missing operator") << u"dc:title \"x\""_s;
        QTest::newRow("two relations without logOp") << u"dc:title = \"x\" dc:title = \"y\""_s;
        QTest::newRow("star with more") << u"* and dc:title = \"x\""_s;
        QTest::newRow("33 levels") << QString(33, u'(') + u"dc:title = \"x\""_s + QString(33, u')');
        QTest::newRow("100000 levels") << QString(100000, u'(');
        QTest::newRow("huge") << u"dc:title contains \""_s + QString(100000, u'a') + u'"';
        QTest::newRow("case of operator") << u"dc:title CONTAINS \"x\""_s;
        QTest::newRow("date unsupported") << u"dc:date = \"2000-01-01\""_s;
    }
    void refused()
    {
        QFETCH(QString, criteria);
        QVERIFY(!parsed(criteria));
    }

    void evaluation_data()
    {
        QTest::addColumn<QString>("criteria");
        QTest::addColumn<bool>("track");    // "Love & War" by Émile on "Été" (Rock)
        QTest::addColumn<bool>("video");    // "Holiday"
        QTest::addColumn<bool>("album");    // "Été" by Émile

        QTest::newRow("all") << u"*"_s << true << true << true;
        QTest::newRow("audio") << u"upnp:class derivedfrom \"object.item.audioItem\""_s << true << false << false;
        QTest::newRow("music track") << u"upnp:class derivedfrom \"object.item.audioItem.musicTrack\""_s << true
                                     << false << false;
        QTest::newRow("prefix is not a class") << u"upnp:class derivedfrom \"object.item.audio\""_s << false
                                               << false << false;
        QTest::newRow("video") << u"upnp:class derivedfrom \"object.item.videoItem\""_s << false << true << false;
        QTest::newRow("items") << u"upnp:class derivedfrom \"object.item\""_s << true << true << false;
        QTest::newRow("album class") << u"upnp:class = \"object.container.album.musicAlbum\""_s << false << false
                                     << true;
        QTest::newRow("title contains, any case") << u"dc:title contains \"LOVE &\""_s << true << false << false;
        QTest::newRow("non-ASCII fold") << u"upnp:artist contains \"émile\""_s << true << false << true;
        QTest::newRow("creator") << u"dc:creator contains \"ÉMI\""_s << true << false << true;
        QTest::newRow("album name") << u"upnp:album contains \"été\""_s << true << false << false;
        QTest::newRow("genre =") << u"upnp:genre = \"rock\""_s << true << false << false;
        QTest::newRow("genre = is whole") << u"upnp:genre = \"roc\""_s << false << false << false;
        QTest::newRow("genre !=") << u"upnp:genre != \"Rock\""_s << false << true << true;
        QTest::newRow("doesNotContain") << u"dc:title doesNotContain \"war\""_s << false << true << true;
        QTest::newRow("exists") << u"upnp:album exists true"_s << true << false << false;
        QTest::newRow("exists false") << u"upnp:album exists false"_s << false << true << true;
        QTest::newRow("and binds tighter than or")
            << u"dc:title contains \"holiday\" or upnp:class derivedfrom \"object.item.audioItem\" and dc:title contains \"nothing\""_s
            << false << true << false;
        QTest::newRow("parentheses")
            << u"(dc:title contains \"holiday\" or upnp:class derivedfrom \"object.item.audioItem\") and dc:title contains \"war\""_s
            << true << false << false;
        QTest::newRow("no references") << u"@refID exists false"_s << true << true << true;
        QTest::newRow("references") << u"@refID exists true"_s << false << false << false;
        QTest::newRow("escaped quote") << u"dc:title contains \"\\\"\""_s << false << false << false;
    }
    void evaluation()
    {
        QFETCH(QString, criteria);
        QFETCH(bool, track);
        QFETCH(bool, video);
        QFETCH(bool, album);
        const auto c = parsed(criteria);
        QVERIFY(c);
        QCOMPARE(c->matches(::track(u"Love & War"_s, u"Émile"_s, u"Été"_s, u"Rock"_s)), track);
        QCOMPARE(c->matches(::track(u"Holiday"_s, {}, {}, {}, MediaKind::Video)), video);
        QCOMPARE(c->matches(::album(u"Été"_s, u"Émile"_s)), album);
    }

    void classAloneDecides()
    {
        const auto c = parsed(u"upnp:class derivedfrom \"object.item.audioItem\" and dc:title contains \"x\""_s);
        QVERIFY(c);
        const auto byClass = [&c](const QString &upnpClass) {
            return c->evaluate([&upnpClass](DidlProperty p) -> std::optional<QStringList> {
                if (p == DidlProperty::Class)
                    return QStringList{upnpClass};
                return std::nullopt;
            });
        };
        QCOMPARE(byClass(u"object.item.videoItem"_s), Truth::False);
        QCOMPARE(byClass(u"object.item.audioItem.musicTrack"_s), Truth::Unknown);
        QCOMPARE(c->requiredText(), u"x"_s);
        const auto audio = parsed(u"upnp:class derivedfrom \"object.item.audioItem\""_s);
        QVERIFY(audio);
        QCOMPARE(audio->evaluate([](DidlProperty p) -> std::optional<QStringList> {
            return p == DidlProperty::Class ? std::optional(QStringList{u"object.item.audioItem.musicTrack"_s})
                                            : std::nullopt;
        }),
                 Truth::True);
        // A contains-term under an `or` does not have to hold for every match.
        const auto either = parsed(u"dc:title contains \"x\" or dc:title contains \"y\""_s);
        QVERIFY(either);
        QCOMPARE(either->requiredText(), QString());
        const auto genre = parsed(u"upnp:class derivedfrom \"object.item.audioItem\" and (upnp:genre = \"Jazz\")"_s);
        QVERIFY(genre);
        QCOMPARE(genre->requiredEqual(DidlProperty::Genre), u"Jazz"_s);
        const auto optionalGenre = parsed(u"upnp:genre = \"Jazz\" or dc:title contains \"x\""_s);
        QVERIFY(optionalGenre);
        QCOMPARE(optionalGenre->requiredEqual(DidlProperty::Genre), QString());
    }

    void longChainsStayBounded()
    {
        // Flat chains are not nesting: as long as the text fits, they parse and evaluate.
        QStringList terms(500, u"dc:title contains \"z\""_s);
        const auto c = parsed(terms.join(u" or "_s));
        QVERIFY(c);
        QVERIFY(!c->matches(track(u"a"_s, {}, {}, {})));
        QVERIFY(c->matches(track(u"z"_s, {}, {}, {})));
    }

    void sortCriteria_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("title") << u"+dc:title"_s << true;
        QTest::newRow("two keys") << u"+dc:title,-dc:date"_s << true;
        QTest::newRow("no sign") << u"upnp:originalTrackNumber"_s << true;
        QTest::newRow("spaces") << u" +upnp:album , -upnp:originalTrackNumber "_s << true;
        QTest::newRow("unknown") << u"+dc:publisher"_s << false;
        QTest::newRow("empty key") << u"+dc:title,,-dc:date"_s << false;
        QTest::newRow("sign only") << u"+"_s << false;
        QTest::newRow("huge") << QString(5000, u'+') << false;
    }
    void sortCriteria()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(std::holds_alternative<SortCriteria>(SortCriteria::parse(text)), valid);
    }

    void sortOrders()
    {
        QList<DidlObject> objects;
        Track a = track(u"beta"_s, {}, {}, {});
        a.trackNumber = 10;
        Track b = track(u"Alpha"_s, {}, {}, {});
        b.trackNumber = 9;
        Track c = track(u"gamma"_s, {}, {}, {});
        c.trackNumber = 2;
        objects << a << b << c;
        const auto titles = [](const QList<DidlObject> &list) {
            QStringList names;
            for (const DidlObject &o : list)
                names << valuesOf(o, DidlProperty::Title).value(0);
            return names;
        };
        auto byTitle = std::get<SortCriteria>(SortCriteria::parse(u"+dc:title"_s));
        byTitle.sort(objects);
        QCOMPARE(titles(objects), (QStringList{u"Alpha"_s, u"beta"_s, u"gamma"_s}));
        auto byNumberDown = std::get<SortCriteria>(SortCriteria::parse(u"-upnp:originalTrackNumber"_s));
        byNumberDown.sort(objects);
        QCOMPARE(titles(objects), (QStringList{u"beta"_s, u"Alpha"_s, u"gamma"_s}));
    }
};

QTEST_GUILESS_MAIN(TestSearchCriteria)
#include "tst_search_criteria.moc"
