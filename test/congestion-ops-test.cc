/*
 * Unit tests of LifecycleTcpNewReno's window management (RFC 5681):
 *
 *   (3.1) initial window IW, set by Init as IW segments of SMSS
 *   (3.2) slow start while cwnd < ssthresh: cwnd += min(N, SMSS) per ACK
 *         (appropriate byte counting, RFC 3465, L = 1 SMSS)
 *   (3.3) congestion avoidance: cwnd += SMSS once per cwnd of bytes acked
 *   (4)   loss: ssthresh = max(FlightSize / 2, 2 * SMSS); after a
 *         retransmission timeout cwnd = LW = 1 SMSS, and ssthresh is only
 *         lowered on the first timeout of a loss episode
 */
#include "ns3/lifecycle-tcp-congestion-ops.h"
#include "ns3/object-factory.h"
#include "ns3/object.h"
#include "ns3/ptr.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace ns3
{
namespace
{

using State = LifecycleTcpCongestionState;

/// \return a state with \p cwnd, \p ssthresh and \p smss
State
MakeState(uint32_t cwnd, uint32_t ssthresh, uint32_t smss = 1000)
{
    State s;
    s.cwnd = cwnd;
    s.ssthresh = ssthresh;
    s.smss = smss;
    s.bytesAckedCa = 0;
    return s;
}

TEST(NewReno, IsNamedNewRenoAndCreatedByItsTypeId)
{
    ObjectFactory factory;
    factory.SetTypeId("ns3::LifecycleTcpNewReno");
    Ptr<LifecycleTcpCongestionOps> ops = factory.Create<LifecycleTcpCongestionOps>();
    ASSERT_NE(ops, nullptr);
    EXPECT_EQ(ops->GetName(), "NewReno");
    EXPECT_EQ(ops->GetInstanceTypeId(), LifecycleTcpNewReno::GetTypeId());
    EXPECT_EQ(LifecycleTcpNewReno::GetTypeId().GetParent(), LifecycleTcpCongestionOps::GetTypeId());
}

TEST(NewReno, InitSetsCwndToTheInitialWindowInSegmentsOfSmss)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(0, 0, 1448);
    s.bytesAckedCa = 999;
    ops->Init(s, 10, 65535);
    EXPECT_EQ(s.cwnd, 14480U);
    EXPECT_EQ(s.ssthresh, 65535U);
    EXPECT_EQ(s.bytesAckedCa, 0U);
    EXPECT_EQ(s.smss, 1448U);

    State t = MakeState(0, 0, 536);
    ops->Init(t, 4, 0xFFFFFFFF);
    EXPECT_EQ(t.cwnd, 2144U);
    EXPECT_EQ(t.ssthresh, 0xFFFFFFFFU);
}

TEST(NewReno, SlowStartAddsTheBytesAckedUpToOneSmssPerAck)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(10000, 65535);
    ops->OnAck(s, 500); // a partial segment: +500
    EXPECT_EQ(s.cwnd, 10500U);
    ops->OnAck(s, 1000); // one SMSS: +1000
    EXPECT_EQ(s.cwnd, 11500U);
    ops->OnAck(s, 3000); // a stretch ACK of three segments: still +1 SMSS
    EXPECT_EQ(s.cwnd, 12500U);
    ops->OnAck(s, 1);
    EXPECT_EQ(s.cwnd, 12501U);
    EXPECT_EQ(s.ssthresh, 65535U);
}

TEST(NewReno, SlowStartDoublesCwndEveryRoundTrip)
{
    // Each round trip, every segment of the window is acknowledged by one ACK.
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(0, 1000000);
    ops->Init(s, 1, 1000000);
    for (uint32_t rtt = 1; rtt <= 8; ++rtt)
    {
        uint32_t segments = s.cwnd / s.smss;
        for (uint32_t i = 0; i < segments; ++i)
        {
            ops->OnAck(s, s.smss);
        }
        EXPECT_EQ(s.cwnd, (1U << rtt) * 1000U) << "after round trip " << rtt;
    }
}

TEST(NewReno, CongestionAvoidanceAddsOneSmssPerCwndOfBytesAcked)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(10000, 5000);
    for (int i = 0; i < 9; ++i)
    {
        ops->OnAck(s, 1000);
        EXPECT_EQ(s.cwnd, 10000U) << "after " << (i + 1) << " ACKs";
    }
    EXPECT_EQ(s.bytesAckedCa, 9000U);
    ops->OnAck(s, 1000); // 10000 bytes acked: one cwnd
    EXPECT_EQ(s.cwnd, 11000U);
    EXPECT_EQ(s.bytesAckedCa, 0U);
    // The next increase takes a whole (larger) window of ACKs.
    for (int i = 0; i < 10; ++i)
    {
        ops->OnAck(s, 1000);
    }
    EXPECT_EQ(s.cwnd, 11000U);
    ops->OnAck(s, 1000);
    EXPECT_EQ(s.cwnd, 12000U);
    EXPECT_EQ(s.ssthresh, 5000U);
}

TEST(NewReno, CongestionAvoidanceCarriesTheExcessBytesOver)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(10000, 5000);
    ops->OnAck(s, 9500);
    EXPECT_EQ(s.cwnd, 10000U);
    ops->OnAck(s, 1000); // 10500 acked: +1 SMSS, 500 carried
    EXPECT_EQ(s.cwnd, 11000U);
    EXPECT_EQ(s.bytesAckedCa, 500U);
    ops->OnAck(s, 10500); // 11000 acked
    EXPECT_EQ(s.cwnd, 12000U);
    EXPECT_EQ(s.bytesAckedCa, 0U);
}

TEST(NewReno, CongestionAvoidanceGrowsBySmssEveryRoundTrip)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(20000, 20000, 1000);
    for (uint32_t rtt = 1; rtt <= 10; ++rtt)
    {
        uint32_t segments = s.cwnd / s.smss;
        for (uint32_t i = 0; i < segments; ++i)
        {
            ops->OnAck(s, s.smss);
        }
        EXPECT_EQ(s.cwnd, 20000U + rtt * 1000U) << "after round trip " << rtt;
    }
}

TEST(NewReno, SlowStartHandsOverToCongestionAvoidanceAtSsthresh)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(3000, 4000);
    ops->OnAck(s, 1000); // slow start: 3000 < 4000
    EXPECT_EQ(s.cwnd, 4000U);
    EXPECT_EQ(s.bytesAckedCa, 0U);
    // cwnd == ssthresh: RFC 5681 (3.1) allows either algorithm for the next
    // ACK, but once cwnd is above ssthresh growth is linear: whichever was
    // used, these 3000 bytes grow cwnd by one SMSS at most.
    ops->OnAck(s, 1000);
    ops->OnAck(s, 1000);
    ops->OnAck(s, 1000);
    EXPECT_LE(s.cwnd, 5000U);
    State t = MakeState(5000, 4000);
    ops->OnAck(t, 1000); // above ssthresh: counted, not added
    EXPECT_EQ(t.cwnd, 5000U);
    EXPECT_EQ(t.bytesAckedCa, 1000U);
}

TEST(NewReno, SsthreshAfterLossIsHalfTheFlightSize)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(30000, 65535);
    EXPECT_EQ(ops->GetSsThresh(s, 20000), 10000U);
    EXPECT_EQ(ops->GetSsThresh(s, 20001), 10000U);
    EXPECT_EQ(ops->GetSsThresh(s, 5002), 2501U);
    // FlightSize, not cwnd (RFC 5681 (4) note): a small flight gives a small ssthresh.
    EXPECT_EQ(ops->GetSsThresh(s, 8000), 4000U);
    // The state is not changed.
    EXPECT_EQ(s.cwnd, 30000U);
    EXPECT_EQ(s.ssthresh, 65535U);
}

TEST(NewReno, SsthreshAfterLossIsAtLeastTwoSmss)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(30000, 65535, 1000);
    EXPECT_EQ(ops->GetSsThresh(s, 3000), 2000U);
    EXPECT_EQ(ops->GetSsThresh(s, 1000), 2000U);
    EXPECT_EQ(ops->GetSsThresh(s, 0), 2000U);
    EXPECT_EQ(ops->GetSsThresh(s, 4000), 2000U);
    EXPECT_EQ(ops->GetSsThresh(s, 4002), 2001U);
    State t = MakeState(30000, 65535, 1460);
    EXPECT_EQ(ops->GetSsThresh(t, 2000), 2920U);
}

TEST(NewReno, FirstRetransmissionTimeoutHalvesTheFlightAndLeavesOneSegment)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(20000, 65535);
    s.bytesAckedCa = 700;
    ops->OnRetransmissionTimeout(s, 16000, true);
    EXPECT_EQ(s.ssthresh, 8000U);
    EXPECT_EQ(s.cwnd, 1000U); // LW = 1 SMSS
    EXPECT_EQ(s.bytesAckedCa, 0U);
}

TEST(NewReno, FirstRetransmissionTimeoutKeepsSsthreshAtLeastTwoSmss)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(3000, 65535);
    ops->OnRetransmissionTimeout(s, 2500, true);
    EXPECT_EQ(s.ssthresh, 2000U);
    EXPECT_EQ(s.cwnd, 1000U);
}

TEST(NewReno, LaterRetransmissionTimeoutsKeepSsthresh)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(20000, 65535);
    ops->OnRetransmissionTimeout(s, 16000, true);
    ASSERT_EQ(s.ssthresh, 8000U);
    // The retransmission is lost too: FlightSize is now one segment, and
    // halving it would collapse ssthresh (RFC 5681 (4), equation (4) note).
    ops->OnRetransmissionTimeout(s, 1000, false);
    EXPECT_EQ(s.ssthresh, 8000U);
    EXPECT_EQ(s.cwnd, 1000U);
    ops->OnRetransmissionTimeout(s, 1000, false);
    EXPECT_EQ(s.ssthresh, 8000U);
    EXPECT_EQ(s.cwnd, 1000U);
}

TEST(NewReno, AfterATimeoutSlowStartRunsUpToTheNewSsthresh)
{
    Ptr<LifecycleTcpNewReno> ops = CreateObject<LifecycleTcpNewReno>();
    State s = MakeState(20000, 65535);
    ops->OnRetransmissionTimeout(s, 7000, true); // ssthresh 3500, cwnd 1000
    ASSERT_EQ(s.ssthresh, 3500U);
    ops->OnAck(s, 1000);
    EXPECT_EQ(s.cwnd, 2000U);
    ops->OnAck(s, 1000);
    ops->OnAck(s, 1000); // 3000 < 3500: still slow start
    EXPECT_EQ(s.cwnd, 4000U);
    // Now above ssthresh, congestion avoidance: 4000 bytes for the next SMSS.
    ops->OnAck(s, 1000);
    ops->OnAck(s, 1000);
    ops->OnAck(s, 1000);
    EXPECT_EQ(s.cwnd, 4000U);
    ops->OnAck(s, 1000);
    EXPECT_EQ(s.cwnd, 5000U);
}

} // namespace
} // namespace ns3
