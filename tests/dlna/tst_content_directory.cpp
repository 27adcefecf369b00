// The ContentDirectory over a real catalog: two library folders, a visibility that grants one.
// Walks the whole tree from "0" (metadata of every object, parentIDs, childCounts against what
// DirectChildren returns, items listed outside their album as references), pages, sorts,
// searches, and checks that nothing of the other folder is listed, counted or reachable by id;
// DIDL-Lite parses with the right namespaces and keeps names with & < > " and non-ASCII intact.
#include "dlna/ContentDirectory.h"
#include "dlna/ObjectId.h"

#include "catalog/AlbumRepository.h"
#include "catalog/Database.h"
#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace cairn;
using namespace cairn::dlna;

namespace {

const QString kDidlNs = u"urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/"_s;
const QString kDcNs = u"http://purl.org/dc/elements/1.1/"_s;
const QString kUpnpNs = u"urn:schemas-upnp-org:metadata-1-0/upnp/"_s;
const QString kDlnaNs = u"urn:schemas-dlna-org:metadata-1-0/"_s;

// One DIDL object as a control point reads it.
struct Object
{
    bool container = false;
    QString id;
    QString parentId;
    QString refId;
    QString restricted;
    QString searchable;
    int childCount = -1;
    QMap<QString, QString> properties;   // "dc:title" → text
    QString artProfile;                  // albumArtURI's dlna:profileID
    QList<QMap<QString, QString>> resources;   // attributes, and "url"

    QString title() const { return properties.value(u"dc:title"_s); }
    QString upnpClass() const { return properties.value(u"upnp:class"_s); }
};

struct Didl
{
    bool valid = false;
    QString error;
    QList<Object> objects;

    QStringList ids() const
    {
        QStringList list;
        for (const Object &o : objects)
            list << o.id;
        return list;
    }
    QStringList titles() const
    {
        QStringList list;
        for (const Object &o : objects)
            list << o.title();
        return list;
    }
};

QString prefixOf(const QStringView nsUri)
{
    if (nsUri == kDcNs)
        return u"dc:"_s;
    if (nsUri == kUpnpNs)
        return u"upnp:"_s;
    if (nsUri == kDlnaNs)
        return u"dlna:"_s;
    return u"?:"_s;
}

QString base64(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Didl parseDidl(const QString &text)
{
    Didl didl;
    QXmlStreamReader xml(text);
    if (!xml.readNextStartElement() || xml.name() != u"DIDL-Lite"_s || xml.namespaceUri() != kDidlNs) {
        didl.error = u"no DIDL-Lite root"_s;
        return didl;
    }
    while (xml.readNextStartElement()) {
        if (xml.namespaceUri() != kDidlNs || (xml.name() != u"item"_s && xml.name() != u"container"_s)) {
            didl.error = u"unexpected element "_s + xml.name().toString();
            return didl;
        }
        Object o;
        o.container = xml.name() == u"container"_s;
        const QXmlStreamAttributes a = xml.attributes();
        o.id = a.value(u"id"_s).toString();
        o.parentId = a.value(u"parentID"_s).toString();
        o.refId = a.value(u"refID"_s).toString();
        o.restricted = a.value(u"restricted"_s).toString();
        o.searchable = a.value(u"searchable"_s).toString();
        if (a.hasAttribute(u"childCount"_s))
            o.childCount = a.value(u"childCount"_s).toInt();
        while (xml.readNextStartElement()) {
            if (xml.namespaceUri() == kDidlNs && xml.name() == u"res"_s) {
                QMap<QString, QString> res;
                for (const QXmlStreamAttribute &attribute : xml.attributes())
                    res.insert(attribute.name().toString(), attribute.value().toString());
                res.insert(u"url"_s, xml.readElementText());
                o.resources << res;
                continue;
            }
            const QString name = prefixOf(xml.namespaceUri()) + xml.name().toString();
            if (name == u"upnp:albumArtURI"_s) {
                for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                    if (attribute.namespaceUri() == kDlnaNs && attribute.name() == u"profileID"_s)
                        o.artProfile = attribute.value().toString();
                }
            }
            o.properties.insert(name, xml.readElementText());
        }
        didl.objects << o;
    }
    if (xml.hasError()) {
        didl.error = xml.errorString();
        return didl;
    }
    didl.valid = true;
    return didl;
}

} // namespace

class TestContentDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void rootAndTopContainers();
    void walkWholeTree();
    void itemsListedElsewhere_data();
    void itemsListedElsewhere();
    void itemsNotInside_data();
    void itemsNotInside();
    void searchFindsItemsAsFiled();
    void trackItem();
    void videoItem();
    void albumContainer();
    void escapingAndNonAscii();
    void folders();
    void paging();
    void sorting();
    void search_data();
    void search();
    void searchPaging();
    void nothingOutsideVisibility_data();
    void nothingOutsideVisibility();
    void unknownIds_data();
    void unknownIds();
    void badCriteria();
    void filter();
    void capabilities();
    void objectIdsRoundTrip();

private:
    qint64 addTrack(qint64 folderId, const QString &path, const QString &title, const QString &artist,
                    const QString &albumArtist, const QString &album, const QString &genre, int year, int number,
                    MediaKind kind = MediaKind::Audio);
    ContentDirectory directory() const;
    Didl browse(const QString &id, BrowseFlag flag, quint32 start = 0, quint32 count = 0, const QString &sort = {},
                const QString &filter = u"*"_s, BrowseAnswer *answer = nullptr) const;
    Didl search(const QString &container, const QString &criteria, BrowseAnswer *answer = nullptr,
                quint32 start = 0, quint32 count = 0, const QString &sort = {}) const;
    Object metadata(const QString &id) const;
    int errorOf(const std::variant<BrowseAnswer, UpnpError> &result) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_shown = 0;     // library folder the visibility grants
    qint64 m_hidden = 0;
    Visibility m_visibility;

    qint64 m_love = 0;      // "Love & War "live" <1>" on "Été <1>" by "Émile & Co"
    qint64 m_alpha1 = 0;
    qint64 m_hiddenTrack = 0;
    qint64 m_hiddenAlpha = 0;   // a track of the visible album Alpha, in the hidden folder
    qint64 m_holiday = 0;
    qint64 m_trip = 0;
    qint64 m_hiddenVideo = 0;
    QStringList m_visibleAudioTitles;
    QStringList m_hiddenTitles;
};

qint64 TestContentDirectory::addTrack(qint64 folderId, const QString &path, const QString &title,
                                      const QString &artist, const QString &albumArtist, const QString &album,
                                      const QString &genre, int year, int number, MediaKind kind)
{
    Track t;
    t.folderId = folderId;
    t.kind = kind;
    t.path = path;
    t.size = 1000 + number;
    t.mtime = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    t.format = kind == MediaKind::Video ? u"mkv"_s : u"flac"_s;
    t.codec = kind == MediaKind::Video ? u"h264"_s : u"flac"_s;
    t.durationMs = 185500;
    t.bitrate = 900;
    t.sampleRate = 44100;
    t.channels = 2;
    if (kind == MediaKind::Video) {
        t.width = 1920;
        t.height = 1080;
    }
    t.title = title;
    t.artist = artist;
    t.albumArtist = albumArtist;
    t.album = album;
    t.genre = genre;
    t.year = year;
    t.trackNumber = number;
    return TrackRepository(*m_db).upsert(t);
}

void TestContentDirectory::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>(m_dir->filePath(u"catalog.sqlite"_s));
    const auto error = m_db->open();
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    const auto shown = FolderRepository(*m_db).add(u"/media/a"_s);
    const auto hidden = FolderRepository(*m_db).add(u"/media/b"_s);
    QVERIFY(shown && hidden);
    m_shown = shown->id;
    m_hidden = hidden->id;
    m_visibility = Visibility::folders({m_shown});

    const QString emile = u"Émile & Co"_s;
    const QString ete = u"Été <1>"_s;
    m_love = addTrack(m_shown, u"/media/a/Émile & Co/Été <1>/01 Love.flac"_s, u"Love & War \"live\" <1>"_s, emile,
                      emile, ete, u"Rock & Roll"_s, 1999, 1);
    addTrack(m_shown, u"/media/a/Émile & Co/Été <1>/02 Second.flac"_s, u"Second"_s, emile, emile, ete,
             u"Rock & Roll"_s, 1999, 2);
    m_alpha1 = addTrack(m_shown, u"/media/a/Ann/Alpha/01.flac"_s, u"Alpha One"_s, u"Ann"_s, u"Ann"_s, u"Alpha"_s,
                        u"Jazz"_s, 2001, 1);
    addTrack(m_shown, u"/media/a/Ann/Alpha/02.flac"_s, u"Alpha Two"_s, u"Ann"_s, u"Ann"_s, u"Alpha"_s, u"Jazz"_s,
             2001, 2);
    addTrack(m_shown, u"/media/a/Ann/Beta/01.flac"_s, u"Beta One"_s, u"Ann"_s, u"Ann"_s, u"Beta"_s, u"Pop"_s, 2005, 1);
    addTrack(m_shown, u"/media/a/Compil/01.flac"_s, u"Guest Song"_s, u"Guest"_s, u"Various"_s, u"Compil"_s,
             u"Jazz"_s, 2010, 1);
    // Names that are LIKE wildcards, and a directory differing only in case.
    addTrack(m_shown, u"/media/a/100%_done/p.flac"_s, u"Percent"_s, u"Ann"_s, u"Ann"_s, u"Odds"_s, QString(), 0, 1);
    addTrack(m_shown, u"/media/a/100%Xdone/q.flac"_s, u"Wildcard"_s, u"Ann"_s, u"Ann"_s, u"Odds"_s, QString(), 0, 2);
    addTrack(m_shown, u"/media/a/ann/lower.flac"_s, u"Lower"_s, u"Ann"_s, u"Ann"_s, u"Odds"_s, QString(), 0, 3);
    // Outside the BMP: SQLite counts code points where QString counts UTF-16 units.
    addTrack(m_shown, u"/media/a/🎵 Mix/x.flac"_s, u"Emoji X"_s, u"Ann"_s, u"Ann"_s, u"Odds"_s, QString(), 0, 4);
    addTrack(m_shown, u"/media/a/🎵 Mix/Sub/y.flac"_s, u"Emoji Y"_s, u"Ann"_s, u"Ann"_s, u"Odds"_s, QString(), 0, 5);
    m_holiday = addTrack(m_shown, u"/media/a/clips/holiday.mkv"_s, u"Holiday"_s, {}, {}, {}, {}, 0, 0,
                         MediaKind::Video);
    m_trip = addTrack(m_shown, u"/media/a/clips/deep/trip.mkv"_s, u"Trip"_s, {}, {}, {}, {}, 0, 0, MediaKind::Video);

    m_hiddenTrack = addTrack(m_hidden, u"/media/b/Secret/Hidden/01.flac"_s, u"Secret Song"_s, u"Secret Artist"_s,
                             u"Secret Artist"_s, u"Hidden"_s, u"Secret Genre"_s, 1980, 1);
    m_hiddenAlpha = addTrack(m_hidden, u"/media/b/Ann/Alpha/03.flac"_s, u"Alpha Secret"_s, u"Ann"_s, u"Ann"_s,
                             u"Alpha"_s, u"Jazz"_s, 2001, 3);
    m_hiddenVideo = addTrack(m_hidden, u"/media/b/clips/secret.mkv"_s, u"Secret Clip"_s, {}, {}, {}, {}, 0, 0,
                             MediaKind::Video);
    QVERIFY(m_love > 0 && m_alpha1 > 0 && m_holiday > 0 && m_trip > 0 && m_hiddenTrack > 0 && m_hiddenAlpha > 0
            && m_hiddenVideo > 0);
    m_visibleAudioTitles = QStringList{u"Love & War \"live\" <1>"_s, u"Second"_s, u"Alpha One"_s, u"Alpha Two"_s,
                                       u"Beta One"_s, u"Guest Song"_s, u"Percent"_s, u"Wildcard"_s, u"Lower"_s,
                                       u"Emoji X"_s, u"Emoji Y"_s};
    m_hiddenTitles = QStringList{u"Secret Song"_s, u"Alpha Secret"_s, u"Secret Clip"_s, u"Hidden"_s,
                                 u"Secret Artist"_s, u"Secret Genre"_s, u"b"_s, u"Secret"_s};
}

void TestContentDirectory::cleanupTestCase()
{
    m_db.reset();
    m_dir.reset();
}

ContentDirectory TestContentDirectory::directory() const
{
    DidlLinks links;
    links.resources = [](const Track &t) {
        DidlResource original;
        original.url = u"http://192.0.2.1:8080/api/tracks/%1/stream?exp=1&sig=a<b"_s.arg(t.id);
        original.protocolInfo = u"http-get:*:audio/flac:DLNA.ORG_OP=01;DLNA.ORG_FLAGS=01700000000000000000000000000000"_s;
        original.size = t.size;
        original.durationMs = t.durationMs;
        original.bitrateBytesPerSecond = t.bitrate * 125;
        original.sampleRate = t.sampleRate;
        original.channels = t.channels;
        if (t.kind == MediaKind::Video)
            original.resolution = u"%1x%2"_s.arg(t.width).arg(t.height);
        DidlResource transcode;
        transcode.url = u"http://192.0.2.1:8080/api/tracks/%1/transcode?format=mp3"_s.arg(t.id);
        transcode.protocolInfo = u"http-get:*:audio/mpeg:DLNA.ORG_PN=MP3"_s;
        transcode.durationMs = t.durationMs;
        return QList<DidlResource>{original, transcode};
    };
    links.artwork = [](const Track &t) {
        return t.kind == MediaKind::Video ? u"http://192.0.2.1:8080/api/videos/%1/thumbnail"_s.arg(t.id)
                                          : u"http://192.0.2.1:8080/api/tracks/%1/art?size=160"_s.arg(t.id);
    };
    links.albumArtwork = [](qint64 albumId) { return u"http://192.0.2.1:8080/album/%1.jpg"_s.arg(albumId); };
    return ContentDirectory(*m_db, m_visibility, links, 42);
}

Didl TestContentDirectory::browse(const QString &id, BrowseFlag flag, quint32 start, quint32 count,
                                  const QString &sort, const QString &filter, BrowseAnswer *answer) const
{
    const auto result = directory().browse({id, flag, filter, start, count, sort});
    if (const auto *error = std::get_if<UpnpError>(&result)) {
        Didl didl;
        didl.error = u"UPnP error %1"_s.arg(error->code);
        return didl;
    }
    const BrowseAnswer &a = std::get<BrowseAnswer>(result);
    if (answer)
        *answer = a;
    Didl didl = parseDidl(a.result);
    if (didl.valid && quint32(didl.objects.size()) != a.numberReturned) {
        didl.valid = false;
        didl.error = u"NumberReturned %1 for %2 objects"_s.arg(a.numberReturned).arg(didl.objects.size());
    }
    if (didl.valid && a.updateId != 42) {
        didl.valid = false;
        didl.error = u"UpdateID"_s;
    }
    return didl;
}

Didl TestContentDirectory::search(const QString &container, const QString &criteria, BrowseAnswer *answer,
                                  quint32 start, quint32 count, const QString &sort) const
{
    const auto result = directory().search({container, criteria, u"*"_s, start, count, sort});
    if (const auto *error = std::get_if<UpnpError>(&result)) {
        Didl didl;
        didl.error = u"UPnP error %1"_s.arg(error->code);
        return didl;
    }
    const BrowseAnswer &a = std::get<BrowseAnswer>(result);
    if (answer)
        *answer = a;
    return parseDidl(a.result);
}

Object TestContentDirectory::metadata(const QString &id) const
{
    const Didl didl = browse(id, BrowseFlag::Metadata);
    if (!didl.valid || didl.objects.size() != 1)
        return {};
    return didl.objects.first();
}

int TestContentDirectory::errorOf(const std::variant<BrowseAnswer, UpnpError> &result) const
{
    const auto *error = std::get_if<UpnpError>(&result);
    return error ? error->code : 0;
}

void TestContentDirectory::rootAndTopContainers()
{
    const Object root = metadata(u"0"_s);
    QCOMPARE(root.id, u"0"_s);
    QCOMPARE(root.parentId, u"-1"_s);
    QCOMPARE(root.childCount, 2);
    QCOMPARE(root.restricted, u"1"_s);
    QCOMPARE(root.searchable, u"1"_s);
    QCOMPARE(root.upnpClass(), u"object.container.storageFolder"_s);

    const Didl top = browse(u"0"_s, BrowseFlag::DirectChildren);
    QVERIFY2(top.valid, qPrintable(top.error));
    QCOMPARE(top.ids(), (QStringList{u"music"_s, u"videos"_s}));
    QCOMPARE(top.titles(), (QStringList{u"Music"_s, u"Videos"_s}));
    const Didl music = browse(u"music"_s, BrowseFlag::DirectChildren);
    QCOMPARE(music.titles(), (QStringList{u"Artists"_s, u"Albums"_s, u"Genres"_s, u"All tracks"_s, u"Folders"_s}));
    const Didl videos = browse(u"videos"_s, BrowseFlag::DirectChildren);
    QCOMPARE(videos.titles(), (QStringList{u"All videos"_s, u"Folders"_s}));
}

// Every object reachable from "0": its parentID is the container that listed it (items too:
// control points go up by parentID), its metadata is what that container listed, and a
// container's childCount is what its DirectChildren returns. An item listed outside the place
// it is filed refers to the filed item, which says the same of the same track.
void TestContentDirectory::walkWholeTree()
{
    QHash<QString, QSet<QString>> childrenOf;
    QHash<QString, Object> seen;
    QStringList pending{u"0"_s};
    seen.insert(u"0"_s, metadata(u"0"_s));
    int visited = 0;
    int filed = 0;
    int references = 0;
    while (!pending.isEmpty()) {
        const QString id = pending.takeFirst();
        QVERIFY2(++visited < 500, "the tree does not end");
        BrowseAnswer answer;
        const Didl children = browse(id, BrowseFlag::DirectChildren, 0, 0, {}, u"*"_s, &answer);
        QVERIFY2(children.valid, qPrintable(id + u": "_s + children.error));
        QCOMPARE(answer.totalMatches, answer.numberReturned);
        QCOMPARE(int(answer.totalMatches), seen.value(id).childCount);
        for (const Object &child : children.objects) {
            childrenOf[id].insert(child.id);
            QCOMPARE(child.restricted, u"1"_s);
            QVERIFY2(child.parentId == id, qPrintable(child.id + u" listed under "_s + id + u" names parent "_s
                                                      + child.parentId));
            QVERIFY2(!seen.contains(child.id) || seen.value(child.id).parentId == id,
                     qPrintable(child.id + u" listed in two containers"_s));
            const Object again = metadata(child.id);
            QVERIFY2(!again.id.isEmpty(), qPrintable(u"no metadata for "_s + child.id));
            QCOMPARE(again.id, child.id);
            QCOMPARE(again.title(), child.title());
            QCOMPARE(again.upnpClass(), child.upnpClass());
            QCOMPARE(again.parentId, child.parentId);
            QCOMPARE(again.refId, child.refId);
            QCOMPARE(again.childCount, child.childCount);
            QVERIFY(child.container || child.id.size() <= id.size() + 21);
            for (const QChar c : child.id)
                QVERIFY2(c.unicode() > 32 && c.unicode() < 127, qPrintable(child.id));
            if (!child.container && child.refId.isEmpty()) {
                QVERIFY2(!child.id.contains(u'/'), qPrintable(child.id));
                ++filed;
            } else if (!child.container) {
                ++references;
                QCOMPARE(child.id, id + u'/' + child.refId);
                const Object original = metadata(child.refId);
                QCOMPARE(original.id, child.refId);
                QVERIFY(original.refId.isEmpty());
                QVERIFY(original.parentId != id);
                QCOMPARE(original.title(), child.title());
                QCOMPARE(original.upnpClass(), child.upnpClass());
                QCOMPARE(original.resources.size(), child.resources.size());
            }
            if (child.container) {
                QVERIFY(child.refId.isEmpty());
                QVERIFY(child.childCount >= 0);
                if (!seen.contains(child.id))
                    pending << child.id;
            }
            seen.insert(child.id, child);
        }
    }
    QVERIFY(filed >= m_visibleAudioTitles.size() + 2);   // each song in its album, each video in vall
    QVERIFY(references > filed);                         // in all tracks, genres, artists' albums, folders
    QSet<QString> itemTitles;
    for (const Object &o : std::as_const(seen)) {
        if (o.container)
            continue;
        itemTitles.insert(o.title());
        QVERIFY2(seen.contains(o.parentId), qPrintable(o.id + u" has parent "_s + o.parentId));
        QVERIFY2(childrenOf.value(o.parentId).contains(o.id), qPrintable(o.parentId + u" does not list "_s + o.id));
    }
    for (const QString &title : std::as_const(m_visibleAudioTitles))
        QVERIFY2(itemTitles.contains(title), qPrintable(title));
    QVERIFY(itemTitles.contains(u"Holiday"_s));
    QVERIFY(itemTitles.contains(u"Trip"_s));
    for (const Object &o : std::as_const(seen)) {
        for (const QString &hidden : std::as_const(m_hiddenTitles))
            QVERIFY2(o.title() != hidden, qPrintable(o.id + u" shows "_s + hidden));
    }
}

// A track listed in a container other than its album is that container's child, by an id that
// names both, and refers to the track as filed.
void TestContentDirectory::itemsListedElsewhere_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<qint64>("track");
    const qint64 alpha = TrackRepository(*m_db).find(m_alpha1)->albumId;
    const qint64 ann = AlbumRepository(*m_db).find(alpha, m_visibility)->artistId;
    QTest::newRow("all tracks") << u"tracks"_s << m_love;
    QTest::newRow("genre") << u"g"_s + base64(u"Rock & Roll"_s) << m_love;
    QTest::newRow("artist's album") << u"ar%1.al%2"_s.arg(ann).arg(alpha) << m_alpha1;
    QTest::newRow("directory") << u"md%1."_s.arg(m_shown) + base64(u"Ann/Alpha"_s) << m_alpha1;
    QTest::newRow("non-ASCII directory") << u"md%1."_s.arg(m_shown) + base64(u"Émile & Co/Été <1>"_s) << m_love;
    QTest::newRow("video directory") << u"vd%1."_s.arg(m_shown) + base64(u"clips"_s) << m_holiday;
    QTest::newRow("deeper video directory") << u"vd%1."_s.arg(m_shown) + base64(u"clips/deep"_s) << m_trip;
}

void TestContentDirectory::itemsListedElsewhere()
{
    QFETCH(QString, container);
    QFETCH(qint64, track);
    const QString filed = u"t%1"_s.arg(track);
    const QString id = container + u'/' + filed;
    const Didl children = browse(container, BrowseFlag::DirectChildren);
    QVERIFY2(children.valid, qPrintable(children.error));
    QVERIFY2(children.ids().contains(id), qPrintable(children.ids().join(u' ')));
    QVERIFY(!children.ids().contains(filed));

    const Object item = metadata(id);
    QCOMPARE(item.id, id);
    QCOMPARE(item.parentId, container);
    QCOMPARE(item.refId, filed);
    QCOMPARE(item.title(), metadata(filed).title());
    QVERIFY(!item.resources.isEmpty());
    QCOMPARE(item.resources.first().value(u"url"_s), metadata(filed).resources.first().value(u"url"_s));
    BrowseAnswer answer;
    QVERIFY(browse(id, BrowseFlag::DirectChildren, 0, 0, {}, u"*"_s, &answer).valid);
    QCOMPARE(answer.totalMatches, 0u);
}

// Ids a client makes up from real containers and real tracks that are not inside them.
void TestContentDirectory::itemsNotInside_data()
{
    QTest::addColumn<QString>("id");
    const qint64 ete = TrackRepository(*m_db).find(m_love)->albumId;
    const qint64 alpha = TrackRepository(*m_db).find(m_alpha1)->albumId;
    const qint64 ann = AlbumRepository(*m_db).find(alpha, m_visibility)->artistId;
    const qint64 emile = AlbumRepository(*m_db).find(ete, m_visibility)->artistId;
    const QString alphaDir = u"md%1."_s.arg(m_shown) + base64(u"Ann/Alpha"_s);
    QTest::newRow("another album") << u"al%1/t%2"_s.arg(alpha).arg(m_love);
    QTest::newRow("another genre") << u"g%1/t%2"_s.arg(base64(u"Jazz"_s)).arg(m_love);
    QTest::newRow("genre differing in case") << u"g%1/t%2"_s.arg(base64(u"rock & roll"_s)).arg(m_love);
    QTest::newRow("another artist's album") << u"ar%1.al%2/t%3"_s.arg(emile).arg(alpha).arg(m_alpha1);
    QTest::newRow("artist's other album") << u"ar%1.al%2/t%3"_s.arg(ann).arg(alpha).arg(m_love);
    QTest::newRow("another directory") << alphaDir + u"/t%1"_s.arg(m_love);
    QTest::newRow("directory above") << u"md%1."_s.arg(m_shown) + base64(u"Ann"_s) + u"/t%1"_s.arg(m_alpha1);
    QTest::newRow("directory differing in case") << u"md%1."_s.arg(m_shown) + base64(u"ann/Alpha"_s)
                                                        + u"/t%1"_s.arg(m_alpha1);
    QTest::newRow("library folder, not directly") << u"mf%1/t%2"_s.arg(m_shown).arg(m_alpha1);
    QTest::newRow("another library folder") << u"md%1."_s.arg(m_hidden) + base64(u"Ann/Alpha"_s)
                                                   + u"/t%1"_s.arg(m_alpha1);
    QTest::newRow("a song in the video folders") << u"vd%1."_s.arg(m_shown) + base64(u"Ann/Alpha"_s)
                                                        + u"/t%1"_s.arg(m_alpha1);
    QTest::newRow("a video in the music folders") << u"md%1."_s.arg(m_shown) + base64(u"clips"_s)
                                                         + u"/t%1"_s.arg(m_holiday);
    QTest::newRow("a video in all tracks") << u"tracks/t%1"_s.arg(m_holiday);
    QTest::newRow("a song in all videos") << u"vall/t%1"_s.arg(m_love);
    QTest::newRow("invisible, all tracks") << u"tracks/t%1"_s.arg(m_hiddenTrack);
    QTest::newRow("invisible, in a visible album") << u"al%1/t%2"_s.arg(alpha).arg(m_hiddenAlpha);
    QTest::newRow("invisible, in a visible genre") << u"g%1/t%2"_s.arg(base64(u"Jazz"_s)).arg(m_hiddenAlpha);
    QTest::newRow("invisible, in all videos") << u"vall/t%1"_s.arg(m_hiddenVideo);
    QTest::newRow("no such track") << u"tracks/t999999"_s;
    // The filed item has one id: its album's (or vall's) is not spelled out.
    QTest::newRow("filed, spelled with its album") << u"al%1/t%2"_s.arg(ete).arg(m_love);
    QTest::newRow("filed, spelled with vall") << u"vall/t%1"_s.arg(m_holiday);
    // Containers that list no items, and broken spellings.
    QTest::newRow("music") << u"music/t%1"_s.arg(m_love);
    QTest::newRow("root") << u"0/t%1"_s.arg(m_love);
    QTest::newRow("artist") << u"ar%1/t%2"_s.arg(ann).arg(m_alpha1);
    QTest::newRow("item in an item") << u"t%1/t%1"_s.arg(m_love);
    QTest::newRow("twice") << u"tracks/tracks/t%1"_s.arg(m_love);
    QTest::newRow("no container") << u"/t%1"_s.arg(m_love);
    QTest::newRow("no track") << u"tracks/"_s;
    QTest::newRow("bare t") << u"tracks/t"_s;
    QTest::newRow("leading zero") << u"tracks/t0%1"_s.arg(m_love);
    QTest::newRow("not an item") << u"tracks/al%1"_s.arg(ete);
    QTest::newRow("trailing slash") << u"tracks/t%1/"_s.arg(m_love);
    QTest::newRow("base64 padding") << u"g%1=/t%2"_s.arg(base64(u"Rock & Roll"_s)).arg(m_love);
}

void TestContentDirectory::itemsNotInside()
{
    QFETCH(QString, id);
    const ContentDirectory cds = directory();
    QCOMPARE(errorOf(cds.browse({id, BrowseFlag::Metadata, u"*"_s, 0, 0, {}})), 701);
    QCOMPARE(errorOf(cds.browse({id, BrowseFlag::DirectChildren, u"*"_s, 0, 0, {}})), 701);
    QCOMPARE(errorOf(cds.search({id, u"*"_s, u"*"_s, 0, 0, {}})), 701);
}

// Search answers each item as filed (its album, or vall), whichever container it started from.
void TestContentDirectory::searchFindsItemsAsFiled()
{
    const QString audio = u"upnp:class derivedfrom \"object.item.audioItem\""_s;
    const qint64 alpha = TrackRepository(*m_db).find(m_alpha1)->albumId;
    const qint64 ann = AlbumRepository(*m_db).find(alpha, m_visibility)->artistId;
    const QStringList containers{u"0"_s, u"music"_s, u"tracks"_s, u"g"_s + base64(u"Jazz"_s),
                                 u"ar%1.al%2"_s.arg(ann).arg(alpha), u"md%1."_s.arg(m_shown) + base64(u"Ann/Alpha"_s)};
    for (const QString &container : containers) {
        const Didl found = search(container, audio + u" and dc:title contains \"alpha\" and @refID exists false"_s);
        QVERIFY2(found.valid, qPrintable(container + u": "_s + found.error));
        QCOMPARE(found.titles().size(), 2);
        for (const Object &o : found.objects) {
            QCOMPARE(o.parentId, u"al%1"_s.arg(alpha));
            QVERIFY2(o.id.startsWith(u't') && !o.id.contains(u'/'), qPrintable(o.id));
            QVERIFY(o.refId.isEmpty());
        }
    }
    const Didl videos = search(u"vd%1."_s.arg(m_shown) + base64(u"clips"_s), u"*"_s);
    QVERIFY2(videos.valid, qPrintable(videos.error));
    QCOMPARE(videos.ids(), (QStringList{u"vd%1."_s.arg(m_shown) + base64(u"clips/deep"_s), u"t%1"_s.arg(m_holiday)}));
    QCOMPARE(videos.objects.last().parentId, u"vall"_s);
}

void TestContentDirectory::trackItem()
{
    const Object t = metadata(u"t%1"_s.arg(m_love));
    QCOMPARE(t.container, false);
    QCOMPARE(t.upnpClass(), u"object.item.audioItem.musicTrack"_s);
    const auto album = TrackRepository(*m_db).find(m_love)->albumId;
    QCOMPARE(t.parentId, u"al%1"_s.arg(album));
    QCOMPARE(t.properties.value(u"dc:creator"_s), u"Émile & Co"_s);
    QCOMPARE(t.properties.value(u"upnp:artist"_s), u"Émile & Co"_s);
    QCOMPARE(t.properties.value(u"upnp:album"_s), u"Été <1>"_s);
    QCOMPARE(t.properties.value(u"upnp:genre"_s), u"Rock & Roll"_s);
    QCOMPARE(t.properties.value(u"dc:date"_s), u"1999-01-01"_s);
    QCOMPARE(t.properties.value(u"upnp:originalTrackNumber"_s), u"1"_s);
    QCOMPARE(t.properties.value(u"upnp:albumArtURI"_s), u"http://192.0.2.1:8080/api/tracks/%1/art?size=160"_s.arg(m_love));
    QCOMPARE(t.artProfile, u"JPEG_TN"_s);
    QCOMPARE(t.resources.size(), 2);
    const auto &res = t.resources[0];
    QCOMPARE(res.value(u"url"_s), u"http://192.0.2.1:8080/api/tracks/%1/stream?exp=1&sig=a<b"_s.arg(m_love));
    QVERIFY(res.value(u"protocolInfo"_s).startsWith(u"http-get:*:audio/flac:"_s));
    QCOMPARE(res.value(u"size"_s), u"1001"_s);
    QCOMPARE(res.value(u"duration"_s), u"0:03:05.500"_s);
    QCOMPARE(res.value(u"bitrate"_s), u"112500"_s);
    QCOMPARE(res.value(u"sampleFrequency"_s), u"44100"_s);
    QCOMPARE(res.value(u"nrAudioChannels"_s), u"2"_s);
    QVERIFY(!res.contains(u"resolution"_s));
    QVERIFY2(!t.resources[1].contains(u"size"_s), "an unknown size is left out");
    QCOMPARE(t.resources[1].value(u"duration"_s), u"0:03:05.500"_s);
}

void TestContentDirectory::videoItem()
{
    const Object v = metadata(u"t%1"_s.arg(m_holiday));
    QCOMPARE(v.upnpClass(), u"object.item.videoItem"_s);
    QCOMPARE(v.parentId, u"vall"_s);
    QCOMPARE(v.title(), u"Holiday"_s);
    QCOMPARE(v.properties.value(u"upnp:albumArtURI"_s), u"http://192.0.2.1:8080/api/videos/%1/thumbnail"_s.arg(m_holiday));
    QVERIFY(!v.resources.isEmpty());
    QCOMPARE(v.resources[0].value(u"resolution"_s), u"1920x1080"_s);
    QVERIFY(!v.properties.contains(u"upnp:album"_s));
    QVERIFY(browse(u"vall"_s, BrowseFlag::DirectChildren).ids().contains(v.id));
}

void TestContentDirectory::albumContainer()
{
    const qint64 albumId = TrackRepository(*m_db).find(m_alpha1)->albumId;
    const Object album = metadata(u"al%1"_s.arg(albumId));
    QCOMPARE(album.upnpClass(), u"object.container.album.musicAlbum"_s);
    QCOMPARE(album.parentId, u"albums"_s);
    QCOMPARE(album.title(), u"Alpha"_s);
    QCOMPARE(album.childCount, 2);   // its third track lies in the hidden folder
    QCOMPARE(album.properties.value(u"upnp:artist"_s), u"Ann"_s);
    QCOMPARE(album.properties.value(u"dc:creator"_s), u"Ann"_s);
    QCOMPARE(album.properties.value(u"upnp:genre"_s), u"Jazz"_s);
    QCOMPARE(album.properties.value(u"dc:date"_s), u"2001-01-01"_s);
    QCOMPARE(album.properties.value(u"upnp:albumArtURI"_s), u"http://192.0.2.1:8080/album/%1.jpg"_s.arg(albumId));
    QCOMPARE(browse(album.id, BrowseFlag::DirectChildren).titles(), (QStringList{u"Alpha One"_s, u"Alpha Two"_s}));

    const auto summary = AlbumRepository(*m_db).find(albumId, m_visibility);
    QVERIFY(summary);
    const Object viaArtist = metadata(u"ar%1.al%2"_s.arg(summary->artistId).arg(albumId));
    QCOMPARE(viaArtist.parentId, u"ar%1"_s.arg(summary->artistId));
    QCOMPARE(viaArtist.title(), u"Alpha"_s);
    // The album under another artist does not exist.
    QCOMPARE(errorOf(directory().browse({u"ar%1.al%2"_s.arg(summary->artistId + 1000).arg(albumId),
                                         BrowseFlag::Metadata, u"*"_s, 0, 0, {}})),
             701);
    const Object artist = metadata(u"ar%1"_s.arg(summary->artistId));
    QCOMPARE(artist.upnpClass(), u"object.container.person.musicArtist"_s);
    QCOMPARE(artist.title(), u"Ann"_s);
}

void TestContentDirectory::escapingAndNonAscii()
{
    BrowseAnswer answer;
    const Didl didl = browse(u"t%1"_s.arg(m_love), BrowseFlag::Metadata, 0, 0, {}, u"*"_s, &answer);
    QVERIFY2(didl.valid, qPrintable(didl.error));
    QCOMPARE(didl.objects.first().title(), u"Love & War \"live\" <1>"_s);
    QVERIFY(answer.result.contains(u"Love &amp; War"_s));
    QVERIFY(answer.result.contains(u"&lt;1&gt;"_s));
    QVERIFY(answer.result.contains(u"Été"_s));
    QVERIFY(!answer.result.startsWith(u"<?xml"_s));

    const Didl genres = browse(u"genres"_s, BrowseFlag::DirectChildren);
    QVERIFY(genres.titles().contains(u"Rock & Roll"_s));
    for (const Object &g : genres.objects) {
        QCOMPARE(g.upnpClass(), u"object.container.genre.musicGenre"_s);
        for (const QChar c : g.id)
            QVERIFY2(c.unicode() < 128 && c.isPrint(), qPrintable(g.id));
        QCOMPARE(metadata(g.id).title(), g.title());
    }
}

void TestContentDirectory::folders()
{
    const Didl music = browse(u"mfolders"_s, BrowseFlag::DirectChildren);
    QCOMPARE(music.titles(), QStringList{u"a"_s});
    const Didl top = browse(music.objects.first().id, BrowseFlag::DirectChildren);
    QStringList names = top.titles();
    QVERIFY(names.removeOne(u"🎵 Mix"_s));
    QCOMPARE(names, (QStringList{u"100%_done"_s, u"100%Xdone"_s, u"Ann"_s, u"ann"_s, u"Compil"_s,
                                        u"Émile & Co"_s}));
    for (const Object &dir : top.objects) {
        const Didl inside = browse(dir.id, BrowseFlag::DirectChildren);
        QCOMPARE(inside.objects.size(), dir.childCount);
        if (dir.title() == u"100%_done"_s)
            QCOMPARE(inside.titles(), QStringList{u"Percent"_s});
        if (dir.title() == u"ann"_s)
            QCOMPARE(inside.titles(), QStringList{u"Lower"_s});
        if (dir.title() == u"Ann"_s)
            QCOMPARE(inside.titles(), (QStringList{u"Alpha"_s, u"Beta"_s}));
        if (dir.title() == u"🎵 Mix"_s) {
            QCOMPARE(inside.titles(), (QStringList{u"Sub"_s, u"Emoji X"_s}));
            QCOMPARE(metadata(inside.objects.first().id).parentId, dir.id);
            QCOMPARE(browse(inside.objects.first().id, BrowseFlag::DirectChildren).titles(), QStringList{u"Emoji Y"_s});
        }
    }
    const Didl videoFolders = browse(u"vfolders"_s, BrowseFlag::DirectChildren);
    QCOMPARE(videoFolders.titles(), QStringList{u"a"_s});
    const Didl videoTop = browse(videoFolders.objects.first().id, BrowseFlag::DirectChildren);
    QCOMPARE(videoTop.titles(), QStringList{u"clips"_s});
    const Didl clips = browse(videoTop.objects.first().id, BrowseFlag::DirectChildren);
    QCOMPARE(clips.titles(), (QStringList{u"deep"_s, u"Holiday"_s}));
    QCOMPARE(browse(clips.objects.first().id, BrowseFlag::DirectChildren).titles(), QStringList{u"Trip"_s});
}

void TestContentDirectory::paging()
{
    BrowseAnswer all;
    const Didl everything = browse(u"tracks"_s, BrowseFlag::DirectChildren, 0, 0, {}, u"*"_s, &all);
    QCOMPARE(int(all.totalMatches), m_visibleAudioTitles.size());
    QCOMPARE(everything.objects.size(), m_visibleAudioTitles.size());
    QStringList titles = everything.titles();
    QStringList expected = m_visibleAudioTitles;
    titles.sort();
    expected.sort();
    QCOMPARE(titles, expected);

    BrowseAnswer part;
    const Didl page = browse(u"tracks"_s, BrowseFlag::DirectChildren, 2, 3, {}, u"*"_s, &part);
    QCOMPARE(part.numberReturned, 3u);
    QCOMPARE(part.totalMatches, all.totalMatches);
    QCOMPARE(page.ids(), everything.ids().mid(2, 3));

    BrowseAnswer tail;
    const Didl last = browse(u"tracks"_s, BrowseFlag::DirectChildren, all.totalMatches - 1, 10, {}, u"*"_s, &tail);
    QCOMPARE(last.ids(), QStringList{everything.ids().last()});
    BrowseAnswer beyond;
    const Didl none = browse(u"tracks"_s, BrowseFlag::DirectChildren, 1000, 10, {}, u"*"_s, &beyond);
    QVERIFY(none.valid);
    QCOMPARE(beyond.numberReturned, 0u);
    QCOMPARE(beyond.totalMatches, all.totalMatches);

    // Sorted pages are slices of the one sorted list.
    const Didl sorted = browse(u"tracks"_s, BrowseFlag::DirectChildren, 0, 0, u"+dc:title"_s);
    QCOMPARE(browse(u"tracks"_s, BrowseFlag::DirectChildren, 3, 2, u"+dc:title"_s).ids(), sorted.ids().mid(3, 2));
}

void TestContentDirectory::sorting()
{
    const Didl up = browse(u"albums"_s, BrowseFlag::DirectChildren, 0, 0, u"+dc:title"_s);
    const Didl down = browse(u"albums"_s, BrowseFlag::DirectChildren, 0, 0, u"-dc:title"_s);
    QVERIFY(up.objects.size() >= 4);
    QStringList reversed = up.titles();
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(down.titles(), reversed);
    QCOMPARE(up.titles().first(), u"Alpha"_s);

    const Didl byDate = browse(u"albums"_s, BrowseFlag::DirectChildren, 0, 0, u"-dc:date,+dc:title"_s);
    QCOMPARE(byDate.titles().first(), u"Compil"_s);   // 2010

    const Didl tracks = browse(u"tracks"_s, BrowseFlag::DirectChildren, 0, 0, u"+upnp:album,-upnp:originalTrackNumber"_s);
    QCOMPARE(tracks.titles().mid(0, 2), (QStringList{u"Alpha Two"_s, u"Alpha One"_s}));
}

void TestContentDirectory::search_data()
{
    QTest::addColumn<QString>("container");
    QTest::addColumn<QString>("criteria");
    QTest::addColumn<QStringList>("titles");   // in any order

    const QString audio = u"upnp:class derivedfrom \"object.item.audioItem\""_s;
    QTest::newRow("title") << u"0"_s << audio + u" and dc:title contains \"LOVE\""_s
                           << QStringList{u"Love & War \"live\" <1>"_s};
    QTest::newRow("music track class") << u"music"_s
                                       << u"upnp:class derivedfrom \"object.item.audioItem.musicTrack\" and dc:title contains \"alpha\""_s
                                       << QStringList{u"Alpha One"_s, u"Alpha Two"_s};
    QTest::newRow("all audio") << u"0"_s << audio << m_visibleAudioTitles;
    QTest::newRow("all audio, no references") << u"music"_s << audio + u" and @refID exists false"_s
                                              << m_visibleAudioTitles;
    QTest::newRow("videos") << u"0"_s << u"upnp:class derivedfrom \"object.item.videoItem\""_s
                            << QStringList{u"Holiday"_s, u"Trip"_s};
    QTest::newRow("everything under videos") << u"videos"_s << u"*"_s << QStringList{u"Holiday"_s, u"Trip"_s};
    QTest::newRow("albums") << u"0"_s << u"upnp:class = \"object.container.album.musicAlbum\""_s
                            << QStringList{u"Alpha"_s, u"Beta"_s, u"Compil"_s, u"Odds"_s, u"Été <1>"_s};
    QTest::newRow("albums by title") << u"0"_s
                                     << u"upnp:class derivedfrom \"object.container.album.musicAlbum\" and dc:title contains \"été\""_s
                                     << QStringList{u"Été <1>"_s};
    QTest::newRow("artists") << u"0"_s << u"upnp:class = \"object.container.person.musicArtist\""_s
                             << QStringList{u"Ann"_s, u"Various"_s, u"Émile & Co"_s};
    QTest::newRow("genres") << u"0"_s << u"upnp:class = \"object.container.genre.musicGenre\""_s
                            << QStringList{u"Jazz"_s, u"Pop"_s, u"Rock & Roll"_s};
    QTest::newRow("artist contains, non-ASCII") << u"0"_s << audio + u" and upnp:artist contains \"émile\""_s
                                                << QStringList{u"Love & War \"live\" <1>"_s, u"Second"_s};
    QTest::newRow("creator") << u"0"_s << audio + u" and dc:creator contains \"guest\""_s
                             << QStringList{u"Guest Song"_s};
    QTest::newRow("album contains") << u"0"_s << audio + u" and upnp:album contains \"beta\""_s
                                    << QStringList{u"Beta One"_s};
    QTest::newRow("genre =") << u"0"_s << audio + u" and upnp:genre = \"jazz\""_s
                             << QStringList{u"Alpha One"_s, u"Alpha Two"_s, u"Guest Song"_s};
    QTest::newRow("genre contains") << u"0"_s << audio + u" and upnp:genre contains \"&\""_s
                                    << QStringList{u"Love & War \"live\" <1>"_s, u"Second"_s};
    QTest::newRow("or") << u"0"_s
                        << u"(upnp:class derivedfrom \"object.item.videoItem\" and dc:title contains \"trip\") or (" + audio
                               + u" and dc:title = \"beta one\")"_s
                        << QStringList{u"Trip"_s, u"Beta One"_s};
    QTest::newRow("hidden title") << u"0"_s << u"dc:title contains \"secret\""_s << QStringList{};
    QTest::newRow("hidden artist") << u"0"_s << u"upnp:artist contains \"secret\""_s << QStringList{};
    QTest::newRow("hidden genre") << u"0"_s << u"upnp:genre = \"Secret Genre\""_s << QStringList{};
    QTest::newRow("under an album") << u"albums"_s << u"dc:title contains \"b\""_s << QStringList{u"Beta"_s};
}

void TestContentDirectory::search()
{
    QFETCH(QString, container);
    QFETCH(QString, criteria);
    QFETCH(QStringList, titles);
    BrowseAnswer answer;
    const Didl found = search(container, criteria, &answer);
    QVERIFY2(found.valid, qPrintable(found.error));
    QStringList got = found.titles();
    got.sort();
    titles.sort();
    QCOMPARE(got, titles);
    QCOMPARE(int(answer.totalMatches), titles.size());
    QCOMPARE(int(answer.numberReturned), titles.size());
}

void TestContentDirectory::searchPaging()
{
    const QString criteria = u"upnp:class derivedfrom \"object.item.audioItem\""_s;
    const Didl all = search(u"0"_s, criteria);
    BrowseAnswer answer;
    const Didl page = search(u"0"_s, criteria, &answer, 1, 2);
    QCOMPARE(answer.numberReturned, 2u);
    QCOMPARE(int(answer.totalMatches), m_visibleAudioTitles.size());
    QCOMPARE(page.ids(), all.ids().mid(1, 2));
    const Didl sorted = search(u"0"_s, criteria, nullptr, 0, 3, u"-dc:title"_s);
    QCOMPARE(sorted.titles(), (QStringList{u"Wildcard"_s, u"Second"_s, u"Percent"_s}));
    // Containers and items together, paged across the boundary.
    const QString mixed = u"upnp:class = \"object.container.genre.musicGenre\" or upnp:class derivedfrom \"object.item.videoItem\""_s;
    const Didl both = search(u"0"_s, mixed);
    QCOMPARE(both.objects.size(), 5);
    QCOMPARE(search(u"0"_s, mixed, nullptr, 2, 2).ids(), both.ids().mid(2, 2));
}

void TestContentDirectory::nothingOutsideVisibility_data()
{
    QTest::addColumn<QString>("id");
    const qint64 hiddenAlbum = TrackRepository(*m_db).find(m_hiddenTrack)->albumId;
    const qint64 hiddenArtist = AlbumRepository(*m_db).find(hiddenAlbum, Visibility::everything())->artistId;
    QTest::newRow("track") << u"t%1"_s.arg(m_hiddenTrack);
    QTest::newRow("track of a visible album") << u"t%1"_s.arg(m_hiddenAlpha);
    QTest::newRow("video") << u"t%1"_s.arg(m_hiddenVideo);
    QTest::newRow("album") << u"al%1"_s.arg(hiddenAlbum);
    QTest::newRow("artist") << u"ar%1"_s.arg(hiddenArtist);
    QTest::newRow("artist's album") << u"ar%1.al%2"_s.arg(hiddenArtist).arg(hiddenAlbum);
    QTest::newRow("genre") << u"g"_s + QString::fromLatin1(QByteArrayLiteral("Secret Genre").toBase64(
                                           QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QTest::newRow("folder") << u"mf%1"_s.arg(m_hidden);
    QTest::newRow("video folder") << u"vf%1"_s.arg(m_hidden);
    QTest::newRow("directory") << u"md%1.U2VjcmV0"_s.arg(m_hidden);           // "Secret"
    QTest::newRow("video directory") << u"vd%1.Y2xpcHM"_s.arg(m_hidden);      // "clips"
}

void TestContentDirectory::nothingOutsideVisibility()
{
    QFETCH(QString, id);
    const ContentDirectory cds = directory();
    QCOMPARE(errorOf(cds.browse({id, BrowseFlag::Metadata, u"*"_s, 0, 0, {}})), 701);
    QCOMPARE(errorOf(cds.browse({id, BrowseFlag::DirectChildren, u"*"_s, 0, 0, {}})), 701);
    QCOMPARE(errorOf(cds.search({id, u"*"_s, u"*"_s, 0, 0, {}})), 701);
    // The same ids exist for someone who sees everything: the test names real objects.
    const ContentDirectory all(*m_db, Visibility::everything(), {}, 1);
    QCOMPARE(errorOf(all.browse({id, BrowseFlag::Metadata, u"*"_s, 0, 0, {}})), 0);
}

void TestContentDirectory::unknownIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("word") << u"nonsense"_s;
    QTest::newRow("no track") << u"t999999"_s;
    QTest::newRow("leading zero") << u"t0%1"_s.arg(m_love);
    QTest::newRow("sign") << u"t+%1"_s.arg(m_love);
    QTest::newRow("trailing text") << u"t%1x"_s.arg(m_love);
    QTest::newRow("bare prefix") << u"ar"_s;
    QTest::newRow("bad base64") << u"g!!"_s;
    QTest::newRow("unknown genre") << u"gTm9uZQ"_s;   // "None"
    QTest::newRow("dot-dot directory") << u"md%1.Li4"_s.arg(m_shown);   // ".."
    QTest::newRow("no such directory") << u"md%1.Tm9uZQ"_s.arg(m_shown);
    QTest::newRow("huge") << QString(100000, u'1');
    QTest::newRow("minus one") << u"-1"_s;
}

void TestContentDirectory::unknownIds()
{
    QFETCH(QString, id);
    const ContentDirectory cds = directory();
    QCOMPARE(errorOf(cds.browse({id, BrowseFlag::Metadata, u"*"_s, 0, 0, {}})), 701);
    QCOMPARE(errorOf(cds.browse({id, BrowseFlag::DirectChildren, u"*"_s, 0, 0, {}})), 701);
}

void TestContentDirectory::badCriteria()
{
    const ContentDirectory cds = directory();
    QCOMPARE(errorOf(cds.search({u"0"_s, u"dc:title contains \"x"_s, u"*"_s, 0, 0, {}})), 708);
    QCOMPARE(errorOf(cds.search({u"0"_s, u"(dc:title = \"x\""_s, u"*"_s, 0, 0, {}})), 708);
    QCOMPARE(errorOf(cds.search({u"0"_s, u"dc:publisher = \"x\""_s, u"*"_s, 0, 0, {}})), 708);
    QCOMPARE(errorOf(cds.search({u"0"_s, u"*"_s, u"*"_s, 0, 0, u"+dc:publisher"_s})), 709);
    QCOMPARE(errorOf(cds.browse({u"albums"_s, BrowseFlag::DirectChildren, u"*"_s, 0, 0, u"+nonsense"_s})), 709);
    QCOMPARE(errorOf(cds.search({u"nonsense"_s, u"*"_s, u"*"_s, 0, 0, {}})), 701);
}

void TestContentDirectory::filter()
{
    const Didl narrow = browse(u"t%1"_s.arg(m_love), BrowseFlag::Metadata, 0, 0, {}, u"dc:title,upnp:album"_s);
    QVERIFY2(narrow.valid, qPrintable(narrow.error));
    const Object t = narrow.objects.first();
    QCOMPARE(t.id, u"t%1"_s.arg(m_love));
    QVERIFY(!t.parentId.isEmpty());
    QCOMPARE(t.upnpClass(), u"object.item.audioItem.musicTrack"_s);
    QCOMPARE(t.properties.value(u"upnp:album"_s), u"Été <1>"_s);
    QVERIFY(!t.properties.contains(u"upnp:artist"_s));
    QVERIFY(t.resources.isEmpty());

    const Object withRes = browse(t.id, BrowseFlag::Metadata, 0, 0, {}, u"res@size"_s).objects.value(0);
    QCOMPARE(withRes.resources.size(), 2);
    QVERIFY(withRes.resources[0].contains(u"size"_s));
    QVERIFY(!withRes.resources[0].contains(u"duration"_s));
    QVERIFY(withRes.resources[0].contains(u"protocolInfo"_s));

    for (const QString &junk : {u",,,"_s, u"%%%<>&\""_s, QString(10000, u'@'), u"*,dc:title"_s}) {
        const Didl any = browse(u"music"_s, BrowseFlag::DirectChildren, 0, 0, {}, junk);
        QVERIFY2(any.valid, qPrintable(any.error));
        QCOMPARE(any.objects.size(), 5);
    }
}

void TestContentDirectory::capabilities()
{
    QCOMPARE(ContentDirectory::searchCapabilities(), u"dc:title,dc:creator,upnp:artist,upnp:album,upnp:genre,upnp:class"_s);
    const QStringList sortable = ContentDirectory::sortCapabilities().split(u',');
    for (const QString &property : sortable)
        QCOMPARE(errorOf(directory().browse({u"albums"_s, BrowseFlag::DirectChildren, u"*"_s, 0, 0, u"+"_s + property})), 0);
}

// Every id parses back to what made it, stays short ASCII, and one object has one id.
void TestContentDirectory::objectIdsRoundTrip()
{
    const QList<ObjectId> ids{
        ObjectId::of(ObjectKind::Root),
        ObjectId::of(ObjectKind::Music),
        ObjectId::of(ObjectKind::MusicFolders),
        ObjectId::of(ObjectKind::AllVideos),
        ObjectId::of(ObjectKind::Artist, 12),
        ObjectId::artistAlbum(12, 34),
        ObjectId::of(ObjectKind::Album, 34),
        ObjectId::genre(u"Rock & Roll"_s),
        ObjectId::genre(u"genres"_s),
        ObjectId::genre(u"🎵"_s),
        ObjectId::folder(3, false),
        ObjectId::folder(3, true),
        ObjectId::directory(3, u"Émile & Co/Été <1>"_s, false),
        ObjectId::directory(3, u"clips"_s, true),
        ObjectId::of(ObjectKind::Item, 987654321),
        ObjectId::item(987654321, ObjectId::of(ObjectKind::AllTracks)),
        ObjectId::item(987654321, ObjectId::genre(u"Rock & Roll"_s)),
        ObjectId::item(987654321, ObjectId::artistAlbum(12, 34)),
        ObjectId::item(987654321, ObjectId::directory(3, u"Émile & Co/Été <1>"_s, false)),
        ObjectId::item(987654321, ObjectId::folder(3, true)),
    };
    QSet<QString> texts;
    for (const ObjectId &id : ids) {
        const QString text = id.toString();
        QVERIFY2(!texts.contains(text), qPrintable(text));
        texts.insert(text);
        for (const QChar c : text)
            QVERIFY2(c.unicode() > 32 && c.unicode() < 127 && c != u'&' && c != u'<' && c != u'"', qPrintable(text));
        const auto parsed = ObjectId::parse(text);
        QVERIFY2(parsed, qPrintable(text));
        QCOMPARE(parsed->toString(), text);
        QCOMPARE(int(parsed->kind), int(id.kind));
        QCOMPARE(parsed->name, id.name);
        QCOMPARE(parsed->in, id.in);
        QCOMPARE(parsed->parentString(), id.parentString());
    }
    QCOMPARE(ObjectId::item(5, ObjectId::genre(u"Pop"_s)).toString(), u"gUG9w/t5"_s);
    QCOMPARE(ObjectId::item(5, ObjectId::genre(u"Pop"_s)).parentString(), u"gUG9w"_s);
    QCOMPARE(ObjectId::directory(3, u"a/b"_s, false).parentString(), ObjectId::directory(3, u"a"_s, false).toString());
    QCOMPARE(ObjectId::directory(3, u"a"_s, true).parentString(), u"vf3"_s);
    QCOMPARE(ObjectId::artistAlbum(12, 34).parentString(), u"ar12"_s);
}

QTEST_GUILESS_MAIN(TestContentDirectory)
#include "tst_content_directory.moc"
