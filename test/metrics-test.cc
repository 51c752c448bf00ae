/*
 * Per-connection metrics (LifecycleTcpMetrics): the record of each
 * connection, the transition and retransmission streams, summary.json, and
 * the promises of the collector -- it changes nothing in the simulation,
 * its files are complete or absent, and its memory follows the open
 * connections only.
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-metrics.h"
#include "lifecycle-test-network.h"

#include "ns3/lifecycle-tcp-metrics.h"

#include <filesystem>
#include <fstream>

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class Metrics : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        m_folder = std::make_unique<ScratchFolder>(
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    }

    void TearDown() override
    {
        SimulationTest::TearDown();
        m_folder.reset();
    }

    /// \return a collector on both nodes of \p net writing into the scratch folder
    Ptr<LifecycleTcpMetrics> Collect(TwoNodeNetwork& net)
    {
        Ptr<LifecycleTcpMetrics> m = CreateObject<LifecycleTcpMetrics>();
        std::string error;
        EXPECT_TRUE(m->SetOutputDirectory(m_folder->Path(), &error)) << error;
        m->Install(net.GetNode('A'));
        m->Install(net.GetNode('B'));
        return m;
    }

    /// \return the file \p name of the scratch folder, read as CSV
    CsvFile Csv(const std::string& name) const
    {
        return CsvFile::Read(m_folder->File(name));
    }

    /// \return summary.json, parsed (a test failure when it is not JSON)
    Json Summary() const
    {
        std::string error;
        Json j = Json::Parse(ReadText(m_folder->File("summary.json")), &error);
        EXPECT_EQ(error, "");
        return j;
    }

    std::unique_ptr<ScratchFolder> m_folder;
};

/// \return \p t as the files write it
std::string
Secs(Time t)
{
    char buf[40];
    std::snprintf(buf,
                  sizeof(buf),
                  "%lld.%09lld",
                  static_cast<long long>(t.GetNanoSeconds() / 1000000000),
                  static_cast<long long>(t.GetNanoSeconds() % 1000000000));
    return buf;
}

/// The one row of \p file whose \p column is \p value (a test failure otherwise).
CsvRow
Only(const CsvFile& file, const std::string& column, const std::string& value)
{
    auto rows = file.Where(column, value);
    EXPECT_EQ(rows.size(), 1U) << column << "=" << value;
    return rows.empty() ? CsvRow{} : rows.front();
}

/// A connection A -> B that carries 1000 bytes each way and closes, A first:
/// A ends through TIME_WAIT, B through LAST_ACK.
struct Exchange
{
    TwoNodeNetwork::Connection c;
    uint64_t aRead{0};
    uint64_t bRead{0};
};

void
RunExchange(TwoNodeNetwork& net, Exchange& x, Time until)
{
    net.SetIss('A', {1000});
    net.SetIss('B', {5000});
    x.c = net.Establish(); // A connects at 1 s
    auto reader = [](uint64_t& total)
    {
        return Callback<void, Ptr<Socket>>(
            [&total](Ptr<Socket> s)
            {
                while (Ptr<Packet> p = s->Recv())
                {
                    total += p->GetSize();
                }
            });
    };
    x.c.a->SetRecvCallback(reader(x.aRead));
    x.c.b->SetRecvCallback(reader(x.bRead));
    x.c.b->SetCloseCallbacks(Callback<void, Ptr<Socket>>([](Ptr<Socket> s) { s->Close(); }),
                             MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(0.5),
                        [&x]()
                        {
                            x.c.a->Send(Create<Packet>(1000));
                            x.c.b->Send(Create<Packet>(700));
                        });
    Simulator::Schedule(Seconds(1), &Socket::Close, x.c.a);
    net.RunUntil(until);
}

TEST_F(Metrics, FourWayClose_EachSideHasItsRolesStatesAndTimes)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    Exchange x;
    RunExchange(net, x, Seconds(300));
    std::string error;
    ASSERT_TRUE(m->Write(&error)) << error;

    CsvFile connections = Csv("connections.csv");
    ASSERT_FALSE(connections.header.empty());
    EXPECT_EQ(connections.duplicateColumns, std::vector<std::string>{}); // each column named once
    ASSERT_EQ(connections.rows.size(), 3U); // A's connection, B's, B's listener
    for (const auto& row : connections.rows)
    {
        EXPECT_EQ(row.count("<error>"), 0U) << row.at("<error>");
    }
    CsvRow a = Only(connections, "opener", "active");
    CsvRow b = Only(connections, "opener", "passive");
    CsvRow l = Only(connections, "opener", "listener");

    EXPECT_EQ(a["node"], "0");
    EXPECT_EQ(a["stack"], "custom");
    EXPECT_EQ(a["local_port"], "1000");
    EXPECT_EQ(a["remote_port"], "80");
    EXPECT_EQ(a["remote_address"], b["local_address"]);
    EXPECT_EQ(a["closer"], "active");
    EXPECT_EQ(b["closer"], "passive");
    EXPECT_EQ(a["iss"], "1000");
    EXPECT_EQ(a["irs"], "5000");
    EXPECT_EQ(b["iss"], "5000");
    EXPECT_EQ(b["irs"], "1000");
    EXPECT_EQ(a["end"], "closed");
    EXPECT_EQ(b["end"], "closed");
    EXPECT_EQ(l["end"], "open");

    // The record agrees with the socket's own Transition trace.
    auto changes = net.Changes(x.c.a);
    ASSERT_GE(changes.size(), 5U); // SYN_SENT ESTABLISHED FIN_WAIT_1 (FIN_WAIT_2) TIME_WAIT CLOSED
    auto at = [&](LifecycleTcpState s)
    {
        for (const auto& ch : changes)
        {
            if (ch.to == s)
            {
                return ch.at;
            }
        }
        return Time::Max();
    };
    EXPECT_EQ(a["syn_sent_first"], Secs(at(TcpSocket::SYN_SENT)));
    EXPECT_EQ(a["syn_sent_entries"], "1");
    EXPECT_EQ(a["syn_sent_time"], Secs(at(TcpSocket::ESTABLISHED) - at(TcpSocket::SYN_SENT)));
    EXPECT_EQ(a["handshake_time"], a["syn_sent_time"]);
    EXPECT_EQ(a["established_time"], Secs(at(TcpSocket::FIN_WAIT_1) - at(TcpSocket::ESTABLISHED)));
    EXPECT_EQ(a["time_wait_duration"], "240.000000000"); // 2 * MSL
    EXPECT_EQ(a["time_wait_time"], a["time_wait_duration"]);
    EXPECT_EQ(a["time_wait_entries"], "1");

    EXPECT_EQ(a["closed_entries"], "2"); // born in CLOSED, ends in it
    EXPECT_EQ(a["listen_entries"], "0");
    EXPECT_EQ(a["listen_first"], "");
    EXPECT_EQ(a["close_wait_entries"], "0");
    EXPECT_EQ(a["close_time"], Secs(at(TcpSocket::CLOSED) - at(TcpSocket::FIN_WAIT_1)));
    EXPECT_EQ(a["lifetime"], Secs(at(TcpSocket::CLOSED) - at(TcpSocket::SYN_SENT)));
    EXPECT_EQ(b["close_wait_entries"], "1");
    EXPECT_EQ(b["last_ack_entries"], "1");
    EXPECT_EQ(b["time_wait_entries"], "0");
    EXPECT_EQ(b["time_wait_duration"], ""); // never in TIME_WAIT: missing, not zero

    // Bytes: what each application sent and what the other one read.
    EXPECT_EQ(a["bytes_app_sent"], "1000");
    EXPECT_EQ(a["bytes_acked"], "1000");
    EXPECT_EQ(a["bytes_app_received"], std::to_string(x.aRead));
    EXPECT_EQ(a["bytes_peer_app_received"], std::to_string(x.bRead));
    EXPECT_EQ(b["bytes_peer_app_received"], std::to_string(x.aRead));
    EXPECT_EQ(x.bRead, 1000U);
    EXPECT_EQ(x.aRead, 700U);
    EXPECT_EQ(a["retx_total"], "0");
    EXPECT_EQ(a["resets_sent"], "0");
    EXPECT_NE(a["srtt"], "");
    EXPECT_NE(a["rtt_samples"], "0");
    EXPECT_EQ(l["remote_port"], "0");
    EXPECT_EQ(l["listen_entries"], "1");
}

TEST_F(Metrics, TransitionsCsv_HasEveryTransitionWithTimeAndCause)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    Exchange x;
    RunExchange(net, x, Seconds(300));
    ASSERT_TRUE(m->Write());

    CsvFile t = Csv("transitions.csv");
    EXPECT_EQ(t.header, (Strings{"time", "connection", "node", "stack", "from", "to", "cause"}));
    CsvRow a = Only(Csv("connections.csv"), "opener", "active");
    std::vector<CsvRow> rows = t.Where("connection", a["id"]);
    auto changes = net.Changes(x.c.a);
    ASSERT_EQ(rows.size(), changes.size());
    for (size_t i = 0; i < rows.size(); ++i)
    {
        EXPECT_EQ(rows[i]["time"], Secs(changes[i].at)) << i;
        EXPECT_EQ(rows[i]["from"], LifecycleTcpStates::Name(changes[i].from)) << i;
        EXPECT_EQ(rows[i]["to"], LifecycleTcpStates::Name(changes[i].to)) << i;
        EXPECT_EQ(rows[i]["cause"], changes[i].cause.ToString()) << i;
        EXPECT_EQ(rows[i]["node"], "0");
    }
    EXPECT_EQ(rows.front()["cause"], "app Connect");
    EXPECT_EQ(rows.back()["cause"], "timer 2MSL");
    // Lines are in time order across connections.
    for (size_t i = 1; i < t.rows.size(); ++i)
    {
        EXPECT_LE(std::stod(t.rows[i - 1]["time"]), std::stod(t.rows[i]["time"]));
    }
}

TEST_F(Metrics, LostSynAndData_RetransmissionsCsvHasKindSequenceRtoAndBackoff)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    net.SetIss('A', {1000});
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Syn(), 1, 2);
    net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80, 1000);
    net.RunUntil(Seconds(20));
    ASSERT_TRUE(m->Write());

    CsvFile r = Csv("retransmissions.csv");
    EXPECT_EQ(r.header,
              (Strings{"time",
                       "connection",
                       "node",
                       "stack",
                       "kind",
                       "seq",
                       "relative_seq",
                       "length",
                       "rto",
                       "backoff"}));
    ASSERT_EQ(r.rows.size(), 2U);
    // ConnTimeout 3 s, doubled: SYNs at 1, 4 and 10 s.
    EXPECT_EQ(r.rows[0]["time"], "4.000000000");
    EXPECT_EQ(r.rows[1]["time"], "10.000000000");
    for (size_t i = 0; i < 2; ++i)
    {
        EXPECT_EQ(r.rows[i]["kind"], "SYN");
        EXPECT_EQ(r.rows[i]["seq"], "1000");
        EXPECT_EQ(r.rows[i]["relative_seq"], "0");
        EXPECT_EQ(r.rows[i]["length"], "0");
        EXPECT_EQ(r.rows[i]["backoff"], std::to_string(i + 1));
    }
    EXPECT_EQ(r.rows[0]["rto"], "6.000000000"); // the timeout now running
    CsvRow row = Only(Csv("connections.csv"), "opener", "active");
    EXPECT_EQ(row["retx_syn"], "2");
    EXPECT_EQ(row["retx_total"], "2");
    EXPECT_EQ(row["rto_expirations"], "2");
    EXPECT_EQ(row["max_backoff"], "2");
    EXPECT_EQ(row["handshake_time"].substr(0, 3), "9.0"); // 1 s to just after 10 s
    EXPECT_EQ(row["end"], "open");
}

TEST_F(Metrics, SummaryJson_DistributionsRetransmissionsAndPeaksPerNode)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    // Five connections, one a second, each closed by A first: A's TIME_WAIT
    // holds all five at once (240 s each).
    net.SetIss('A', {100, 200, 300, 400, 500});
    net.SetIss('B', {9100, 9200, 9300, 9400, 9500});
    net.Listen('B', 80);
    std::vector<Ptr<LifecycleTcpSocket>> clients;
    for (int i = 0; i < 5; ++i)
    {
        Ptr<LifecycleTcpSocket> s = net.ConnectAt(Seconds(1 + i), 'A', 80);
        Simulator::Schedule(Seconds(1.5 + i), &Socket::Close, s);
        clients.push_back(s);
    }

    net.Tcp('B')->TraceConnectWithoutContext(
        "SocketCreated",
        Callback<void, Ptr<LifecycleTcpSocket>>(
            [](Ptr<LifecycleTcpSocket> s)
            {
                s->SetCloseCallbacks(Callback<void, Ptr<Socket>>([](Ptr<Socket> x) { x->Close(); }),
                                     MakeNullCallback<void, Ptr<Socket>>());
            }));
    net.RunUntil(Seconds(200));
    ASSERT_TRUE(m->Write());

    Json s = Summary();
    EXPECT_EQ(s["format"].text, "tcp-lifecycle summary 1");
    EXPECT_EQ(s["simulated_time"].text, "200.000000000");
    EXPECT_EQ(s["connections"].number, 10);
    EXPECT_EQ(s["listeners"].number, 1);
    EXPECT_EQ(s["ended"]["closed"].number, 5); // B's side, through LAST_ACK
    EXPECT_EQ(s["ended"]["open"].number, 5);   // A's side, still in TIME_WAIT
    EXPECT_EQ(s["states"]["TIME_WAIT"]["count"].number, 5);
    EXPECT_EQ(s["states"]["LAST_ACK"]["count"].number, 5);
    EXPECT_EQ(s["states"]["SYN_SENT"]["count"].number, 5);
    EXPECT_EQ(s["states"]["LISTEN"]["count"].number, 1); // the listener only
    EXPECT_EQ(s["handshake_time"]["count"].number, 10);
    EXPECT_EQ(s["states"]["SYN_SENT"]["exact"].boolean, true);
    EXPECT_LE(s["handshake_time"]["min"].number, s["handshake_time"]["median"].number);
    EXPECT_LE(s["handshake_time"]["median"].number, s["handshake_time"]["p95"].number);
    EXPECT_LE(s["handshake_time"]["p95"].number, s["handshake_time"]["max"].number);
    EXPECT_EQ(s["close_time"]["count"].number, 5); // only the closed ones have one
    EXPECT_EQ(s["retransmissions"]["total"].number, 0);
    ASSERT_EQ(s["nodes"].items.size(), 2U);
    const Json& nodeA = s["nodes"][0];
    EXPECT_EQ(nodeA["node"].number, 0);
    EXPECT_EQ(nodeA["stack"].text, "custom");
    EXPECT_EQ(nodeA["peak"]["TIME_WAIT"]["count"].number, 5);
    Time fifthInTimeWait = Time::Max();
    for (const auto& ch : net.Changes(clients[4]))
    {
        if (ch.to == TcpSocket::TIME_WAIT)
        {
            fifthInTimeWait = ch.at;
        }
    }
    EXPECT_NEAR(nodeA["peak"]["TIME_WAIT"]["at"].number, fifthInTimeWait.GetSeconds(), 1e-9);
    const Json& nodeB = s["nodes"][1];
    EXPECT_EQ(nodeB["peak"]["SYN_RCVD"]["count"].number, 1);
    EXPECT_EQ(nodeB["peak"]["TIME_WAIT"]["count"].number, 0);
    EXPECT_EQ(nodeB["drops"]["no_connection"].number, 0);
    EXPECT_FALSE(s.Has("by_stack")); // one stack only
    EXPECT_FALSE(s.Has("missing"));
}

TEST_F(Metrics, SegmentForNoConnection_IsCountedAsTheNodesDrop)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    net.InjectAt(Seconds(1), 'A', TwoNodeNetwork::Header(1000, 81, 1, TcpHeader::SYN));
    net.RunUntil(Seconds(2));
    ASSERT_TRUE(m->Write());
    Json s = Summary();
    EXPECT_EQ(s["nodes"][1]["drops"]["no_connection"].number, 1);
    EXPECT_EQ(s["connections"].number, 0);
}

TEST_F(Metrics, SynBacklogFull_CountedOnTheListenersRowAndAsTheNodesDrop)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    net.DropAt('A')->DropRange(LifecycleTcpSegmentMatch::SynAck(), 1, 100); // stay half-open
    net.Listen('B', 80)->SetAttribute("SynBacklog", UintegerValue(1));
    net.InjectAt(Seconds(1), 'A', TwoNodeNetwork::Header(1000, 80, 1, TcpHeader::SYN));
    net.InjectAt(Seconds(1.1), 'A', TwoNodeNetwork::Header(1001, 80, 1, TcpHeader::SYN));
    net.InjectAt(Seconds(1.2), 'A', TwoNodeNetwork::Header(1002, 80, 1, TcpHeader::SYN));
    net.RunUntil(Seconds(2));
    ASSERT_TRUE(m->Write());
    CsvFile connections = Csv("connections.csv");
    EXPECT_EQ(Only(connections, "opener", "listener")["drops_backlog_full"], "2");
    EXPECT_EQ(Only(connections, "opener", "passive")["drops_backlog_full"], "0");
    Json s = Summary();
    EXPECT_EQ(s["nodes"][1]["drops"]["backlog_full"].number, 2);
    EXPECT_EQ(s["nodes"][1]["peak"]["SYN_RCVD"]["count"].number, 1);
    EXPECT_EQ(s["nodes"][0]["drops"]["backlog_full"].number, 0);
}

TEST_F(Metrics, Collecting_DoesNotChangeTheSimulation)
{
    auto run = [&](bool collect)
    {
        TwoNodeNetwork::Options o;
        o.lossAToB = 0.05;
        o.lossBToA = 0.05;
        TwoNodeNetwork net(o);
        Ptr<LifecycleTcpMetrics> m = collect ? Collect(net) : nullptr;
        auto c = net.Establish();
        StreamReceiver receiver(true);
        receiver.Attach(c.b);
        StreamSender sender(c.a, 200000, 9, StreamSender::Finish::CLOSE);
        Simulator::Schedule(Seconds(0.1), [&]() { sender.Start(); });
        net.RunUntil(Seconds(100));
        if (m)
        {
            m->Write();
        }
        auto wire = net.Wire();
        uint64_t events = Simulator::GetEventCount();
        Simulator::Destroy();
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(1);
        return std::make_pair(wire, events);
    };
    auto without = run(false);
    auto with = run(true);
    ASSERT_GT(without.first.size(), 200U);
    EXPECT_EQ(with.first, without.first);                  // every segment, same time, same content
    EXPECT_EQ(with.second, without.second);                // not one event more
    EXPECT_GT(Csv("retransmissions.csv").rows.size(), 0U); // and the loss was seen
}

TEST_F(Metrics, OutputFiles_AreAbsentUntilWrittenAndLeaveNoTemporaries)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    Exchange x;
    RunExchange(net, x, Seconds(5));
    for (const char* f :
         {"connections.csv", "transitions.csv", "retransmissions.csv", "summary.json"})
    {
        EXPECT_FALSE(std::filesystem::exists(m_folder->File(f))) << f;
    }
    ASSERT_TRUE(m->Write());
    Strings names;
    for (const auto& e : std::filesystem::directory_iterator(m_folder->Path()))
    {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(
        names,
        (Strings{"connections.csv", "retransmissions.csv", "summary.json", "transitions.csv"}));
    EXPECT_TRUE(m->Write()); // a second call does nothing
    EXPECT_EQ(Csv("connections.csv").rows.size(), 3U);
}

TEST_F(Metrics, EarlierResultsInTheFolder_AreReplacedNotMixed)
{
    {
        std::ofstream old(m_folder->File("summary.json"));
        old << "{\"old\": true}";
    }
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    EXPECT_FALSE(std::filesystem::exists(m_folder->File("summary.json")));
    net.RunUntil(Seconds(1));
    ASSERT_TRUE(m->Write());
    EXPECT_FALSE(Summary().Has("old"));
}

TEST_F(Metrics, UnwritableFolder_IsRefusedWithTheReason)
{
    std::string file = m_folder->File("a-file");
    std::ofstream(file) << "x";
    Ptr<LifecycleTcpMetrics> m = CreateObject<LifecycleTcpMetrics>();
    std::string error;
    EXPECT_FALSE(m->SetOutputDirectory(file + "/results", &error));
    EXPECT_NE(error.find(file + "/results"), std::string::npos) << error;
    EXPECT_FALSE(m->SetOutputDirectory("", &error));
    EXPECT_NE(error.find("empty"), std::string::npos) << error;
    std::string error2;
    EXPECT_FALSE(m->Write(&error2));
    EXPECT_NE(error2, "");
}

TEST_F(Metrics, ClosedConnections_LeaveMemory)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(1)));
    TwoNodeNetwork::Options o;
    o.realIss = true;
    TwoNodeNetwork net(o);
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->ShutdownSend(); // forks close as soon as the peer does
    for (int i = 0; i < 50; ++i)
    {
        Ptr<LifecycleTcpSocket> s = net.ConnectAt(Seconds(1) + MilliSeconds(100 * i), 'A', 80);
        Simulator::Schedule(Seconds(1.05) + MilliSeconds(100 * i), &Socket::Close, s);
    }
    net.RunUntil(Seconds(5.5));
    EXPECT_GT(m->GetOpenRecords().size(), 10U); // TIME_WAITs of the last 2 s
    net.RunUntil(Seconds(20));
    // Only the listener is left: 100 records were written out.
    ASSERT_EQ(m->GetOpenRecords().size(), 1U);
    EXPECT_EQ(m->GetOpenRecords()[0]->opener, LifecycleTcpOpener::LISTENER);
    ASSERT_TRUE(m->Write());
    EXPECT_EQ(Csv("connections.csv").rows.size(), 101U);
}

TEST_F(Metrics, HelperEnableAll_WritesAtSimulatorDestroy)
{
    {
        TwoNodeNetwork net;
        LifecycleTcpMetricsHelper().EnableAll(m_folder->Path());
        Exchange x;
        RunExchange(net, x, Seconds(5));
        EXPECT_FALSE(std::filesystem::exists(m_folder->File("connections.csv")));
        Simulator::Destroy();
    }
    EXPECT_EQ(Csv("connections.csv").rows.size(), 3U);
    EXPECT_EQ(Summary()["connections"].number, 2);
}

TEST_F(Metrics, ConnectionRecordTrace_FiresOnceForEachRecord)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    std::vector<std::string> seen;
    m->TraceConnectWithoutContext("ConnectionRecord",
                                  Callback<void, const LifecycleTcpConnectionRecord&>(
                                      [&](const LifecycleTcpConnectionRecord& r) {
                                          seen.push_back(LifecycleTcpOpenerName(r.opener) + ":"
                                                         + LifecycleTcpEndName(r.end));
                                      }));
    Exchange x;
    RunExchange(net, x, Seconds(300));
    EXPECT_EQ(seen, (Strings{"passive:closed", "active:closed"})); // B waited for A
    m->Write();
    EXPECT_EQ(seen.size(), 3U);
    EXPECT_EQ(seen.back(), "listener:open");
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
