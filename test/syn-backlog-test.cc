/*
 * The SYN backlog of a listening socket (attribute SynBacklog): at most N
 * children half-open in SYN_RCVD; a SYN beyond that is dropped without an
 * answer and counted as BACKLOG_FULL, as Linux does without SYN cookies
 * (RFC 9293 7, SYN flooding); room frees when a half-open child times out or
 * completes, and the peer's SYN retransmission then gets in.
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

/// A segment the L4 Drop trace reported.
struct ReportedDrop
{
    Time at;                       //!< when
    LifecycleTcpDropReason reason; //!< why
    uint16_t sourcePort;           //!< from the segment's header
    bool syn;                      //!< the segment is a SYN
};

class SynBacklog : public SimulationTest
{
  protected:
    /// \brief Record what node \p n's TCP layer reports in its Drop trace.
    void WatchDrops(TwoNodeNetwork& net, char n)
    {
        net.Tcp(n)->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason>(
                [this](Ptr<const Packet> segment,
                       Ipv4Address,
                       Ipv4Address,
                       LifecycleTcpDropReason reason)
                {
                    TcpHeader h;
                    segment->PeekHeader(h);
                    m_drops.push_back(ReportedDrop{Simulator::Now(),
                                                   reason,
                                                   h.GetSourcePort(),
                                                   (h.GetFlags() & TcpHeader::SYN) != 0});
                }));
    }

    /// \return the ports of the BACKLOG_FULL drops reported, in order
    std::vector<uint16_t> BacklogFullPorts() const
    {
        std::vector<uint16_t> ports;
        for (const auto& d : m_drops)
        {
            if (d.reason == LifecycleTcpDropReason::BACKLOG_FULL)
            {
                EXPECT_TRUE(d.syn);
                ports.push_back(d.sourcePort);
            }
        }
        return ports;
    }

    std::vector<ReportedDrop> m_drops; //!< what the Drop trace reported
};

/// \return the BACKLOG_FULL count of \p s
uint32_t
BacklogFullDrops(Ptr<LifecycleTcpSocket> s)
{
    return s->GetStats().drops[static_cast<size_t>(LifecycleTcpDropReason::BACKLOG_FULL)];
}

/// \return the children of B's listener (every socket on B but the listener)
std::vector<Ptr<LifecycleTcpSocket>>
Children(const TwoNodeNetwork& net)
{
    auto onB = net.Sockets('B');
    return std::vector<Ptr<LifecycleTcpSocket>>(onB.begin() + 1, onB.end());
}

/// \return how many of \p sockets are in \p state
size_t
CountIn(const std::vector<Ptr<LifecycleTcpSocket>>& sockets, LifecycleTcpState state)
{
    return std::count_if(sockets.begin(),
                         sockets.end(),
                         [state](Ptr<LifecycleTcpSocket> s) { return s->GetState() == state; });
}

/// \brief SYNs from A's ports \p firstPort, +1, ... to B's port 80, one every
/// millisecond from \p at, SEG.SEQ 100 * port (so a SYN,ACK's ACK names it).
void
InjectSyns(TwoNodeNetwork& net, Time at, uint16_t firstPort, uint32_t count)
{
    for (uint32_t i = 0; i < count; ++i)
    {
        uint16_t port = firstPort + i;
        net.InjectAt(at + MilliSeconds(i),
                     'A',
                     TwoNodeNetwork::Header(port, 80, 100 * port, TcpHeader::SYN));
    }
}

TEST_F(SynBacklog, BacklogFull_ExtraSynsGetNoAnswerAndAreCountedAsBacklogFull)
{
    TwoNodeNetwork net;
    net.DropAt('A')->DropRange(Match::SynAck(), 1, 1000); // the SYN,ACKs never arrive
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("SynBacklog", UintegerValue(3));
    WatchDrops(net, 'B');
    InjectSyns(net, Seconds(1), 2001, 5);
    net.RunUntil(Seconds(2)); // before the first SYN,ACK retransmission (ConnTimeout 3 s)

    auto children = Children(net);
    ASSERT_EQ(children.size(), 3U); // no fork for the 4th and 5th SYN
    EXPECT_EQ(CountIn(children, TcpSocket::SYN_RCVD), 3U);
    EXPECT_EQ(listener->GetHalfOpenCount(), 3U);
    // B answered the first three SYNs, and nothing else: no SYN,ACK, no RST.
    Strings fromB;
    for (const auto& s : net.SegmentsFrom('B'))
    {
        fromB.push_back(s.Rfc());
    }
    EXPECT_EQ(fromB,
              (Strings{"B <SEQ=5000><ACK=200101><CTL=SYN,ACK>",
                       "B <SEQ=15000><ACK=200201><CTL=SYN,ACK>",
                       "B <SEQ=25000><ACK=200301><CTL=SYN,ACK>"}));
    EXPECT_EQ(BacklogFullPorts(), (std::vector<uint16_t>{2004, 2005}));
    EXPECT_EQ(net.Tcp('B')->GetCounters().backlogFull, 2U);
    EXPECT_EQ(net.Tcp('B')->GetCounters().resetsSent, 0U);
    EXPECT_EQ(BacklogFullDrops(listener), 2U); // on the listener's row too
    EXPECT_EQ(listener->GetState(), TcpSocket::LISTEN);
}

TEST_F(SynBacklog, BacklogFull_SynsAreDroppedBeforeTheApplicationIsAsked)
{
    TwoNodeNetwork net;
    net.DropAt('A')->DropRange(Match::SynAck(), 1, 1000);
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("SynBacklog", UintegerValue(1));
    int asked = 0;
    listener->SetAcceptCallback(Callback<bool, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket>, const Address&)
                                    {
                                        ++asked;
                                        return true;
                                    }),
                                MakeNullCallback<void, Ptr<Socket>, const Address&>());
    InjectSyns(net, Seconds(1), 2001, 3);
    net.RunUntil(Seconds(2));
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(BacklogFullDrops(listener), 2U);
}

TEST_F(SynBacklog, HalfOpenChildTimesOut_NextSynIsAcceptedAgain)
{
    TwoNodeNetwork net;
    net.DropAt('A')->DropRange(Match::SynAck(), 1, 1000);
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("SynBacklog", UintegerValue(1));
    listener->SetAttribute("ConnTimeout", TimeValue(Seconds(1))); // children inherit them:
    listener->SetAttribute("ConnCount", UintegerValue(2)); // SYN,ACKs at +0, +1 s, gone at +3 s
    WatchDrops(net, 'B');
    InjectSyns(net, Seconds(1), 2001, 1);
    InjectSyns(net, Seconds(2), 2002, 1); // the first child is still half-open
    InjectSyns(net, Seconds(5), 2003, 1); // it timed out at about 4 s
    net.RunUntil(Seconds(5.5));

    auto children = Children(net);
    ASSERT_EQ(children.size(), 2U);
    EXPECT_EQ(net.States(children[0]), (Strings{"LISTEN", "SYN_RCVD", "CLOSED"}));
    EXPECT_EQ(children[0]->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
    EXPECT_EQ(children[1]->GetFourTuple().remotePort, 2003);
    EXPECT_EQ(children[1]->GetState(), TcpSocket::SYN_RCVD);
    EXPECT_EQ(BacklogFullPorts(), (std::vector<uint16_t>{2002}));
    EXPECT_EQ(listener->GetHalfOpenCount(), 1U);
}

TEST_F(SynBacklog, HalfOpenChildCompletes_EstablishedDoesNotCountAndNextSynIsAccepted)
{
    TwoNodeNetwork net;
    net.DropAt('A')->DropRange(Match::SynAck(), 2, 1000); // only the client's gets through
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("SynBacklog", UintegerValue(1));
    WatchDrops(net, 'B');
    Ptr<LifecycleTcpSocket> client = net.ConnectAt(Seconds(1), 'A', 80, 1000);
    // Reaches B at about 1.015 s, while the client's child is in SYN_RCVD
    // (its SYN arrived at 1.010 s, the ACK completing it arrives at 1.030 s).
    InjectSyns(net, Seconds(1.005), 2001, 1);
    InjectSyns(net, Seconds(1.5), 2002, 1); // the client's child is ESTABLISHED now
    net.RunUntil(Seconds(2));

    EXPECT_EQ(client->GetState(), TcpSocket::ESTABLISHED);
    auto children = Children(net);
    ASSERT_EQ(children.size(), 2U);
    EXPECT_EQ(children[0]->GetState(), TcpSocket::ESTABLISHED);
    EXPECT_EQ(children[1]->GetFourTuple().remotePort, 2002);
    EXPECT_EQ(children[1]->GetState(), TcpSocket::SYN_RCVD);
    EXPECT_EQ(BacklogFullPorts(), (std::vector<uint16_t>{2001}));
}

TEST_F(SynBacklog, Zero_NoLimit)
{
    TwoNodeNetwork::Options o;
    o.realIss = true; // more children than the test's ISS list
    TwoNodeNetwork net(o);
    net.DropAt('A')->DropRange(Match::SynAck(), 1, 1000);
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("SynBacklog", UintegerValue(0));
    InjectSyns(net, Seconds(1), 2000, 300);
    net.RunUntil(Seconds(2));
    EXPECT_EQ(CountIn(Children(net), TcpSocket::SYN_RCVD), 300U);
    EXPECT_EQ(net.Tcp('B')->GetCounters().backlogFull, 0U);
    EXPECT_EQ(BacklogFullDrops(listener), 0U);
}

TEST_F(SynBacklog, Default_HoldsAt128HalfOpen)
{
    TwoNodeNetwork::Options o;
    o.realIss = true;
    TwoNodeNetwork net(o);
    net.DropAt('A')->DropRange(Match::SynAck(), 1, 1000);
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    UintegerValue backlog;
    listener->GetAttribute("SynBacklog", backlog);
    EXPECT_EQ(backlog.Get(), 128U);
    InjectSyns(net, Seconds(1), 2000, 130);
    net.RunUntil(Seconds(2));
    EXPECT_EQ(Children(net).size(), 128U);
    EXPECT_EQ(listener->GetHalfOpenCount(), 128U);
    EXPECT_EQ(net.Tcp('B')->GetCounters().backlogFull, 2U);
}

TEST_F(SynBacklog, LegitimateSynDropped_ConnectsOnItsRetransmissionWhenRoomFrees)
{
    Config::SetDefault("ns3::TcpSocket::ConnTimeout", TimeValue(Seconds(1)));
    TwoNodeNetwork net;
    net.DropAt('A')->DropRange(Match::SynAck(), 1, 2); // the half-open child's two SYN,ACKs
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("SynBacklog", UintegerValue(1));
    // The half-open child sends its SYN,ACK at 1.01 and 2.01 s and gives up
    // at 4.01 s.
    listener->SetAttribute("ConnCount", UintegerValue(2));
    WatchDrops(net, 'B');
    InjectSyns(net, Seconds(1), 2001, 1);
    // The client's SYNs go at 1.5, 2.5 (+1 s) and 4.5 s (+2 s): the first two
    // find the backlog full, the third finds room.
    Ptr<LifecycleTcpSocket> client = net.ConnectAt(Seconds(1.5), 'A', 80, 1000);
    Time establishedAt;
    client->SetConnectCallback(
        Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { establishedAt = Simulator::Now(); }),
        MakeNullCallback<void, Ptr<Socket>>());
    net.RunUntil(Seconds(6));

    EXPECT_EQ(net.States(client), (Strings{"CLOSED", "SYN_SENT", "ESTABLISHED"}));
    EXPECT_EQ(net.RetransmissionTimes(client), (std::vector<Time>{Seconds(2.5), Seconds(4.5)}));
    EXPECT_GT(establishedAt, Seconds(4.5));
    EXPECT_LT(establishedAt, Seconds(4.6));
    EXPECT_EQ(BacklogFullPorts(), (std::vector<uint16_t>{1000, 1000}));
    EXPECT_EQ(BacklogFullDrops(listener), 2U);
    auto children = Children(net);
    ASSERT_EQ(children.size(), 2U);
    EXPECT_EQ(children[0]->GetStats().end, LifecycleTcpEnd::TIMED_OUT);
    EXPECT_EQ(children[1]->GetState(), TcpSocket::ESTABLISHED);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
