/*
 * TCP options real peers send: MSS (RFC 9293 3.7.1), window scale and
 * timestamps (RFC 7323) negotiated and switchable by attribute, PAWS, and
 * SACK declined cleanly.
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-network.h"

#include "ns3/tcp-option-sack-permitted.h"
#include "ns3/tcp-option-ts.h"
#include "ns3/tcp-option-winscale.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

class TcpOptions : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));
    }
};

/// Headers sent by a node's TCP layer, in order.
struct HeaderLog
{
    std::vector<TcpHeader> headers;
    std::vector<uint32_t> lengths;

    void Watch(Ptr<LifecycleTcpL4Protocol> tcp)
    {
        tcp->TraceConnectWithoutContext(
            "Tx",
            Callback<void, Ptr<const Packet>, const TcpHeader&, Ipv4Address, Ipv4Address>(
                [this](Ptr<const Packet> p, const TcpHeader& h, Ipv4Address, Ipv4Address)
                {
                    headers.push_back(h);
                    lengths.push_back(p->GetSize());
                }));
    }
};

TEST_F(TcpOptions, WindowScale_BothOffer_WindowsAbove64KiBAreUsed)
{
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(1 << 20));
    TwoNodeNetwork net;
    HeaderLog fromA;
    HeaderLog fromB;
    fromA.Watch(net.Tcp('A'));
    fromB.Watch(net.Tcp('B'));
    auto c = net.Establish();
    ASSERT_GE(fromA.headers.size(), 2U);
    ASSERT_TRUE(fromA.headers[0].HasOption(TcpOption::WINSCALE));
    ASSERT_TRUE(fromB.headers[0].HasOption(TcpOption::WINSCALE));
    // 1 MiB needs a shift of 5 to fit 16 bits (RFC 7323 2.3).
    auto ws = DynamicCast<const TcpOptionWinScale>(fromA.headers[0].GetOption(TcpOption::WINSCALE));
    EXPECT_EQ(ws->GetScale(), 5);
    EXPECT_EQ(c.a->GetSendVars().windShift, 5);
    EXPECT_EQ(c.a->GetRecvVars().windShift, 5);
    // The SYN's window is not scaled; later windows are.
    EXPECT_EQ(fromA.headers[0].GetWindowSize(), 65535);
    EXPECT_EQ(fromA.headers[1].GetWindowSize(), (1 << 20) >> 5);
    EXPECT_EQ(c.b->GetSendVars().wnd, 1U << 20);
}

TEST_F(TcpOptions, WindowScale_OffOnOneSide_IsNotUsed)
{
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(1 << 20));
    TwoNodeNetwork net;
    HeaderLog fromB;
    fromB.Watch(net.Tcp('B'));
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    listener->SetAttribute("WindowScaling", BooleanValue(false));
    Ptr<LifecycleTcpSocket> a = net.ConnectAt(Seconds(1), 'A', 80);
    StreamSender sender(a, 300000, 4, StreamSender::Finish::NOTHING);
    a->SetConnectCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket>) { sender.Start(); }),
                          MakeNullCallback<void, Ptr<Socket>>());
    StreamReceiver receiver(false);
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                Callback<void, Ptr<Socket>, const Address&>(
                                    [&](Ptr<Socket> s, const Address&) { receiver.Attach(s); }));
    net.RunUntil(Seconds(5));
    ASSERT_FALSE(fromB.headers.empty());
    EXPECT_FALSE(fromB.headers[0].HasOption(TcpOption::WINSCALE)); // the SYN,ACK
    EXPECT_EQ(a->GetSendVars().windShift, 0);
    EXPECT_EQ(a->GetRecvVars().windShift, 0);
    EXPECT_LE(a->GetSendVars().wnd, 65535U);
    EXPECT_TRUE(receiver.Matches(300000, 4));
}

TEST_F(TcpOptions, Timestamps_Negotiated_EverySegmentButRstCarriesThemAndRttComesFromEchoes)
{
    TwoNodeNetwork net;
    HeaderLog fromA;
    fromA.Watch(net.Tcp('A'));
    auto c = net.Establish();
    StreamReceiver receiver(false);
    receiver.Attach(c.b);
    StreamSender sender(c.a, 50000, 1, StreamSender::Finish::CLOSE);
    Simulator::Schedule(Seconds(0.2), [&]() { sender.Start(); });
    net.RunUntil(Seconds(4));
    ASSERT_TRUE(receiver.Matches(50000, 1));
    uint32_t lastTsval = 0;
    for (const auto& h : fromA.headers)
    {
        ASSERT_TRUE(h.HasOption(TcpOption::TS)) << h;
        auto ts = DynamicCast<const TcpOptionTS>(h.GetOption(TcpOption::TS));
        EXPECT_GE(ts->GetTimestamp(), lastTsval); // a clock: never backwards
        lastTsval = ts->GetTimestamp();
        if (!(h.GetFlags() & TcpHeader::SYN))
        {
            EXPECT_NE(ts->GetEcho(), 0U); // TSecr echoes B's TSval
        }
    }
    // RTT samples from echoes, at the 1 ms resolution of the timestamp clock:
    // the unloaded round trip is 20 ms plus transmission times; queueing in
    // slow start adds some.
    EXPECT_GT(c.a->GetStats().rttSamples, 10U);
    EXPECT_GE(c.a->GetStats().rttMin, MilliSeconds(20));
    EXPECT_LE(c.a->GetStats().rttMin, MilliSeconds(22));
    EXPECT_LT(c.a->GetStats().rttMax, MilliSeconds(100));
    // 12 bytes of every segment go to the option (MUST-16).
    EXPECT_EQ(c.a->GetSendVars().mss, 1448U);
}

TEST_F(TcpOptions, Timestamps_Off_NoneOnTheWireAndTheFullMssCarriesText)
{
    Config::SetDefault("ns3::LifecycleTcpSocket::Timestamps", BooleanValue(false));
    TwoNodeNetwork net;
    HeaderLog fromA;
    fromA.Watch(net.Tcp('A'));
    auto c = net.Establish();
    for (const auto& h : fromA.headers)
    {
        EXPECT_FALSE(h.HasOption(TcpOption::TS));
    }
    EXPECT_EQ(c.a->GetSendVars().mss, 1460U);
    EXPECT_GT(c.a->GetStats().rttSamples, 0U); // Karn's timed segment (the SYN)
}

// RFC 7323 5.3: a segment whose TSval is older than TS.Recent is an old
// duplicate: acknowledged and dropped, even with its sequence number in the window.
TEST_F(TcpOptions, Paws_SegmentWithAnOldTimestamp_IsDroppedAndAcked)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    uint64_t delivered = 0;
    c.a->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [&](Ptr<Socket> s)
        {
            while (Ptr<Packet> p = s->Recv())
            {
                delivered += p->GetSize();
            }
        }));
    auto inject = [&](uint32_t tsval)
    {
        TcpHeader h = TwoNodeNetwork::Header(80,
                                             1000,
                                             c.a->GetRecvVars().nxt.GetValue(),
                                             TcpHeader::ACK,
                                             c.a->GetSendVars().nxt.GetValue());
        Ptr<TcpOptionTS> ts = CreateObject<TcpOptionTS>();
        ts->SetTimestamp(tsval);
        ts->SetEcho(0);
        h.AppendOption(ts);
        net.InjectNow('B', h, 10);
    };
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), [&]() { inject(1); }); // far older than B's clock
    net.RunUntil(Seconds(2.6));
    EXPECT_EQ(delivered, 0U);
    EXPECT_EQ(c.a->GetStats().drops[static_cast<size_t>(LifecycleTcpDropReason::OUT_OF_WINDOW)],
              1U);
    ASSERT_EQ(net.Segments().size(), before + 2);
    EXPECT_EQ(net.Segments().back().from, 'A'); // the ACK in reply
    // The same segment with a current timestamp is taken.
    Simulator::ScheduleNow([&]() { inject(5000 + 60000); });
    net.RunUntil(Seconds(3));
    EXPECT_EQ(delivered, 10U);
}

// SACK is not implemented: SACK-permitted is never offered, so a peer never
// sends SACK blocks (RFC 2018: SACK is used only when both SYNs permit it).
TEST_F(TcpOptions, SackPermittedFromPeer_IsDeclined)
{
    TwoNodeNetwork net;
    HeaderLog fromB;
    fromB.Watch(net.Tcp('B'));
    HeaderLog fromA;
    fromA.Watch(net.Tcp('A'));
    net.Listen('B', 80);
    TcpHeader syn = TwoNodeNetwork::Header(1000, 80, 90, TcpHeader::SYN);
    syn.AppendOption(CreateObject<TcpOptionSackPermitted>());
    net.InjectAt(Seconds(1), 'A', syn);
    net.ConnectAt(Seconds(2), 'A', 80, 2000);
    net.RunUntil(Seconds(3));
    ASSERT_FALSE(fromB.headers.empty());
    for (const auto& h : fromB.headers)
    {
        EXPECT_FALSE(h.HasOption(TcpOption::SACKPERMITTED));
    }
    for (const auto& h : fromA.headers)
    {
        EXPECT_FALSE(h.HasOption(TcpOption::SACKPERMITTED));
    }
    EXPECT_EQ(net.Sockets('B').back()->GetState(), TcpSocket::ESTABLISHED);
}

// MUST-14, MUST-16: the MSS offered and used never exceeds what the path's
// MTU carries, whatever SegmentSize says.
TEST_F(TcpOptions, SegmentSizeAboveThePathMtu_IsCappedByIt)
{
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(9000));
    TwoNodeNetwork net;
    HeaderLog fromA;
    fromA.Watch(net.Tcp('A'));
    auto c = net.Establish();
    auto mss = DynamicCast<const TcpOptionMSS>(fromA.headers.at(0).GetOption(TcpOption::MSS));
    EXPECT_EQ(mss->GetMSS(), 1460); // MTU 1500 - 40
    EXPECT_EQ(c.a->GetSendVars().mss, 1448U);
    StreamReceiver receiver(false);
    receiver.Attach(c.b);
    StreamSender sender(c.a, 100000, 8, StreamSender::Finish::NOTHING);
    Simulator::Schedule(Seconds(0.2), [&]() { sender.Start(); });
    net.RunUntil(Seconds(5));
    EXPECT_TRUE(receiver.Matches(100000, 8));
    for (uint32_t len : fromA.lengths)
    {
        EXPECT_LE(len, 1448U); // never an IP fragment
    }
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
