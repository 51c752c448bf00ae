/*
 * Goodput on clean links: once slow start is over, a bulk transfer keeps the
 * link at least 90 % busy with payload (simulated time, so exact).
 */
#include "lifecycle-test-apps.h"
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

class Goodput
    : public SimulationTest
    , public ::testing::WithParamInterface<const char*>
{
};

/// \return one bandwidth-delay product of \p rate over a 20 ms round trip, in 1500-byte packets
uint32_t
BdpPackets(const std::string& rate)
{
    return static_cast<uint32_t>(DataRate(rate).GetBitRate() * 0.020 / 8 / 1500) + 1;
}

TEST_P(Goodput, AfterSlowStart_AtLeast90PercentOfTheLinkRate)
{
    const std::string rate = GetParam();
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1460));
    // Windows well above the bandwidth-delay product (window scaling does it).
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(4 << 20));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(4 << 20));
    TwoNodeNetwork::Options o;
    o.rate = rate;
    // The usual sizing of a bottleneck buffer: one bandwidth-delay product
    // (at least the harness's 100 packets).
    o.queuePackets = std::max(100U, BdpPackets(rate));
    TwoNodeNetwork net(o);
    auto c = net.Establish();
    StreamReceiver receiver(false);
    receiver.Attach(c.b);
    StreamSender sender(c.a, 1ULL << 40, 1, StreamSender::Finish::NOTHING); // endless
    Simulator::ScheduleNow([&]() { sender.Start(); });
    uint64_t atStart = 0;
    Simulator::Schedule(Seconds(5) - Simulator::Now(), [&]() { atStart = receiver.Received(); });
    net.RunUntil(Seconds(15));
    double goodput = (receiver.Received() - atStart) * 8.0 / 10.0; // bits per second, 5 to 15 s
    double capacity = static_cast<double>(DataRate(rate).GetBitRate());
    EXPECT_GE(goodput / capacity, 0.90) << "goodput " << goodput / 1e6 << " Mb/s";
    // The most payload a frame can carry: 1448 of 1448 + 12 + 20 + 20 + 2 bytes.
    EXPECT_LE(goodput / capacity, 1448.0 / 1502.0);
}

INSTANTIATE_TEST_SUITE_P(CleanLinks,
                         Goodput,
                         ::testing::Values("10Mbps", "100Mbps"),
                         [](const ::testing::TestParamInfo<const char*>& info)
                         { return std::string(info.param); });

} // namespace
} // namespace lifecycle_test
} // namespace ns3
