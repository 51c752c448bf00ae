/*
 * Reset generation and processing (RFC 9293 3.5.2, 3.5.3, 3.10.7), with and
 * without RFC 5961's challenge ACKs, and the ABORT call (3.10.5).
 */
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class Resets : public SimulationTest
{
};

/// \return the segments sent at or after index \p from
Strings
WireFrom(const TwoNodeNetwork& net, size_t from)
{
    Strings w = net.Wire();
    return from < w.size() ? Strings(w.begin() + from, w.end()) : Strings{};
}

TcpHeader
H(uint16_t from, uint16_t to, uint32_t seq, uint8_t flags, uint32_t ack = 0)
{
    return TwoNodeNetwork::Header(from, to, seq, flags, ack);
}

// 3.10.7.1: no connection, ACK on: <SEQ=SEG.ACK><CTL=RST>.
TEST_F(Resets, NoConnection_AckBearingSegment_IsAnsweredWithRstAtSegAck)
{
    TwoNodeNetwork net;
    net.InjectAt(Seconds(1), 'A', H(1000, 80, 7, TcpHeader::ACK, 12345));
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.Wire(), (Strings{"A <SEQ=7><ACK=12345><CTL=ACK>", "B <SEQ=12345><CTL=RST>"}));
    EXPECT_EQ(net.Tcp('B')->GetCounters().noConnection, 1U);
    EXPECT_EQ(net.Tcp('B')->GetCounters().resetsSent, 1U);
}

// 3.10.7.1: no connection, ACK off: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>,
// SEG.LEN counting the text and the FIN.
TEST_F(Resets, NoConnection_SegmentWithoutAck_IsAnsweredWithRstAckCoveringSegLen)
{
    TwoNodeNetwork net;
    net.InjectAt(Seconds(1), 'A', H(1000, 80, 100, TcpHeader::FIN), 10);
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=100><CTL=FIN><DATA=10>", "B <SEQ=0><ACK=111><CTL=RST,ACK>"}));
}

// 3.10.7.1: "An incoming segment containing a RST is discarded."
TEST_F(Resets, NoConnection_Rst_IsNeverAnswered)
{
    TwoNodeNetwork net;
    net.InjectAt(Seconds(1), 'A', H(1000, 80, 100, TcpHeader::RST));
    net.InjectAt(Seconds(1.1), 'A', H(1000, 80, 100, TcpHeader::RST | TcpHeader::ACK, 5));
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.Wire().size(), 2U);
    EXPECT_EQ(net.Tcp('B')->GetCounters().noConnection, 2U);
    EXPECT_EQ(net.Tcp('B')->GetCounters().resetsSent, 0U);
}

// 3.10.7.2: LISTEN ignores a RST and answers an ACK with <SEQ=SEG.ACK><CTL=RST>.
TEST_F(Resets, Listen_IgnoresRstAndResetsAck)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> l = net.Listen('B', 80);
    net.InjectAt(Seconds(1), 'A', H(1000, 80, 100, TcpHeader::RST));
    net.InjectAt(Seconds(1.1), 'A', H(1000, 80, 100, TcpHeader::ACK, 777));
    net.RunUntil(Seconds(2));
    EXPECT_EQ(
        net.Wire(),
        (Strings{"A <SEQ=100><CTL=RST>", "A <SEQ=100><ACK=777><CTL=ACK>", "B <SEQ=777><CTL=RST>"}));
    EXPECT_EQ(net.States(l), (Strings{"CLOSED", "LISTEN"}));
    EXPECT_EQ(net.Sockets('B').size(), 1U); // nothing forked
}

// 3.10.7.3: SYN_SENT, an ACK of something we never sent (an old duplicate
// SYN,ACK): <SEQ=SEG.ACK><CTL=RST>, stay in SYN_SENT.
TEST_F(Resets, SynSent_AckOfAnotherIss_IsResetAndConnectionKeepsTrying)
{
    TwoNodeNetwork net;
    net.DropAt('B')->Drop(LifecycleTcpSegmentMatch::Syn(), 1);
    net.DropAt('B')->Drop(LifecycleTcpSegmentMatch::Rst(), 1);
    net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80, 1000);
    net.InjectAt(Seconds(1.5), 'B', H(80, 1000, 4000, TcpHeader::SYN | TcpHeader::ACK, 500));
    net.RunUntil(Seconds(5));
    Strings wire = net.Wire();
    ASSERT_GE(wire.size(), 3U);
    EXPECT_EQ(Strings(wire.begin(), wire.begin() + 3),
              (Strings{"A <SEQ=1000><CTL=SYN>",
                       "B <SEQ=4000><ACK=500><CTL=SYN,ACK>",
                       "A <SEQ=500><CTL=RST>"}));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"})); // retry succeeded
}

// 3.10.7.3: a RST whose ACK does not acknowledge our SYN is dropped.
TEST_F(Resets, SynSent_RstWithoutAcceptableAck_IsIgnored)
{
    TwoNodeNetwork net;
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 100);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80, 1000);
    net.InjectAt(Seconds(1.5), 'B', H(80, 1000, 0, TcpHeader::RST | TcpHeader::ACK, 999));
    net.InjectAt(Seconds(1.6), 'B', H(80, 1000, 0, TcpHeader::RST));
    net.RunUntil(Seconds(2));
    EXPECT_EQ(a->GetState(), TcpSocket::SYN_SENT);
}

// 3.10.7.4 first step: a RST outside the window is dropped silently.
TEST_F(Resets, Established_RstOutsideWindow_IsIgnored)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(2.5), 'B', H(80, 1000, 5001 + 200000, TcpHeader::RST));
    net.InjectAt(Seconds(2.6), 'B', H(80, 1000, 4000, TcpHeader::RST));
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before).size(), 2U); // just the two RSTs, no answer
    EXPECT_EQ(c.a->GetState(), TcpSocket::ESTABLISHED);
    EXPECT_EQ(c.a->GetStats().drops[static_cast<size_t>(LifecycleTcpDropReason::OUT_OF_WINDOW)],
              2U);
}

// RFC 5961 3.2: in the window but not at RCV.NXT: a challenge ACK, no reset.
TEST_F(Resets, Established_RstInWindowButNotAtRcvNxt_DrawsChallengeAck)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(2.5), 'B', H(80, 1000, 5001 + 100, TcpHeader::RST));
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"B <SEQ=5101><CTL=RST>", "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    EXPECT_EQ(c.a->GetState(), TcpSocket::ESTABLISHED);
}

// With ChallengeAck off (RFC 793): any RST in the window resets.
TEST_F(Resets, Rfc793Mode_RstAnywhereInWindow_Resets)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::ChallengeAck", BooleanValue(false));
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.InjectAt(Seconds(2.5), 'B', H(80, 1000, 5001 + 100, TcpHeader::RST));
    net.RunUntil(Seconds(3));
    EXPECT_EQ(c.a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.a->GetStats().end, LifecycleTcpEnd::RESET_BY_PEER);
}

// RFC 5961 4.2: a SYN in a synchronized state draws a challenge ACK.
TEST_F(Resets, Established_SynInWindow_DrawsChallengeAck)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(2.5), 'B', H(80, 1000, 5001 + 10, TcpHeader::SYN));
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"B <SEQ=5011><CTL=SYN>", "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    EXPECT_EQ(c.a->GetState(), TcpSocket::ESTABLISHED);
}

// RFC 793: a SYN in the window is an error: send a reset, abort, tell the user.
TEST_F(Resets, Rfc793Mode_SynInWindow_ResetsAndAborts)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::ChallengeAck", BooleanValue(false));
    TwoNodeNetwork net;
    auto c = net.Establish();
    bool aborted = false;
    c.a->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                           Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { aborted = true; }));
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(2.5), 'B', H(80, 1000, 5001 + 10, TcpHeader::SYN));
    net.RunUntil(Seconds(3));
    Strings wire = WireFrom(net, before);
    ASSERT_GE(wire.size(), 2U);
    EXPECT_EQ(wire[1], "A <SEQ=0><ACK=5012><CTL=RST,ACK>");
    EXPECT_EQ(c.a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.a->GetStats().end, LifecycleTcpEnd::RESET_BY_US);
    EXPECT_TRUE(aborted);
}

// 3.10.7.4 first step: an unacceptable segment is answered with
// <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and dropped.
TEST_F(Resets, Established_DataFarOutsideWindow_IsAckedAndDropped)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(2.5), 'B', H(80, 1000, 5001 + 500000, TcpHeader::ACK, 1001), 100);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"B <SEQ=505001><ACK=1001><CTL=ACK><DATA=100>",
                       "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    EXPECT_EQ(c.a->GetRxAvailable(), 0U);
}

// 3.10.7.4 fifth step: an ACK of data never sent is answered with an ACK.
TEST_F(Resets, Established_AckOfUnsentData_IsAnsweredAndDropped)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(2.5), 'B', H(80, 1000, 5001, TcpHeader::ACK, 9999));
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"B <SEQ=5001><ACK=9999><CTL=ACK>", "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    EXPECT_EQ(c.a->GetSendVars().una, SequenceNumber32(1001));
}

// 3.10.5 ABORT: <SEQ=SND.NXT><CTL=RST>, CLOSED at once; the peer resets.
TEST_F(Resets, Abort_Established_SendsRstAndPeerIsReset)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Abort(); });
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before), (Strings{"A <SEQ=1001><CTL=RST>"}));
    EXPECT_EQ(c.a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.a->GetStats().end, LifecycleTcpEnd::RESET_BY_US);
    EXPECT_EQ(c.b->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.b->GetStats().end, LifecycleTcpEnd::RESET_BY_PEER);
}

// A crashed node forgets its listeners too: SYNs to them are refused.
TEST_F(Resets, Crash_ForgetsListenersAndConnections)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Simulator::Schedule(Seconds(0.5), [&]() { net.Tcp('B')->Crash(); });
    Ptr<LifecycleTcpSocket> a2 = net.ConnectAt(Seconds(3), 'A', 80, 2000);
    net.RunUntil(Seconds(4));
    EXPECT_EQ(c.listener->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.b->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.a->GetState(), TcpSocket::ESTABLISHED); // A does not know yet
    EXPECT_EQ(net.States(a2), (Strings{"CLOSED", "SYN_SENT", "CLOSED"}));
    EXPECT_EQ(net.Tcp('B')->GetConnectionCount(), 0U);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
