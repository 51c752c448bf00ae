/*
 * Retransmission with exponential backoff, bounded by ConnCount and
 * DataRetries; when they run out the application is told and the connection
 * goes to CLOSED (RFC 9293 3.8.3, RFC 6298 (5.5)).
 */
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;
using Match = LifecycleTcpSegmentMatch;

class Retries : public SimulationTest
{
};

TEST_F(Retries, ConnCountSynsUnanswered_ConnectionFailsWhenTheLastTimesOut)
{
    Config::SetDefault("ns3::TcpSocket::ConnTimeout", TimeValue(Seconds(1)));
    Config::SetDefault("ns3::TcpSocket::ConnCount", UintegerValue(3));
    TwoNodeNetwork net;
    net.DropAt('B')->DropRange(Match::Any(), 1, 100);
    Time failedAt;
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    a->SetConnectCallback(
        MakeNullCallback<void, Ptr<Socket>>(),
        Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { failedAt = Simulator::Now(); }));
    net.RunUntil(Seconds(30));

    auto sent = net.SegmentsFrom('A');
    ASSERT_EQ(sent.size(), 3U); // ConnCount SYNs in all
    EXPECT_EQ(sent[0].at, Seconds(1));
    EXPECT_EQ(sent[1].at, Seconds(2)); // + 1 s
    EXPECT_EQ(sent[2].at, Seconds(4)); // + 2 s
    EXPECT_EQ(failedAt, Seconds(8));   // + 4 s: the third timed out
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "CLOSED"}));
    EXPECT_EQ(net.Changes(a).back().cause.ToString(), "timer RTO");
    EXPECT_EQ(a->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
    auto retx = net.Retransmissions(a);
    ASSERT_EQ(retx.size(), 2U);
    EXPECT_EQ(retx[0].backoff, 1U);
    EXPECT_EQ(retx[1].backoff, 2U);
    EXPECT_EQ(a->GetStats().rtoExpirations, 3U);
}

TEST_F(Retries, SynAckUnanswered_ChildGivesUpAndListenerStays)
{
    Config::SetDefault("ns3::TcpSocket::ConnTimeout", TimeValue(Seconds(1)));
    Config::SetDefault("ns3::TcpSocket::ConnCount", UintegerValue(2));
    TwoNodeNetwork net;
    net.DropAt('A')->DropRange(Match::Any(), 1, 100); // A never answers
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    net.InjectAt(Seconds(1), 'A', TwoNodeNetwork::Header(1000, 80, 90, TcpHeader::SYN));
    net.RunUntil(Seconds(10));
    auto fromB = net.SegmentsFrom('B');
    ASSERT_EQ(fromB.size(), 2U);
    EXPECT_EQ(fromB[1].at - fromB[0].at, Seconds(1));
    auto child = net.Sockets('B').at(1);
    EXPECT_EQ(net.States(child), (Strings{"LISTEN", "SYN_RCVD", "CLOSED"}));
    EXPECT_EQ(child->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
    EXPECT_EQ(listener->GetState(), TcpSocket::LISTEN);
    EXPECT_EQ(net.Tcp('B')->GetConnectionCount(), 0U);
}

TEST_F(Retries, DataUnacknowledged_RtoDoublesThenConnectionAborts)
{
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(3));
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->DropRange(Match::Any(), 1, 100);
    Time abortedAt;
    c.a->SetCloseCallbacks(
        MakeNullCallback<void, Ptr<Socket>>(),
        Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { abortedAt = Simulator::Now(); }));
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(100)); });
    net.RunUntil(Seconds(60));

    // RTO is 1 s (MinRto; the handshake's RTT sample is 20 ms), then doubles.
    auto times = net.RetransmissionTimes(c.a);
    ASSERT_EQ(times.size(), 3U);
    EXPECT_EQ(times[0], Seconds(3.5));
    EXPECT_EQ(times[1], Seconds(5.5));
    EXPECT_EQ(times[2], Seconds(9.5));
    EXPECT_EQ(abortedAt, Seconds(17.5));
    auto retx = net.Retransmissions(c.a);
    for (uint32_t i = 0; i < retx.size(); ++i)
    {
        EXPECT_EQ(retx[i].kind, LifecycleTcpRetxKind::DATA_RTO);
        EXPECT_EQ(retx[i].seq, SequenceNumber32(1001));
        EXPECT_EQ(retx[i].length, 100U);
        EXPECT_EQ(retx[i].backoff, i + 1);
        EXPECT_EQ(retx[i].rto, Seconds(1 << (i + 1)));
    }
    EXPECT_EQ(c.a->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(c.a->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
    EXPECT_EQ(c.a->GetStats().maxBackoff, 3U);
    EXPECT_EQ(net.Changes(c.a).back().cause.ToString(), "timer RTO");
}

TEST_F(Retries, FinUnacknowledged_GivesUpAfterDataRetries)
{
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(2));
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->DropRange(Match::Any(), 1, 100);
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(60));
    auto retx = net.Retransmissions(c.a);
    ASSERT_EQ(retx.size(), 2U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::FIN);
    EXPECT_EQ(retx[1].kind, LifecycleTcpRetxKind::FIN);
    EXPECT_EQ(net.States(c.a).back(), "CLOSED");
    EXPECT_EQ(c.a->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
}

TEST_F(Retries, NewAck_ResetsTheBackoff)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->DropRange(Match::Data(), 1, 2); // the first two transmissions
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(100)); });
    Simulator::Schedule(Seconds(10), [&]() { c.a->Send(Create<Packet>(100)); });
    net.DropAt('B')->Drop(Match::Data(), 4); // the second send's first try
    net.RunUntil(Seconds(20));
    auto retx = net.Retransmissions(c.a);
    ASSERT_EQ(retx.size(), 3U);
    EXPECT_EQ(retx[1].backoff, 2U);
    EXPECT_EQ(retx[2].backoff, 1U); // starts again from the RTO after the ACK
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
