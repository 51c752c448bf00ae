/*
 * Emulation: the host's real Linux TCP against this model on a simulated
 * node, through a tap device (tcp-lifecycle --emulate). Each test runs the
 * program and the host's side -- a Python client in the style of the classic
 * socket tutorial, curl, a Python server, ss, tshark -- with
 * scripts/netns-run, in a network namespace of its own that the script
 * removes afterwards: nothing is added to the machine's own namespace, and
 * no traffic leaves the test's namespace.
 *
 * They need root, /dev/net/tun, ns-3's tap-creator helper where its library
 * runs it from (scripts/setup links it) and the host's tools; where one is
 * missing a test is skipped and says which. CI runs them as root. The
 * checks of the environment itself (exit status 3) run everywhere.
 */
#include "lifecycle-test-metrics.h"

#include "ns3/lifecycle-tcp-emulation-environment.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace
{

using ns3::LifecycleTcpEmulationEnvironment;
using ns3::lifecycle_test::CsvFile;
using ns3::lifecycle_test::CsvRow;
using ns3::lifecycle_test::Json;
using ns3::lifecycle_test::ReadText;
using ns3::lifecycle_test::ScratchFolder;

namespace fs = std::filesystem;

const std::string SOURCE = TCPLC_SOURCE;
const std::string NETNS_RUN = SOURCE + "/scripts/netns-run";
const std::string HOST = SOURCE + "/examples/host/";

/// Quote \p s for the shell.
std::string
Quote(const std::string& s)
{
    std::string q = "'";
    for (char c : s)
    {
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return q + "'";
}

/// \return true when \p tool is on the PATH
bool
Have(const std::string& tool)
{
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

/**
 * \return why the emulation tests cannot run here, or "" when they can:
 * root, /dev/net/tun, the tap-creator helper, and the host's \p tools.
 */
std::string
MissingForEmulation(const std::vector<std::string>& tools)
{
    if (geteuid() != 0 || !LifecycleTcpEmulationEnvironment::HasNetAdmin())
    {
        return "needs root (a network namespace and a tap device); CI runs the suite as root";
    }
    int fd = open("/dev/net/tun", O_RDWR);
    if (fd < 0)
    {
        return std::string("needs /dev/net/tun (") + std::strerror(errno) + ")";
    }
    close(fd);
    std::string creator = LifecycleTcpEmulationEnvironment::TapCreatorPath();
    if (creator.empty() || access(creator.c_str(), X_OK) != 0)
    {
        return "needs ns-3's tap-creator at " + creator + " (run ./scripts/setup as root)";
    }
    std::vector<std::string> all{"ip", "ss", "python3"};
    all.insert(all.end(), tools.begin(), tools.end());
    for (const auto& tool : all)
    {
        if (!Have(tool))
        {
            return "needs " + tool + " (run ./scripts/setup)";
        }
    }
    // Root may still be denied namespaces (a container without CAP_SYS_ADMIN): try once.
    static const bool namespaces = []
    {
        std::string probe = "tlc-probe-" + std::to_string(getpid());
        bool made = std::system(("ip netns add " + probe + " >/dev/null 2>&1").c_str()) == 0;
        bool usable =
            made
            && std::system(("ip -n " + probe + " link set lo up >/dev/null 2>&1").c_str()) == 0;
        if (made)
        {
            std::system(("ip netns del " + probe + " >/dev/null 2>&1").c_str());
        }
        return usable;
    }();
    if (!namespaces)
    {
        return "cannot make a network namespace here (ip netns add failed: CAP_SYS_ADMIN?)";
    }
    return "";
}

#define SKIP_UNLESS_EMULATION_CAN_RUN(...)                     \
    do                                                         \
    {                                                          \
        std::string why = MissingForEmulation({__VA_ARGS__});  \
        if (!why.empty())                                      \
        {                                                      \
            GTEST_SKIP() << "emulation test skipped: " << why; \
        }                                                      \
    } while (false)

/// What a run of scripts/netns-run gave.
struct EmulationRun
{
    int status{-1};          //!< netns-run's exit status
    std::string out;         //!< its stdout (the program's report)
    std::string err;         //!< its stderr
    std::string dir;         //!< the program's results
    CsvFile connections;     //!< connections.csv
    CsvFile transitions;     //!< transitions.csv
    CsvFile retransmissions; //!< retransmissions.csv
    Json summary;            //!< summary.json

    /// The model's connection rows (listeners left out).
    std::vector<CsvRow> Connections() const
    {
        std::vector<CsvRow> rows;
        for (const auto& r : connections.rows)
        {
            if (r.at("opener") != "listener")
            {
                rows.push_back(r);
            }
        }
        return rows;
    }

    /// The states connection \p id went through, in order, from its transitions.
    std::vector<std::string> States(const std::string& id) const
    {
        std::vector<std::string> states;
        for (const auto& t : transitions.Where("connection", id))
        {
            states.push_back(t.at("to"));
        }
        return states;
    }

    /// The simulated node's drop counter \p reason (summary.json).
    double NodeDrops(const std::string& reason) const
    {
        return summary["nodes"][0]["drops"][reason].number;
    }
};

/// \return the exit status of a std::system or waitpid status
int
Status(int raw)
{
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
}

/**
 * \brief Run tcp-lifecycle with \p program options under scripts/netns-run
 * with \p netns options, in \p folder; the results go to folder/results.
 */
EmulationRun
Emulate(const ScratchFolder& folder,
        const std::vector<std::string>& netns,
        const std::vector<std::string>& program)
{
    std::string command = "cd " + Quote(folder.Path()) + " && " + Quote(NETNS_RUN);
    for (const auto& a : netns)
    {
        command += " " + Quote(a);
    }
    command += " -- " + Quote(TCPLC_PROGRAM) + " --out results";
    for (const auto& a : program)
    {
        command += " " + Quote(a);
    }
    command += " >.stdout 2>.stderr </dev/null";
    EmulationRun r;
    r.status = Status(std::system(command.c_str()));
    r.out = ReadText(folder.File(".stdout"));
    r.err = ReadText(folder.File(".stderr"));
    r.dir = folder.File("results");
    r.connections = CsvFile::Read(r.dir + "/connections.csv");
    r.transitions = CsvFile::Read(r.dir + "/transitions.csv");
    r.retransmissions = CsvFile::Read(r.dir + "/retransmissions.csv");
    std::string error;
    r.summary = Json::Parse(ReadText(r.dir + "/summary.json"), &error);
    return r;
}

/// \return the SHA-256 (hex) of \p file, or of the pattern's first \p size bytes
std::string
Sha256Of(const ScratchFolder& folder, const std::string& file)
{
    std::string out = folder.File(".sha");
    std::system(("sha256sum " + Quote(folder.File(file)) + " >" + Quote(out)).c_str());
    return ReadText(out).substr(0, 64);
}

std::string
PatternSha256(const ScratchFolder& folder, const std::string& size)
{
    std::string out = folder.File(".pattern-sha");
    std::system(
        ("python3 " + Quote(HOST + "pattern.py") + " " + size + " | sha256sum >" + Quote(out))
            .c_str());
    return ReadText(out).substr(0, 64);
}

/// \return the lines of \p text that contain \p needle
std::vector<std::string>
LinesWith(const std::string& text, const std::string& needle)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
    {
        if (line.find(needle) != std::string::npos)
        {
            lines.push_back(line);
        }
    }
    return lines;
}

/// \return true when \p states holds \p wanted in this order (others may come between)
bool
InOrder(const std::vector<std::string>& states, const std::vector<std::string>& wanted)
{
    size_t k = 0;
    for (const auto& s : states)
    {
        if (k < wanted.size() && s == wanted[k])
        {
            ++k;
        }
    }
    return k == wanted.size();
}

std::string
Join(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
    {
        s += (s.empty() ? "" : " ") + x;
    }
    return s;
}

// ---------------------------------------------------------------------------
// The host's client and the model's server
// ---------------------------------------------------------------------------

TEST(Emulation, EchoClientOnTheHostGetsThankYou_TheHostClosesFirstAndHoldsTimeWait)
{
    SKIP_UNLESS_EMULATION_CAN_RUN();
    ScratchFolder folder("emulation-echo");
    EmulationRun r = Emulate(folder,
                             {"--host-client",
                              "python3 " + HOST + "echo-client.py 10.77.1.2 7 >host.out 2>host.err",
                              "--after",
                              "ss -tan >ss.out"},
                             {"--emulate=server", "--port=7", "--link.delay=2ms"});
    ASSERT_EQ(r.status, 0) << r.out << r.err << ReadText(folder.File("host.err"));
    EXPECT_EQ(ReadText(folder.File("host.out")), "Received 'thank you'\n");
    EXPECT_NE(r.out.find("connections: 1 opened, 1 established, 1 completed, 0 failed"),
              std::string::npos)
        << r.out;

    // The model: a passive open and a passive close, LAST_ACK -> CLOSED.
    std::vector<CsvRow> c = r.Connections();
    ASSERT_EQ(c.size(), 1U) << r.out;
    EXPECT_EQ(c[0].at("opener"), "passive");
    EXPECT_EQ(c[0].at("closer"), "passive");
    EXPECT_EQ(c[0].at("end"), "closed");
    EXPECT_EQ(c[0].at("local_address"), "10.77.1.2");
    EXPECT_EQ(c[0].at("local_port"), "7");
    EXPECT_EQ(c[0].at("remote_address"), "10.77.0.1");
    EXPECT_EQ(c[0].at("bytes_app_received"), "6"); // "hello\n"
    EXPECT_EQ(c[0].at("bytes_app_sent"), "10");    // "thank you\n"
    std::vector<std::string> states = r.States(c[0].at("id"));
    EXPECT_EQ(Join(states), "SYN_RCVD ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED");
    EXPECT_EQ(r.NodeDrops("bad_checksum"), 0);

    // The host: its socket in TIME-WAIT, towards the model's port 7.
    std::vector<std::string> host = LinesWith(ReadText(folder.File("ss.out")), "10.77.1.2:7");
    ASSERT_EQ(host.size(), 1U) << ReadText(folder.File("ss.out"));
    EXPECT_EQ(host[0].rfind("TIME-WAIT", 0), 0U) << host[0];
    EXPECT_NE(host[0].find("10.77.0.1:" + c[0].at("remote_port")), std::string::npos) << host[0];
}

TEST(Emulation, EchoServerOfTheModelClosingFirst_TheModelHoldsTimeWaitAndTheHostIsClosed)
{
    SKIP_UNLESS_EMULATION_CAN_RUN();
    ScratchFolder folder("emulation-echo-model-closes");
    EmulationRun r =
        Emulate(folder,
                {"--host-client",
                 "python3 " + HOST + "echo-client.py 10.77.1.2 7 --wait-close >host.out",
                 "--after",
                 "ss -tan >ss.out"},
                {"--emulate=server", "--port=7", "--close=server", "--link.delay=2ms"});
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(ReadText(folder.File("host.out")),
              "Received 'thank you'\nThe server closed the connection\n");

    // The model: the active close, still in TIME_WAIT (2*MSL = 240 s) when the run ends.
    std::vector<CsvRow> c = r.Connections();
    ASSERT_EQ(c.size(), 1U) << r.out;
    EXPECT_EQ(c[0].at("closer"), "active");
    EXPECT_EQ(c[0].at("end"), "open");
    std::vector<std::string> states = r.States(c[0].at("id"));
    EXPECT_TRUE(InOrder(states, {"ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT"})) << Join(states);
    EXPECT_EQ(states.back(), "TIME_WAIT") << Join(states);
    EXPECT_EQ(c[0].at("close_wait_entries"), "0");

    // The host: LAST_ACK answered, its socket gone.
    EXPECT_TRUE(LinesWith(ReadText(folder.File("ss.out")), "10.77.1.2").empty())
        << ReadText(folder.File("ss.out"));
}

TEST(Emulation, ConnectingToAPortNobodyListensOnIsRefusedOnTheHost)
{
    SKIP_UNLESS_EMULATION_CAN_RUN();
    ScratchFolder folder("emulation-refused");
    EmulationRun r = Emulate(folder,
                             {"--host-client",
                              "python3 " + HOST + "echo-client.py 10.77.1.2 8 2>host.err",
                              "--grace",
                              "1"},
                             {"--emulate=server", "--port=7", "--link.delay=2ms"});
    // netns-run exits with the host client's status; the program was stopped and wrote its results.
    EXPECT_EQ(r.status, 1) << r.out << r.err;
    EXPECT_EQ(ReadText(folder.File("host.err")), "connection refused by 10.77.1.2:8\n");
    EXPECT_NE(r.out.find("stopped by SIGTERM"), std::string::npos) << r.out;
    EXPECT_TRUE(r.Connections().empty());
    EXPECT_GE(r.NodeDrops("no_connection"), 1); // the SYN, answered with a RST
    EXPECT_EQ(r.NodeDrops("bad_checksum"), 0);
}

TEST(Emulation, CurlFetches10MBFromTheModelsHttpServerIntact)
{
    SKIP_UNLESS_EMULATION_CAN_RUN("curl", "sha256sum");
    ScratchFolder folder("emulation-curl");
    EmulationRun r = Emulate(
        folder,
        {"--host-client", "curl -sS --max-time 60 -o body.bin http://10.77.1.2/10MB 2>host.err"},
        {"--emulate=server",
         "--emulate.service=http",
         "--link.rate=100Mbps",
         "--link.delay=1ms",
         "--tcp.min-rto=200ms"});
    ASSERT_EQ(r.status, 0) << r.out << r.err << ReadText(folder.File("host.err"));
    ASSERT_EQ(fs::file_size(folder.File("body.bin")), 10000000U);
    EXPECT_EQ(Sha256Of(folder, "body.bin"), PatternSha256(folder, "10MB"));
    EXPECT_NE(r.out.find("HTTP 200 for 'GET /10MB HTTP/1.1'"), std::string::npos) << r.out;
    std::vector<CsvRow> c = r.Connections();
    ASSERT_EQ(c.size(), 1U);
    EXPECT_GT(std::stoull(c[0].at("bytes_acked")), 10000000U); // the body and the head
    // HTTP/1.0: the server closes after the response. curl closes as soon as it
    // has Content-Length bytes, so its FIN may cross the model's: a
    // simultaneous close (RFC 9293 Figure 13). Either way the model ends in TIME_WAIT.
    EXPECT_TRUE(c[0].at("closer") == "active" || c[0].at("closer") == "simultaneous")
        << c[0].at("closer");
    EXPECT_EQ(r.States(c[0].at("id")).back(), "TIME_WAIT");
}

TEST(Emulation, OverAFivePercentLossyLinkEveryByteArrivesAndTheModelRetransmits)
{
    SKIP_UNLESS_EMULATION_CAN_RUN("curl", "sha256sum");
    ScratchFolder folder("emulation-lossy");
    EmulationRun r = Emulate(
        folder,
        {"--host-client", "curl -sS --max-time 120 -o body.bin http://10.77.1.2/1MB 2>host.err"},
        {"--emulate=server",
         "--emulate.service=http",
         "--link.rate=20Mbps",
         "--link.delay=2ms",
         "--link.loss-forward=0.05",
         "--link.loss-reverse=0.05",
         "--tcp.min-rto=200ms"});
    ASSERT_EQ(r.status, 0) << r.out << r.err << ReadText(folder.File("host.err"));
    ASSERT_EQ(fs::file_size(folder.File("body.bin")), 1000000U);
    EXPECT_EQ(Sha256Of(folder, "body.bin"), PatternSha256(folder, "1MB"));
    std::vector<CsvRow> c = r.Connections();
    ASSERT_EQ(c.size(), 1U);
    EXPECT_GT(std::stoi(c[0].at("retx_total")), 0);
    EXPECT_GT(std::stoull(c[0].at("bytes_retransmitted")), 0U);
    auto rows = r.retransmissions.Where("connection", c[0].at("id"));
    EXPECT_EQ(rows.size(), std::stoul(c[0].at("retx_total")));
    EXPECT_EQ(r.NodeDrops("bad_checksum"), 0);
}

TEST(Emulation, TsharkFindsNoBadChecksumInTheTapsCapture)
{
    SKIP_UNLESS_EMULATION_CAN_RUN("curl", "tshark");
    ScratchFolder folder("emulation-pcap");
    EmulationRun r =
        Emulate(folder,
                {"--host-client", "curl -sS --max-time 60 -o body.bin http://10.77.1.2/1MB"},
                {"--emulate=server",
                 "--emulate.service=http",
                 "--link.rate=100Mbps",
                 "--link.delay=1ms",
                 "--pcap"});
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    std::string pcap = r.dir + "/pcap/emulate-server-tap.pcap";
    ASSERT_TRUE(fs::exists(pcap)) << r.out;
    auto count = [&](const std::string& filter)
    {
        std::string out = folder.File(".tshark");
        std::string command = "tshark -r " + Quote(pcap)
                              + " -o tcp.check_checksum:TRUE -o ip.check_checksum:TRUE -Y "
                              + Quote(filter) + " 2>/dev/null | wc -l >" + Quote(out);
        EXPECT_EQ(std::system(command.c_str()), 0);
        return std::stoi(ReadText(out));
    };
    // Status "Good" means verified: both directions, both headers.
    EXPECT_EQ(count("tcp.checksum.status == \"Bad\" || ip.checksum.status == \"Bad\""), 0);
    EXPECT_GT(count("ip.src == 10.77.1.2 && tcp.checksum.status == \"Good\""), 600);
    EXPECT_GT(count("ip.src == 10.77.0.1 && tcp.checksum.status == \"Good\""), 100);
    EXPECT_EQ(count("ip.checksum.status == \"Good\""), count("ip"));
}

TEST(Emulation, NativeNs3TcpServesTheHostsEchoClientToo)
{
    SKIP_UNLESS_EMULATION_CAN_RUN();
    ScratchFolder folder("emulation-native");
    EmulationRun r = Emulate(
        folder,
        {"--host-client", "python3 " + HOST + "echo-client.py 10.77.1.2 7 >host.out 2>host.err"},
        {"--emulate=server", "--port=7", "--stack=ns3", "--link.delay=2ms"});
    ASSERT_EQ(r.status, 0) << r.out << r.err << ReadText(folder.File("host.err"));
    EXPECT_EQ(ReadText(folder.File("host.out")), "Received 'thank you'\n");
    std::vector<CsvRow> c = r.Connections();
    ASSERT_EQ(c.size(), 1U);
    EXPECT_EQ(c[0].at("stack"), "ns3");
    EXPECT_EQ(c[0].at("end"), "closed");
}

// ---------------------------------------------------------------------------
// The model's client and the host's server
// ---------------------------------------------------------------------------

TEST(Emulation, ModelClientSends10MBToALinuxServerIntact)
{
    SKIP_UNLESS_EMULATION_CAN_RUN("sha256sum");
    ScratchFolder folder("emulation-client");
    EmulationRun r = Emulate(folder,
                             {"--host-server",
                              "python3 " + HOST + "sink-server.py 9000 >host.out",
                              "--after",
                              "ss -tan >ss.out"},
                             {"--emulate=client",
                              "--emulate.service=bulk",
                              "--bulk.bytes=10MB",
                              "--port=9000",
                              "--link.rate=100Mbps",
                              "--link.delay=1ms",
                              "--tcp.min-rto=200ms"});
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    std::string host = ReadText(folder.File("host.out"));
    EXPECT_EQ(host.rfind("received 10000000 bytes from 10.77.1.2:", 0), 0U) << host;
    EXPECT_NE(host.find("sha256 " + PatternSha256(folder, "10MB")), std::string::npos) << host;
    std::vector<CsvRow> c = r.Connections();
    ASSERT_EQ(c.size(), 1U);
    EXPECT_EQ(c[0].at("opener"), "active");
    EXPECT_EQ(c[0].at("remote_address"), "10.77.0.1");
    EXPECT_EQ(c[0].at("remote_port"), "9000");
    EXPECT_EQ(c[0].at("bytes_acked"), "10000000");
    // The model closed first (after its last byte) and holds TIME_WAIT; the host's socket is gone.
    EXPECT_EQ(c[0].at("closer"), "active");
    EXPECT_EQ(r.States(c[0].at("id")).back(), "TIME_WAIT");
    EXPECT_TRUE(LinesWith(ReadText(folder.File("ss.out")), "10.77.1.2").empty());
}

TEST(Emulation, ModelEchoClientWaitingForTheServersFin_TheHostHoldsTimeWait)
{
    SKIP_UNLESS_EMULATION_CAN_RUN();
    ScratchFolder folder("emulation-client-echo");
    EmulationRun r =
        Emulate(folder,
                {"--host-server",
                 "python3 " + HOST + "echo-server.py 9000 --close-first >host.out",
                 "--after",
                 "ss -tan >ss.out"},
                {"--emulate=client", "--port=9000", "--close=server", "--link.delay=2ms"});
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(ReadText(folder.File("host.out")).find("Received 'hello'"), std::string::npos);
    std::vector<CsvRow> c = r.Connections();
    ASSERT_EQ(c.size(), 1U);
    EXPECT_EQ(c[0].at("closer"), "passive");
    EXPECT_EQ(c[0].at("end"), "closed");
    EXPECT_TRUE(InOrder(r.States(c[0].at("id")),
                        {"SYN_SENT", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    std::vector<std::string> host = LinesWith(ReadText(folder.File("ss.out")), "10.77.1.2");
    ASSERT_EQ(host.size(), 1U) << ReadText(folder.File("ss.out"));
    EXPECT_EQ(host[0].rfind("TIME-WAIT", 0), 0U) << host[0];
}

// ---------------------------------------------------------------------------
// Safety and the environment
// ---------------------------------------------------------------------------

TEST(Emulation, InterruptedRunWritesItsResultsAndRemovesItsNamespace)
{
    SKIP_UNLESS_EMULATION_CAN_RUN();
    ScratchFolder folder("emulation-interrupted");
    std::string name = "tlc-test-" + std::to_string(getpid());
    std::string command = "cd " + Quote(folder.Path()) + " && exec " + Quote(NETNS_RUN) + " --name "
                          + name + " -- " + Quote(TCPLC_PROGRAM)
                          + " --out results --emulate=server --emulate.connections=0"
                            " >.stdout 2>.stderr </dev/null";
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0)
    {
        execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (ReadText(folder.File(".stdout")).find("emulation ready") == std::string::npos
           && std::chrono::steady_clock::now() < deadline)
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(fs::exists("/run/netns/" + name));
    kill(pid, SIGTERM);
    int raw = 0;
    ASSERT_EQ(waitpid(pid, &raw, 0), pid);
    EXPECT_EQ(Status(raw), 143) << ReadText(folder.File(".stderr"));
    EXPECT_FALSE(fs::exists("/run/netns/" + name)) << "the namespace was left behind";
    EXPECT_NE(ReadText(folder.File(".stdout")).find("stopped by SIGTERM"), std::string::npos)
        << ReadText(folder.File(".stdout"));
    EXPECT_TRUE(fs::exists(folder.File("results/summary.json")));
    EXPECT_TRUE(fs::exists(folder.File("results/connections.csv")));
}

TEST(Emulation, OutsideANamespaceTheProgramRefusesWithExitStatus3)
{
    if (!LifecycleTcpEmulationEnvironment::NamespaceName().empty())
    {
        GTEST_SKIP() << "the test itself runs inside a network namespace made with ip netns";
    }
    ScratchFolder folder("emulation-no-namespace");
    std::string command = "cd " + Quote(folder.Path()) + " && " + Quote(TCPLC_PROGRAM)
                          + " --emulate=server --duration=1s --out results >.stdout 2>.stderr";
    EXPECT_EQ(Status(std::system(command.c_str())), 3);
    std::string err = ReadText(folder.File(".stderr"));
    EXPECT_EQ(err.rfind("tcp-lifecycle: ", 0), 0U) << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    if (MissingForEmulation({}).empty())
    {
        // Everything else is there: what is missing is the namespace.
        EXPECT_NE(err.find("not in a network namespace made with 'ip netns add'"),
                  std::string::npos)
            << err;
        EXPECT_NE(err.find("sudo scripts/netns-run -- "), std::string::npos) << err;
    }
    EXPECT_EQ(ReadText(folder.File(".stdout")), "");
    EXPECT_FALSE(fs::exists(folder.File("results"))) << "results of a refused run";
}

TEST(Emulation, WithoutNetAdminTheProgramAndTheScriptSaySoWithExitStatus3)
{
    if (geteuid() != 0 || !Have("setpriv"))
    {
        GTEST_SKIP() << "needs root and setpriv to drop CAP_NET_ADMIN";
    }
    ScratchFolder folder("emulation-no-cap");
    std::string drop = "setpriv --bounding-set=-net_admin --inh-caps=-net_admin ";
    std::string cd = "cd " + Quote(folder.Path()) + " && ";
    EXPECT_EQ(Status(std::system((cd + drop + Quote(TCPLC_PROGRAM)
                                  + " --emulate=server --out results >.stdout 2>.stderr")
                                     .c_str())),
              3);
    EXPECT_EQ(ReadText(folder.File(".stderr")),
              "tcp-lifecycle: emulation needs root (or CAP_NET_ADMIN) to create the tap device; "
              "run it as root inside a network namespace, e.g. sudo scripts/netns-run -- "
                  + std::string(TCPLC_PROGRAM) + " --emulate=server --out results\n");
    EXPECT_FALSE(fs::exists(folder.File("results")));
    EXPECT_EQ(
        Status(std::system((cd + drop + Quote(NETNS_RUN) + " -- true >.stdout 2>.stderr").c_str())),
        3);
    EXPECT_NE(ReadText(folder.File(".stderr")).find("netns-run: making a network namespace"),
              std::string::npos)
        << ReadText(folder.File(".stderr"));
}

TEST(Emulation, ScenarioIniOfAnEmulationCommentsOutWhatDoesNotApplyAndIsAccepted)
{
    SKIP_UNLESS_EMULATION_CAN_RUN();
    ScratchFolder folder("emulation-ini");
    EmulationRun r =
        Emulate(folder,
                {"--host-client", "python3 " + HOST + "echo-client.py 10.77.1.2 7 >/dev/null"},
                {"--emulate=server", "--port=7"});
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    std::string ini = ReadText(r.dir + "/scenario.ini");
    EXPECT_NE(ini.find("\nemulate = server\n"), std::string::npos) << ini;
    EXPECT_NE(ini.find("\ntcp.checksums = true\n"), std::string::npos) << ini;
    EXPECT_NE(ini.find("\n# workload = short   -- applies to simulations only (emulate = none)\n"),
              std::string::npos)
        << ini;
    EXPECT_NE(
        ini.find(
            "\n# start = 1s   -- applies to emulate = client only (the host's client decides)\n"),
        std::string::npos)
        << ini;
    // The file is valid input: outside a namespace it gets as far as the environment check.
    std::string command = "cd " + Quote(folder.Path()) + " && " + Quote(TCPLC_PROGRAM)
                          + " --config results/scenario.ini --out again >/dev/null 2>.stderr2";
    if (LifecycleTcpEmulationEnvironment::NamespaceName().empty())
    {
        EXPECT_EQ(Status(std::system(command.c_str())), 3) << ReadText(folder.File(".stderr2"));
    }
}

} // namespace
