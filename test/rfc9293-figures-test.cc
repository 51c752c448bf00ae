/*
 * RFC 9293's worked examples, Figures 6 to 13, reproduced on two simulated
 * nodes: the same segments, with the same sequence and acknowledgment
 * numbers, and the same states on both sides.
 *
 * The figures leave out windows, lengths and PSH; the segments here carry PSH
 * on the last segment of a SEND (MUST-61), written out where it appears.
 */
#include "lifecycle-test-network.h"

#include <algorithm>

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class Rfc9293Figures : public SimulationTest
{
};

/// \return a callback that sends \p bytes as soon as the socket connects
Callback<void, Ptr<Socket>>
SendOnConnect(uint32_t bytes)
{
    return Callback<void, Ptr<Socket>>([bytes](Ptr<Socket> s) { s->Send(Create<Packet>(bytes)); });
}

/// \return a header for a segment injected from \p from to \p to
TcpHeader
Header(uint16_t from, uint16_t to, uint32_t seq, uint8_t flags)
{
    return TwoNodeNetwork::Header(from, to, seq, flags);
}

// Figure 6: Basic Three-Way Handshake for Connection Synchronization
TEST_F(Rfc9293Figures, Figure6_BasicThreeWayHandshake)
{
    TwoNodeNetwork net;
    net.SetIss('A', {100});
    net.SetIss('B', {300});
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    a->SetConnectCallback(SendOnConnect(10), MakeNullCallback<void, Ptr<Socket>>());
    net.RunUntil(Seconds(3));

    Strings wire = net.Wire();
    ASSERT_GE(wire.size(), 4U);
    EXPECT_EQ(Strings(wire.begin(), wire.begin() + 4),
              (Strings{"A <SEQ=100><CTL=SYN>",                          // 2. SYN-SENT -->
                       "B <SEQ=300><ACK=101><CTL=SYN,ACK>",             // 3. <-- SYN-RECEIVED
                       "A <SEQ=101><ACK=301><CTL=ACK>",                 // 4. ESTABLISHED -->
                       "A <SEQ=101><ACK=301><CTL=PSH,ACK><DATA=10>"})); // 5. with data
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
    EXPECT_EQ(net.States(listener), (Strings{"CLOSED", "LISTEN"}));
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 2U);
    EXPECT_EQ(net.States(onB[1]), (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED"}));
}

// Figure 7: Simultaneous Connection Synchronization (MUST-10)
TEST_F(Rfc9293Figures, Figure7_SimultaneousOpen)
{
    TwoNodeNetwork net;
    net.SetIss('A', {100});
    net.SetIss('B', {300});
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 2000, 1000);
    Ptr<LifecycleTcpSocket> b = net.ConnectAt(Seconds(1), 'B', 1000, 2000);
    net.RunUntil(Seconds(3));

    // The two SYN,ACKs cross in the network (lines 5 and 6): which one a
    // device sends first depends only on which SYN arrived first.
    Strings wire = net.Wire();
    ASSERT_EQ(wire.size(), 4U);
    std::sort(wire.begin() + 2, wire.end());
    EXPECT_EQ(wire,
              (Strings{"A <SEQ=100><CTL=SYN>",                 // 2.
                       "B <SEQ=300><CTL=SYN>",                 // 3.
                       "A <SEQ=100><ACK=301><CTL=SYN,ACK>",    // 5.
                       "B <SEQ=300><ACK=101><CTL=SYN,ACK>"})); // 6.
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "SYN_RCVD", "ESTABLISHED"}));
    EXPECT_EQ(net.States(b), (Strings{"CLOSED", "SYN_SENT", "SYN_RCVD", "ESTABLISHED"}));
    EXPECT_FALSE(a->IsPassiveOpen());
    EXPECT_FALSE(b->IsPassiveOpen());
}

// Figure 8: Recovery from Old Duplicate SYN
TEST_F(Rfc9293Figures, Figure8_RecoveryFromOldDuplicateSyn)
{
    TwoNodeNetwork net;
    net.SetIss('A', {100});
    net.SetIss('B', {300, 400});
    net.Listen('B', 80);
    // Line 2: A's SYN is delayed in the network; here it is lost and A's
    // retransmission plays its late arrival (line 6).
    net.DropAt('B')->Drop(LifecycleTcpSegmentMatch::Syn(), 1);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80, 1000);
    // Line 3: an old duplicate SYN of an earlier incarnation arrives at B.
    net.InjectAt(Seconds(1.001), 'A', Header(1000, 80, 90, TcpHeader::SYN));
    net.RunUntil(Seconds(6));

    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=100><CTL=SYN>",              // 2. (delayed)
                       "A <SEQ=90><CTL=SYN>",               // 3. old duplicate
                       "B <SEQ=300><ACK=91><CTL=SYN,ACK>",  // 4.
                       "A <SEQ=91><CTL=RST>",               // 5. B -> LISTEN
                       "A <SEQ=100><CTL=SYN>",              // 6.
                       "B <SEQ=400><ACK=101><CTL=SYN,ACK>", // 7.
                       "A <SEQ=101><ACK=401><CTL=ACK>"}));  // 8.
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 3U); // the listener and two forks
    EXPECT_EQ(net.States(onB[1]), (Strings{"LISTEN", "SYN_RCVD", "LISTEN"}));
    EXPECT_EQ(net.States(onB[2]), (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED"}));
    EXPECT_EQ(onB[0]->GetState(), TcpSocket::LISTEN);
}

// Figure 9: Half-Open Connection Discovery (A rebooted and opens again)
TEST_F(Rfc9293Figures, Figure9_HalfOpenDiscoveredByNewSyn)
{
    TwoNodeNetwork net;
    net.SetIss('A', {99, 400});  // after the handshake A sends 100...
    net.SetIss('B', {299, 700}); // ...and B sends 300: "(send 300, receive 100)"
    auto c = net.Establish();
    size_t before = net.Segments().size();

    Simulator::Schedule(Seconds(1), [&]() { net.Tcp('A')->Crash(); }); // 1. (REBOOT)
    Ptr<LifecycleTcpSocket> a2 = net.ConnectAt(Seconds(4), 'A', 80, 1000);
    net.RunUntil(Seconds(10));

    Strings wire = net.Wire();
    EXPECT_EQ(Strings(wire.begin() + before, wire.end()),
              (Strings{"A <SEQ=400><CTL=SYN>",          // 3. B: (??)
                       "B <SEQ=300><ACK=100><CTL=ACK>", // 4. (!!)
                       "A <SEQ=100><CTL=RST>",          // 5. B: (Abort!!)
                       "A <SEQ=400><CTL=SYN>",          // 7. and a fresh handshake
                       "B <SEQ=700><ACK=401><CTL=SYN,ACK>",
                       "A <SEQ=401><ACK=701><CTL=ACK>"}));
    EXPECT_EQ(net.States(c.a), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED", "CLOSED"}));
    EXPECT_EQ(net.Changes(c.a).back().cause.kind, LifecycleTcpCause::NODE);
    EXPECT_EQ(net.States(c.b), (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED", "CLOSED"}));
    EXPECT_EQ(c.b->GetStats().end, LifecycleTcpEnd::RESET_BY_PEER);
    EXPECT_EQ(net.States(a2), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
}

// Figure 10: Active Side Causes Half-Open Connection Discovery
TEST_F(Rfc9293Figures, Figure10_HalfOpenDiscoveredByData)
{
    TwoNodeNetwork net;
    net.SetIss('A', {99});
    net.SetIss('B', {299});
    auto c = net.Establish();
    size_t before = net.Segments().size();
    bool aborted = false;
    c.b->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                           Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { aborted = true; }));

    Simulator::Schedule(Seconds(1), [&]() { net.Tcp('A')->Crash(); }); // 1. (REBOOT)
    Simulator::Schedule(Seconds(2), [&]() { c.b->Send(Create<Packet>(10)); });
    net.RunUntil(Seconds(5));

    Strings wire = net.Wire();
    EXPECT_EQ(Strings(wire.begin() + before, wire.end()),
              (Strings{"B <SEQ=300><ACK=100><CTL=PSH,ACK><DATA=10>", // 2. A: (??)
                       "A <SEQ=100><CTL=RST>"}));                    // 3. B: (ABORT!!)
    EXPECT_EQ(net.States(c.b), (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED", "CLOSED"}));
    EXPECT_TRUE(aborted) << "MUST-12: the application learns the connection was aborted";
}

// Figure 11: Old Duplicate SYN Initiates a Reset on Two Passive Sockets
TEST_F(Rfc9293Figures, Figure11_OldDuplicateSynResetsTwoPassiveSockets)
{
    TwoNodeNetwork net;
    net.SetIss('B', {300});
    Ptr<LifecycleTcpSocket> a = net.Listen('A', 1000);
    Ptr<LifecycleTcpSocket> b = net.Listen('B', 80);
    net.InjectAt(Seconds(1), 'A', Header(1000, 80, 90, TcpHeader::SYN)); // 2. <SEQ=Z><CTL=SYN>
    net.RunUntil(Seconds(3));

    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=90><CTL=SYN>",              // 2.
                       "B <SEQ=300><ACK=91><CTL=SYN,ACK>", // 3. <SEQ=X><ACK=Z+1>
                       "A <SEQ=91><CTL=RST>"}));           // 4. <SEQ=Z+1><CTL=RST>
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "LISTEN"}));
    EXPECT_EQ(net.States(b), (Strings{"CLOSED", "LISTEN"}));
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 2U);
    EXPECT_EQ(net.States(onB[1]), (Strings{"LISTEN", "SYN_RCVD", "LISTEN"})); // 5.
}

// Figure 12: Normal Close Sequence
TEST_F(Rfc9293Figures, Figure12_NormalClose)
{
    TwoNodeNetwork net;
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(10)));
    net.SetIss('A', {99});
    net.SetIss('B', {299});
    auto c = net.Establish();
    size_t before = net.Segments().size();
    // B's user closes a little after hearing of A's FIN (line 4).
    c.b->SetCloseCallbacks(
        Callback<void, Ptr<Socket>>([](Ptr<Socket> s)
                                    { Simulator::Schedule(MilliSeconds(100), &Socket::Close, s); }),
        MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(1), &Socket::Close, c.a); // 2. (Close)
    net.RunUntil(Seconds(30));

    Strings wire = net.Wire();
    EXPECT_EQ(Strings(wire.begin() + before, wire.end()),
              (Strings{"A <SEQ=100><ACK=300><CTL=FIN,ACK>", // 2. FIN-WAIT-1 --> CLOSE-WAIT
                       "B <SEQ=300><ACK=101><CTL=ACK>",     // 3. FIN-WAIT-2 <--
                       "B <SEQ=300><ACK=101><CTL=FIN,ACK>", // 4. TIME-WAIT <-- LAST-ACK
                       "A <SEQ=101><ACK=301><CTL=ACK>"}));  // 5. --> CLOSED
    EXPECT_EQ(net.States(c.a),
              (Strings{"CLOSED",
                       "SYN_SENT",
                       "ESTABLISHED",
                       "FIN_WAIT_1",
                       "FIN_WAIT_2",
                       "TIME_WAIT",
                       "CLOSED"}));
    EXPECT_EQ(net.States(c.b),
              (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    // 6. (2 MSL) CLOSED
    auto changes = net.Changes(c.a);
    ASSERT_GE(changes.size(), 2U);
    EXPECT_EQ(changes.back().at - changes[changes.size() - 2].at, Seconds(20));
    EXPECT_EQ(c.a->GetStats().end, LifecycleTcpEnd::CLOSED_NORMALLY);
    EXPECT_EQ(c.b->GetStats().end, LifecycleTcpEnd::CLOSED_NORMALLY);
}

// Figure 13: Simultaneous Close Sequence
TEST_F(Rfc9293Figures, Figure13_SimultaneousClose)
{
    TwoNodeNetwork net;
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(10)));
    net.SetIss('A', {99});
    net.SetIss('B', {299});
    auto c = net.Establish();
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(1), &Socket::Close, c.a); // 2. (Close)
    Simulator::Schedule(Seconds(1), &Socket::Close, c.b); //    (Close)
    net.RunUntil(Seconds(30));

    // The FINs cross, then the ACKs cross: each pair's order on the wire is
    // arbitrary, so each pair is compared as a set.
    Strings wire = net.Wire();
    Strings close(wire.begin() + before, wire.end());
    ASSERT_EQ(close.size(), 4U);
    std::sort(close.begin(), close.begin() + 2);
    std::sort(close.begin() + 2, close.end());
    EXPECT_EQ(close,
              (Strings{"A <SEQ=100><ACK=300><CTL=FIN,ACK>", // 2.
                       "B <SEQ=300><ACK=100><CTL=FIN,ACK>",
                       "A <SEQ=101><ACK=301><CTL=ACK>", // 3.
                       "B <SEQ=301><ACK=101><CTL=ACK>"}));
    Strings expected{"ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT", "CLOSED"};
    Strings a = net.States(c.a);
    Strings b = net.States(c.b);
    EXPECT_EQ(Strings(a.end() - 5, a.end()), expected);
    EXPECT_EQ(Strings(b.end() - 5, b.end()), expected);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
