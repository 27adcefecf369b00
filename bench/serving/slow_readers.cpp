// Load client of bench/serving/compare-nginx.sh: N HTTP clients on one epoll loop, each
// requesting PATH and then reading its body at RATE bytes per second (a player or a browser
// buffering a video over a slow link), for SECONDS after the last one started.
// Prints one JSON line: how many got a response head, its latency (request sent → status line
// and headers received) p50/p99/max, and the bytes actually read.
// With --snapshot-at T it also notes, T seconds after the start, each client's bytes and rate
// over the 5 s before, fetches --activity-path with --token right then and writes both to
// --snapshot-out (for comparing the server's own accounting with what the clients received).
// Plain POSIX (Linux epoll), no Qt: its own cost stays small beside the server it measures.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

double now()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

struct Options
{
    std::string host = "127.0.0.1";
    int port = 0;
    std::string path;
    int clients = 100;
    double rate = 40000;        // body bytes per second per client
    double seconds = 20;        // reading time after the last client started
    double rampMs = 1000;       // clients start spread over this
    int tickMs = 100;           // how often bodies are read
    double snapshotAt = -1;     // seconds after the start; < 0: none
    std::string activityPath;
    std::string token;
    std::string snapshotOut;
};

enum class State { Idle, Connecting, WaitingHead, Body, Closed, Failed };

struct Client
{
    int fd = -1;
    State state = State::Idle;
    double startAt = 0;       // planned start, seconds after t0
    double sentAt = 0;
    double headMs = -1;
    double bodyStart = 0;
    int status = 0;
    std::string head;
    unsigned long long body = 0;
    unsigned long long bodyAtWindow = 0;   // bytes 5 s before the snapshot
};

Options parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "slow_readers: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--host") o.host = next();
        else if (a == "--port") o.port = std::atoi(next().c_str());
        else if (a == "--path") o.path = next();
        else if (a == "--clients") o.clients = std::atoi(next().c_str());
        else if (a == "--rate") o.rate = std::atof(next().c_str());
        else if (a == "--seconds") o.seconds = std::atof(next().c_str());
        else if (a == "--ramp-ms") o.rampMs = std::atof(next().c_str());
        else if (a == "--tick-ms") o.tickMs = std::max(1, std::atoi(next().c_str()));
        else if (a == "--snapshot-at") o.snapshotAt = std::atof(next().c_str());
        else if (a == "--activity-path") o.activityPath = next();
        else if (a == "--token") o.token = next();
        else if (a == "--snapshot-out") o.snapshotOut = next();
        else {
            std::fprintf(stderr, "slow_readers: unknown option %s\n", a.c_str());
            std::exit(2);
        }
    }
    if (o.port <= 0 || o.path.empty() || o.clients <= 0) {
        std::fprintf(stderr, "usage: slow_readers --port P --path PATH [--host H] [--clients N] [--rate B/s] "
                             "[--seconds S] [--ramp-ms MS] [--snapshot-at S --activity-path P --token T "
                             "--snapshot-out FILE]\n");
        std::exit(2);
    }
    return o;
}

sockaddr_in addressOf(const Options &o)
{
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(uint16_t(o.port));
    if (inet_pton(AF_INET, o.host.c_str(), &sa.sin_addr) != 1) {
        std::fprintf(stderr, "slow_readers: bad IPv4 address %s\n", o.host.c_str());
        std::exit(2);
    }
    return sa;
}

// A plain blocking GET with Connection: close; returns the body (empty on failure).
std::string fetch(const Options &o, const std::string &path)
{
    const sockaddr_in sa = addressOf(o);
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa) != 0) {
        if (fd >= 0)
            close(fd);
        return {};
    }
    std::string req = "GET " + path + " HTTP/1.1\r\nHost: " + o.host + "\r\nConnection: close\r\n";
    if (!o.token.empty())
        req += "Authorization: Bearer " + o.token + "\r\n";
    req += "\r\n";
    if (send(fd, req.data(), req.size(), MSG_NOSIGNAL) != ssize_t(req.size())) {
        close(fd);
        return {};
    }
    std::string all;
    char buf[65536];
    for (;;) {
        const ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        all.append(buf, size_t(n));
    }
    close(fd);
    const size_t end = all.find("\r\n\r\n");
    return end == std::string::npos ? std::string() : all.substr(end + 4);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parse(argc, argv);
    const sockaddr_in sa = addressOf(o);
    const int ep = epoll_create1(0);
    std::vector<Client> clients(size_t(o.clients));
    for (int i = 0; i < o.clients; ++i)
        clients[size_t(i)].startAt = o.clients > 1 ? o.rampMs / 1000.0 * i / (o.clients - 1) : 0;

    const double t0 = now();
    const double endAt = o.rampMs / 1000.0 + o.seconds;
    double nextTick = 0;
    bool windowTaken = false;
    bool snapshotTaken = o.snapshotAt < 0;
    int started = 0;
    int connectErrors = 0;
    std::vector<char> buf(size_t(std::max(65536.0, o.rate)));
    std::vector<epoll_event> events(1024);

    auto fail = [&](Client &c) {
        if (c.fd >= 0) {
            epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
            close(c.fd);
            c.fd = -1;
        }
        c.state = State::Failed;
    };

    for (;;) {
        const double t = now() - t0;
        if (t >= endAt)
            break;
        // Start the clients whose time has come.
        while (started < o.clients && clients[size_t(started)].startAt <= t) {
            Client &c = clients[size_t(started)];
            c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            if (c.fd < 0) {
                std::fprintf(stderr, "slow_readers: socket: %s (raise ulimit -n)\n", std::strerror(errno));
                ++connectErrors;
                c.state = State::Failed;
            } else {
                const int r = connect(c.fd, reinterpret_cast<const sockaddr *>(&sa), sizeof sa);
                if (r != 0 && errno != EINPROGRESS) {
                    ++connectErrors;
                    fail(c);
                } else {
                    c.state = State::Connecting;
                    epoll_event ev{};
                    ev.events = EPOLLOUT;
                    ev.data.u32 = uint32_t(started);
                    epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
                }
            }
            ++started;
        }
        // Bodies are read on a fixed tick, each client up to what its rate allows by now.
        if (t >= nextTick) {
            nextTick = t + o.tickMs / 1000.0;
            for (Client &c : clients) {
                if (c.state != State::Body)
                    continue;
                const double allowed = o.rate * (t - c.bodyStart) - double(c.body);
                size_t want = allowed > 0 ? size_t(allowed) : 0;
                while (want > 0) {
                    const ssize_t n = recv(c.fd, buf.data(), std::min(want, buf.size()), 0);
                    if (n > 0) {
                        c.body += size_t(n);
                        want -= size_t(n);
                        continue;
                    }
                    if (n == 0) {   // the server ended the body (or the connection)
                        close(c.fd);
                        c.fd = -1;
                        c.state = State::Closed;
                    } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
                        fail(c);
                    }
                    break;
                }
            }
        }
        if (!windowTaken && o.snapshotAt >= 0 && t >= o.snapshotAt - 5) {
            windowTaken = true;
            for (Client &c : clients)
                c.bodyAtWindow = c.body;
        }
        if (!snapshotTaken && t >= o.snapshotAt) {
            snapshotTaken = true;
            const double at = now() - t0;
            std::string out = "{\"at\":" + std::to_string(at) + ",\"clients\":[";
            for (size_t i = 0; i < clients.size(); ++i) {
                const Client &c = clients[i];
                if (i)
                    out += ',';
                out += "{\"userAgent\":\"cairn-bench-reader/" + std::to_string(i) + "\",\"state\":" +
                       std::to_string(int(c.state)) + ",\"bytes\":" + std::to_string(c.body) +
                       ",\"bytesPerSecond\":" + std::to_string(double(c.body - c.bodyAtWindow) / 5.0) + '}';
            }
            const std::string activity = fetch(o, o.activityPath);
            out += "],\"activity\":" + (activity.empty() ? std::string("null") : activity) + "}\n";
            if (FILE *f = std::fopen(o.snapshotOut.c_str(), "w")) {
                std::fputs(out.c_str(), f);
                std::fclose(f);
            }
        }

        const double wakeIn = std::min(nextTick, started < o.clients ? clients[size_t(started)].startAt : endAt) - (now() - t0);
        const int n = epoll_wait(ep, events.data(), int(events.size()), std::max(0, int(wakeIn * 1000)));
        for (int k = 0; k < n; ++k) {
            Client &c = clients[events[size_t(k)].data.u32];
            const int i = int(events[size_t(k)].data.u32);
            if (c.state == State::Connecting) {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err != 0) {
                    ++connectErrors;
                    fail(c);
                    continue;
                }
                const std::string req = "GET " + o.path + " HTTP/1.1\r\nHost: " + o.host +
                                        "\r\nUser-Agent: cairn-bench-reader/" + std::to_string(i) + "\r\n\r\n";
                if (send(c.fd, req.data(), req.size(), MSG_NOSIGNAL) != ssize_t(req.size())) {
                    fail(c);
                    continue;
                }
                c.sentAt = now();
                c.state = State::WaitingHead;
                epoll_event ev{};
                ev.events = EPOLLIN;
                ev.data.u32 = uint32_t(i);
                epoll_ctl(ep, EPOLL_CTL_MOD, c.fd, &ev);
            } else if (c.state == State::WaitingHead) {
                // Read only up to the end of the head (peek first), so the body is read at the rate alone.
                char peekBuf[8192];
                const ssize_t p = recv(c.fd, peekBuf, sizeof peekBuf, MSG_PEEK);
                if (p <= 0) {
                    if (p == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
                        fail(c);
                    continue;
                }
                const std::string seen = c.head + std::string(peekBuf, size_t(p));
                const size_t end = seen.find("\r\n\r\n");
                const size_t take = end == std::string::npos ? size_t(p) : end + 4 - c.head.size();
                const ssize_t got = recv(c.fd, peekBuf, take, 0);
                if (got <= 0) {
                    fail(c);
                    continue;
                }
                c.head.append(peekBuf, size_t(got));
                if (end == std::string::npos)
                    continue;
                c.headMs = (now() - c.sentAt) * 1000.0;
                c.status = c.head.size() > 12 ? std::atoi(c.head.c_str() + 9) : 0;
                c.bodyStart = now() - t0;
                c.state = State::Body;
                epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
            }
        }
    }

    std::vector<double> heads;
    int ok = 0, noHead = 0, failed = 0, ended = 0;
    unsigned long long bytes = 0;
    for (Client &c : clients) {
        if (c.headMs >= 0)
            heads.push_back(c.headMs);
        if (c.headMs >= 0 && (c.status == 200 || c.status == 206))
            ++ok;
        if (c.headMs < 0 && c.state != State::Failed)
            ++noHead;
        if (c.state == State::Failed)
            ++failed;
        if (c.state == State::Closed)
            ++ended;
        bytes += c.body;
        if (c.fd >= 0)
            close(c.fd);
    }
    std::printf("{\"clients\":%d,\"ok\":%d,\"failed\":%d,\"connectErrors\":%d,\"noHead\":%d,\"endedByServer\":%d,"
                "\"headP50Ms\":%.2f,\"headP99Ms\":%.2f,\"headMaxMs\":%.2f,\"bytes\":%llu,"
                "\"kBpsPerClient\":%.1f}\n",
                o.clients, ok, failed, connectErrors, noHead, ended, percentile(heads, 0.5), percentile(heads, 0.99),
                heads.empty() ? -1.0 : *std::max_element(heads.begin(), heads.end()), bytes,
                ok ? double(bytes) / ok / o.seconds / 1000.0 : 0.0);
    return 0;
}
