/*
 * The optional event streams of the metrics collector, series.csv (cwnd,
 * ssthresh, SRTT, RTO) and segments.csv (every segment), on both stacks:
 * they are written only when switched on; segments carry sequence numbers
 * relative to each side's ISN and scaled windows; the segments marked as
 * retransmissions are the rows of retransmissions.csv one for one; the
 * series follow slow start, the halving at a loss and the RTO backoff.
 *
 * Runs go through the tcp-lifecycle program (which switches both on by
 * default) so that both stacks are driven the same way.
 */
#include "lifecycle-test-metrics.h"
#include "lifecycle-test-program.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

namespace
{

using ns3::lifecycle_test::CsvFile;
using ns3::lifecycle_test::CsvRow;
using ns3::lifecycle_test::Outcome;
using ns3::lifecycle_test::RunIn;
using ns3::lifecycle_test::ScratchFolder;

namespace fs = std::filesystem;

class MetricsStreams : public ::testing::TestWithParam<std::string>
{
  protected:
    ScratchFolder folder{"streams"};

    /// Run tcp-lifecycle on the parameter's stack with \p args into folder "r".
    void Run(std::vector<std::string> args)
    {
        args.insert(args.end(), {"--stack", GetParam(), "--out", "r"});
        Outcome o = RunIn(TCPLC_PROGRAM, folder.Path(), args);
        ASSERT_EQ(o.status, 0) << o.err;
    }

    CsvFile Csv(const std::string& name) const
    {
        return CsvFile::Read(folder.File("r/" + name));
    }

    /// \return the id of the client's (node 0's active) connection
    std::string ClientId() const
    {
        for (const auto& r : Csv("connections.csv").rows)
        {
            if (r.at("node") == "0" && r.at("opener") == "active")
            {
                return r.at("id");
            }
        }
        return "<none>";
    }
};

TEST_P(MetricsStreams, AreWrittenOnlyWhenSwitchedOn)
{
    Run({"--short.count=2", "--metrics.series=false", "--metrics.segments=false"});
    EXPECT_FALSE(fs::exists(folder.File("r/series.csv")));
    EXPECT_FALSE(fs::exists(folder.File("r/segments.csv")));
    Run({"--short.count=2"});
    EXPECT_TRUE(fs::exists(folder.File("r/series.csv")));
    EXPECT_TRUE(fs::exists(folder.File("r/segments.csv")));
    // A run without them removes those of an earlier run: one folder, one run.
    Run({"--short.count=2", "--metrics.segments=false"});
    EXPECT_FALSE(fs::exists(folder.File("r/segments.csv")));
    EXPECT_EQ(Csv("series.csv").header,
              (std::vector<std::string>{
                  "time", "connection", "node", "stack", "cwnd", "ssthresh", "srtt", "rto"}));
}

TEST_P(MetricsStreams, SegmentsCountFromEachSidesInitialSequenceNumber)
{
    Run({"--short.count=1", "--short.bytes=20kB", "--tcp.rcv-buf=1000000"});
    CsvFile s = Csv("segments.csv");
    EXPECT_EQ(s.header,
              (std::vector<std::string>{"time",
                                        "connection",
                                        "node",
                                        "stack",
                                        "direction",
                                        "flags",
                                        "seq",
                                        "ack",
                                        "length",
                                        "window",
                                        "relative_seq",
                                        "relative_ack",
                                        "retransmission"}));
    std::string client = ClientId();
    auto mine = s.Where("connection", client);
    ASSERT_GT(mine.size(), 10U);
    // The handshake: SYN at 0, SYN,ACK at the peer's 0 acknowledging 1.
    EXPECT_EQ(mine[0]["direction"], "tx");
    EXPECT_EQ(mine[0]["flags"], "SYN");
    EXPECT_EQ(mine[0]["relative_seq"], "0");
    EXPECT_EQ(mine[0]["relative_ack"], "");
    EXPECT_EQ(mine[1]["direction"], "rx");
    EXPECT_EQ(mine[1]["flags"], "SYN|ACK");
    EXPECT_EQ(mine[1]["relative_seq"], "0");
    EXPECT_EQ(mine[1]["relative_ack"], "1");
    // The data: 20000 bytes from relative sequence number 1, nothing resent.
    uint64_t bytes = 0;
    uint64_t top = 0;
    uint64_t largestWindow = 0;
    for (const auto& row : mine)
    {
        if (row.at("direction") == "tx")
        {
            EXPECT_EQ(row.at("retransmission"), "0");
            bytes += std::stoul(row.at("length"));
            if (row.at("length") != "0")
            {
                top = std::max<uint64_t>(
                    top, std::stoul(row.at("relative_seq")) + std::stoul(row.at("length")));
            }
        }
        else
        {
            EXPECT_EQ(row.at("retransmission"), "");
            if (row.at("flags").find("SYN") == std::string::npos)
            {
                largestWindow = std::max<uint64_t>(largestWindow, std::stoul(row.at("window")));
            }
        }
    }
    EXPECT_EQ(bytes, 20000U);
    EXPECT_EQ(top, 20001U); // the data ends where the FIN goes, at 20001
    // The server's 1 MB buffer shows through window scaling (RFC 7323).
    EXPECT_GT(largestWindow, 65535U);
}

TEST_P(MetricsStreams, RetransmittedSegmentsAreTheRetransmissionsOneForOne)
{
    Run({"--workload=bulk",
         "--bulk.bytes=2MB",
         "--drop.to-server=data#20,data#21-23,data#300",
         "--link.loss-reverse=0.01"});
    CsvFile retx = Csv("retransmissions.csv");
    std::multimap<std::pair<std::string, std::string>, std::string> expected; // (time, conn) -> seq
    for (const auto& r : retx.rows)
    {
        expected.emplace(std::make_pair(r.at("time"), r.at("connection")), r.at("relative_seq"));
    }
    ASSERT_GE(expected.size(), 5U);
    size_t marked = 0;
    for (const auto& r : Csv("segments.csv").rows)
    {
        if (r.at("retransmission") != "1")
        {
            continue;
        }
        ++marked;
        auto range = expected.equal_range({r.at("time"), r.at("connection")});
        bool found = false;
        for (auto it = range.first; it != range.second && !found; ++it)
        {
            found = it->second == r.at("relative_seq");
        }
        EXPECT_TRUE(found) << "segment marked as resent at " << r.at("time") << " seq "
                           << r.at("relative_seq") << " has no retransmission record";
    }
    EXPECT_EQ(marked, expected.size());
}

TEST_P(MetricsStreams, SeriesFollowSlowStartLossAndBackoff)
{
    // One lost segment repaired by fast retransmit; later the link goes down
    // for 5 s and the RTO backs off.
    Run({"--workload=bulk",
         "--bulk.bytes=3MB",
         "--drop.to-server=data#40",
         "--link.down-at=2.5s",
         "--link.down-for=5s"});
    std::string client = ClientId();
    auto series = Csv("series.csv").Where("connection", client);
    ASSERT_GT(series.size(), 20U);
    uint32_t firstCwnd = 0;
    uint32_t maxCwnd = 0;
    bool thresholdSet = false;
    double maxRto = 0;
    double lastTime = 0;
    for (const auto& row : series)
    {
        double t = std::stod(row.at("time"));
        EXPECT_GE(t, lastTime); // in time order
        lastTime = t;
        if (!row.at("cwnd").empty())
        {
            uint32_t cwnd = std::stoul(row.at("cwnd"));
            firstCwnd = firstCwnd ? firstCwnd : cwnd;
            maxCwnd = std::max(maxCwnd, cwnd);
        }
        thresholdSet = thresholdSet || !row.at("ssthresh").empty();
        if (!row.at("srtt").empty())
        {
            // 10 ms each way, plus queueing at 10 Mbps.
            EXPECT_GE(std::stod(row.at("srtt")), 0.020) << row.at("time");
        }
        if (!row.at("rto").empty())
        {
            EXPECT_GE(std::stod(row.at("rto")), 1.0) << "below the minimum RTO";
            maxRto = std::max(maxRto, std::stod(row.at("rto")));
        }
    }
    EXPECT_GT(maxCwnd, 4 * firstCwnd) << "slow start";
    EXPECT_TRUE(thresholdSet) << "the loss set ssthresh";
    EXPECT_GE(maxRto, 4.0) << "the outage made the RTO back off twice or more";
}

INSTANTIATE_TEST_SUITE_P(BothStacks,
                         MetricsStreams,
                         ::testing::Values("custom", "ns3"),
                         [](const auto& info) { return info.param; });

} // namespace
