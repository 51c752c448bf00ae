/*
 * The gnuplot plots of plots/: plot-run draws every plot of a results folder
 * as a PNG and an SVG of the size its script sets, titled with the scenario
 * and the stack; it draws the time-sequence graph of the connection with the
 * most retransmissions (or the one asked for), says which subset of rows the
 * state timeline shows, skips the plots whose files are missing and says so,
 * and turns bad input into one line and exit status 2. plot-sweep draws its
 * three plots from folders of two loss values on both stacks and refuses
 * folders that sweep nothing.
 *
 * The scripts run as child processes, as users run them, on results of the
 * tcp-lifecycle program made in a scratch folder. The tests skip only when
 * gnuplot is not installed (scripts/setup installs gnuplot-nox).
 */
#include "lifecycle-test-metrics.h"
#include "lifecycle-test-program.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace
{

using ns3::lifecycle_test::CsvFile;
using ns3::lifecycle_test::CsvRow;
using ns3::lifecycle_test::Outcome;
using ns3::lifecycle_test::ReadText;
using ns3::lifecycle_test::RunIn;
using ns3::lifecycle_test::ScratchFolder;

namespace fs = std::filesystem;

const std::string kPlotRun = std::string(TCPLC_PLOTS) + "/plot-run";
const std::string kPlotSweep = std::string(TCPLC_PLOTS) + "/plot-sweep";

/// A plot: its file name, the size its script sets, the start of its title.
struct Plot
{
    std::string name;
    uint32_t width;
    uint32_t height;
    std::string title;
};

const std::vector<Plot> kRunPlots{
    {"state-timeline", 1200, 800, "State timeline"},
    {"time-in-state", 1000, 600, "Time in state per connection"},
    {"time-sequence", 1200, 900, "Time-sequence graph"},
    {"cwnd-rtt", 1200, 800, "Congestion window, slow-start threshold, SRTT and RTO"},
    {"retransmissions", 1000, 600, "Retransmissions over time by kind"},
    {"concurrency", 1200, 600, "Concurrent connections per state"},
};

const std::vector<Plot> kSweepPlots{
    {"sweep-retransmissions", 900, 600, "Retransmissions per client connection vs"},
    {"sweep-completion", 900, 600, "Completion time vs"},
    {"sweep-closing-states", 1200, 800, "Mean time in each closing state vs"},
};

/// \return true when gnuplot is on PATH
bool
HaveGnuplot()
{
    return std::system("command -v gnuplot >/dev/null 2>&1") == 0;
}

#define SKIP_WITHOUT_GNUPLOT()                                                           \
    if (!HaveGnuplot())                                                                  \
    {                                                                                    \
        GTEST_SKIP() << "gnuplot is not installed (scripts/setup installs gnuplot-nox)"; \
    }

std::string
Scenario(const std::string& name)
{
    return std::string(TCPLC_SCENARIOS) + "/" + name + ".ini";
}

/// Run tcp-lifecycle into \p out with \p args; fail the test if it fails.
void
Simulate(const ScratchFolder& folder, const std::string& out, std::vector<std::string> args)
{
    args.push_back("--out");
    args.push_back(out);
    Outcome o = RunIn(TCPLC_PROGRAM, folder.Path(), args);
    ASSERT_EQ(o.status, 0) << o.err;
}

/// A small lossy bulk transfer: retransmissions of both kinds, a few seconds.
void
SmallLossyRun(const ScratchFolder& folder,
              const std::string& out,
              const std::string& stack = "custom")
{
    Simulate(
        folder, out, {"--config", Scenario("lossy-bulk"), "--bulk.bytes=500kB", "--stack", stack});
}

/// The width and height in a PNG's IHDR chunk (bytes 16 to 23), or 0, 0
/// when the file is not a PNG.
std::pair<uint32_t, uint32_t>
PngSize(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    unsigned char b[24] = {};
    f.read(reinterpret_cast<char*>(b), sizeof b);
    const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (f.gcount() != sizeof b || !std::equal(signature, signature + 8, b)
        || std::string(reinterpret_cast<char*>(b + 12), 4) != "IHDR")
    {
        return {0, 0};
    }
    auto be32 = [&](int i)
    {
        return (uint32_t(b[i]) << 24) | (uint32_t(b[i + 1]) << 16) | (uint32_t(b[i + 2]) << 8)
               | uint32_t(b[i + 3]);
    };
    return {be32(16), be32(20)};
}

/// Every PNG and SVG of \p plots in \p dir: there, not empty, of the size set
/// (the PNG's IHDR, the SVG's viewBox), the SVG holding the title's start and
/// \p subject.
void
ExpectImages(const std::string& dir, const std::vector<Plot>& plots, const std::string& subject)
{
    for (const auto& p : plots)
    {
        SCOPED_TRACE(p.name);
        std::string png = dir + "/" + p.name + ".png";
        std::string svg = dir + "/" + p.name + ".svg";
        ASSERT_TRUE(fs::exists(png));
        ASSERT_TRUE(fs::exists(svg));
        EXPECT_GT(fs::file_size(png), 1000u);
        EXPECT_GT(fs::file_size(svg), 1000u);
        auto [w, h] = PngSize(png);
        EXPECT_EQ(w, p.width);
        EXPECT_EQ(h, p.height);
        std::string text = ReadText(svg);
        EXPECT_NE(text.find("<svg"), std::string::npos);
        // gnuplot's "dynamic" SVG: no width and height, the size is the viewBox.
        EXPECT_NE(text.find("viewBox=\"0 0 " + std::to_string(p.width) + " "
                            + std::to_string(p.height) + "\""),
                  std::string::npos);
        EXPECT_NE(text.find(p.title), std::string::npos) << "no title '" << p.title << "'";
        EXPECT_NE(text.find(subject), std::string::npos) << "no '" << subject << "' in the title";
    }
}

/// The lines of \p text.
std::vector<std::string>
Lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::string line;
    for (char c : text)
    {
        if (c == '\n')
        {
            lines.push_back(line);
            line.clear();
        }
        else
        {
            line += c;
        }
    }
    if (!line.empty())
    {
        lines.push_back(line);
    }
    return lines;
}

/// Of the connections that sent data, the one with the most retransmissions
/// (ties: the most bytes sent, then the lowest id), as plot-run's README rule says.
std::string
MostRetransmissions(const CsvFile& connections)
{
    const CsvRow* best = nullptr;
    auto key = [](const CsvRow& r)
    {
        double sent = std::stod(r.at("bytes_app_sent").empty() ? r.at("bytes_acked")
                                                               : r.at("bytes_app_sent"));
        return std::make_tuple(
            sent > 0, std::stod(r.at("retx_total")), sent, -std::stod(r.at("id")));
    };
    for (const auto& r : connections.rows)
    {
        if (r.at("opener") != "listener" && (!best || key(r) > key(*best)))
        {
            best = &r;
        }
    }
    return best ? best->at("id") : "";
}

TEST(PlotRun, DrawsEveryPlotAsPngAndSvgOfTheSizeSetTitledWithScenarioAndStack)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-every-plot");
    std::string dir = folder.File("run");
    SmallLossyRun(folder, dir);
    Outcome o = RunIn(kPlotRun, folder.Path(), {dir});
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.err, "");
    EXPECT_NE(o.out.find("12 images in " + dir + "/plots"), std::string::npos) << o.out;
    ExpectImages(dir + "/plots", kRunPlots, "lossy-bulk, custom stack");
}

TEST(PlotRun, TimeSequenceAndCwndAreOfTheConnectionWithMostRetransmissions)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-most-retransmissions");
    std::string dir = folder.File("run");
    SmallLossyRun(folder, dir, "ns3");
    CsvFile connections = CsvFile::Read(dir + "/connections.csv");
    std::string id = MostRetransmissions(connections);
    ASSERT_FALSE(id.empty());
    CsvRow row = connections.Where("id", id).at(0);
    ASSERT_GT(std::stoi(row.at("retx_total")), 0) << "the run should retransmit";

    Outcome o = RunIn(kPlotRun, folder.Path(), {dir, "--format", "svg"});
    ASSERT_EQ(o.status, 0) << o.err;
    for (const std::string plot : {"time-sequence", "cwnd-rtt"})
    {
        std::string svg = ReadText(dir + "/plots/" + plot + ".svg");
        EXPECT_NE(svg.find("connection #" + id + " (node " + row.at("node") + ", "),
                  std::string::npos)
            << plot;
        EXPECT_NE(
            svg.find("the most retransmissions of those that sent data: " + row.at("retx_total")),
            std::string::npos)
            << plot;
        EXPECT_NE(svg.find("lossy-bulk, ns3 stack"), std::string::npos) << plot;
    }
    EXPECT_FALSE(fs::exists(dir + "/plots/time-sequence.png")) << "--format svg draws no PNG";
}

TEST(PlotRun, ConnectionOptionPicksTheConnectionAndRejectsListenersAndUnknownIds)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-connection-option");
    std::string dir = folder.File("run");
    SmallLossyRun(folder, dir);
    CsvFile connections = CsvFile::Read(dir + "/connections.csv");
    std::string most = MostRetransmissions(connections);
    std::string other;
    std::string listener;
    for (const auto& r : connections.rows)
    {
        if (r.at("opener") == "listener")
        {
            listener = r.at("id");
        }
        else if (r.at("id") != most)
        {
            other = r.at("id");
        }
    }
    ASSERT_FALSE(other.empty());
    ASSERT_FALSE(listener.empty());

    Outcome o = RunIn(kPlotRun, folder.Path(), {dir, "--connection", other, "--format", "svg"});
    ASSERT_EQ(o.status, 0) << o.err;
    std::string svg = ReadText(dir + "/plots/time-sequence.svg");
    EXPECT_NE(svg.find("connection #" + other + " "), std::string::npos);
    EXPECT_NE(svg.find("chosen with --connection"), std::string::npos);

    for (const std::string& bad : {listener, std::string("9999")})
    {
        Outcome b = RunIn(kPlotRun, folder.Path(), {dir, "--connection", bad});
        EXPECT_EQ(b.status, 2) << bad;
        EXPECT_EQ(b.err,
                  "plot-run: --connection " + bad + ": no such connection in " + dir
                      + "/connections.csv (listeners are not connections)\n");
    }
    Outcome notNumber = RunIn(kPlotRun, folder.Path(), {dir, "--connection", "two"});
    EXPECT_EQ(notNumber.status, 2);
    EXPECT_EQ(Lines(notNumber.err).size(), 1u) << notNumber.err;
}

TEST(PlotRun, StateTimelineSaysWhichConnectionsItShowsWhenThereAreMoreThanMaxRows)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-max-rows");
    std::string dir = folder.File("default");
    Simulate(folder, dir, {}); // the built-in default: 20 clients, 40 connections
    Outcome o = RunIn(kPlotRun, folder.Path(), {dir, "--max-rows", "11", "--format", "svg"});
    ASSERT_EQ(o.status, 0) << o.err;
    std::string svg = ReadText(dir + "/plots/state-timeline.svg");
    // The listener stays; 10 of the 40 connections, every 4th.
    EXPECT_NE(svg.find("10 of 40 connections (every 4th by opening order) and 1 listener"),
              std::string::npos);
    EXPECT_NE(svg.find("default, custom stack"), std::string::npos);

    Outcome all = RunIn(kPlotRun, folder.Path(), {dir, "--format", "svg"});
    ASSERT_EQ(all.status, 0) << all.err;
    svg = ReadText(dir + "/plots/state-timeline.svg");
    EXPECT_NE(svg.find("40 connections and 1 listener"), std::string::npos);
}

TEST(PlotRun, WithoutSegmentsAndSeriesDrawsTheOtherPlotsAndSaysWhichItSkipped)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-no-segments");
    std::string dir = folder.File("run");
    Simulate(folder,
             dir,
             {"--config",
              Scenario("lossy-bulk"),
              "--bulk.bytes=500kB",
              "--metrics.series=false",
              "--metrics.segments=false"});
    ASSERT_FALSE(fs::exists(dir + "/segments.csv"));
    ASSERT_FALSE(fs::exists(dir + "/series.csv"));
    Outcome o = RunIn(kPlotRun, folder.Path(), {dir});
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.err,
              "plot-run: skipped time-sequence: " + dir
                  + " has no segments.csv (the run collected no segments)\n"
                    "plot-run: skipped cwnd-rtt: "
                  + dir + " has no series.csv (the run collected no cwnd/RTT series)\n");
    std::vector<Plot> drawn;
    for (const auto& p : kRunPlots)
    {
        if (p.name == "time-sequence" || p.name == "cwnd-rtt")
        {
            EXPECT_FALSE(fs::exists(dir + "/plots/" + p.name + ".png")) << p.name;
        }
        else
        {
            drawn.push_back(p);
        }
    }
    ExpectImages(dir + "/plots", drawn, "lossy-bulk, custom stack");
}

TEST(PlotRun, FolderWithoutConnectionsCsvIsBadInputNamingTheFile)
{
    ScratchFolder folder("plots-no-connections");
    std::string dir = folder.File("run");
    fs::create_directories(dir);
    std::ofstream(dir + "/transitions.csv") << "time,connection,node,stack,from,to,cause\n";
    std::ofstream(dir + "/retransmissions.csv")
        << "time,connection,node,stack,kind,seq,relative_seq,length,rto,backoff\n";
    Outcome o = RunIn(kPlotRun, folder.Path(), {dir});
    EXPECT_EQ(o.status, 2);
    EXPECT_EQ(o.err,
              "plot-run: " + dir + " is not a tcp-lifecycle results folder: no connections.csv\n");
    EXPECT_EQ(o.out, "");
    EXPECT_FALSE(fs::exists(dir + "/plots"));
}

TEST(PlotRun, BadInputGetsOneLineAndStatus2)
{
    ScratchFolder folder("plots-bad-input");
    std::string dir = folder.File("run");
    fs::create_directories(dir);
    struct Case
    {
        std::vector<std::string> args;
        std::string err;
    };
    std::string missing = folder.File("nothing-here");
    std::vector<Case> cases{
        {{}, "plot-run: no results folder given (usage: plot-run DIR [options]; try --help)\n"},
        {{missing}, "plot-run: " + missing + ": no such folder\n"},
        {{dir},
         "plot-run: " + dir
             + " is not a tcp-lifecycle results folder: no connections.csv transitions.csv "
               "retransmissions.csv\n"},
        {{dir, "--colour"}, "plot-run: unknown option '--colour' (try --help)\n"},
        {{dir, "--format", "jpeg"}, "plot-run: --format: 'jpeg' is not png, svg or both\n"},
        {{dir, "--max-rows", "0"},
         "plot-run: --max-rows: '0' is not a whole number of at least 1\n"},
        {{dir, "--zoom", "2:1"}, "plot-run: --zoom: '2:1' ends before it starts\n"},
        {{dir, "--out"}, "plot-run: --out needs a value (try --help)\n"},
    };
    for (const auto& c : cases)
    {
        Outcome o = RunIn(kPlotRun, folder.Path(), c.args);
        EXPECT_EQ(o.status, 2) << o.err;
        EXPECT_EQ(o.err, c.err);
    }
}

TEST(PlotRun, FileWithoutTheExpectedColumnsIsBadInput)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-bad-columns");
    std::string dir = folder.File("run");
    fs::create_directories(dir);
    std::ofstream(dir + "/connections.csv") << "id,node\n1,0\n";
    std::ofstream(dir + "/transitions.csv") << "time,connection,node,stack,from,to,cause\n"
                                               "1.0,1,0,custom,CLOSED,SYN_SENT,app Connect\n";
    std::ofstream(dir + "/retransmissions.csv")
        << "time,connection,node,stack,kind,seq,relative_seq,length,rto,backoff\n";
    Outcome o = RunIn(kPlotRun, folder.Path(), {dir});
    EXPECT_EQ(o.status, 2);
    EXPECT_EQ(o.err,
              "plot-run: " + dir
                  + "/connections.csv has no column opener: not a tcp-lifecycle metrics file\n");
}

TEST(PlotRun, MissingGnuplotSaysHowToInstallIt)
{
    // A PATH with the tools plot-run uses, but no gnuplot.
    ScratchFolder folder("plots-no-gnuplot");
    std::string bin = folder.File("bin");
    fs::create_directories(bin);
    for (const std::string tool : {"bash",
                                   "awk",
                                   "sed",
                                   "sort",
                                   "head",
                                   "grep",
                                   "wc",
                                   "rm",
                                   "mkdir",
                                   "mktemp",
                                   "dirname",
                                   "basename",
                                   "cat",
                                   "env"})
    {
        Outcome which = RunIn("/bin/sh", folder.Path(), {"-c", "command -v " + tool});
        std::string path = which.out.substr(0, which.out.find('\n'));
        ASSERT_FALSE(path.empty()) << tool;
        fs::create_symlink(path, bin + "/" + tool);
    }
    std::string dir = folder.File("run");
    fs::create_directories(dir);
    for (const std::string f : {"connections.csv", "transitions.csv", "retransmissions.csv"})
    {
        std::ofstream(dir + "/" + f) << "id\n";
    }
    Outcome o = RunIn(bin + "/env", folder.Path(), {"PATH=" + bin, "bash", kPlotRun, dir});
    EXPECT_EQ(o.status, 1);
    EXPECT_EQ(o.err, "plot-run: gnuplot not found: install gnuplot-nox (./scripts/setup)\n");
}

TEST(PlotSweep, TwoLossValuesOnBothStacksDrawThreePlotsAgainstTheLoss)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-sweep");
    std::vector<std::string> dirs;
    for (const std::string stack : {"custom", "ns3"})
    {
        for (const std::string loss : {"0.01", "0.05"})
        {
            std::string dir = folder.File("results/loss-" + loss + "-" + stack);
            Simulate(folder,
                     dir,
                     {"--config",
                      Scenario("lossy-bulk"),
                      "--bulk.bytes=200kB",
                      "--stack",
                      stack,
                      "--link.loss-forward=" + loss,
                      "--link.loss-reverse=" + loss,
                      "--metrics.segments=false"});
            dirs.push_back(dir);
        }
    }
    Outcome o = RunIn(kPlotSweep, folder.Path(), dirs);
    ASSERT_EQ(o.status, 0) << o.err;
    EXPECT_EQ(o.err, "");
    // By default into the folders' common parent.
    std::string out = folder.File("results");
    EXPECT_NE(o.out.find("6 images in " + out), std::string::npos) << o.out;
    ExpectImages(out, kSweepPlots, "lossy-bulk, custom and ns3 stacks");
    for (const auto& p : kSweepPlots)
    {
        std::string svg = ReadText(out + "/" + p.name + ".svg");
        EXPECT_NE(svg.find("link.loss-forward (%)"), std::string::npos) << p.name;
    }
}

TEST(PlotSweep, FoldersThatSweepNothingOrAreNotResultsAreBadInput)
{
    SKIP_WITHOUT_GNUPLOT();
    ScratchFolder folder("plots-sweep-bad");
    std::string a = folder.File("a");
    std::string b = folder.File("b");
    for (const auto& [dir, stack] : {std::pair{a, "custom"}, std::pair{b, "ns3"}})
    {
        Simulate(folder,
                 dir,
                 {"--config",
                  Scenario("three-way-handshake"),
                  "--stack",
                  stack,
                  "--metrics.segments=false",
                  "--metrics.series=false"});
    }
    Outcome same = RunIn(kPlotSweep, folder.Path(), {a, b});
    EXPECT_EQ(same.status, 2);
    EXPECT_EQ(same.err,
              "plot-sweep: the folders' scenario.ini differ in no option but name, stack, seed "
              "or run: nothing to sweep (give --param NAME to plot against one anyway)\n");

    // Given an option, the two folders are two points at one value.
    Outcome forced =
        RunIn(kPlotSweep, folder.Path(), {a, b, "--param", "link.delay", "--format", "png"});
    EXPECT_EQ(forced.status, 0) << forced.err;
    EXPECT_TRUE(fs::exists(folder.File("sweep-completion.png")));

    Outcome unknown = RunIn(kPlotSweep, folder.Path(), {a, b, "--param", "link.colour"});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_EQ(unknown.err, "plot-sweep: " + a + "/scenario.ini has no option link.colour\n");

    fs::remove(b + "/scenario.ini");
    Outcome noIni = RunIn(kPlotSweep, folder.Path(), {a, b});
    EXPECT_EQ(noIni.status, 2);
    EXPECT_EQ(noIni.err,
              "plot-sweep: " + b + " is not a tcp-lifecycle results folder: no scenario.ini\n");

    Outcome one = RunIn(kPlotSweep, folder.Path(), {a});
    EXPECT_EQ(one.status, 2);
    EXPECT_EQ(Lines(one.err).size(), 1u) << one.err;
}

} // namespace
