/*
 * The SYN-flood application (LifecycleTcpSynFloodApplication) against this
 * model's listener, whose SynBacklog holds the half-open connections at N and
 * drops the rest, and against ns-3's native TCP, which has no backlog and
 * forks for every SYN; the SYNs themselves: spoofed sources within the
 * network, the rate, and the same SYNs for the same seed and run.
 */
#include "lifecycle-test-metrics.h"
#include "lifecycle-test-network.h"

#include "ns3/lifecycle-tcp-metrics.h"
#include "ns3/lifecycle-tcp-syn-flood.h"

#include <cmath>
#include <set>
#include <tuple>

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

/// A SYN of the flood, as node A's device sent it onto the link.
struct FloodSyn
{
    Time at;             //!< when
    Ipv4Address source;  //!< spoofed source address
    uint16_t sourcePort; //!< source port
    uint32_t isn;        //!< SEG.SEQ

    /// \return the fields as a tuple, to compare
    auto Tie() const
    {
        return std::make_tuple(at, source.Get(), sourcePort, isn);
    }

    bool operator==(const FloodSyn& o) const
    {
        return Tie() == o.Tie();
    }
};

/// The flood's parameters in these tests.
struct FloodOptions
{
    double rate{200};                  //!< SYNs per second
    Time start{Seconds(1)};            //!< StartTime
    Time stop{Seconds(1000)};          //!< StopTime
    uint32_t maxSyns{0};               //!< MaxSyns
    bool poisson{false};               //!< Poisson
    std::string network{"10.250.0.0"}; //!< SpoofedNetwork
    std::string mask{"255.255.0.0"};   //!< SpoofedMask
};

class SynFlood : public SimulationTest
{
  protected:
    /// \return a network whose B forks with RFC 6528 ISNs (more forks than
    /// the test ISS list) and routes everything else to A, so that its
    /// SYN,ACKs to the spoofed sources leave on the wire and are lost at A,
    /// which owns none of those addresses and has no route for them
    static TwoNodeNetwork::Options Network(bool nativeB = false)
    {
        TwoNodeNetwork::Options o;
        o.realIss = true;
        o.nativeB = nativeB;
        return o;
    }

    /// \brief See Network().
    static void RouteBToA(TwoNodeNetwork& net)
    {
        Ptr<Ipv4> ipv4 = net.GetNode('B')->GetObject<Ipv4>();
        Ipv4StaticRoutingHelper().GetStaticRouting(ipv4)->SetDefaultRoute(net.Addr('A'), 1);
    }

    /// \return a flood from A to B's port 80, recording its SYNs on the wire
    Ptr<LifecycleTcpSynFloodApplication> Flood(TwoNodeNetwork& net, FloodOptions f = {})
    {
        Ptr<LifecycleTcpSynFloodApplication> app = CreateObject<LifecycleTcpSynFloodApplication>();
        app->SetAttribute("Remote", AddressValue(InetSocketAddress(net.Addr('B'), 80)));
        app->SetAttribute("Rate", DoubleValue(f.rate));
        app->SetAttribute("MaxSyns", UintegerValue(f.maxSyns));
        app->SetAttribute("Poisson", BooleanValue(f.poisson));
        app->SetAttribute("SpoofedNetwork", Ipv4AddressValue(f.network.c_str()));
        app->SetAttribute("SpoofedMask", Ipv4MaskValue(f.mask.c_str()));
        app->SetStartTime(f.start);
        app->SetStopTime(f.stop);
        app->AssignStreams(500);
        net.GetNode('A')->AddApplication(app);
        Ipv4Address a = net.Addr('A');
        net.Device('A')->TraceConnectWithoutContext(
            "MacTx",
            Callback<void, Ptr<const Packet>>(
                [this, a](Ptr<const Packet> p)
                {
                    LifecycleTcpPeekedSegment s;
                    if (LifecycleTcpPeekSegment(p, s) && s.flags == TcpHeader::SYN
                        && Ipv4Address(s.source) != a)
                    {
                        m_syns.push_back(
                            FloodSyn{Simulator::Now(), Ipv4Address(s.source), s.sourcePort, s.seq});
                    }
                }));
        return app;
    }

    /// \return the flood's SYNs sent in [from, to)
    size_t SynsIn(Time from, Time to) const
    {
        return std::count_if(m_syns.begin(),
                             m_syns.end(),
                             [&](const FloodSyn& s) { return s.at >= from && s.at < to; });
    }

    /// \return B's listener on port 80 with SynBacklog \p backlog
    static Ptr<LifecycleTcpSocket> Victim(TwoNodeNetwork& net, uint32_t backlog)
    {
        Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
        listener->SetAttribute("SynBacklog", UintegerValue(backlog));
        return listener;
    }

    std::vector<FloodSyn> m_syns; //!< the flood's SYNs on the wire
};

/// \return the BACKLOG_FULL count of \p s
uint32_t
BacklogFullDrops(Ptr<LifecycleTcpSocket> s)
{
    return s->GetStats().drops[static_cast<size_t>(LifecycleTcpDropReason::BACKLOG_FULL)];
}

TEST_F(SynFlood, AgainstSynBacklog_HalfOpenHeldAtBacklogAndTheRestDroppedAsBacklogFull)
{
    ScratchFolder folder("SynFloodAgainstSynBacklog");
    TwoNodeNetwork net(Network());
    RouteBToA(net);
    Ptr<LifecycleTcpMetrics> metrics = CreateObject<LifecycleTcpMetrics>();
    ASSERT_TRUE(metrics->SetOutputDirectory(folder.Path()));
    metrics->Install(net.GetNode('A'));
    metrics->Install(net.GetNode('B'));
    Ptr<LifecycleTcpSocket> listener = Victim(net, 16);
    FloodOptions f;
    f.stop = Seconds(6); // 200 SYNs/s for 5 s
    Ptr<LifecycleTcpSynFloodApplication> app = Flood(net, f);
    uint32_t mostHalfOpen = 0;
    for (Time t = Seconds(1); t < Seconds(10); t += MilliSeconds(10))
    {
        Simulator::Schedule(
            t, [&]() { mostHalfOpen = std::max(mostHalfOpen, listener->GetHalfOpenCount()); });
    }
    net.RunUntil(Seconds(10)); // the children's ConnCount SYN,ACKs last minutes

    ASSERT_EQ(app->GetSent(), 1000U);
    EXPECT_EQ(m_syns.size(), 1000U);
    EXPECT_EQ(listener->GetHalfOpenCount(), 16U);
    EXPECT_EQ(mostHalfOpen, 16U);
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 17U); // the listener and 16 forks: no fork for the rest
    for (size_t i = 1; i < onB.size(); ++i)
    {
        EXPECT_EQ(onB[i]->GetState(), TcpSocket::SYN_RCVD);
        EXPECT_EQ(onB[i]->GetFourTuple().remoteAddress, m_syns[i - 1].source);
    }
    EXPECT_EQ(net.Tcp('B')->GetCounters().backlogFull, 984U);
    EXPECT_EQ(BacklogFullDrops(listener), 984U);
    // B answered only the 16 it holds: a SYN,ACK each at once and again 3 s
    // later, lost at A (nothing comes back, nothing loops).
    EXPECT_EQ(net.SegmentsFrom('B').size(), 32U);
    std::set<uint32_t> answered;
    for (const auto& s : net.SegmentsFrom('B'))
    {
        EXPECT_EQ(s.flags, TcpHeader::SYN | TcpHeader::ACK);
        answered.insert(s.ack - 1);
    }
    std::set<uint32_t> held;
    for (size_t i = 0; i < 16; ++i)
    {
        held.insert(m_syns[i].isn);
    }
    EXPECT_EQ(answered, held);

    ASSERT_TRUE(metrics->Write());
    std::string error;
    Json s = Json::Parse(ReadText(folder.File("summary.json")), &error);
    ASSERT_EQ(error, "");
    EXPECT_EQ(s["nodes"][1]["peak"]["SYN_RCVD"]["count"].number, 16);
    EXPECT_EQ(s["nodes"][1]["drops"]["backlog_full"].number, 984);
}

TEST_F(SynFlood, LegitimateClientDuringFlood_EverySynFindsTheBacklogFullAndItTimesOut)
{
    TwoNodeNetwork net(Network());
    RouteBToA(net);
    Ptr<LifecycleTcpSocket> listener = Victim(net, 16);
    Flood(net); // the forks hold their places for minutes (ConnTimeout 3 s, ConnCount 6)
    Ptr<LifecycleTcpSocket> client = net.ConnectAt(Seconds(2), 'A', 80, 1000);
    client->SetAttribute("ConnTimeout", TimeValue(Seconds(1)));
    client->SetAttribute("ConnCount", UintegerValue(3)); // SYNs at 2, 3, 5 s; fails at 9 s
    net.RunUntil(Seconds(10));

    EXPECT_EQ(net.States(client), (Strings{"CLOSED", "SYN_SENT", "CLOSED"}));
    EXPECT_EQ(client->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
    EXPECT_EQ(net.RetransmissionTimes(client), (std::vector<Time>{Seconds(3), Seconds(5)}));
    EXPECT_EQ(listener->GetHalfOpenCount(), 16U);
    for (const auto& s : net.Sockets('B'))
    {
        EXPECT_NE(s->GetFourTuple().remotePort, 1000); // the client never got in
    }
}

TEST_F(SynFlood, LegitimateClientAfterFloodStops_ConnectsOnceTheHalfOpenTimeOut)
{
    TwoNodeNetwork net(Network());
    RouteBToA(net);
    Ptr<LifecycleTcpSocket> listener = Victim(net, 16);
    // Forks send their SYN,ACK at +0 and +1 s and give up at +3 s.
    listener->SetAttribute("ConnTimeout", TimeValue(Seconds(1)));
    listener->SetAttribute("ConnCount", UintegerValue(2));
    FloodOptions f;
    f.maxSyns = 200; // 1 to 2 s: the last fork is made at 1.085 s, gone at 4.085 s
    Flood(net, f);
    // The client's SYNs: 1.5 and 2.5 s find the backlog full, 4.5 s finds room.
    Ptr<LifecycleTcpSocket> client = net.ConnectAt(Seconds(1.5), 'A', 80, 1000);
    client->SetAttribute("ConnTimeout", TimeValue(Seconds(1)));
    Time establishedAt;
    client->SetConnectCallback(
        Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { establishedAt = Simulator::Now(); }),
        MakeNullCallback<void, Ptr<Socket>>());
    net.RunUntil(Seconds(6));

    EXPECT_EQ(m_syns.size(), 200U);
    EXPECT_EQ(net.States(client), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
    EXPECT_EQ(net.RetransmissionTimes(client), (std::vector<Time>{Seconds(2.5), Seconds(4.5)}));
    EXPECT_GT(establishedAt, Seconds(4.5));
    EXPECT_LT(establishedAt, Seconds(4.6));
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 18U); // listener, 16 forks of the flood, the client's
    for (size_t i = 1; i < 17; ++i)
    {
        EXPECT_EQ(onB[i]->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
    }
    EXPECT_EQ(onB[17]->GetState(), TcpSocket::ESTABLISHED);
    EXPECT_EQ(BacklogFullDrops(listener), 184U + 2U); // the flood's and the client's two
}

TEST_F(SynFlood, SpoofedSources_WithinTheNetworkAndDistinct)
{
    TwoNodeNetwork net(Network());
    Victim(net, 16);
    FloodOptions f;
    f.rate = 1000;
    f.maxSyns = 2000;
    Ptr<LifecycleTcpSynFloodApplication> app = Flood(net, f);
    std::vector<FloodSyn> traced;
    app->TraceConnectWithoutContext(
        "Syn",
        Callback<void, Ipv4Address, uint16_t, SequenceNumber32>(
            [&](Ipv4Address source, uint16_t port, SequenceNumber32 isn) {
                traced.push_back(FloodSyn{Simulator::Now(), source, port, isn.GetValue()});
            }));
    net.RunUntil(Seconds(5));

    ASSERT_EQ(m_syns.size(), 2000U);
    EXPECT_EQ(traced, m_syns); // the trace reports what goes on the wire
    Ipv4Mask mask("255.255.0.0");
    Ipv4Address network("10.250.0.0");
    std::set<uint32_t> addresses;
    std::set<std::pair<uint32_t, uint16_t>> endpoints;
    for (const auto& s : m_syns)
    {
        EXPECT_TRUE(mask.IsMatch(s.source, network)) << s.source;
        EXPECT_NE(s.source, network);
        EXPECT_NE(s.source, network.GetSubnetDirectedBroadcast(mask));
        EXPECT_GE(s.sourcePort, 1024);
        addresses.insert(s.source.Get());
        endpoints.insert({s.source.Get(), s.sourcePort});
    }
    // 2000 draws from 65534 addresses: about 30 repeat an address; no
    // (address, port) pair repeats.
    EXPECT_GE(addresses.size(), 1940U);
    EXPECT_EQ(endpoints.size(), 2000U);
}

TEST_F(SynFlood, ChecksumEnabled_SynsCarryTheSpoofedPseudoHeaderChecksum)
{
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    TwoNodeNetwork net(Network());
    RouteBToA(net);
    Ptr<LifecycleTcpSocket> listener = Victim(net, 16);
    FloodOptions f;
    f.maxSyns = 10;
    Flood(net, f);
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.Tcp('B')->GetCounters().badChecksum, 0U);
    EXPECT_EQ(listener->GetHalfOpenCount(), 10U);
}

TEST_F(SynFlood, ConstantRate_SynsEvenlySpacedAtTheRate)
{
    TwoNodeNetwork net(Network());
    FloodOptions f;
    f.rate = 250;
    f.stop = Seconds(3);
    Flood(net, f);
    net.RunUntil(Seconds(4));

    ASSERT_EQ(m_syns.size(), 500U); // 250/s from 1 s to 3 s
    EXPECT_EQ(m_syns.front().at, Seconds(1));
    EXPECT_EQ(SynsIn(Seconds(2), Seconds(2.5)), 125U);
    for (size_t i = 1; i < m_syns.size(); ++i)
    {
        EXPECT_EQ(m_syns[i].at - m_syns[i - 1].at, MilliSeconds(4));
    }
}

TEST_F(SynFlood, PoissonRate_CountAndGapsOfAPoissonProcess)
{
    TwoNodeNetwork net(Network());
    FloodOptions f;
    f.rate = 1000;
    f.stop = Seconds(11);
    f.poisson = true;
    Flood(net, f);
    net.RunUntil(Seconds(12));

    // 10 s at 1000/s: 10000 expected, standard deviation 100.
    EXPECT_NEAR(static_cast<double>(m_syns.size()), 10000.0, 400.0);
    EXPECT_GT(m_syns.front().at, Seconds(1)); // the first arrival one gap in
    // Exponential gaps: mean and standard deviation both 1/rate.
    double sum = 0;
    double sumSquares = 0;
    for (size_t i = 1; i < m_syns.size(); ++i)
    {
        double gap = (m_syns[i].at - m_syns[i - 1].at).GetSeconds();
        sum += gap;
        sumSquares += gap * gap;
    }
    double n = static_cast<double>(m_syns.size() - 1);
    double mean = sum / n;
    double sd = std::sqrt(sumSquares / n - mean * mean);
    EXPECT_NEAR(mean, 0.001, 0.0001);
    EXPECT_NEAR(sd, 0.001, 0.0001);
}

TEST_F(SynFlood, SameSeedAndRun_SameSyns)
{
    auto run = [this](uint32_t runNumber)
    {
        RngSeedManager::SetSeed(1);
        RngSeedManager::SetRun(runNumber);
        m_syns.clear();
        {
            TwoNodeNetwork net(Network());
            FloodOptions f;
            f.maxSyns = 50;
            f.poisson = true;
            Flood(net, f);
            net.RunUntil(Seconds(3));
        }
        Simulator::Destroy();
        return m_syns;
    };
    std::vector<FloodSyn> first = run(1);
    ASSERT_EQ(first.size(), 50U);
    EXPECT_EQ(run(1), first);
    std::vector<FloodSyn> other = run(2);
    ASSERT_EQ(other.size(), 50U);
    EXPECT_NE(other, first);
    EXPECT_NE(other.front().source, first.front().source);
}

TEST_F(SynFlood, AgainstNativeTcp_NoBacklogEverySynForks)
{
    TwoNodeNetwork net(Network(true));
    RouteBToA(net);
    Ptr<Socket> listener = Socket::CreateSocket(net.GetNode('B'), TcpSocketFactory::GetTypeId());
    ASSERT_EQ(listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80)), 0);
    ASSERT_EQ(listener->Listen(), 0);
    FloodOptions f;
    f.maxSyns = 1000; // 1 to 6 s, far beyond this model's default SynBacklog of 128
    Flood(net, f);
    net.RunUntil(Seconds(8));

    ASSERT_EQ(m_syns.size(), 1000U);
    ObjectVectorValue sockets;
    net.GetNode('B')->GetObject<TcpL4Protocol>()->GetAttribute("SocketList", sockets);
    EXPECT_EQ(sockets.GetN(), 1001U); // the listener and a half-open fork for every SYN
    size_t synAcks = 0;
    for (const auto& s : net.SegmentsFrom('B'))
    {
        synAcks += s.flags == (TcpHeader::SYN | TcpHeader::ACK);
    }
    EXPECT_GE(synAcks, 1000U); // each answered, lost at A
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
