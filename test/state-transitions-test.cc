/*
 * One test per transition of RFC 9293 Figure 5 (and its notes), each checking
 * the states both sides go through and the segments on the wire.
 *
 * Names read <state>_<event>_<outcome>. Unless a test sets them, A's ISS is
 * 1000 and B's 5000, so after a handshake A sends from 1001 and B from 5001.
 */
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class StateTransitions : public SimulationTest
{
};

/// \return a null close/connect callback
Callback<void, Ptr<Socket>>
Nothing()
{
    return MakeNullCallback<void, Ptr<Socket>>();
}

/// \return a callback that closes the socket \p after it fires
Callback<void, Ptr<Socket>>
CloseAfter(Time after)
{
    return Callback<void, Ptr<Socket>>([after](Ptr<Socket> s)
                                       { Simulator::Schedule(after, &Socket::Close, s); });
}

/// \return the segments sent at or after index \p from
Strings
WireFrom(const TwoNodeNetwork& net, size_t from)
{
    Strings w = net.Wire();
    return from < w.size() ? Strings(w.begin() + from, w.end()) : Strings{};
}

/// \return the last \p n states of \p s
Strings
LastStates(const TwoNodeNetwork& net, Ptr<LifecycleTcpSocket> s, size_t n)
{
    Strings all = net.States(s);
    return all.size() >= n ? Strings(all.end() - n, all.end()) : all;
}

// (CLOSED, passive OPEN) -> LISTEN: create TCB, nothing sent.
TEST_F(StateTransitions, Closed_Listen_EntersListenAndSendsNothing)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> s = net.Listen('B', 80);
    net.RunUntil(Seconds(5));
    EXPECT_EQ(net.States(s), (Strings{"CLOSED", "LISTEN"}));
    EXPECT_EQ(net.Changes(s).at(0).cause.ToString(), "app Listen");
    EXPECT_TRUE(net.Wire().empty());
}

// (CLOSED, active OPEN) -> SYN_SENT: create TCB, snd SYN.
TEST_F(StateTransitions, Closed_Connect_SendsSynAndEntersSynSent)
{
    TwoNodeNetwork net;
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 1000);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT"}));
    EXPECT_EQ(net.Changes(a).at(0).cause.ToString(), "app Connect");
    EXPECT_EQ(net.Wire(), (Strings{"A <SEQ=1000><CTL=SYN>"}));
    EXPECT_EQ(a->GetSendVars().una, SequenceNumber32(1000)); // SND.UNA <- ISS
    EXPECT_EQ(a->GetSendVars().nxt, SequenceNumber32(1001)); // SND.NXT <- ISS+1
}

// (LISTEN, rcv SYN) -> SYN_RCVD: snd SYN,ACK (the listener forks a child).
TEST_F(StateTransitions, Listen_RcvSyn_SendsSynAckAndForkEntersSynRcvd)
{
    TwoNodeNetwork net;
    net.DropAt('A')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 1000);
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    net.ConnectAt(Seconds(1), 'A', 80);
    net.RunUntil(Seconds(1.5));
    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=1000><CTL=SYN>", "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>"}));
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 2U);
    EXPECT_EQ(net.States(listener), (Strings{"CLOSED", "LISTEN"}));
    EXPECT_EQ(net.States(onB[1]), (Strings{"LISTEN", "SYN_RCVD"}));
    EXPECT_EQ(net.Changes(onB[1]).at(0).cause.ToString(), "rcv SYN");
    EXPECT_TRUE(onB[1]->IsPassiveOpen());
    EXPECT_EQ(onB[1]->GetRecvVars().irs, SequenceNumber32(1000)); // IRS <- SEG.SEQ
    EXPECT_EQ(onB[1]->GetRecvVars().nxt, SequenceNumber32(1001)); // RCV.NXT <- SEG.SEQ+1
}

// (LISTEN, SEND) -> SYN_SENT: a passive socket turned active (3.10.1), snd SYN.
TEST_F(StateTransitions, Listen_Connect_TurnsActiveAndSendsSyn)
{
    TwoNodeNetwork net;
    net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.Listen('A', 1000);
    Simulator::Schedule(Seconds(1), [&]() { a->Connect(InetSocketAddress(net.Addr('B'), 80)); });
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "LISTEN", "SYN_SENT", "ESTABLISHED"}));
    Strings wire = net.Wire();
    ASSERT_GE(wire.size(), 3U);
    EXPECT_EQ(wire[0], "A <SEQ=1000><CTL=SYN>");
    // It no longer listens: a SYN from elsewhere to port 1000 is refused.
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(2.5), 'B', TwoNodeNetwork::Header(81, 1000, 7000, TcpHeader::SYN));
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"B <SEQ=7000><CTL=SYN>", "A <SEQ=0><ACK=7001><CTL=RST,ACK>"}));
}

// (LISTEN, CLOSE) -> CLOSED: delete TCB.
TEST_F(StateTransitions, Listen_Close_EntersClosedAndRefusesLaterSyns)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> s = net.Listen('B', 80);
    Simulator::Schedule(Seconds(1), &Socket::Close, s);
    net.ConnectAt(Seconds(2), 'A', 80);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(net.States(s), (Strings{"CLOSED", "LISTEN", "CLOSED"}));
    EXPECT_EQ(net.Wire(), (Strings{"A <SEQ=1000><CTL=SYN>", "B <SEQ=0><ACK=1001><CTL=RST,ACK>"}));
}

// (SYN_SENT, CLOSE) -> CLOSED: delete TCB; the SYN is not sent again.
TEST_F(StateTransitions, SynSent_Close_EntersClosedAndStopsRetransmitting)
{
    TwoNodeNetwork net;
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 1000);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    Simulator::Schedule(Seconds(2), &Socket::Close, a);
    net.RunUntil(Seconds(30));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "CLOSED"}));
    EXPECT_EQ(net.Wire(), (Strings{"A <SEQ=1000><CTL=SYN>"}));
    EXPECT_EQ(a->GetStats().end, LifecycleTcpEnd::ABORTED);
}

// (SYN_SENT, rcv SYN) -> SYN_RCVD: snd SYN,ACK (simultaneous open, MUST-10).
TEST_F(StateTransitions, SynSent_RcvSyn_SendsSynAckAndEntersSynRcvd)
{
    TwoNodeNetwork net;
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 1000);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 2000, 1000);
    net.InjectAt(Seconds(1.1), 'B', TwoNodeNetwork::Header(2000, 1000, 5000, TcpHeader::SYN));
    net.RunUntil(Seconds(1.5));
    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=1000><CTL=SYN>",
                       "B <SEQ=5000><CTL=SYN>",
                       "A <SEQ=1000><ACK=5001><CTL=SYN,ACK>"}));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "SYN_RCVD"}));
    EXPECT_FALSE(a->IsPassiveOpen()); // MUST-11: it came from an active OPEN
}

// (SYN_SENT, rcv SYN,ACK) -> ESTABLISHED: snd ACK.
TEST_F(StateTransitions, SynSent_RcvSynAck_SendsAckAndEntersEstablished)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=1000><CTL=SYN>",
                       "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>",
                       "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    EXPECT_EQ(net.States(c.a), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
    EXPECT_EQ(net.Changes(c.a).at(1).cause.ToString(), "rcv SYN|ACK");
}

// (SYN_RCVD, rcv ACK of SYN) -> ESTABLISHED; the listener's application accepts.
TEST_F(StateTransitions, SynRcvd_RcvAckOfSyn_EntersEstablishedAndIsAccepted)
{
    TwoNodeNetwork net;
    int accepted = 0;
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> s, const Address& from)
                                    {
                                        ++accepted;
                                        EXPECT_EQ(InetSocketAddress::ConvertFrom(from).GetPort(),
                                                  1000);
                                    }));
    net.ConnectAt(Seconds(1), 'A', 80, 1000);
    net.RunUntil(Seconds(2));
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 2U);
    EXPECT_EQ(net.States(onB[1]), (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED"}));
    EXPECT_EQ(net.Changes(onB[1]).back().cause.ToString(), "rcv ACK");
    EXPECT_EQ(accepted, 1);
}

// (SYN_RCVD, CLOSE) -> FIN_WAIT_1: snd FIN (no data queued, 3.10.4).
TEST_F(StateTransitions, SynRcvd_Close_SendsFinAndEntersFinWait1)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 2000, 1000);
    Ptr<LifecycleTcpSocket> b = net.ConnectAt(Seconds(1), 'B', 1000, 2000);
    a->TraceConnectWithoutContext(
        "Transition",
        Callback<void, LifecycleTcpState, LifecycleTcpState, LifecycleTcpCause>(
            [a](LifecycleTcpState from, LifecycleTcpState to, LifecycleTcpCause)
            {
                if (to == TcpSocket::SYN_RCVD)
                {
                    Simulator::ScheduleNow(&Socket::Close, a);
                }
            }));
    net.RunUntil(Seconds(3));
    Strings states = net.States(a);
    ASSERT_GE(states.size(), 4U);
    EXPECT_EQ(Strings(states.begin(), states.begin() + 4),
              (Strings{"CLOSED", "SYN_SENT", "SYN_RCVD", "FIN_WAIT_1"}));
    bool finSent = false;
    for (const auto& s : net.SegmentsFrom('A'))
    {
        if (s.flags == (TcpHeader::FIN | TcpHeader::ACK))
        {
            finSent = true;
            EXPECT_EQ(s.seq, 1001U); // the FIN follows the SYN
            EXPECT_EQ(s.ack, 5001U);
        }
    }
    EXPECT_TRUE(finSent);
    EXPECT_EQ(net.States(b).back(), "CLOSE_WAIT");
}

// (SYN_RCVD, rcv RST) -> LISTEN for a connection from a passive OPEN
// (Figure 5 note 1, MUST-11).
TEST_F(StateTransitions, SynRcvd_RcvRst_PassiveOpenReturnsToListen)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    // A SYN from a port of A where nobody listens: A's TCP answers B's
    // SYN,ACK with a RST.
    net.InjectAt(Seconds(1), 'A', TwoNodeNetwork::Header(1000, 80, 90, TcpHeader::SYN));
    net.RunUntil(Seconds(20));
    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=90><CTL=SYN>",
                       "B <SEQ=5000><ACK=91><CTL=SYN,ACK>",
                       "A <SEQ=91><CTL=RST>"})); // and no SYN,ACK ever again
    auto onB = net.Sockets('B');
    ASSERT_EQ(onB.size(), 2U);
    EXPECT_EQ(net.States(onB[1]), (Strings{"LISTEN", "SYN_RCVD", "LISTEN"}));
    EXPECT_EQ(net.Changes(onB[1]).back().cause.ToString(), "rcv RST");
    EXPECT_EQ(listener->GetState(), TcpSocket::LISTEN);
    EXPECT_EQ(net.Tcp('B')->GetConnectionCount(), 0U);
}

// (SYN_RCVD, rcv RST) -> CLOSED for a connection from an active OPEN:
// "connection refused" (MUST-11).
TEST_F(StateTransitions, SynRcvd_RcvRst_ActiveOpenIsRefused)
{
    TwoNodeNetwork net;
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 1000);
    bool failed = false;
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 2000, 1000);
    a->SetConnectCallback(Nothing(),
                          Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { failed = true; }));
    net.InjectAt(Seconds(1.1), 'B', TwoNodeNetwork::Header(2000, 1000, 5000, TcpHeader::SYN));
    net.InjectAt(Seconds(1.2), 'B', TwoNodeNetwork::Header(2000, 1000, 5001, TcpHeader::RST));
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "SYN_RCVD", "CLOSED"}));
    EXPECT_TRUE(failed);
    EXPECT_EQ(a->GetStats().end, LifecycleTcpEnd::REFUSED);
}

// (ESTABLISHED, CLOSE) -> FIN_WAIT_1: snd FIN.
TEST_F(StateTransitions, Established_Close_SendsFinAndEntersFinWait1)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 1000);
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(2.6));
    EXPECT_EQ(WireFrom(net, before), (Strings{"A <SEQ=1001><ACK=5001><CTL=FIN,ACK>"}));
    EXPECT_EQ(LastStates(net, c.a, 2), (Strings{"ESTABLISHED", "FIN_WAIT_1"}));
    EXPECT_EQ(net.Changes(c.a).back().cause.ToString(), "app Close");
}

// (ESTABLISHED, rcv FIN) -> CLOSE_WAIT: snd ACK; the application is told.
TEST_F(StateTransitions, Established_RcvFin_AcksAndEntersCloseWait)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    bool told = false;
    c.b->SetCloseCallbacks(Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { told = true; }),
                           Nothing());
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"A <SEQ=1001><ACK=5001><CTL=FIN,ACK>", "B <SEQ=5001><ACK=1002><CTL=ACK>"}));
    EXPECT_EQ(LastStates(net, c.b, 2), (Strings{"ESTABLISHED", "CLOSE_WAIT"}));
    EXPECT_TRUE(told) << "MUST-12: the application learns of the normal close";
}

// (FIN_WAIT_1, rcv ACK of FIN) -> FIN_WAIT_2.
TEST_F(StateTransitions, FinWait1_RcvAckOfFin_EntersFinWait2)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(LastStates(net, c.a, 3), (Strings{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2"}));
    EXPECT_EQ(net.Changes(c.a).back().cause.ToString(), "rcv ACK");
}

// (FIN_WAIT_1, rcv FIN) -> CLOSING: snd ACK (simultaneous close).
TEST_F(StateTransitions, FinWait1_RcvFin_AcksAndEntersClosing)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    // Hold the ACKs of the FINs back so that both sides stay in CLOSING.
    net.DropAt('A')->DropRange(LifecycleTcpSegmentMatch::PureAck(), 1, 1);
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::PureAck(), 1, 1);
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.b);
    net.RunUntil(Seconds(2.6));
    EXPECT_EQ(LastStates(net, c.a, 3), (Strings{"ESTABLISHED", "FIN_WAIT_1", "CLOSING"}));
    EXPECT_EQ(LastStates(net, c.b, 3), (Strings{"ESTABLISHED", "FIN_WAIT_1", "CLOSING"}));
    Strings close = WireFrom(net, before);
    ASSERT_EQ(close.size(), 4U);
    std::sort(close.begin(), close.end());
    EXPECT_EQ(close,
              (Strings{"A <SEQ=1001><ACK=5001><CTL=FIN,ACK>",
                       "A <SEQ=1002><ACK=5002><CTL=ACK>",
                       "B <SEQ=5001><ACK=1001><CTL=FIN,ACK>",
                       "B <SEQ=5002><ACK=1002><CTL=ACK>"}));
}

// (FIN_WAIT_1, rcv FIN with the ACK of our FIN) -> TIME_WAIT directly
// (Figure 5 note 2).
TEST_F(StateTransitions, FinWait1_RcvFinAckingOurFin_GoesStraightToTimeWait)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    // B closes the moment it hears of A's FIN, so its ACK of that FIN and its
    // own FIN leave in one segment.
    c.b->SetCloseCallbacks(Callback<void, Ptr<Socket>>([](Ptr<Socket> s) { s->Close(); }),
                           Nothing());
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"A <SEQ=1001><ACK=5001><CTL=FIN,ACK>",
                       "B <SEQ=5001><ACK=1002><CTL=FIN,ACK>",
                       "A <SEQ=1002><ACK=5002><CTL=ACK>"}));
    EXPECT_EQ(LastStates(net, c.a, 3), (Strings{"ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT"}));
    EXPECT_EQ(LastStates(net, c.b, 4),
              (Strings{"ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
}

// (FIN_WAIT_2, rcv FIN) -> TIME_WAIT: snd ACK.
TEST_F(StateTransitions, FinWait2_RcvFin_AcksAndEntersTimeWait)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    c.b->SetCloseCallbacks(CloseAfter(Seconds(0.2)), Nothing());
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(WireFrom(net, before),
              (Strings{"A <SEQ=1001><ACK=5001><CTL=FIN,ACK>",
                       "B <SEQ=5001><ACK=1002><CTL=ACK>",
                       "B <SEQ=5001><ACK=1002><CTL=FIN,ACK>",
                       "A <SEQ=1002><ACK=5002><CTL=ACK>"}));
    EXPECT_EQ(LastStates(net, c.a, 2), (Strings{"FIN_WAIT_2", "TIME_WAIT"}));
    EXPECT_EQ(net.Changes(c.a).back().cause.ToString(), "rcv FIN|ACK");
}

// (CLOSE_WAIT, CLOSE) -> LAST_ACK: snd FIN.
TEST_F(StateTransitions, CloseWait_Close_SendsFinAndEntersLastAck)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    Simulator::Schedule(Seconds(0.8), &Socket::Close, c.b);
    net.DropAt('A')->DropRange(LifecycleTcpSegmentMatch::Fin(), 1, 1000); // keep B in LAST_ACK
    net.RunUntil(Seconds(2.85));
    EXPECT_EQ(LastStates(net, c.b, 3), (Strings{"ESTABLISHED", "CLOSE_WAIT", "LAST_ACK"}));
    EXPECT_EQ(net.Changes(c.b).back().cause.ToString(), "app Close");
    EXPECT_EQ(net.SegmentsFrom('B').back().Rfc(), "B <SEQ=5001><ACK=1002><CTL=FIN,ACK>");
}

// (CLOSING, rcv ACK of FIN) -> TIME_WAIT.
TEST_F(StateTransitions, Closing_RcvAckOfFin_EntersTimeWait)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.b);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(LastStates(net, c.a, 4),
              (Strings{"ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT"}));
    EXPECT_EQ(net.Changes(c.a).back().cause.ToString(), "rcv ACK");
}

// (LAST_ACK, rcv ACK of FIN) -> CLOSED: delete TCB.
TEST_F(StateTransitions, LastAck_RcvAckOfFin_EntersClosed)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    c.b->SetCloseCallbacks(CloseAfter(Seconds(0.2)), Nothing());
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(LastStates(net, c.b, 2), (Strings{"LAST_ACK", "CLOSED"}));
    EXPECT_EQ(net.Changes(c.b).back().cause.ToString(), "rcv ACK");
    EXPECT_EQ(c.b->GetStats().end, LifecycleTcpEnd::CLOSED_NORMALLY);
    EXPECT_EQ(net.Tcp('B')->GetConnectionCount(), 0U);
}

// (TIME_WAIT, timeout = 2MSL) -> CLOSED: delete TCB.
TEST_F(StateTransitions, TimeWait_TwoMslTimeout_EntersClosed)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(30)));
    TwoNodeNetwork net;
    auto c = net.Establish();
    c.b->SetCloseCallbacks(CloseAfter(Seconds(0.2)), Nothing());
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(100));
    auto changes = net.Changes(c.a);
    ASSERT_GE(changes.size(), 2U);
    EXPECT_EQ(LastStates(net, c.a, 2), (Strings{"TIME_WAIT", "CLOSED"}));
    EXPECT_EQ(changes.back().cause.ToString(), "timer 2MSL");
    EXPECT_EQ(changes.back().at - changes[changes.size() - 2].at, Seconds(60));
    EXPECT_EQ(net.Tcp('A')->GetConnectionCount(), 0U);
}

// (SYN_SENT, rcv RST,ACK of our SYN) -> CLOSED: "connection refused".
TEST_F(StateTransitions, SynSent_RcvRstAck_IsRefused)
{
    TwoNodeNetwork net;
    bool failed = false;
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 81); // nobody listens on 81
    a->SetConnectCallback(Nothing(),
                          Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { failed = true; }));
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.Wire(), (Strings{"A <SEQ=1000><CTL=SYN>", "B <SEQ=0><ACK=1001><CTL=RST,ACK>"}));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "CLOSED"}));
    EXPECT_TRUE(failed);
    EXPECT_EQ(a->GetStats().end, LifecycleTcpEnd::REFUSED);
}

// Figure 5 note 3: receipt of a RST in any synchronized state goes to CLOSED.
class ResetInSynchronizedState
    : public SimulationTest
    , public ::testing::WithParamInterface<TcpSocket::TcpStates_t>
{
};

TEST_P(ResetInSynchronizedState, RcvRstAtRcvNxt_EntersClosed)
{
    TcpSocket::TcpStates_t target = GetParam();
    TwoNodeNetwork net;
    auto c = net.Establish(); // at 2 s
    bool reset = false;
    c.a->SetCloseCallbacks(Nothing(),
                           Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { reset = true; }));
    switch (target)
    {
        case TcpSocket::ESTABLISHED:
            break;
        case TcpSocket::FIN_WAIT_1:
            net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 1000);
            Simulator::Schedule(Seconds(0.2), &Socket::Close, c.a);
            break;
        case TcpSocket::FIN_WAIT_2:
            Simulator::Schedule(Seconds(0.2), &Socket::Close, c.a);
            break;
        case TcpSocket::CLOSE_WAIT:
            Simulator::Schedule(Seconds(0.2), &Socket::Close, c.b);
            break;
        case TcpSocket::CLOSING:
            net.DropAt('A')->DropRange(LifecycleTcpSegmentMatch::PureAck(), 1, 1000);
            net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::PureAck(), 1, 1000);
            Simulator::Schedule(Seconds(0.2), &Socket::Close, c.a);
            Simulator::Schedule(Seconds(0.2), &Socket::Close, c.b);
            break;
        case TcpSocket::LAST_ACK:
            Simulator::Schedule(Seconds(0.2), &Socket::Close, c.b);
            Simulator::Schedule(Seconds(0.3), &Socket::Close, c.a);
            net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Fin(), 1, 1000);
            break;
        case TcpSocket::TIME_WAIT:
            c.b->SetCloseCallbacks(CloseAfter(Seconds(0.1)), Nothing());
            Simulator::Schedule(Seconds(0.2), &Socket::Close, c.a);
            break;
        default:
            FAIL();
    }
    net.RunUntil(Seconds(2.5));
    ASSERT_EQ(c.a->GetState(), target);
    size_t before = net.Segments().size();
    Simulator::ScheduleNow(
        [&]()
        {
            net.InjectNow('B',
                          TwoNodeNetwork::Header(
                              80, 1000, c.a->GetRecvVars().nxt.GetValue(), TcpHeader::RST));
        });
    net.RunUntil(Seconds(2.55));
    EXPECT_EQ(c.a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(net.Changes(c.a).back().cause.ToString(), "rcv RST");
    // A RST in TIME_WAIT only cuts TIME_WAIT short: both FINs were
    // acknowledged, the connection closed normally.
    EXPECT_EQ(c.a->GetStats().end,
              target == TcpSocket::TIME_WAIT ? LifecycleTcpEnd::CLOSED_NORMALLY
                                             : LifecycleTcpEnd::RESET_BY_PEER);
    EXPECT_EQ(c.a->GetStats().resetsReceived, 1U);
    for (const auto& s : net.SegmentsFrom('A'))
    {
        if (s.at >= Seconds(2.5))
        {
            ADD_FAILURE() << "A answered the RST: " << s.Rfc();
        }
    }
    (void)before;
    // ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT: "users should also
    // receive an unsolicited general 'connection reset' signal"; CLOSING,
    // LAST_ACK, TIME_WAIT: just enter CLOSED (3.10.7.4, second step).
    bool signalled = target == TcpSocket::ESTABLISHED || target == TcpSocket::FIN_WAIT_1
                     || target == TcpSocket::FIN_WAIT_2 || target == TcpSocket::CLOSE_WAIT;
    EXPECT_EQ(reset, signalled);
}

INSTANTIATE_TEST_SUITE_P(Figure5Note3,
                         ResetInSynchronizedState,
                         ::testing::Values(TcpSocket::ESTABLISHED,
                                           TcpSocket::FIN_WAIT_1,
                                           TcpSocket::FIN_WAIT_2,
                                           TcpSocket::CLOSE_WAIT,
                                           TcpSocket::CLOSING,
                                           TcpSocket::LAST_ACK,
                                           TcpSocket::TIME_WAIT),
                         [](const ::testing::TestParamInfo<TcpSocket::TcpStates_t>& info)
                         {
                             std::string name = TcpSocket::TcpStateName[info.param];
                             name.erase(std::remove(name.begin(), name.end(), '_'), name.end());
                             return name;
                         });

} // namespace
} // namespace lifecycle_test
} // namespace ns3
