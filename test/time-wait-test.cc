/*
 * TIME_WAIT: held for exactly 2*MSL (RFC 9293 3.6.1, MUST-13), restarted by a
 * retransmitted FIN, which is acknowledged again (3.10.7.4).
 */
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class TimeWait : public SimulationTest
{
};

/// Closes A first, B 100 ms after it hears A's FIN: A ends in TIME_WAIT.
TwoNodeNetwork::Connection
CloseWithAFirst(TwoNodeNetwork& net)
{
    auto c = net.Establish();
    c.b->SetCloseCallbacks(
        Callback<void, Ptr<Socket>>([](Ptr<Socket> s)
                                    { Simulator::Schedule(MilliSeconds(100), &Socket::Close, s); }),
        MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    return c;
}

/// \return how long \p s stayed in TIME_WAIT (its last two changes)
Time
TimeWaitDuration(const TwoNodeNetwork& net, Ptr<LifecycleTcpSocket> s)
{
    auto changes = net.Changes(s);
    if (changes.size() < 2 || changes[changes.size() - 2].to != TcpSocket::TIME_WAIT
        || changes.back().to != TcpSocket::CLOSED)
    {
        ADD_FAILURE() << "the socket did not go TIME_WAIT -> CLOSED";
        return Time(0);
    }
    return changes.back().at - changes[changes.size() - 2].at;
}

TEST_F(TimeWait, DefaultMsl_HoldsTimeWaitForFourMinutes)
{
    TwoNodeNetwork net;
    auto c = CloseWithAFirst(net);
    net.RunUntil(Seconds(235));
    EXPECT_EQ(c.a->GetState(), TcpSocket::TIME_WAIT);
    EXPECT_EQ(net.Tcp('A')->GetConnectionCount(), 1U); // the 4-tuple is still held
    net.RunUntil(Seconds(300));
    EXPECT_EQ(TimeWaitDuration(net, c.a), Seconds(240)); // 2 * 120 s
    EXPECT_EQ(net.Tcp('A')->GetConnectionCount(), 0U);
}

TEST_F(TimeWait, MslAttribute_SetsTheDuration)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(30))); // Linux's 60 s
    TwoNodeNetwork net;
    auto c = CloseWithAFirst(net);
    net.RunUntil(Seconds(100));
    EXPECT_EQ(TimeWaitDuration(net, c.a), Seconds(60));
}

TEST_F(TimeWait, RetransmittedFin_IsAckedAgainAndRestartsTwoMsl)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(10)));
    TwoNodeNetwork net;
    auto c = CloseWithAFirst(net);
    net.RunUntil(Seconds(5));
    ASSERT_EQ(c.a->GetState(), TcpSocket::TIME_WAIT);
    Time entered = net.Changes(c.a).back().at;
    // B has closed; it must not answer A's ACK with a RST (which would end
    // TIME_WAIT, see Resets tests), so B hears nothing more.
    net.DropAt('B')->DropRange(LifecycleTcpSegmentMatch::Any(), 1, 100);
    size_t before = net.Segments().size();
    // B's FIN occupied 5001; A's RCV.NXT is 5002. The FIN comes again at 15 s.
    net.InjectAt(Seconds(15),
                 'B',
                 TwoNodeNetwork::Header(80, 1000, 5001, TcpHeader::FIN | TcpHeader::ACK, 1002));
    net.RunUntil(Seconds(60));

    Strings wire = net.Wire();
    EXPECT_EQ(Strings(wire.begin() + before, wire.end()),
              (Strings{"B <SEQ=5001><ACK=1002><CTL=FIN,ACK>", "A <SEQ=1002><ACK=5002><CTL=ACK>"}));
    auto changes = net.Changes(c.a);
    EXPECT_EQ(changes.back().to, TcpSocket::CLOSED);
    EXPECT_GT(changes.back().at - entered, Seconds(20)); // longer than one 2*MSL...
    EXPECT_EQ(changes.back().at, net.Segments().back().at + Seconds(20)); // ...2*MSL after the FIN
}

TEST_F(TimeWait, StrayAck_IsNeitherAnsweredNorRestartsTheTimer)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(10)));
    TwoNodeNetwork net;
    auto c = CloseWithAFirst(net);
    net.RunUntil(Seconds(5));
    ASSERT_EQ(c.a->GetState(), TcpSocket::TIME_WAIT);
    size_t before = net.Segments().size();
    net.InjectAt(Seconds(15), 'B', TwoNodeNetwork::Header(80, 1000, 5002, TcpHeader::ACK, 1002));
    net.RunUntil(Seconds(60));
    EXPECT_EQ(net.Segments().size(), before + 1); // only the injected ACK
    EXPECT_EQ(TimeWaitDuration(net, c.a), Seconds(20));
}

/// B (the server) closes first and ends in TIME_WAIT; A closes after it.
TwoNodeNetwork::Connection
CloseWithBFirst(TwoNodeNetwork& net)
{
    auto c = net.Establish();
    c.a->SetCloseCallbacks(
        Callback<void, Ptr<Socket>>([](Ptr<Socket> s)
                                    { Simulator::Schedule(MilliSeconds(100), &Socket::Close, s); }),
        MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.b);
    return c;
}

// RFC 9293 3.6.1 MAY-2: the client comes back from the same port while the
// server still holds TIME_WAIT; the SYN is above RCV.NXT, so TIME_WAIT ends
// and the listener takes the new connection at once.
TEST_F(TimeWait, NewSynAboveRcvNxt_ReopensTheConnectionAtOnce)
{
    TwoNodeNetwork net;
    net.SetIss('B', {5000, 100}); // the second ISS would be below the old incarnation
    auto c = CloseWithBFirst(net);
    net.RunUntil(Seconds(5));
    ASSERT_EQ(c.b->GetState(), TcpSocket::TIME_WAIT);
    ASSERT_EQ(c.a->GetState(), TcpSocket::CLOSED);
    size_t before = net.Segments().size();
    Ptr<LifecycleTcpSocket> a2 = net.ConnectAt(Seconds(5), 'A', 80, 1000);
    net.RunUntil(Seconds(6));

    Strings wire = net.Wire();
    // B's old incarnation used sequence numbers up to 5002: the new ISS is
    // above it (MAY-2 (1)), not the 100 the generator offered.
    EXPECT_EQ(Strings(wire.begin() + before, wire.end()),
              (Strings{"A <SEQ=11000><CTL=SYN>",
                       "B <SEQ=5003><ACK=11001><CTL=SYN,ACK>",
                       "A <SEQ=11001><ACK=5004><CTL=ACK>"}));
    EXPECT_EQ(net.States(c.b).back(), "CLOSED");
    EXPECT_EQ(net.Changes(c.b).back().cause.ToString(), "rcv SYN");
    EXPECT_EQ(net.States(a2), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
    EXPECT_EQ(net.States(net.Sockets('B').back()), (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED"}));
}

// With TimeWaitReuse off, TIME_WAIT holds: the SYN draws a challenge ACK
// (RFC 5961 4.2), which the client in SYN_SENT answers with a RST that ends
// TIME_WAIT; the client's SYN succeeds when it is sent again.
TEST_F(TimeWait, NewSynWithoutReuse_ChallengeAckRstThenRetrySucceeds)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::TimeWaitReuse", BooleanValue(false));
    TwoNodeNetwork net;
    auto c = CloseWithBFirst(net);
    net.RunUntil(Seconds(5));
    ASSERT_EQ(c.b->GetState(), TcpSocket::TIME_WAIT);
    size_t before = net.Segments().size();
    Ptr<LifecycleTcpSocket> a2 = net.ConnectAt(Seconds(5), 'A', 80, 1000);
    net.RunUntil(Seconds(10));

    Strings wire = net.Wire();
    EXPECT_EQ(Strings(wire.begin() + before, wire.end()),
              (Strings{"A <SEQ=11000><CTL=SYN>",
                       "B <SEQ=5002><ACK=1002><CTL=ACK>", // challenge ACK from TIME_WAIT
                       "A <SEQ=1002><CTL=RST>",           // not for A's SYN: reset
                       "A <SEQ=11000><CTL=SYN>",          // 3 s later
                       "B <SEQ=15000><ACK=11001><CTL=SYN,ACK>",
                       "A <SEQ=11001><ACK=15001><CTL=ACK>"}));
    EXPECT_EQ(net.Changes(c.b).back().cause.ToString(), "rcv RST");
    EXPECT_EQ(net.States(a2), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
}

// RFC 1337 TW-2 (attribute Rfc1337): a RST cannot end TIME_WAIT early.
TEST_F(TimeWait, Rfc1337_RstInTimeWaitIsIgnored)
{
    for (bool rfc1337 : {false, true})
    {
        Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(10)));
        Config::SetDefault("ns3::LifecycleTcpSocket::Rfc1337", BooleanValue(rfc1337));
        TwoNodeNetwork net;
        auto c = CloseWithAFirst(net);
        net.RunUntil(Seconds(5));
        ASSERT_EQ(c.a->GetState(), TcpSocket::TIME_WAIT);
        Simulator::ScheduleNow(
            [&]()
            {
                net.InjectNow('B',
                              TwoNodeNetwork::Header(
                                  80, 1000, c.a->GetRecvVars().nxt.GetValue(), TcpHeader::RST));
            });
        net.RunUntil(Seconds(6));
        EXPECT_EQ(c.a->GetState(), rfc1337 ? TcpSocket::TIME_WAIT : TcpSocket::CLOSED)
            << "Rfc1337=" << rfc1337;
        net.RunUntil(Seconds(30));
        EXPECT_EQ(TimeWaitDuration(net, c.a) == Seconds(20), rfc1337);
        Simulator::Destroy();
    }
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
