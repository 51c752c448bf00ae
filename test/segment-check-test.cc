/*
 * Unit tests of LifecycleTcpCheckHeader, the check of an arriving segment's
 * raw header before ns-3 parses it (RFC 9293 3.1: MUST-6, options of unknown
 * kind are skipped by their length; MUST-7, an illegal option length is
 * handled), and of LifecycleTcpSegLen (RFC 9293 3.3.1: SEG.LEN counts SYN
 * and FIN).
 *
 * Headers are written byte by byte, so each malformation is exactly the one
 * named. Option kinds and lengths are those of the RFCs: EOL 0, NOP 1,
 * MSS 2 (length 4, RFC 9293), window scale 3 (length 3, RFC 7323),
 * SACK-permitted 4 (length 2) and SACK 5 (length 2 + 8n, RFC 2018),
 * timestamps 8 (length 10, RFC 7323).
 */
#include "ns3/lifecycle-tcp-segment.h"
#include "ns3/packet.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-option-rfc793.h"
#include "ns3/tcp-option-sack-permitted.h"
#include "ns3/tcp-option-sack.h"
#include "ns3/tcp-option-ts.h"
#include "ns3/tcp-option-winscale.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace ns3
{
namespace
{

using Bytes = std::vector<uint8_t>;
using Check = LifecycleTcpHeaderCheck;

constexpr uint8_t kEol = 0;
constexpr uint8_t kNop = 1;
constexpr uint8_t kMss = 2;
constexpr uint8_t kWscale = 3;
constexpr uint8_t kSackPermitted = 4;
constexpr uint8_t kSack = 5;
constexpr uint8_t kTimestamps = 8;

/**
 * \return the bytes of a TCP segment: the 20-byte fixed header with data
 * offset \p dataOffsetWords, then \p options, then \p payload bytes
 */
Bytes
Segment(uint8_t dataOffsetWords, const Bytes& options = {}, uint32_t payload = 0)
{
    Bytes b = {
        0x03,
        0xe8, // source port 1000
        0x00,
        0x50, // destination port 80
        0x00,
        0x00,
        0x01,
        0x2c, // sequence number 300
        0x00,
        0x00,
        0x00,
        0x65, // acknowledgment number 101
        static_cast<uint8_t>(dataOffsetWords << 4),
        0x10, // ACK
        0xff,
        0xff, // window
        0x00,
        0x00, // checksum
        0x00,
        0x00, // urgent pointer
    };
    b.reserve(b.size() + options.size() + payload);
    for (uint8_t o : options)
    {
        b.push_back(o);
    }
    for (uint32_t i = 0; i < payload; ++i)
    {
        b.push_back(static_cast<uint8_t>(0xA0 + i));
    }
    return b;
}

/// A check's outcome and the header length it reported.
struct Result
{
    Check check;           //!< outcome
    uint32_t headerLength; //!< reported header length (0xdeadbeef if untouched)
};

/// \return the outcome of checking the segment \p bytes
Result
CheckBytes(const Bytes& bytes)
{
    Ptr<Packet> p = Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
    Result r{Check::OK, 0xdeadbeef};
    r.check = LifecycleTcpCheckHeader(p, &r.headerLength);
    return r;
}

/// \return \p n NOP bytes
Bytes
Nops(size_t n)
{
    return Bytes(n, kNop);
}

// ------------------------------------------------------------- well formed

TEST(SegmentCheck, PlainTwentyByteHeaderIsOk)
{
    Result r = CheckBytes(Segment(5));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 20U);
}

TEST(SegmentCheck, HeaderLengthDoesNotIncludeThePayload)
{
    Result r = CheckBytes(Segment(5, {}, 100));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 20U);
}

TEST(SegmentCheck, MssNopAndEolAreOk)
{
    // MSS 1460, NOP, NOP, EOL, padding: 8 bytes of options.
    Result r = CheckBytes(Segment(7, {kMss, 4, 0x05, 0xb4, kNop, kNop, kEol, 0}, 10));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 28U);
}

TEST(SegmentCheck, TypicalSynOptionsAreOk)
{
    // MSS, SACK-permitted, timestamps, NOP, window scale: 20 bytes.
    Bytes options = {kMss, 4, 0x05, 0xb4, kSackPermitted, 2,       kTimestamps, 10, 0, 0, 0, 1,
                     0,    0, 0,    0,    kNop,           kWscale, 3,           7};
    ASSERT_EQ(options.size(), 20U);
    Result r = CheckBytes(Segment(10, options));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 40U);
}

TEST(SegmentCheck, UnknownOptionKindIsSkippedByItsLength)
{
    // Kind 30 (MPTCP) of length 6 whose data bytes would be illegal options
    // if they were read as options: a zero length and a one-byte MSS.
    Result r = CheckBytes(Segment(7, {30, 6, kMss, 0, kMss, 1, kNop, kEol}));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 28U);
    // Alone, filling the options exactly.
    r = CheckBytes(Segment(6, {30, 4, 0xff, 0xff}));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 24U);
}

TEST(SegmentCheck, BytesAfterEolArePaddingAndNotChecked)
{
    Result r = CheckBytes(Segment(7, {kNop, kEol, kMss, 0, kWscale, 9, 0xff, 0xff}));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 28U);
}

TEST(SegmentCheck, SackWithOneToFourBlocksIsOk)
{
    for (uint8_t blocks = 1; blocks <= 4; ++blocks)
    {
        uint8_t len = static_cast<uint8_t>(2 + 8 * blocks);
        Bytes options = {kNop, kNop, kSack, len};
        options.resize(2 + len, 0x11);
        ASSERT_EQ(options.size() % 4, 0U);
        Result r = CheckBytes(Segment(static_cast<uint8_t>(5 + options.size() / 4), options));
        EXPECT_EQ(r.check, Check::OK) << int(blocks) << " blocks";
        EXPECT_EQ(r.headerLength, 20U + options.size()) << int(blocks) << " blocks";
    }
}

TEST(SegmentCheck, LargestHeaderOfSixtyBytesIsOk)
{
    Result r = CheckBytes(Segment(15, Nops(40)));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 60U);
}

TEST(SegmentCheck, OptionEndingExactlyAtTheHeaderEndIsOk)
{
    Result r = CheckBytes(Segment(8, {kNop, kNop, kTimestamps, 10, 1, 2, 3, 4, 5, 6, 7, 8}, 5));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 32U);
}

TEST(SegmentCheck, HeadersWrittenByNs3TcpHeaderAreOk)
{
    TcpHeader h;
    h.SetSourcePort(1000);
    h.SetDestinationPort(80);
    h.SetFlags(TcpHeader::SYN | TcpHeader::ACK);
    Ptr<TcpOptionMSS> mss = CreateObject<TcpOptionMSS>();
    mss->SetMSS(1460);
    ASSERT_TRUE(h.AppendOption(mss));
    Ptr<TcpOptionWinScale> ws = CreateObject<TcpOptionWinScale>();
    ws->SetScale(7);
    ASSERT_TRUE(h.AppendOption(ws));
    ASSERT_TRUE(h.AppendOption(CreateObject<TcpOptionSackPermitted>()));
    Ptr<TcpOptionTS> ts = CreateObject<TcpOptionTS>();
    ts->SetTimestamp(12345);
    ts->SetEcho(678);
    ASSERT_TRUE(h.AppendOption(ts));
    Ptr<Packet> p = Create<Packet>(50);
    p->AddHeader(h);
    uint32_t length = 0;
    EXPECT_EQ(LifecycleTcpCheckHeader(p, &length), Check::OK);
    EXPECT_EQ(length, h.GetSerializedSize());

    TcpHeader s;
    s.SetFlags(TcpHeader::ACK);
    Ptr<TcpOptionSack> sack = CreateObject<TcpOptionSack>();
    sack->AddSackBlock({SequenceNumber32(1000), SequenceNumber32(2000)});
    sack->AddSackBlock({SequenceNumber32(3000), SequenceNumber32(4000)});
    ASSERT_TRUE(s.AppendOption(sack));
    Ptr<Packet> q = Create<Packet>(10);
    q->AddHeader(s);
    EXPECT_EQ(LifecycleTcpCheckHeader(q, &length), Check::OK);
    EXPECT_EQ(length, s.GetSerializedSize());
}

// --------------------------------------------------------------- too short

TEST(SegmentCheck, FewerThanTwentyBytesIsTooShort)
{
    Bytes b = Segment(5);
    b.resize(19);
    EXPECT_EQ(CheckBytes(b).check, Check::TOO_SHORT);
    EXPECT_EQ(CheckBytes(Bytes{}).check, Check::TOO_SHORT);
    EXPECT_EQ(CheckBytes(Bytes{0x03, 0xe8}).check, Check::TOO_SHORT);
}

// ------------------------------------------------------- bad data offset

TEST(SegmentCheck, DataOffsetBelowFiveWordsIsBad)
{
    EXPECT_EQ(CheckBytes(Segment(4)).check, Check::BAD_DATA_OFFSET);
    EXPECT_EQ(CheckBytes(Segment(4, {}, 40)).check, Check::BAD_DATA_OFFSET);
    EXPECT_EQ(CheckBytes(Segment(0)).check, Check::BAD_DATA_OFFSET);
    EXPECT_EQ(CheckBytes(Segment(1, {}, 100)).check, Check::BAD_DATA_OFFSET);
}

TEST(SegmentCheck, DataOffsetBeyondTheSegmentIsBad)
{
    // 24-byte header announced, 20 bytes present.
    EXPECT_EQ(CheckBytes(Segment(6)).check, Check::BAD_DATA_OFFSET);
    // 60-byte header announced, 40 bytes present (options of NOPs).
    EXPECT_EQ(CheckBytes(Segment(15, Nops(20))).check, Check::BAD_DATA_OFFSET);
    // 28-byte header announced, 27 bytes present.
    EXPECT_EQ(CheckBytes(Segment(7, {kNop, kNop, kNop, kNop, kNop, kNop, kNop})).check,
              Check::BAD_DATA_OFFSET);
}

TEST(SegmentCheck, DataOffsetCoveringThePayloadIsAcceptedAsTheHeader)
{
    // 24 bytes announced and present (the "options" being NOPs): the header
    // length is what the offset says.
    Result r = CheckBytes(Segment(6, Nops(4)));
    EXPECT_EQ(r.check, Check::OK);
    EXPECT_EQ(r.headerLength, 24U);
}

// ----------------------------------------------------- bad option length

TEST(SegmentCheck, OptionLengthZeroIsIllegal)
{
    EXPECT_EQ(CheckBytes(Segment(6, {30, 0, kNop, kNop})).check, Check::BAD_OPTION_LENGTH);
    EXPECT_EQ(CheckBytes(Segment(6, {kMss, 0, 0x05, 0xb4})).check, Check::BAD_OPTION_LENGTH);
}

TEST(SegmentCheck, OptionLengthOneIsIllegal)
{
    EXPECT_EQ(CheckBytes(Segment(6, {30, 1, kNop, kNop})).check, Check::BAD_OPTION_LENGTH);
    EXPECT_EQ(CheckBytes(Segment(6, {kMss, 1, kNop, kNop})).check, Check::BAD_OPTION_LENGTH);
    EXPECT_EQ(CheckBytes(Segment(6, {kNop, kNop, kWscale, 1})).check, Check::BAD_OPTION_LENGTH);
}

TEST(SegmentCheck, OptionRunningPastTheHeaderIsIllegal)
{
    // Kind 30 of length 8 in 4 bytes of options; the payload that follows
    // must not be taken as the rest of the option.
    EXPECT_EQ(CheckBytes(Segment(6, {30, 8, 0, 0}, 20)).check, Check::BAD_OPTION_LENGTH);
    // A timestamps option cut short by the header end.
    EXPECT_EQ(CheckBytes(Segment(7, {kNop, kNop, kTimestamps, 10, 0, 0, 0, 0}, 20)).check,
              Check::BAD_OPTION_LENGTH);
    // One byte too long.
    EXPECT_EQ(CheckBytes(Segment(6, {30, 5, 0, 0}, 4)).check, Check::BAD_OPTION_LENGTH);
}

TEST(SegmentCheck, KindAsTheLastHeaderByteWithNoLengthIsIllegal)
{
    EXPECT_EQ(CheckBytes(Segment(6, {kNop, kNop, kNop, kMss}, 10)).check, Check::BAD_OPTION_LENGTH);
    EXPECT_EQ(CheckBytes(Segment(6, {kNop, kNop, kNop, 30}, 10)).check, Check::BAD_OPTION_LENGTH);
}

TEST(SegmentCheck, IllegalLengthAfterValidOptionsIsFound)
{
    EXPECT_EQ(CheckBytes(Segment(8, {kMss, 4, 0x05, 0xb4, kNop, kWscale, 3, 7, 30, 0, 0, 0})).check,
              Check::BAD_OPTION_LENGTH);
}

// ---------------------------------------------------- bad known option

TEST(SegmentCheck, MssOfLengthOtherThanFourIsBad)
{
    EXPECT_EQ(CheckBytes(Segment(7, {kMss, 6, 0, 0, 0x05, 0xb4, kNop, kNop})).check,
              Check::BAD_KNOWN_OPTION);
    EXPECT_EQ(CheckBytes(Segment(6, {kMss, 3, 0x05, kNop})).check, Check::BAD_KNOWN_OPTION);
    EXPECT_EQ(CheckBytes(Segment(6, {kMss, 2, kNop, kNop})).check, Check::BAD_KNOWN_OPTION);
}

TEST(SegmentCheck, WindowScaleOfLengthOtherThanThreeIsBad)
{
    EXPECT_EQ(CheckBytes(Segment(6, {kWscale, 4, 7, 0})).check, Check::BAD_KNOWN_OPTION);
    EXPECT_EQ(CheckBytes(Segment(6, {kWscale, 2, kNop, kNop})).check, Check::BAD_KNOWN_OPTION);
}

TEST(SegmentCheck, TimestampsOfLengthOtherThanTenIsBad)
{
    EXPECT_EQ(CheckBytes(Segment(7, {kTimestamps, 8, 0, 0, 0, 1, 0, 0})).check,
              Check::BAD_KNOWN_OPTION);
    EXPECT_EQ(CheckBytes(Segment(8, {kTimestamps, 12, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0})).check,
              Check::BAD_KNOWN_OPTION);
}

TEST(SegmentCheck, SackOfLengthNotTwoPlusAMultipleOfEightIsBad)
{
    Bytes nine = {kSack, 9};
    nine.resize(12, 0);
    EXPECT_EQ(CheckBytes(Segment(8, nine)).check, Check::BAD_KNOWN_OPTION);
    Bytes seventeen = {kSack, 17};
    seventeen.resize(20, 0);
    EXPECT_EQ(CheckBytes(Segment(10, seventeen)).check, Check::BAD_KNOWN_OPTION);
    // A SACK option without a block.
    EXPECT_EQ(CheckBytes(Segment(6, {kSack, 2, kNop, kNop})).check, Check::BAD_KNOWN_OPTION);
}

TEST(SegmentCheck, SackPermittedOfLengthOtherThanTwoIsBad)
{
    EXPECT_EQ(CheckBytes(Segment(6, {kSackPermitted, 4, 0, 0})).check, Check::BAD_KNOWN_OPTION);
    EXPECT_EQ(CheckBytes(Segment(6, {kSackPermitted, 3, 0, kNop})).check, Check::BAD_KNOWN_OPTION);
}

TEST(SegmentCheck, EachOutcomeHasItsOwnName)
{
    std::set<std::string> names;
    for (Check c : {Check::OK,
                    Check::TOO_SHORT,
                    Check::BAD_DATA_OFFSET,
                    Check::BAD_OPTION_LENGTH,
                    Check::BAD_KNOWN_OPTION})
    {
        std::string name = LifecycleTcpHeaderCheckName(c);
        EXPECT_FALSE(name.empty());
        names.insert(name);
    }
    EXPECT_EQ(names.size(), 5U);
}

// ------------------------------------------------------------------ SEG.LEN

/// \return a header with flags \p flags
TcpHeader
WithFlags(uint8_t flags)
{
    TcpHeader h;
    h.SetFlags(flags);
    return h;
}

TEST(SegLen, DataAloneCountsItsBytes)
{
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::ACK), 0), 0U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::ACK), 536), 536U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::PSH | TcpHeader::ACK), 100), 100U);
}

TEST(SegLen, SynAndFinEachCountOne)
{
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::SYN), 0), 1U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::SYN | TcpHeader::ACK), 0), 1U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::FIN | TcpHeader::ACK), 0), 1U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::FIN | TcpHeader::ACK), 10), 11U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::SYN), 20), 21U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::SYN | TcpHeader::FIN), 0), 2U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::SYN | TcpHeader::FIN), 5), 7U);
}

TEST(SegLen, OtherControlBitsTakeNoSequenceSpace)
{
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::RST), 0), 0U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::RST | TcpHeader::ACK), 0), 0U);
    EXPECT_EQ(LifecycleTcpSegLen(WithFlags(TcpHeader::URG | TcpHeader::PSH | TcpHeader::ACK
                                           | TcpHeader::ECE | TcpHeader::CWR),
                                 3),
              3U);
}

} // namespace
} // namespace ns3
