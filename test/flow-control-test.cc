/*
 * Flow control (RFC 9293 3.8.6): the advertised window follows what the
 * application has read; a zero window is probed with backed-off probes and
 * the connection stays open (MUST-35, 36, 37); silly-window avoidance on both
 * sides (MUST-38, 39); a shrinking window (MUST-34); delayed ACKs (MUST-40,
 * SHLD-18, SHLD-19, RFC 5681 4.2) and the Nagle algorithm (MUST-17).
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

class FlowControl : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460)); // 1448 of text
    }
};

/// Reads everything available from \p s into \p got; returns bytes read.
uint64_t
ReadAll(Ptr<Socket> s, std::vector<uint8_t>& got)
{
    uint64_t n = 0;
    while (Ptr<Packet> p = s->Recv())
    {
        size_t at = got.size();
        got.resize(at + p->GetSize());
        p->CopyData(got.data() + at, p->GetSize());
        n += p->GetSize();
    }
    return n;
}

/// The bytes of stream \p seed from 0 to n.
std::vector<uint8_t>
Stream(uint64_t n, uint32_t seed)
{
    std::vector<uint8_t> v(n);
    for (uint64_t i = 0; i < n; ++i)
    {
        v[i] = StreamByte(i, seed);
    }
    return v;
}

TEST_F(FlowControl, ZeroWindow_IsProbedWithBackoffAndReopensWhenTheAppReads)
{
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(20000));
    TwoNodeNetwork net;
    auto c = net.Establish(); // B reads nothing until 20 s
    std::vector<uint8_t> sent = Stream(60000, 3);
    std::vector<uint8_t> got;
    Simulator::Schedule(Seconds(0.5),
                        [&]() { c.a->Send(Create<Packet>(sent.data(), sent.size())); });
    Simulator::Schedule(Seconds(18),
                        [&]()
                        {
                            c.b->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> s)
                                                                             { ReadAll(s, got); }));
                            ReadAll(c.b, got);
                        });
    net.RunUntil(Seconds(40));

    EXPECT_EQ(got, sent);
    auto retx = net.Retransmissions(c.a);
    std::vector<Time> probes;
    auto times = net.RetransmissionTimes(c.a);
    for (size_t i = 0; i < retx.size(); ++i)
    {
        ASSERT_EQ(retx[i].kind, LifecycleTcpRetxKind::WINDOW_PROBE) << i;
        EXPECT_EQ(retx[i].length, 1U);
        probes.push_back(times[i]);
    }
    // The first probe one RTO (1 s) after the window closed, then 2, 4, 8 s apart.
    ASSERT_EQ(probes.size(), 4U);
    EXPECT_EQ(probes[1] - probes[0], Seconds(2));
    EXPECT_EQ(probes[2] - probes[1], Seconds(4));
    EXPECT_EQ(probes[3] - probes[2], Seconds(8));
    // Every probe drew an ACK with the zero window.
    EXPECT_EQ(c.a->GetStats().rtoExpirations, 0U);
    EXPECT_EQ(c.a->GetState(), TcpSocket::ESTABLISHED);
}

TEST_F(FlowControl, ZeroWindowForLongerThanDataRetriesAllow_ConnectionStaysOpen)
{
    Config::SetDefault("ns3::TcpSocket::DataRetries", UintegerValue(2));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(10000));
    TwoNodeNetwork net;
    auto c = net.Establish();
    std::vector<uint8_t> got;
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(30000)); });
    Simulator::Schedule(Seconds(100),
                        [&]()
                        {
                            c.b->SetRecvCallback(Callback<void, Ptr<Socket>>([&](Ptr<Socket> s)
                                                                             { ReadAll(s, got); }));
                            ReadAll(c.b, got);
                        });
    net.RunUntil(Seconds(200));
    // MUST-37: while probes are answered, the connection is not timed out.
    EXPECT_EQ(got.size(), 30000U);
    EXPECT_EQ(c.a->GetState(), TcpSocket::ESTABLISHED);
    EXPECT_GT(
        c.a->GetStats().retransmissions[static_cast<size_t>(LifecycleTcpRetxKind::WINDOW_PROBE)],
        3U);
}

TEST_F(FlowControl, SlowReader_WindowEdgeMovesByAtLeastAnMssAndSegmentsStayFull)
{
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(10000));
    TwoNodeNetwork net;
    auto c = net.Establish();
    std::vector<uint8_t> sent = Stream(40000, 5);
    std::vector<uint8_t> got;
    // B reads 300 bytes every 50 ms.
    std::function<void()> nibble = [&]()
    {
        if (Ptr<Packet> p = c.b->Recv(300, 0))
        {
            size_t at = got.size();
            got.resize(at + p->GetSize());
            p->CopyData(got.data() + at, p->GetSize());
        }
        if (got.size() < sent.size())
        {
            Simulator::Schedule(MilliSeconds(50), nibble);
        }
    };
    Simulator::Schedule(Seconds(0.5),
                        [&]()
                        {
                            c.a->Send(Create<Packet>(sent.data(), sent.size()));
                            nibble();
                        });
    size_t before = net.Segments().size();
    net.RunUntil(Seconds(20));
    ASSERT_EQ(got, sent);

    auto segments = net.Segments();
    uint32_t edge = 0;
    size_t aData = 0;
    for (size_t i = before; i < segments.size(); ++i)
    {
        const auto& s = segments[i];
        if (s.from == 'A' && s.length > 1)
        {
            ++aData;
            // MUST-38: no short segment but the last (all queued data sent).
            if (s.seq + s.length != 1001 + 40000)
            {
                EXPECT_EQ(s.length, 1448U) << "A sent a silly segment at " << s.at;
            }
        }
        if (s.from == 'B')
        {
            uint32_t newEdge = s.ack + s.window;
            if (edge != 0)
            {
                EXPECT_GE(newEdge, edge) << "B moved its right edge left (SHLD-14)";
                if (newEdge > edge)
                {
                    EXPECT_GE(newEdge - edge, 1448U) << "B advanced its edge by a sliver (MUST-39)";
                }
            }
            edge = newEdge;
        }
    }
    EXPECT_GT(aData, 20U);
}

TEST_F(FlowControl, ReaderKeepingUp_SendsNoSeparateWindowUpdates)
{
    TwoNodeNetwork net; // 128 KiB receive buffer: the window never runs low
    auto c = net.Establish();
    StreamReceiver receiver(false);
    receiver.Attach(c.b);
    StreamSender sender(c.a, 1448 * 20, 4, StreamSender::Finish::NOTHING);
    Simulator::Schedule(Seconds(0.5), [&]() { sender.Start(); });
    size_t before = net.Segments().size();
    net.RunUntil(Seconds(5));
    ASSERT_TRUE(receiver.Matches(1448 * 20, 4));
    // Every segment from B acknowledges new data: reading while the window
    // is wide open does not cost a segment of its own.
    uint32_t lastAck = 0;
    size_t fromB = 0;
    for (size_t i = before; i < net.Segments().size(); ++i)
    {
        const auto& s = net.Segments()[i];
        if (s.from == 'B')
        {
            ++fromB;
            EXPECT_GT(s.ack, lastAck) << "B sent a bare window update at " << s.at;
            lastAck = s.ack;
        }
    }
    EXPECT_GE(fromB, 10U);
}

TEST_F(FlowControl, ReadWhileMostOfTheWindowIsStillOpen_SendsNoBareUpdate)
{
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(10000));
    TwoNodeNetwork net;
    auto c = net.Establish();
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(1448 * 2)); });
    std::vector<uint8_t> got;
    Simulator::Schedule(Seconds(1), [&]() { ReadAll(c.b, got); });
    size_t before = net.SegmentsFrom('B').size();
    net.RunUntil(Simulator::Now() + Seconds(2));
    ASSERT_EQ(got.size(), 1448U * 2);
    // B's ACK of both segments offered 7104 bytes, more than half of the
    // 10000 the read frees: the peer is not held back, so no segment goes.
    std::vector<WireSegment> fromB = net.SegmentsFrom('B');
    ASSERT_EQ(fromB.size(), before + 1);
    EXPECT_EQ(fromB.back().ack, 1001U + 1448 * 2);
    EXPECT_EQ(fromB.back().window, 10000U - 1448 * 2);
}

TEST_F(FlowControl, ReadAfterTheWindowFellBelowHalf_AnnouncesTheOpenedWindowAtOnce)
{
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(10000));
    TwoNodeNetwork net;
    auto c = net.Establish();
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(1448 * 5)); });
    std::vector<uint8_t> got;
    Time readAt = Simulator::Now() + Seconds(1);
    Simulator::Schedule(Seconds(1), [&]() { ReadAll(c.b, got); });
    net.RunUntil(readAt + Seconds(1));
    ASSERT_EQ(got.size(), 1448U * 5);
    // 7240 of 10000 bytes were held: the window B had offered fell to 2760,
    // less than half of the 10000 the read frees, so B says so at once.
    std::vector<WireSegment> fromB = net.SegmentsFrom('B');
    ASSERT_FALSE(fromB.empty());
    const WireSegment& update = fromB.back();
    EXPECT_EQ(update.at, readAt);
    EXPECT_EQ(update.ack, 1001U + 1448 * 5);
    EXPECT_EQ(update.window, 10000U);
    EXPECT_EQ(update.length, 0U);
}

TEST_F(FlowControl, ShrunkenWindow_NoNewDataGoesUntilItOpensAgain)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    StreamReceiver receiver(false);
    receiver.Attach(c.b);
    StreamSender sender(c.a, 300000, 9, StreamSender::Finish::NOTHING);
    Simulator::Schedule(Seconds(0.5), [&]() { sender.Start(); });
    // At 2.6 s B (as if it changed its mind) offers a window of zero while
    // data is in flight: the usable window goes negative (MUST-34).
    uint32_t nxtAtShrink = 0;
    Time shrinkAt = Seconds(2.6);
    Simulator::Schedule(shrinkAt - Seconds(2),
                        [&]()
                        {
                            nxtAtShrink = c.a->GetSendVars().nxt.GetValue();
                            net.InjectNow('B',
                                          TwoNodeNetwork::Header(80,
                                                                 1000,
                                                                 c.b->GetSendVars().nxt.GetValue(),
                                                                 TcpHeader::ACK,
                                                                 c.a->GetSendVars().una.GetValue(),
                                                                 0));
                        });
    net.RunUntil(Seconds(10));
    EXPECT_TRUE(receiver.Matches(300000, 9));
    // Until B's next real ACK reopened the window, A sent no new data (SHLD-15).
    Time reopened = Time::Max();
    bool injectedSeen = false;
    for (const auto& s : net.Segments())
    {
        if (s.from == 'B' && s.at > shrinkAt + MilliSeconds(20) && s.window == 0 && !injectedSeen)
        {
            injectedSeen = true;
        }
        if (s.from == 'B' && s.at > shrinkAt && s.window > 0 && reopened == Time::Max())
        {
            reopened = s.at;
        }
    }
    for (const auto& s : net.SegmentsFrom('A'))
    {
        if (s.at >= shrinkAt + MicroSeconds(10100) && s.at < reopened + MilliSeconds(10)
            && s.length > 0)
        {
            EXPECT_LT(s.seq - 1001 + 1001, nxtAtShrink) << "new data despite the shrunken window";
        }
    }
    (void)injectedSeen;
}

TEST_F(FlowControl, LoneSmallSegment_IsAckedAfterDelAckTimeout)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Time arrived;
    c.b->TraceConnectWithoutContext(
        "Rx",
        Callback<void, Ptr<const Packet>, const TcpHeader&, Ptr<const LifecycleTcpSocket>>(
            [&](Ptr<const Packet> p, const TcpHeader&, auto)
            {
                if (p->GetSize() > 0)
                {
                    arrived = Simulator::Now();
                }
            }));
    size_t before = net.Segments().size();
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(100)); });
    net.RunUntil(Seconds(3));
    auto segments = net.Segments();
    ASSERT_EQ(segments.size(), before + 2);
    EXPECT_EQ(segments.back().from, 'B');
    EXPECT_EQ(segments.back().at - arrived, MilliSeconds(200)); // DelAckTimeout
}

TEST_F(FlowControl, DelAckTimeoutAboveHalfASecond_IsCappedBelowIt)
{
    Config::SetDefault("ns3::TcpSocket::DelAckTimeout", TimeValue(Seconds(2)));
    TwoNodeNetwork net;
    auto c = net.Establish();
    Time arrived;
    c.b->TraceConnectWithoutContext(
        "Rx",
        Callback<void, Ptr<const Packet>, const TcpHeader&, Ptr<const LifecycleTcpSocket>>(
            [&](Ptr<const Packet> p, const TcpHeader&, auto)
            {
                if (p->GetSize() > 0)
                {
                    arrived = Simulator::Now();
                }
            }));
    Simulator::Schedule(Seconds(0.5), [&]() { c.a->Send(Create<Packet>(100)); });
    net.RunUntil(Seconds(5));
    EXPECT_EQ(net.Segments().back().at - arrived, MilliSeconds(499)); // MUST-40: < 0.5 s
}

TEST_F(FlowControl, BulkTransfer_AcksEverySecondFullSegment)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    StreamReceiver receiver(false);
    receiver.Attach(c.b);
    StreamSender sender(c.a, 1448 * 200, 2, StreamSender::Finish::NOTHING);
    Simulator::Schedule(Seconds(0.5), [&]() { sender.Start(); });
    size_t before = net.Segments().size();
    net.RunUntil(Seconds(5));
    ASSERT_TRUE(receiver.Matches(1448 * 200, 2));
    size_t data = 0;
    size_t acks = 0;
    for (size_t i = before; i < net.Segments().size(); ++i)
    {
        const auto& s = net.Segments()[i];
        data += s.from == 'A' && s.length > 0;
        acks += s.from == 'B';
    }
    // SHLD-19: an ACK at least every second full-sized segment, and not for each.
    EXPECT_GE(acks * 2 + 1, data);
    EXPECT_LE(acks, data * 6 / 10);
}

TEST_F(FlowControl, OutOfOrderSegment_IsAckedAtOnce)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    net.DropAt('B')->Drop(LifecycleTcpSegmentMatch::Data(), 1);
    Simulator::Schedule(Seconds(0.5),
                        [&]()
                        {
                            c.a->Send(Create<Packet>(1448));
                            c.a->Send(Create<Packet>(1448));
                        });
    net.RunUntil(Seconds(0.5) + Seconds(2) + MilliSeconds(40));
    // The second segment arrives above a gap: B sends a duplicate ACK at once
    // (RFC 5681 4.2), not 200 ms later.
    std::vector<WireSegment> fromB = net.SegmentsFrom('B');
    ASSERT_FALSE(fromB.empty());
    EXPECT_EQ(fromB.back().ack, 1001U);
    EXPECT_LT(fromB.back().at, Seconds(2.5) + MilliSeconds(30));
}

TEST_F(FlowControl, NagleOn_SmallWritesWaitForTheAckAndGoTogether)
{
    Config::SetDefault("ns3::TcpSocket::TcpNoDelay", BooleanValue(false));
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    for (int i = 0; i < 10; ++i)
    {
        Simulator::Schedule(Seconds(0.5) + MicroSeconds(100 * i),
                            [&]() { c.a->Send(Create<Packet>(100)); });
    }
    net.RunUntil(Seconds(3));
    std::vector<uint32_t> lengths;
    for (size_t i = before; i < net.Segments().size(); ++i)
    {
        if (net.Segments()[i].from == 'A' && net.Segments()[i].length > 0)
        {
            lengths.push_back(net.Segments()[i].length);
        }
    }
    // The first goes at once; the rest wait for its ACK (delayed by B), then
    // leave as one segment (RFC 9293 3.7.4).
    EXPECT_EQ(lengths, (std::vector<uint32_t>{100, 900}));
}

TEST_F(FlowControl, NagleOff_EachSmallWriteGoesAtOnce)
{
    TwoNodeNetwork net; // TcpNoDelay is ns-3's default: true
    auto c = net.Establish();
    size_t before = net.Segments().size();
    for (int i = 0; i < 10; ++i)
    {
        Simulator::Schedule(Seconds(0.5) + MicroSeconds(100 * i),
                            [&]() { c.a->Send(Create<Packet>(100)); });
    }
    net.RunUntil(Seconds(3));
    size_t small = 0;
    for (size_t i = before; i < net.Segments().size(); ++i)
    {
        small += net.Segments()[i].from == 'A' && net.Segments()[i].length == 100;
    }
    EXPECT_EQ(small, 10U);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
