/*
 * Loss recovery and congestion control: fast retransmit on the third
 * duplicate ACK and NewReno's partial ACKs (RFC 5681 3.2, RFC 6582), the
 * retransmission timer only when nothing else can repair a loss, slow start,
 * congestion avoidance and the loss window after a timeout.
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Match = LifecycleTcpSegmentMatch;

class LossRecovery : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460)); // 1448 of text
    }
};

/// \return the n-th (from 1) data segment A sent, as first sent
WireSegment
NthDataSegment(const TwoNodeNetwork& net, uint32_t n)
{
    uint32_t seen = 0;
    uint32_t highest = 0;
    for (const auto& s : net.SegmentsFrom('A'))
    {
        if (s.length > 0 && (seen == 0 || s.seq - highest < 0x80000000U))
        {
            if (++seen == n)
            {
                return s;
            }
            highest = s.seq + s.length;
        }
    }
    ADD_FAILURE() << "A sent fewer than " << n << " data segments";
    return WireSegment{};
}

/// A sends \p bytes to B right after the handshake; B reads everything.
struct Transfer
{
    TwoNodeNetwork::Connection c;
    std::unique_ptr<StreamSender> sender;
    StreamReceiver receiver{false};
};

void
StartTransfer(TwoNodeNetwork& net, Transfer& t, uint64_t bytes)
{
    t.c = net.Establish();
    t.receiver.Attach(t.c.b);
    t.sender = std::make_unique<StreamSender>(t.c.a, bytes, 7, StreamSender::Finish::NOTHING);
    Simulator::Schedule(MilliSeconds(100), [&t]() { t.sender->Start(); });
}

TEST_F(LossRecovery, OneLostSegment_IsRepairedByFastRetransmitWithoutTimeout)
{
    TwoNodeNetwork net;
    net.DropAt('B')->Drop(Match::Data(), 5);
    Transfer t;
    StartTransfer(net, t, 100000);
    std::vector<uint32_t> cwnd;
    t.c.a->TraceConnectWithoutContext(
        "CongestionWindow",
        Callback<void, uint32_t, uint32_t>([&](uint32_t, uint32_t v) { cwnd.push_back(v); }));
    net.RunUntil(Seconds(10));

    EXPECT_TRUE(t.receiver.Matches(100000, 7));
    auto retx = net.Retransmissions(t.c.a);
    ASSERT_EQ(retx.size(), 1U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::DATA_FAST);
    WireSegment fifth = NthDataSegment(net, 5);
    EXPECT_EQ(retx[0].seq.GetValue(), fifth.seq); // the one dropped
    EXPECT_EQ(retx[0].length, fifth.length);
    EXPECT_EQ(t.c.a->GetStats().rtoExpirations, 0U);
    // It came after the third duplicate ACK, well within one RTO of the loss.
    Time lost;
    for (const auto& s : net.SegmentsFrom('A'))
    {
        if (s.seq == retx[0].seq.GetValue())
        {
            lost = s.at;
            break;
        }
    }
    EXPECT_LT(net.RetransmissionTimes(t.c.a)[0] - lost, MilliSeconds(100));
    // ssthresh = FlightSize / 2 (RFC 5681 (4)), and cwnd was inflated by 3 SMSS.
    EXPECT_LT(t.c.a->GetStats().rttSamples, 200U);
    ASSERT_FALSE(cwnd.empty());
}

TEST_F(LossRecovery, FastRetransmit_SetsSsthreshToHalfTheFlightAndInflatesCwnd)
{
    TwoNodeNetwork net;
    net.DropAt('B')->Drop(Match::Data(), 5);
    Transfer t;
    StartTransfer(net, t, 40000);
    uint32_t flightAtEntry = 0;
    std::vector<std::pair<char, uint32_t>> changes; // 'c' cwnd, 's' ssthresh, in order
    t.c.a->TraceConnectWithoutContext("Retransmission",
                                      Callback<void, const LifecycleTcpRetransmission&>(
                                          [&](const LifecycleTcpRetransmission&) {
                                              flightAtEntry =
                                                  static_cast<uint32_t>(t.c.a->GetSendVars().max
                                                                        - t.c.a->GetSendVars().una);
                                          }));
    t.c.a->TraceConnectWithoutContext("SlowStartThreshold",
                                      Callback<void, uint32_t, uint32_t>(
                                          [&](uint32_t, uint32_t v) {
                                              changes.push_back({'s', v});
                                          }));
    t.c.a->TraceConnectWithoutContext("CongestionWindow",
                                      Callback<void, uint32_t, uint32_t>(
                                          [&](uint32_t, uint32_t v) {
                                              changes.push_back({'c', v});
                                          }));
    net.RunUntil(Seconds(10));
    ASSERT_EQ(net.Retransmissions(t.c.a).size(), 1U);
    ASSERT_NE(flightAtEntry, 0U);
    // The loss response: ssthresh = max(FlightSize / 2, 2*SMSS) (RFC 5681 (4)),
    // then cwnd = ssthresh + 3*SMSS (3.2 (3)).
    auto it = std::find_if(changes.begin(),
                           changes.end(),
                           [](const auto& c) { return c.first == 's' && c.second != UINT32_MAX; });
    ASSERT_NE(it, changes.end());
    uint32_t ssthresh = it->second;
    EXPECT_EQ(ssthresh, std::max(flightAtEntry / 2, 2 * 1448U));
    auto cwnd = std::find_if(it, changes.end(), [](const auto& c) { return c.first == 'c'; });
    ASSERT_NE(cwnd, changes.end());
    EXPECT_EQ(cwnd->second, ssthresh + 3 * 1448);
    EXPECT_TRUE(t.receiver.Matches(40000, 7));
}

TEST_F(LossRecovery, TwoLossesInOneWindow_PartialAckResendsTheSecondWithoutTimeout)
{
    TwoNodeNetwork net;
    auto drops = net.DropAt('B');
    drops->Drop(Match::Data(), 5);
    drops->Drop(Match::Data(), 8);
    Transfer t;
    StartTransfer(net, t, 100000);
    net.RunUntil(Seconds(10));

    EXPECT_TRUE(t.receiver.Matches(100000, 7));
    auto retx = net.Retransmissions(t.c.a);
    ASSERT_EQ(retx.size(), 2U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::DATA_FAST);
    EXPECT_EQ(retx[1].kind, LifecycleTcpRetxKind::DATA_FAST); // RFC 6582 (5): partial ACK
    EXPECT_EQ(retx[0].seq.GetValue(), NthDataSegment(net, 5).seq);
    EXPECT_EQ(retx[1].seq.GetValue(), NthDataSegment(net, 8).seq);
    EXPECT_EQ(t.c.a->GetStats().rtoExpirations, 0U);
}

TEST_F(LossRecovery, CleanTransfer_NeverRetransmits)
{
    TwoNodeNetwork net;
    Transfer t;
    StartTransfer(net, t, 500000);
    net.RunUntil(Seconds(10));
    EXPECT_TRUE(t.receiver.Matches(500000, 7));
    EXPECT_TRUE(net.Retransmissions(t.c.a).empty());
    EXPECT_EQ(t.c.a->GetStats().rtoExpirations, 0U);
}

TEST_F(LossRecovery, LostLastSegment_OnlyTheTimerCanRepairIt)
{
    // No segments follow the last one, so no duplicate ACKs: the RTO repairs it.
    TwoNodeNetwork net;
    net.DropAt('B')->DropContaining(1001 + 10000 - 1); // the segment with the last byte
    Transfer t;
    StartTransfer(net, t, 10000);
    net.RunUntil(Seconds(10));
    EXPECT_TRUE(t.receiver.Matches(10000, 7));
    auto retx = net.Retransmissions(t.c.a);
    ASSERT_EQ(retx.size(), 1U);
    EXPECT_EQ(retx[0].kind, LifecycleTcpRetxKind::DATA_RTO);
    EXPECT_EQ(retx[0].seq.GetValue() + retx[0].length, 1001U + 10000U); // the last bytes
    EXPECT_EQ(t.c.a->GetStats().rtoExpirations, 1U);
}

TEST_F(LossRecovery, Timeout_ResetsCwndToTheLossWindowAndHalvesSsthresh)
{
    TwoNodeNetwork net;
    net.DropAt('B')->DropContaining(1001 + 10000 - 1);
    Transfer t;
    StartTransfer(net, t, 10000);
    std::vector<uint32_t> cwnd;
    uint32_t ssthresh = 0;
    t.c.a->TraceConnectWithoutContext(
        "CongestionWindow",
        Callback<void, uint32_t, uint32_t>([&](uint32_t, uint32_t v) { cwnd.push_back(v); }));
    t.c.a->TraceConnectWithoutContext(
        "SlowStartThreshold",
        Callback<void, uint32_t, uint32_t>([&](uint32_t, uint32_t v) { ssthresh = v; }));
    net.RunUntil(Seconds(10));
    // RFC 5681 (4) and 3.1: ssthresh = max(FlightSize / 2, 2*SMSS), cwnd = LW = 1 SMSS.
    EXPECT_NE(std::find(cwnd.begin(), cwnd.end(), 1448U), cwnd.end());
    EXPECT_EQ(ssthresh, 2 * 1448U); // the flight was one short segment
}

TEST_F(LossRecovery, SlowStartThenCongestionAvoidance)
{
    Config::SetDefault("ns3::TcpSocket::InitialSlowStartThreshold", UintegerValue(20 * 1448));
    Config::SetDefault("ns3::TcpSocket::InitialCwnd", UintegerValue(2));
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(1 << 20));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(1 << 20));
    TwoNodeNetwork::Options o;
    o.rate = "100Mbps";
    TwoNodeNetwork net(o);
    Transfer t;
    StartTransfer(net, t, 2000000);
    std::vector<std::pair<Time, uint32_t>> cwnd;
    t.c.a->TraceConnectWithoutContext(
        "CongestionWindow",
        Callback<void, uint32_t, uint32_t>([&](uint32_t, uint32_t v)
                                           { cwnd.emplace_back(Simulator::Now(), v); }));
    net.RunUntil(Seconds(3));
    ASSERT_FALSE(cwnd.empty());
    // Below ssthresh each ACK adds one SMSS (at most); above it, one SMSS per
    // cwnd of data acknowledged: never two SMSS in one step.
    uint32_t previous = 2 * 1448;
    bool reachedCa = false;
    for (const auto& [at, v] : cwnd)
    {
        ASSERT_LE(v, previous + 1448);
        if (v > 20 * 1448)
        {
            reachedCa = true;
        }
        previous = v;
    }
    EXPECT_TRUE(reachedCa);
    EXPECT_TRUE(net.Retransmissions(t.c.a).empty());
    // In congestion avoidance cwnd grows by one SMSS per round trip: about
    // (3 s - slow start) / RTT segments, far less than slow start's doubling.
    uint32_t last = cwnd.back().second;
    EXPECT_LT(last, 200 * 1448U);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
