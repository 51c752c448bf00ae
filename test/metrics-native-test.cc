/*
 * Metrics of ns-3's native TCP (LifecycleTcpNativeObserver): the same
 * collector observes TcpSocketBase sockets through their trace sources, so
 * one scenario can be compared on both stacks. What the native stack cannot
 * show is missing (empty), never zero.
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-metrics.h"
#include "lifecycle-test-network.h"

#include "ns3/lifecycle-tcp-metrics.h"
#include "ns3/lifecycle-tcp-native-observer.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class NativeMetrics : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
        m_folder = std::make_unique<ScratchFolder>(
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    }

    void TearDown() override
    {
        SimulationTest::TearDown();
        m_folder.reset();
    }

    Ptr<LifecycleTcpMetrics> Collect(TwoNodeNetwork& net)
    {
        Ptr<LifecycleTcpMetrics> m = CreateObject<LifecycleTcpMetrics>();
        std::string error;
        EXPECT_TRUE(m->SetOutputDirectory(m_folder->Path(), &error)) << error;
        m->Install(net.GetNode('A'));
        m->Install(net.GetNode('B'));
        return m;
    }

    CsvFile Csv(const std::string& name) const
    {
        return CsvFile::Read(m_folder->File(name));
    }

    Json Summary() const
    {
        std::string error;
        Json j = Json::Parse(ReadText(m_folder->File("summary.json")), &error);
        EXPECT_EQ(error, "");
        return j;
    }

    std::unique_ptr<ScratchFolder> m_folder;
};

/// B (native) listens on 80 and reads everything; A (this model) connects,
/// sends \p bytes and closes; B closes when it hears A's FIN.
struct ModelToNative
{
    Ptr<Socket> listener;
    Ptr<LifecycleTcpSocket> client;
    std::unique_ptr<StreamReceiver> receiver;
    std::unique_ptr<StreamSender> sender;
};

void
StartModelToNative(TwoNodeNetwork& net, ModelToNative& x, uint64_t bytes)
{
    x.listener = Socket::CreateSocket(net.GetNode('B'), TcpSocketFactory::GetTypeId());
    x.listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
    x.listener->Listen();
    x.receiver = std::make_unique<StreamReceiver>(true);
    StreamReceiver* receiver = x.receiver.get();
    x.listener->SetAcceptCallback(
        MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
        Callback<void, Ptr<Socket>, const Address&>([receiver](Ptr<Socket> s, const Address&)
                                                    { receiver->Attach(s); }));
    x.client = net.NewSocket('A');
    x.sender = std::make_unique<StreamSender>(x.client, bytes, 4, StreamSender::Finish::CLOSE);
    StreamSender* sender = x.sender.get();
    x.client->SetConnectCallback(
        Callback<void, Ptr<Socket>>([sender](Ptr<Socket>) { sender->Start(); }),
        MakeNullCallback<void, Ptr<Socket>>());
    Ipv4Address server = net.Addr('B');
    Ptr<LifecycleTcpSocket> client = x.client;
    Simulator::Schedule(Seconds(1),
                        [client, server]() { client->Connect(InetSocketAddress(server, 80)); });
}

TEST_F(NativeMetrics, NativeServer_HasARecordWithItsStatesAndMissingColumnsEmpty)
{
    TwoNodeNetwork::Options o;
    o.nativeB = true;
    TwoNodeNetwork net(o);
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    ModelToNative x;
    StartModelToNative(net, x, 50000);
    net.RunUntil(Seconds(300));
    ASSERT_TRUE(x.receiver->Matches(50000, 4));
    std::string error;
    ASSERT_TRUE(m->Write(&error)) << error;

    CsvFile c = Csv("connections.csv");
    std::vector<CsvRow> native = c.Where("stack", "ns3");
    std::vector<CsvRow> model = c.Where("stack", "custom");
    ASSERT_EQ(model.size(), 1U);
    CsvRow client = model[0];
    CsvRow server;
    for (const auto& r : native)
    {
        if (r.at("opener") == "passive")
        {
            server = r;
        }
    }
    ASSERT_FALSE(server.empty()) << "no record of the native server connection";
    EXPECT_EQ(server["node"], "1");
    EXPECT_EQ(server["local_port"], "80");
    EXPECT_EQ(server["remote_port"], client["local_port"]);
    EXPECT_EQ(server["iss"], client["irs"]); // both ends agree on the sequence numbers
    EXPECT_EQ(server["irs"], client["iss"]);
    EXPECT_EQ(server["syn_rcvd_entries"], "1");
    EXPECT_EQ(server["established_entries"], "1");
    EXPECT_EQ(server["closed_entries"], "1");
    EXPECT_EQ(server["closer"], "passive");
    EXPECT_EQ(server["end"], "closed");
    EXPECT_NE(server["handshake_time"], "");
    EXPECT_NE(server["close_time"], "");
    EXPECT_NE(server["segments_sent"], "");
    EXPECT_NE(server["segments_received"], "");
    EXPECT_EQ(server["retx_total"], "0");
    EXPECT_EQ(server["resets_sent"], "0");
    // Not observable on the native stack: missing, never zero.
    for (const char* column : {"bytes_app_sent",
                               "bytes_app_received",
                               "rtt_samples",
                               "rtt_mean",
                               "drops_bad_checksum",
                               "drops_out_of_window"})
    {
        EXPECT_EQ(server[column], "") << column;
    }
    // What the native application read is not observable, so the model's
    // row cannot say how much of its data the peer's application read.
    EXPECT_EQ(client["bytes_peer_app_received"], "");
    EXPECT_EQ(client["bytes_app_sent"], "50000");

    // The native server's transitions, with causes in the model's wording.
    CsvFile t = Csv("transitions.csv");
    Strings path;
    for (const auto& r : t.Where("connection", server["id"]))
    {
        path.push_back(r.at("from") + ">" + r.at("to") + " (" + r.at("cause") + ")");
        EXPECT_EQ(r.at("stack"), "ns3");
    }
    ASSERT_GE(path.size(), 4U);
    EXPECT_EQ(path.front(), "LISTEN>SYN_RCVD (rcv SYN)");
    EXPECT_EQ(path[1], "SYN_RCVD>ESTABLISHED (rcv ACK)");
    EXPECT_EQ(path.back(), "LAST_ACK>CLOSED (rcv ACK)");

    Json s = Summary();
    EXPECT_EQ(s["stacks"].items.size(), 2U);
    EXPECT_TRUE(s.Has("by_stack"));
    EXPECT_EQ(s["by_stack"]["ns3"]["connections"].number, 1);
    EXPECT_EQ(s["by_stack"]["custom"]["connections"].number, 1);
    EXPECT_TRUE(s.Has("missing"));
    bool listsAppBytes = false;
    for (const auto& column : s["missing"]["ns3"].items)
    {
        listsAppBytes = listsAppBytes || column.text == "bytes_app_sent";
    }
    EXPECT_TRUE(listsAppBytes);
    EXPECT_EQ(s["nodes"][1]["stack"].text, "ns3");
    EXPECT_EQ(s["nodes"][1]["drops"].kind, Json::NUL); // not observable
}

TEST_F(NativeMetrics, NativeClient_IsFoundAtItsSynAndEndsInTimeWait)
{
    TwoNodeNetwork::Options o;
    o.nativeB = true;
    TwoNodeNetwork net(o);
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    Ptr<LifecycleTcpSocket> listener = net.Listen('A', 80);
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [](Ptr<Socket> s, const Address&)
                                    {
                                        auto drain = [](Ptr<Socket> x)
                                        {
                                            while (x->Recv())
                                            {
                                            }
                                        };
                                        s->SetRecvCallback(Callback<void, Ptr<Socket>>(drain));
                                        s->SetCloseCallbacks(
                                            Callback<void, Ptr<Socket>>(
                                                [drain](Ptr<Socket> x)
                                                {
                                                    drain(x); // read all, or the close resets
                                                    x->Close();
                                                }),
                                            MakeNullCallback<void, Ptr<Socket>>());
                                    }));
    Ptr<Socket> client = Socket::CreateSocket(net.GetNode('B'), TcpSocketFactory::GetTypeId());
    client->SetConnectCallback(Callback<void, Ptr<Socket>>(
                                   [](Ptr<Socket> s)
                                   {
                                       s->Send(Create<Packet>(3000));
                                       s->Close();
                                   }),
                               MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(1),
                        [&]() { client->Connect(InetSocketAddress(net.Addr('A'), 80)); });
    net.RunUntil(Seconds(10));
    ASSERT_TRUE(m->Write());

    CsvRow row;
    for (const auto& r : Csv("connections.csv").Where("stack", "ns3"))
    {
        row = r;
    }
    ASSERT_FALSE(row.empty());
    EXPECT_EQ(row["opener"], "active");
    EXPECT_EQ(row["closer"], "active");
    EXPECT_EQ(row["syn_sent_first"], "1.000000000");
    EXPECT_EQ(row["time_wait_entries"], "1");
    EXPECT_EQ(row["end"], "open"); // still in TIME_WAIT at 10 s
    EXPECT_EQ(row["bytes_acked"], "3000");
    std::vector<CsvRow> transitions = Csv("transitions.csv").Where("connection", row["id"]);
    ASSERT_FALSE(transitions.empty());
    EXPECT_EQ(transitions.front()["from"], "CLOSED");
    EXPECT_EQ(transitions.front()["to"], "SYN_SENT");
    EXPECT_EQ(transitions.front()["cause"], "app Connect");
}

TEST_F(NativeMetrics, LossyTransferToNativeServer_RetransmissionsOfBothSidesAreRecorded)
{
    TwoNodeNetwork::Options o;
    o.nativeB = true;
    o.lossAToB = 0.05;
    o.lossBToA = 0.05;
    TwoNodeNetwork net(o);
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    ModelToNative x;
    StartModelToNative(net, x, 300000);
    net.RunUntil(Seconds(300));
    ASSERT_TRUE(x.receiver->Matches(300000, 4));
    ASSERT_GT(net.LinkDrops(), 5U);
    ASSERT_TRUE(m->Write());
    CsvFile r = Csv("retransmissions.csv");
    ASSERT_GT(r.Where("stack", "custom").size(), 0U);
    for (const auto& row : r.rows)
    {
        EXPECT_NE(row.at("kind"), "");
        EXPECT_NE(row.at("relative_seq"), "") << "the ISS is known on both stacks";
    }
    // The row of each connection counts exactly its lines in the stream.
    for (const auto& c : Csv("connections.csv").rows)
    {
        if (c.at("opener") == "listener")
        {
            continue;
        }
        EXPECT_EQ(std::to_string(r.Where("connection", c.at("id")).size()), c.at("retx_total"))
            << c.at("stack");
    }
}

TEST_F(NativeMetrics, LossyTransferFromNativeClient_ItsRetransmissionsAreClassified)
{
    TwoNodeNetwork::Options o;
    o.nativeB = true;
    o.lossAToB = 0.02;
    o.lossBToA = 0.05;
    TwoNodeNetwork net(o);
    Ptr<LifecycleTcpMetrics> m = Collect(net);
    net.Listen('A', 80);
    StreamReceiver receiver(true);
    Ptr<LifecycleTcpSocket> listener = net.Sockets('A').front();
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> s, const Address&) { receiver.Attach(s); }));
    Ptr<Socket> client = Socket::CreateSocket(net.GetNode('B'), TcpSocketFactory::GetTypeId());
    StreamSender sender(client, 400000, 6, StreamSender::Finish::CLOSE);
    client->SetConnectCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { sender.Start(); }),
                               MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(1),
                        [&]() { client->Connect(InetSocketAddress(net.Addr('A'), 80)); });
    net.RunUntil(Seconds(200));
    ASSERT_TRUE(receiver.Matches(400000, 6));
    ASSERT_TRUE(m->Write());

    CsvFile r = Csv("retransmissions.csv");
    std::vector<CsvRow> native = r.Where("stack", "ns3");
    ASSERT_GT(native.size(), 3U);
    for (const auto& row : native)
    {
        const std::string& kind = row.at("kind");
        EXPECT_TRUE(kind == "DATA_FAST" || kind == "DATA_RTO" || kind == "FIN" || kind == "SYN")
            << kind;
        EXPECT_NE(row.at("relative_seq"), "");
    }
    CsvRow row;
    for (const auto& c : Csv("connections.csv").Where("stack", "ns3"))
    {
        row = c;
    }
    ASSERT_FALSE(row.empty());
    EXPECT_EQ(row["retx_total"], std::to_string(native.size()));
    EXPECT_NE(row["bytes_retransmitted"], "0");
    EXPECT_EQ(row["bytes_acked"], "400000");
    EXPECT_NE(row["srtt"], ""); // the native RTT trace carries the smoothed RTT
}

TEST_F(NativeMetrics, ObservingNativeTcp_DoesNotChangeTheSimulation)
{
    auto run = [&](bool collect)
    {
        TwoNodeNetwork::Options o;
        o.nativeB = true;
        o.lossAToB = 0.03;
        o.lossBToA = 0.03;
        TwoNodeNetwork net(o);
        Ptr<LifecycleTcpMetrics> m = collect ? Collect(net) : nullptr;
        ModelToNative x;
        StartModelToNative(net, x, 100000);
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
    ASSERT_GT(without.first.size(), 100U);
    EXPECT_EQ(with.first, without.first);
    EXPECT_EQ(with.second, without.second);
}

TEST(NativeObserverColumns, MissingColumns_AreColumnsOfConnectionsCsv)
{
    // Every column said to be missing on the native stack exists.
    ScratchFolder folder("native-columns");
    Ptr<LifecycleTcpMetrics> m = CreateObject<LifecycleTcpMetrics>();
    ASSERT_TRUE(m->SetOutputDirectory(folder.Path()));
    ASSERT_TRUE(m->Write());
    CsvFile c = CsvFile::Read(folder.File("connections.csv"));
    ASSERT_FALSE(LifecycleTcpNativeObserver::MissingColumns().empty());
    for (const auto& column : LifecycleTcpNativeObserver::MissingColumns())
    {
        EXPECT_NE(std::find(c.header.begin(), c.header.end(), column), c.header.end()) << column;
    }
    Simulator::Destroy();
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
