/*
 * Malformed segments (RFC 9293 3.1, MUST-5, MUST-6, MUST-7, MUST-68): an
 * illegal option length or header length makes the segment dropped and
 * counted, never a crash, never a misread payload; unknown options are
 * skipped; padding after End-of-Option-List is ignored.
 */
#include "lifecycle-test-network.h"

namespace ns3
{
namespace lifecycle_test
{
namespace
{

using Strings = std::vector<std::string>;
using Bytes = std::vector<uint8_t>;

/// Raw TCP segment bytes; \p dataOffsetWords 0 means "from the options".
Bytes
RawSegment(uint16_t sport,
           uint16_t dport,
           uint32_t seq,
           uint32_t ack,
           uint8_t flags,
           const Bytes& options,
           uint8_t dataOffsetWords = 0,
           const Bytes& payload = {})
{
    uint8_t words =
        dataOffsetWords ? dataOffsetWords : static_cast<uint8_t>(5 + options.size() / 4);
    Bytes b{static_cast<uint8_t>(sport >> 8),
            static_cast<uint8_t>(sport),
            static_cast<uint8_t>(dport >> 8),
            static_cast<uint8_t>(dport),
            static_cast<uint8_t>(seq >> 24),
            static_cast<uint8_t>(seq >> 16),
            static_cast<uint8_t>(seq >> 8),
            static_cast<uint8_t>(seq),
            static_cast<uint8_t>(ack >> 24),
            static_cast<uint8_t>(ack >> 16),
            static_cast<uint8_t>(ack >> 8),
            static_cast<uint8_t>(ack),
            static_cast<uint8_t>(words << 4),
            flags,
            0xff,
            0xff, // window 65535
            0,
            0, // checksum (checksums are off in these tests)
            0,
            0};
    b.insert(b.end(), options.begin(), options.end());
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

struct MalformedCase
{
    const char* name;
    Bytes segment;
};

class MalformedSegment
    : public SimulationTest
    , public ::testing::WithParamInterface<MalformedCase>
{
};

TEST_P(MalformedSegment, IsDroppedCountedAndLeavesTheListenerWorking)
{
    TwoNodeNetwork net;
    Ptr<LifecycleTcpSocket> listener = net.Listen('B', 80);
    int malformed = 0;
    net.Tcp('B')->TraceConnectWithoutContext(
        "Drop",
        Callback<void, Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason>(
            [&](Ptr<const Packet>, Ipv4Address, Ipv4Address, LifecycleTcpDropReason r)
            { malformed += r == LifecycleTcpDropReason::MALFORMED; }));
    net.InjectRawAt(Seconds(1), 'A', GetParam().segment);
    net.ConnectAt(Seconds(2), 'A', 80, 2000);
    net.RunUntil(Seconds(3));
    EXPECT_EQ(net.Tcp('B')->GetCounters().malformed, 1U);
    EXPECT_EQ(malformed, 1);
    // Nothing answered the malformed segment: B's first segment is the
    // SYN,ACK of the real connection, to port 2000.
    auto fromB = net.SegmentsFrom('B');
    ASSERT_FALSE(fromB.empty());
    EXPECT_EQ(fromB[0].Rfc(), "B <SEQ=5000><ACK=1001><CTL=SYN,ACK>");
    EXPECT_EQ(net.Sockets('B').size(), 2U); // the listener and the real connection
    EXPECT_EQ(net.Sockets('B').back()->GetState(), TcpSocket::ESTABLISHED);
}

INSTANTIATE_TEST_SUITE_P(
    Rfc9293Must7,
    MalformedSegment,
    ::testing::Values(
        MalformedCase{"OptionLengthZero",
                      RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {2, 0, 0, 0})},
        MalformedCase{"OptionLengthOne",
                      RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {30, 1, 0, 0})},
        MalformedCase{"OptionRunsPastHeader",
                      RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {30, 8, 0, 0})},
        MalformedCase{"OptionKindWithoutLength",
                      RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {1, 1, 1, 30})},
        MalformedCase{"MssWithLengthSix",
                      RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {2, 6, 5, 180, 0, 0, 0, 0})},
        MalformedCase{"TimestampsWithLengthEight",
                      RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {8, 8, 0, 0, 0, 0, 0, 0})},
        MalformedCase{"DataOffsetBelowFive", RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {}, 4)},
        MalformedCase{"DataOffsetBeyondSegment",
                      RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {}, 15)},
        MalformedCase{"ShorterThanAHeader", Bytes{0x03, 0xe8, 0x00, 0x50, 0, 0, 0, 90, 0, 0}}),
    [](const ::testing::TestParamInfo<MalformedCase>& info) { return info.param.name; });

class Options : public SimulationTest
{
};

// MUST-6: an option the implementation does not know is skipped by its length.
TEST_F(Options, UnknownOptionInSyn_IsSkippedAndMssStillRead)
{
    TwoNodeNetwork net;
    net.Listen('B', 80);
    net.InjectRawAt(Seconds(1),
                    'A',
                    RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {30, 4, 0xab, 0xcd, 2, 4, 1, 0}));
    net.RunUntil(Seconds(2));
    Strings wire = net.Wire();
    ASSERT_GE(wire.size(), 2U);
    EXPECT_EQ(wire[1], "B <SEQ=5000><ACK=91><CTL=SYN,ACK>");
    EXPECT_EQ(net.Tcp('B')->GetCounters().malformed, 0U);
    auto child = net.Sockets('B').back();
    EXPECT_EQ(child->GetSendVars().mss, 256U); // min(peer's 256, our 536)
}

// MUST-15: without an MSS option the send MSS is 536.
TEST_F(Options, NoMssOption_SendMssIs536)
{
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    TwoNodeNetwork net;
    net.Listen('B', 80);
    net.InjectRawAt(Seconds(1), 'A', RawSegment(1000, 80, 90, 0, TcpHeader::SYN, {}));
    net.RunUntil(Seconds(2));
    EXPECT_EQ(net.Sockets('B').back()->GetSendVars().mss, 536U);
}

// Bytes after End-of-Option-List are padding (MUST-69 on the sender's side);
// the receiver skips them and reads the payload exactly.
TEST_F(Options, PaddingAfterEndOfOptionList_IsSkippedAndPayloadIntact)
{
    TwoNodeNetwork net;
    auto c = net.Establish();
    Bytes payload(10);
    for (size_t i = 0; i < payload.size(); ++i)
    {
        payload[i] = static_cast<uint8_t>('a' + i);
    }
    net.InjectRawAt(Seconds(2.5),
                    'A',
                    RawSegment(1000,
                               80,
                               1001,
                               5001,
                               TcpHeader::ACK,
                               {1, 0, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55},
                               0,
                               payload));
    net.RunUntil(Seconds(3));
    ASSERT_EQ(c.b->GetRxAvailable(), 10U);
    Ptr<Packet> p = c.b->Recv();
    Bytes got(p->GetSize());
    p->CopyData(got.data(), got.size());
    EXPECT_EQ(got, payload);
    EXPECT_EQ(net.Tcp('B')->GetCounters().malformed, 0U);
}

} // namespace
} // namespace lifecycle_test
} // namespace ns3
