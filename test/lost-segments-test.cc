/*
 * A lost SYN, SYN,ACK, FIN, last ACK and data segment, and the retransmission
 * that recovers each (RFC 9293 3.8.1, 3.10.8; RFC 6298).
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

class LostSegments : public SimulationTest
{
};

/// \return the segments sent at or after index \p from
Strings
WireFrom(const TwoNodeNetwork& net, size_t from)
{
    Strings w = net.Wire();
    return from < w.size() ? Strings(w.begin() + from, w.end()) : Strings{};
}

TEST_F(LostSegments, LostSyn_IsSentAgainAfterConnTimeout)
{
    TwoNodeNetwork net;
    net.DropAt('B')->Drop(Match::Syn(), 1);
    net.Listen('B', 80);
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    net.RunUntil(Seconds(6));

    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=1000><CTL=SYN>", // lost
                       "A <SEQ=1000><CTL=SYN>", // ConnTimeout (3 s) later
                       "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>",
                       "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    EXPECT_EQ(net.Segments()[1].at, Seconds(4));
    auto retx = net.Retransmissions(a);
    ASSERT_EQ(retx.size(), 1U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::SYN);
    EXPECT_EQ(retx[0].seq, SequenceNumber32(1000));
    EXPECT_EQ(retx[0].backoff, 1U);
    EXPECT_EQ(retx[0].rto, Seconds(6)); // the next timeout, doubled
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
    EXPECT_EQ(a->GetStats().retransmissions[static_cast<size_t>(LifecycleTcpRetxKind::SYN)], 1U);
}

TEST_F(LostSegments, LostSynAck_IsSentAgainBySynRcvdTimer)
{
    TwoNodeNetwork net;
    net.DropAt('A')->Drop(Match::SynAck(), 1);
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("ConnTimeout", TimeValue(Seconds(1))); // children inherit it
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    net.RunUntil(Seconds(3));

    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=1000><CTL=SYN>",
                       "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>", // lost
                       "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>", // 1 s later
                       "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    auto b = net.Sockets('B').at(1);
    auto retx = net.Retransmissions(b);
    ASSERT_EQ(retx.size(), 1U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::SYN_ACK);
    EXPECT_EQ(net.RetransmissionTimes(b).at(0) - net.Segments()[1].at, Seconds(1));
    EXPECT_TRUE(net.Retransmissions(a).empty());
    EXPECT_EQ(net.States(b), (Strings{"LISTEN", "SYN_RCVD", "ESTABLISHED"}));
}

TEST_F(LostSegments, DuplicateSynInSynRcvd_IsAnsweredWithTheSynAckAgain)
{
    TwoNodeNetwork net;
    net.DropAt('A')->Drop(Match::SynAck(), 1);
    net.Listen('B', 80); // B's SYN,ACK timer (3 s) is later than A's SYN retry
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    a->SetAttribute("ConnTimeout", TimeValue(Seconds(1)));
    net.RunUntil(Seconds(3));

    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=1000><CTL=SYN>",
                       "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>", // lost
                       "A <SEQ=1000><CTL=SYN>",               // A's retry at 2 s
                       "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>", // answered at once
                       "A <SEQ=1001><ACK=5001><CTL=ACK>"}));
    EXPECT_EQ(net.States(a), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
}

TEST_F(LostSegments, LostFin_IsSentAgainAfterRto)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->Drop(Match::Fin(), 1);
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(5));

    EXPECT_EQ(WireFrom(net, before),
              (Strings{"A <SEQ=1001><ACK=5001><CTL=FIN,ACK>", // lost
                       "A <SEQ=1001><ACK=5001><CTL=FIN,ACK>", // one RTO (MinRto 1 s) later
                       "B <SEQ=5001><ACK=1002><CTL=ACK>"}));
    auto sent = net.SegmentsFrom('A');
    EXPECT_EQ(sent[sent.size() - 1].at - sent[sent.size() - 2].at, Seconds(1));
    auto retx = net.Retransmissions(c.a);
    ASSERT_EQ(retx.size(), 1U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::FIN);
    EXPECT_EQ(retx[0].seq, SequenceNumber32(1001));
    EXPECT_EQ(c.a->GetState(), TcpSocket::FIN_WAIT_2);
}

TEST_F(LostSegments, LostLastAck_TimeWaitAcksTheRetransmittedFinAndRestarts)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::Msl", TimeValue(Seconds(10)));
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->Drop(Match::PureAck(), 1); // A's ACK of B's FIN
    c.b->SetCloseCallbacks(
        Callback<void, Ptr<Socket>>([](Ptr<Socket> s)
                                    { Simulator::Schedule(MilliSeconds(100), &Socket::Close, s); }),
        MakeNullCallback<void, Ptr<Socket>>());
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), &Socket::Close, c.a);
    net.RunUntil(Seconds(60));

    EXPECT_EQ(WireFrom(net, before),
              (Strings{"A <SEQ=1001><ACK=5001><CTL=FIN,ACK>",
                       "B <SEQ=5001><ACK=1002><CTL=ACK>",
                       "B <SEQ=5001><ACK=1002><CTL=FIN,ACK>",
                       "A <SEQ=1002><ACK=5002><CTL=ACK>",     // lost
                       "B <SEQ=5001><ACK=1002><CTL=FIN,ACK>", // LAST_ACK resends its FIN
                       "A <SEQ=1002><ACK=5002><CTL=ACK>"}));  // TIME_WAIT acks it again
    auto b = net.Retransmissions(c.b);
    ASSERT_EQ(b.size(), 1U);
    EXPECT_EQ(b[0].kind, LifecycleTcpRetxKind::FIN);
    // TIME_WAIT restarted when the FIN came again: it ends 2*MSL after that.
    Time secondFinArrival = net.Segments().back().at; // A acks at once
    auto changes = net.Changes(c.a);
    EXPECT_EQ(changes.back().to, TcpSocket::CLOSED);
    EXPECT_EQ(changes.back().at, secondFinArrival + Seconds(20));
    EXPECT_EQ(net.States(c.b).back(), "CLOSED");
}

TEST_F(LostSegments, LostData_IsResentAfterRtoAndDeliveredInOrder)
{
    // MSS 1012 less 12 bytes of timestamps: segments of 1000 bytes. Three of
    // them: the loss of the first leaves too few duplicate ACKs for a fast
    // retransmit, so the retransmission timer repairs it.
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1012));
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->Drop(Match::Data(), 1);
    std::vector<uint8_t> sent(3000);
    for (size_t i = 0; i < sent.size(); ++i)
    {
        sent[i] = static_cast<uint8_t>(i * 7 + 3);
    }
    std::vector<uint8_t> got;
    c.b->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [&](Ptr<Socket> s)
        {
            while (Ptr<Packet> p = s->Recv())
            {
                std::vector<uint8_t> chunk(p->GetSize());
                p->CopyData(chunk.data(), chunk.size());
                got.insert(got.end(), chunk.begin(), chunk.end());
            }
        }));
    Simulator::Schedule(Seconds(0.5),
                        [&]() { c.a->Send(Create<Packet>(sent.data(), sent.size())); });
    net.RunUntil(Seconds(5));

    EXPECT_EQ(got, sent);
    auto retx = net.Retransmissions(c.a);
    ASSERT_EQ(retx.size(), 1U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::DATA_RTO);
    EXPECT_EQ(retx[0].seq, SequenceNumber32(1001));
    EXPECT_EQ(retx[0].length, 1000U);
    EXPECT_EQ(c.a->GetSendVars().una, SequenceNumber32(4001));
    EXPECT_EQ(c.a->GetStats().bytesRetransmitted, 1000U);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
