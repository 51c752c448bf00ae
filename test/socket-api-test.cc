/*
 * The ns-3 Socket API on this model: ns-3's own applications run unchanged,
 * nodes with ns-3's native TCP share the simulation, calls fail with the
 * errors ns-3 users expect, and Close/ShutdownSend follow RFC 9293 3.10.4
 * and 3.6.1.
 */
#include "lifecycle-test-network.h"

#include "ns3/applications-module.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class SocketApi : public SimulationTest
{
};

/// \return a receive callback that adds what it reads to \p total
Callback<void, Ptr<Socket>>
CountInto(uint64_t& total)
{
    return Callback<void, Ptr<Socket>>(
        [&total](Ptr<Socket> s)
        {
            while (Ptr<Packet> p = s->Recv())
            {
                total += p->GetSize();
            }
        });
}

TEST_F(SocketApi, BulkSendToPacketSink_EveryByteArrivesAndTheConnectionCloses)
{
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    TwoNodeNetwork net;
    PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sinkApp = sinkHelper.Install(net.GetNode('B'));
    BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.Addr('B'), 9));
    bulk.SetAttribute("MaxBytes", UintegerValue(300000));
    ApplicationContainer bulkApp = bulk.Install(net.GetNode('A'));
    sinkApp.Start(Seconds(0));
    bulkApp.Start(Seconds(1));
    net.RunUntil(Seconds(20));

    Ptr<PacketSink> sink = DynamicCast<PacketSink>(sinkApp.Get(0));
    EXPECT_EQ(sink->GetTotalRx(), 300000U);
    // BulkSend closes when done. PacketSink called ShutdownSend() on its
    // listener, so its connection closes as soon as the FIN arrives: BulkSend's
    // side ends in TIME_WAIT, the sink's in CLOSED (LAST_ACK, rcv ACK).
    auto onA = net.Sockets('A');
    ASSERT_EQ(onA.size(), 1U);
    EXPECT_EQ(onA[0]->GetState(), TcpSocket::TIME_WAIT);
    auto sinkSide = net.Sockets('B').back();
    EXPECT_EQ(sinkSide->GetState(), TcpSocket::CLOSED);
    Strings states = net.States(sinkSide);
    EXPECT_EQ(Strings(states.end() - 3, states.end()),
              (Strings{"CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
}

TEST_F(SocketApi, OnOffToPacketSink_DeliversWhatWasSent)
{
    TwoNodeNetwork net;
    PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sinkApp = sinkHelper.Install(net.GetNode('B'));
    OnOffHelper onoff("ns3::TcpSocketFactory", InetSocketAddress(net.Addr('B'), 9));
    onoff.SetConstantRate(DataRate("1Mbps"), 500);
    onoff.SetAttribute("MaxBytes", UintegerValue(50000));
    ApplicationContainer onoffApp = onoff.Install(net.GetNode('A'));
    sinkApp.Start(Seconds(0));
    onoffApp.Start(Seconds(1));
    net.RunUntil(Seconds(10));
    EXPECT_EQ(DynamicCast<PacketSink>(sinkApp.Get(0))->GetTotalRx(), 50000U);
}

TEST_F(SocketApi, NativeTcpOnAnotherNode_ShareTheSimulationAndInteroperate)
{
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    TwoNodeNetwork::Options o;
    o.nativeB = true;
    TwoNodeNetwork net(o);
    ASSERT_FALSE(net.Tcp('B')); // B runs ns3::TcpL4Protocol
    ASSERT_TRUE(net.GetNode('B')->GetObject<TcpL4Protocol>());
    PacketSinkHelper sinkHelper("ns3::TcpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), 9));
    ApplicationContainer sinkApp = sinkHelper.Install(net.GetNode('B'));
    BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(net.Addr('B'), 9));
    bulk.SetAttribute("MaxBytes", UintegerValue(100000));
    ApplicationContainer bulkApp = bulk.Install(net.GetNode('A'));
    bulkApp.Start(Seconds(1));
    net.RunUntil(Seconds(10));
    EXPECT_EQ(DynamicCast<PacketSink>(sinkApp.Get(0))->GetTotalRx(), 100000U);
    EXPECT_EQ(net.Sockets('A').at(0)->GetState(), TcpSocket::TIME_WAIT); // native closed too
}

TEST_F(SocketApi, Bind_ReportsTheErrorsNs3UsersExpect)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> s1 = net.NewSocket('A');
    Ptr<LifecycleTcpSocket> s2 = net.NewSocket('A');
    EXPECT_EQ(s1->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80)), 0);
    EXPECT_EQ(s2->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80)), -1);
    EXPECT_EQ(s2->GetErrno(), Socket::ERROR_ADDRINUSE);
    // A specific address may share the wildcard's port (as ns-3's native
    // TCP allows); the same address twice may not.
    Ptr<LifecycleTcpSocket> s3 = net.NewSocket('A');
    Ptr<LifecycleTcpSocket> s4 = net.NewSocket('A');
    EXPECT_EQ(s3->Bind(InetSocketAddress(net.Addr('A'), 80)), 0);
    EXPECT_EQ(s4->Bind(InetSocketAddress(net.Addr('A'), 80)), -1);
    EXPECT_EQ(s4->GetErrno(), Socket::ERROR_ADDRINUSE);
    EXPECT_EQ(s2->Bind(InetSocketAddress(Ipv4Address("192.0.2.7"), 81)), -1);
    EXPECT_EQ(s2->GetErrno(), Socket::ERROR_ADDRNOTAVAIL);
    EXPECT_EQ(s2->Bind6(), -1);
    EXPECT_EQ(s2->GetErrno(), Socket::ERROR_AFNOSUPPORT);
    EXPECT_EQ(s1->Bind(), -1); // already bound
    EXPECT_EQ(s1->GetErrno(), Socket::ERROR_INVAL);
    EXPECT_EQ(s2->Bind(), 0); // an ephemeral port
    Address name;
    s2->GetSockName(name);
    EXPECT_GE(InetSocketAddress::ConvertFrom(name).GetPort(), 49152);
    EXPECT_EQ(s2->GetSocketType(), Socket::NS3_SOCK_STREAM);
    EXPECT_FALSE(s2->SetAllowBroadcast(true));
    EXPECT_TRUE(s2->SetAllowBroadcast(false));
}

TEST_F(SocketApi, EphemeralPorts_EachLocalAddressHasTheWholeRange)
{
    TwoNodeNetwork net;
    Ptr<Node> a = net.GetNode('A');
    Ptr<LifecycleTcpL4Protocol> tcp = a->GetObject<LifecycleTcpL4Protocol>();
    tcp->SetAttribute("EphemeralPortLow", UintegerValue(50000));
    tcp->SetAttribute("EphemeralPortHigh", UintegerValue(50003));
    Ptr<Ipv4> ip = a->GetObject<Ipv4>();
    Ipv4Address second("10.1.1.99");
    ip->AddAddress(1, Ipv4InterfaceAddress(second, Ipv4Mask("255.255.255.0")));

    std::vector<Ptr<LifecycleTcpSocket>> keep;
    auto bindTo = [&](Ipv4Address address)
    {
        keep.push_back(net.NewSocket('A'));
        return keep.back()->Bind(InetSocketAddress(address, 0));
    };
    for (int i = 0; i < 4; ++i)
    {
        EXPECT_EQ(bindTo(net.Addr('A')), 0) << i;
    }
    EXPECT_EQ(bindTo(net.Addr('A')), -1); // the four ports of the range are taken
    EXPECT_EQ(keep.back()->GetErrno(), Socket::ERROR_ADDRNOTAVAIL);
    for (int i = 0; i < 4; ++i)
    {
        EXPECT_EQ(bindTo(second), 0) << i; // but not on the other address
    }
    EXPECT_EQ(bindTo(Ipv4Address::GetAny()), -1); // the wildcard would overlap both
}

TEST_F(SocketApi, SockNameAndPeerName_NameBothEnds)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Address local;
    Address peer;
    EXPECT_EQ(c.a->GetSockName(local), 0);
    EXPECT_EQ(c.a->GetPeerName(peer), 0);
    EXPECT_EQ(InetSocketAddress::ConvertFrom(local).GetIpv4(), net.Addr('A'));
    EXPECT_EQ(InetSocketAddress::ConvertFrom(local).GetPort(), 1000);
    EXPECT_EQ(InetSocketAddress::ConvertFrom(peer).GetIpv4(), net.Addr('B'));
    EXPECT_EQ(InetSocketAddress::ConvertFrom(peer).GetPort(), 80);
    EXPECT_EQ(c.listener->GetPeerName(peer), -1);
    EXPECT_EQ(c.listener->GetErrno(), Socket::ERROR_NOTCONN);
}

TEST_F(SocketApi, Send_ReportsTheErrorsNs3UsersExpect)
{
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(10000));
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> idle = net.NewSocket('A');
    EXPECT_EQ(idle->Send(Create<Packet>(10)), -1);
    EXPECT_EQ(idle->GetErrno(), Socket::ERROR_NOTCONN);
    auto c = net.Establish();
    EXPECT_EQ(c.a->GetTxAvailable(), 10000U);
    EXPECT_EQ(c.a->Send(Create<Packet>(10001)), -1);
    EXPECT_EQ(c.a->GetErrno(), Socket::ERROR_MSGSIZE);
    EXPECT_EQ(c.a->Send(Create<Packet>(10000)), 10000);
    EXPECT_EQ(c.a->ShutdownSend(), 0);
    EXPECT_EQ(c.a->Send(Create<Packet>(1)), -1);
    EXPECT_EQ(c.a->GetErrno(), Socket::ERROR_SHUTDOWN);
}

TEST_F(SocketApi, ConnectWithoutRoute_FailsWithNoRouteToHost)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> s = net.NewSocket('A');
    EXPECT_EQ(s->Connect(InetSocketAddress(Ipv4Address("192.0.2.1"), 80)), -1);
    EXPECT_EQ(s->GetErrno(), Socket::ERROR_NOROUTETOHOST);
    EXPECT_EQ(s->GetState(), TcpSocket::CLOSED);
}

// RFC 9293 3.10.2: SEND in SYN_SENT queues the data until ESTABLISHED.
TEST_F(SocketApi, SendInSynSent_IsQueuedAndSentAfterTheHandshake)
{
    TwoNodeNetwork net;
    net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    Simulator::Schedule(Seconds(1.001),
                        [&]()
                        {
                            ASSERT_EQ(a->GetState(), TcpSocket::SYN_SENT);
                            EXPECT_EQ(a->Send(Create<Packet>(100)), 100);
                        });
    net.RunUntil(Seconds(2));
    Strings wire = net.Wire();
    ASSERT_GE(wire.size(), 4U);
    EXPECT_EQ(wire[2], "A <SEQ=1001><ACK=5001><CTL=ACK>");
    EXPECT_EQ(wire[3], "A <SEQ=1001><ACK=5001><CTL=PSH,ACK><DATA=100>");
}

TEST_F(SocketApi, AcceptCallbackRefusing_AnswersTheSynWithRst)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAcceptCallback(Callback<bool, Ptr<Socket>, const Address&>(
                                    [](Ptr<Socket>, const Address&) { return false; }),
                                MakeNullCallback<void, Ptr<Socket>, const Address&>());
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.Wire(), (Strings{"A <SEQ=1000><CTL=SYN>", "B <SEQ=0><ACK=1001><CTL=RST,ACK>"}));
    EXPECT_EQ(a->GetStats().end, LifecycleTcpEnd::REFUSED);
}

// RFC 9293 3.6.1: a half-closed connection: the side in FIN_WAIT_2 still
// receives, the side in CLOSE_WAIT still sends.
TEST_F(SocketApi, HalfClose_ShutdownSendKeepsReceivingWhileThePeerSends)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    uint64_t aGot = 0;
    uint64_t bGot = 0;
    c.a->SetRecvCallback(CountInto(aGot));
    c.b->SetRecvCallback(CountInto(bGot));
    std::vector<std::string> bSentIn;
    c.b->SetCloseCallbacks(Callback<void, Ptr<Socket>>(
                               [&](Ptr<Socket> s)
                               {
                                   // The request is complete; answer in pieces, then close.
                                   for (int i = 0; i < 5; ++i)
                                   {
                                       Simulator::Schedule(
                                           MilliSeconds(100 * i),
                                           [&, s]()
                                           {
                                               bSentIn.push_back(
                                                   TcpSocket::TcpStateName[c.b->GetState()]);
                                               s->Send(Create<Packet>(1000));
                                           });
                                   }
                                   Simulator::Schedule(MilliSeconds(600), &Socket::Close, s);
                               }),
                           MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(0.5),
                        [&]()
                        {
                            c.a->Send(Create<Packet>(300));
                            c.a->ShutdownSend();
                        });
    net.RunUntil(Seconds(5));
    EXPECT_EQ(bGot, 300U);
    EXPECT_EQ(aGot, 5000U);
    EXPECT_EQ(bSentIn, Strings(5, "CLOSE_WAIT"));
    Strings a = net.States(c.a);
    EXPECT_EQ(Strings(a.end() - 4, a.end()),
              (Strings{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"}));
    EXPECT_EQ(c.b->GetState(), TcpSocket::CLOSED);
}

// RFC 9293 3.10.4: CLOSE in ESTABLISHED enters FIN_WAIT_1 at once; the FIN
// goes after every byte sent before it.
TEST_F(SocketApi, CloseWithUnsentData_EntersFinWait1AtOnceAndFinFollowsTheData)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    uint64_t got = 0;
    c.b->SetRecvCallback(CountInto(got));
    Simulator::Schedule(Seconds(0.5),
                        [&]()
                        {
                            EXPECT_EQ(c.a->Send(Create<Packet>(20000)), 20000);
                            EXPECT_EQ(c.a->Close(), 0);
                            EXPECT_EQ(c.a->GetState(), TcpSocket::FIN_WAIT_1);
                        });
    net.RunUntil(Seconds(5));
    EXPECT_EQ(got, 20000U);
    uint32_t finSeq = 0;
    uint32_t lastDataEnd = 0;
    for (const auto& s : net.SegmentsFrom('A'))
    {
        if (s.flags & TcpHeader::FIN)
        {
            finSeq = s.seq + s.length;
        }
        if (s.length > 0)
        {
            lastDataEnd = std::max(lastDataEnd, s.seq + s.length);
        }
    }
    EXPECT_EQ(finSeq, 1001U + 20000U);
    EXPECT_EQ(lastDataEnd, 1001U + 20000U);
    EXPECT_EQ(c.b->GetState(), TcpSocket::CLOSE_WAIT);
}

// RFC 9293 3.6.1 SHLD-3: Close() (which ends reading, MAY-1) with data still
// unread resets the connection to show that data was lost.
TEST_F(SocketApi, CloseWithUnreadData_ResetsTheConnection)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    bool peerReset = false;
    c.a->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                           Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { peerReset = true; }));
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(100)); });
    Simulator::Schedule(Seconds(1),
                        [&]()
                        {
                            ASSERT_EQ(c.b->GetRxAvailable(), 100U);
                            c.b->Close();
                        });
    net.RunUntil(Seconds(4));
    EXPECT_EQ(net.SegmentsFrom('B').back().Rfc(), "B <SEQ=5001><CTL=RST>");
    EXPECT_EQ(net.Changes(c.b).back().cause.ToString(), "app Close");
    EXPECT_EQ(c.b->GetStats().end, LifecycleTcpEnd::RESET_BY_US);
    EXPECT_TRUE(peerReset);
}

// SHLD-3 again: data arriving after Close() cannot be delivered: reset.
TEST_F(SocketApi, DataAfterClose_ResetsTheConnection)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    bool reset = false;
    c.b->SetCloseCallbacks(
        Callback<void, Ptr<Socket>>(
            [](Ptr<Socket> s)
            { Simulator::Schedule(MilliSeconds(100), [s]() { s->Send(Create<Packet>(100)); }); }),
        Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { reset = true; }));
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(c.a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.a->GetStats().end, LifecycleTcpEnd::RESET_BY_US);
    EXPECT_TRUE(reset);
}

// RFC 9293 3.10.4, LISTEN: closing the listener takes the connections still
// in their handshake with it (they are reset).
TEST_F(SocketApi, ListenerClose_ResetsConnectionsStillInTheHandshake)
{
    TwoNodeNetwork net;
    net.DropAt('B')->Drop(LifecycleTcpSegmentMatch::PureAck(), 1); // keep B's child in SYN_RCVD
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    Simulator::Schedule(Seconds(1.5), &Socket::Close, listener);
    net.RunUntil(Seconds(3));
    auto child = net.Sockets('B').at(1);
    EXPECT_EQ(net.States(child), (Strings{"LISTEN", "SYN_RCVD", "CLOSED"}));
    EXPECT_EQ(net.SegmentsFrom('B').back().Rfc(), "B <SEQ=5001><CTL=RST>");
    EXPECT_EQ(a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(a->GetStats().end, LifecycleTcpEnd::RESET_BY_PEER);
}

TEST_F(SocketApi, Attributes_SegmentSizeAndRcvBufSizeShapeTheSyn)
{
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1200));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(20000));
    TwoNodeNetwork net;
    auto c = net.Establish();
    auto syn = net.Segments().at(0);
    EXPECT_EQ(syn.window, 20000U);
    // Each side offered MSS 1200; timestamps take 12 bytes of every
    // segment, so 1188 bytes of text fit (MUST-16).
    EXPECT_EQ(c.a->GetSendVars().mss, 1188U);
    EXPECT_EQ(c.b->GetSendVars().mss, 1188U);
    EXPECT_EQ(c.a->GetSendVars().wnd, 20000U); // B's window, from its SYN,ACK
}

// New sockets are copies of a prototype (LifecycleTcpL4Protocol::CreateSocket):
// each must still be what CreateObject makes with the defaults of the moment.
TEST_F(SocketApi, DefaultsChangedBetweenSockets_TheNextSocketHasTheNewOnes)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> first = net.NewSocket('A');
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(777));
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(30)));
    Config::SetDefault("ns3::LifecycleTcpSocket::Timestamps", BooleanValue(false));
    Ptr<LifecycleTcpSocket> second = net.NewSocket('A');
    Ptr<LifecycleTcpSocket> third = net.NewSocket('A');

    auto get = [](Ptr<Object> s, const std::string& name)
    {
        StringValue v;
        s->GetAttribute(name, v);
        return v.Get();
    };
    EXPECT_EQ(get(first, "SegmentSize"), "536");
    EXPECT_EQ(get(first, "Msl"), "+1.2e+11ns");
    EXPECT_EQ(get(first, "Timestamps"), "true");
    for (auto s : {second, third})
    {
        EXPECT_EQ(get(s, "SegmentSize"), "777");
        EXPECT_EQ(get(s, "Msl"), "+3e+10ns");
        EXPECT_EQ(get(s, "Timestamps"), "false");
        EXPECT_EQ(s->GetState(), TcpSocket::CLOSED);
    }
    // Sockets share nothing: changing one leaves the next one alone.
    second->SetAttribute("SegmentSize", UintegerValue(1000));
    EXPECT_EQ(get(third, "SegmentSize"), "777");
    EXPECT_EQ(get(net.NewSocket('A'), "SegmentSize"), "777");
    EXPECT_NE(second->GetSocketId(), third->GetSocketId());
}

TEST_F(SocketApi, DropTrace_ReportsEachDroppedSegmentWithItsReason)
{
    TwoNodeNetwork net;
    auto c = net.Establish(); // A: ISS 1000 from port 1000; B: ISS 5000 on port 80
    std::vector<std::pair<uint32_t, LifecycleTcpDropReason>> drops;
    c.b->TraceConnectWithoutContext(
        "Drop",
        Callback<void, Ptr<const Packet>, const TcpHeader&, LifecycleTcpDropReason>(
            [&](Ptr<const Packet>, const TcpHeader& h, LifecycleTcpDropReason r)
            { drops.emplace_back(h.GetSequenceNumber().GetValue(), r); }));
    // Data far outside B's window.
    net.InjectNow('A', TwoNodeNetwork::Header(1000, 80, 900000, TcpHeader::ACK, 5001), 10);
    net.RunUntil(Simulator::Now() + Seconds(1));
    ASSERT_EQ(drops.size(), 1U);
    EXPECT_EQ(drops[0].first, 900000U);
    EXPECT_EQ(drops[0].second, LifecycleTcpDropReason::OUT_OF_WINDOW);
    EXPECT_EQ(c.b->GetStats().drops[static_cast<size_t>(LifecycleTcpDropReason::OUT_OF_WINDOW)],
              1U);
}

// The SocketList attribute: Config paths reach every live socket, as with
// ns-3's native TcpL4Protocol.
TEST_F(SocketApi, ConfigPath_ReachesLiveSocketsThroughSocketList)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Strings seen;
    Config::ConnectWithoutContext("/NodeList/0/$ns3::LifecycleTcpL4Protocol/SocketList/*/State",
                                  Callback<void, TcpSocket::TcpStates_t, TcpSocket::TcpStates_t>(
                                      [&](TcpSocket::TcpStates_t, TcpSocket::TcpStates_t to)
                                      { seen.push_back(TcpSocket::TcpStateName[to]); }));
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(seen, (Strings{"FIN_WAIT_1", "FIN_WAIT_2"}));
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
