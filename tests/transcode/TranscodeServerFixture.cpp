#include "TranscodeServerFixture.h"

#include "catalog/FolderRepository.h"
#include "catalog/TrackRepository.h"
#include "http/HttpExchange.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

namespace cairn::test {

TranscodeServerFixture::TranscodeServerFixture()
{
    QDir(m_dir.path()).mkpath(u"library"_s);
}

TranscodeServerFixture::~TranscodeServerFixture()
{
    stop();
}

void TranscodeServerFixture::stop()
{
    if (m_server)
        m_server->stop();
}

QString TranscodeServerFixture::libraryPath(const QString &name) const
{
    return QDir(m_dir.filePath(u"library"_s)).filePath(name);
}

QString TranscodeServerFixture::start(int maxConcurrent, bool withCache, const QString &ffmpegProgram)
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"catalog.sqlite"_s));
    if (const auto error = m_db->open())
        return *error;
    FolderRepository(*m_db).add(m_dir.filePath(u"library"_s));
    m_scanner = std::make_unique<LibraryScanner>(*m_db);
    TranscodeSettings settings;
    settings.maxConcurrent = maxConcurrent;
    if (!ffmpegProgram.isEmpty())
        settings.ffmpegProgram = ffmpegProgram;
    if (withCache)
        settings.cacheDirectory = cacheDir();
    m_transcoding = std::make_unique<TranscodeService>(*m_db, settings);

    HttpServerConfig config;
    config.port = 0;
    HttpServices services;
    services.database = m_db.get();
    services.requestScan = [] {};
    services.isScanning = [] { return false; };
    services.transcoding = m_transcoding.get();
    m_users = std::make_unique<UserAdministration>(*m_db, m_revocations);
    UserChanges limited;
    limited.name = u"limited"_s;
    limited.password = u"limited-password"_s;
    limited.maxBitrate = 128;
    const UserResult created = m_users->create(limited);
    if (const auto *error = std::get_if<UserError>(&created))
        return error->message;
    m_limitedUser = std::get<User>(created).id;
    services.users = m_users.get();
    services.guard = [limitedUser = m_limitedUser](const Route &, HttpExchange &ex) {
        const bool restricted = ex.request().header("x-test-restricted") == "1";
        const bool limited = ex.request().header("x-test-user") == "limited";
        ex.setIdentity({limited ? limitedUser : 0, limited ? u"limited"_s : u"tester"_s, !restricted,
                        restricted ? Visibility::folders({999}) : Visibility::everything()});
        return true;
    };
    m_server = std::make_unique<HttpServer>(config, services);
    if (const auto error = m_server->start())
        return *error;
    return {};
}

bool TranscodeServerFixture::scan()
{
    QSignalSpy finished(m_scanner.get(), &LibraryScanner::scanFinished);
    m_scanner->scanNow();
    return finished.count() == 1;
}

qint64 TranscodeServerFixture::trackIdFor(const QString &fileName) const
{
    const TrackPage page = TrackRepository(*m_db).list(0, 10000);
    for (const Track &t : page.items)
        if (QFileInfo(t.path).fileName() == fileName)
            return t.id;
    return 0;
}

} // namespace cairn::test
