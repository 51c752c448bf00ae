/*
 * Checksums (RFC 9293 3.1, MUST-2 and MUST-3): computed on send and verified
 * on receive when ns-3's ChecksumEnabled is true; a failing segment is
 * dropped and counted.
 */
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;

class Checksums : public SimulationTest
{
  protected:
    void SetUp() override
    {
        SimulationTest::SetUp();
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    }
};

/// Send from A a segment whose checksum covers the wrong pseudo-header.
void
InjectWithBadChecksum(TwoNodeNetwork& net, TcpHeader h, uint32_t payload)
{
    Ptr<Packet> p = Create<Packet>(payload);
    h.EnableChecksums();
    h.InitializeChecksum(net.Addr('A'), Ipv4Address("192.0.2.1"), 6); // not B's address
    p->AddHeader(h);
    net.GetNode('A')->GetObject<Ipv4>()->Send(p, net.Addr('A'), net.Addr('B'), 6, nullptr);
}

TEST_F(Checksums, Enabled_WholeConnectionLifeWorks)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    uint32_t received = 0;
    c.b->SetRecvCallback(Callback<void, Ptr<Socket>>(
        [&](Ptr<Socket> s)
        {
            while (Ptr<Packet> p = s->Recv())
            {
                received += p->GetSize();
            }
        }));
    c.b->SetCloseCallbacks(Callback<void, Ptr<Socket>>([](Ptr<Socket> s) { s->Close(); }),
                           MakeNullCallback<void, Ptr<Socket>>());
    Simulator::Schedule(Seconds(0.5),
                        [&]()
                        {
                            c.a->Send(Create<Packet>(5000));
                            c.a->Close();
                        });
    net.RunUntil(Seconds(5));
    EXPECT_EQ(received, 5000U);
    EXPECT_EQ(c.a->GetState(), TcpSocket::TIME_WAIT);
    EXPECT_EQ(c.b->GetState(), TcpSocket::CLOSED);
    EXPECT_EQ(net.Tcp('A')->GetCounters().badChecksum, 0U);
    EXPECT_EQ(net.Tcp('B')->GetCounters().badChecksum, 0U);
}

TEST_F(Checksums, Enabled_CorruptSynIsDroppedAndCounted)
{
    TwoNodeNetwork net;
    net.Listen('B', 80);
    int drops = 0;
    net.Tcp('B')->TraceConnectWithoutContext(
        "Drop",
        Callback<void, Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason>(
            [&](Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason r)
            {
                EXPECT_EQ(r, LifecycleTcpDropReason::BAD_CHECKSUM);
                ++drops;
            }));
    Simulator::Schedule(
        Seconds(1),
        [&]()
        { InjectWithBadChecksum(net, TwoNodeNetwork::Header(1000, 80, 90, TcpHeader::SYN), 0); });
    net.InjectAt(Seconds(2), 'A', TwoNodeNetwork::Header(1000, 80, 90, TcpHeader::SYN));
    net.RunUntil(Seconds(2.5));
    EXPECT_EQ(net.Wire(),
              (Strings{"A <SEQ=90><CTL=SYN>", // corrupt: no answer, no fork
                       "A <SEQ=90><CTL=SYN>",
                       "B <SEQ=5000><ACK=91><CTL=SYN,ACK>",
                       "A <SEQ=91><CTL=RST>"})); // nothing listens at A's port 1000
    EXPECT_EQ(net.Tcp('B')->GetCounters().badChecksum, 1U);
    EXPECT_EQ(drops, 1);
}

TEST_F(Checksums, Enabled_CorruptDataOnAConnectionIsNotDelivered)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    size_t before = net.Segments().size();
    Simulator::Schedule(
        Seconds(0.5),
        [&]() {
            InjectWithBadChecksum(
                net, TwoNodeNetwork::Header(1000, 80, 1001, TcpHeader::ACK, 5001), 100);
        });
    net.RunUntil(Seconds(3));
    EXPECT_EQ(c.b->GetRxAvailable(), 0U);
    EXPECT_EQ(c.b->GetRecvVars().nxt, SequenceNumber32(1001));
    EXPECT_EQ(c.b->GetStats().drops[static_cast<size_t>(LifecycleTcpDropReason::BAD_CHECKSUM)], 1U);
    EXPECT_EQ(net.Segments().size(), before + 1); // not even acknowledged
}

TEST_F(Checksums, Disabled_SegmentsAreAcceptedWithoutChecksum)
{
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
    TwoNodeNetwork net;
    uint16_t field = 1;
    net.Device('A')->TraceConnectWithoutContext(
        "MacTx",
        Callback<void, Ptr<const Packet>>(
            [&](Ptr<const Packet> p)
            {
                uint8_t raw[40];
                p->CopyData(raw, sizeof(raw));
                // PPP header (2 bytes), IPv4 header (20), then the TCP checksum at 16.
                field = static_cast<uint16_t>((raw[2 + 20 + 16] << 8) | raw[2 + 20 + 17]);
            }));
    auto c = net.Establish();
    EXPECT_EQ(field, 0U); // ns-3 leaves the field zero when checksums are off
    EXPECT_EQ(c.a->GetState(), TcpSocket::ESTABLISHED);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
