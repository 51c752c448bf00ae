/*
 * Unit tests of LifecycleTcpReceiveBuffer: in-order delivery, reassembly of
 * out-of-order segments (RFC 9293 3.10.7.4, SHLD-31), the SACK view of what
 * is held (RFC 2018) and the window it leaves (RCV.WND).
 *
 * Segments are built from real bytes of one reference stream, so each test
 * checks the bytes the application reads, not only how many.
 */
#include "ns3/lifecycle-tcp-receive-buffer.h"
#include "ns3/packet.h"
#include "ns3/sequence-number.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace ns3
{
namespace
{

using Bytes = std::vector<uint8_t>;
using Blocks = std::vector<std::pair<SequenceNumber32, SequenceNumber32>>;

/// \return the byte at stream offset \p offset of the reference stream
uint8_t
StreamByte(uint64_t offset)
{
    return static_cast<uint8_t>((offset * 131 + offset / 251 + 7) & 0xff);
}

/// \return bytes [from, from + length) of the reference stream
Bytes
StreamBytes(uint64_t from, uint32_t length)
{
    Bytes b(length);
    for (uint32_t i = 0; i < length; ++i)
    {
        b[i] = StreamByte(from + i);
    }
    return b;
}

/// \return a packet holding bytes [from, from + length) of the reference stream
Ptr<Packet>
StreamPacket(uint64_t from, uint32_t length)
{
    Bytes b = StreamBytes(from, length);
    return Create<Packet>(b.data(), length);
}

/// \return the bytes of \p p
Bytes
PacketBytes(Ptr<const Packet> p)
{
    Bytes b(p->GetSize());
    if (!b.empty())
    {
        p->CopyData(b.data(), static_cast<uint32_t>(b.size()));
    }
    return b;
}

/// \return the sequence number \p base + \p offset, modulo 2^32
SequenceNumber32
Seq(uint32_t base, uint64_t offset)
{
    return SequenceNumber32(static_cast<uint32_t>(base + offset));
}

/// A receive buffer for a stream whose first byte has sequence number kIrs + 1.
class ReceiveBuffer : public ::testing::Test
{
  protected:
    static constexpr uint32_t kIrs = 9999; //!< IRS; the data starts at IRS + 1

    void SetUp() override
    {
        buffer.SetCapacity(100000);
        buffer.Start(SequenceNumber32(kIrs + 1));
    }

    /// \brief Insert stream bytes [from, from + length).
    uint32_t Insert(uint64_t from, uint32_t length)
    {
        return buffer.Insert(Seq(kIrs + 1, from), StreamPacket(from, length));
    }

    /// \return the sequence number of stream offset \p offset
    static SequenceNumber32 At(uint64_t offset)
    {
        return Seq(kIrs + 1, offset);
    }

    LifecycleTcpReceiveBuffer buffer; //!< the buffer under test
};

TEST_F(ReceiveBuffer, StartSetsRcvNxtWithNothingHeld)
{
    EXPECT_EQ(buffer.NextSequence(), SequenceNumber32(10000));
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_TRUE(buffer.OutOfOrderBlocks().empty());
    EXPECT_EQ(buffer.FreeSpace(), 100000U);
    EXPECT_EQ(buffer.GetCapacity(), 100000U);
}

TEST_F(ReceiveBuffer, InOrderSegmentAdvancesRcvNxtAndIsReadable)
{
    EXPECT_EQ(Insert(0, 100), 100U);
    EXPECT_EQ(buffer.NextSequence(), SequenceNumber32(10100));
    EXPECT_EQ(buffer.Available(), 100U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    Ptr<Packet> p = buffer.Read(100);
    EXPECT_EQ(PacketBytes(p), StreamBytes(0, 100));
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_EQ(buffer.NextSequence(), SequenceNumber32(10100));
}

TEST_F(ReceiveBuffer, ReadingPartOfASegmentLeavesTheRestReadable)
{
    ASSERT_EQ(Insert(0, 100), 100U);
    EXPECT_EQ(PacketBytes(buffer.Read(30)), StreamBytes(0, 30));
    EXPECT_EQ(buffer.Available(), 70U);
    EXPECT_EQ(PacketBytes(buffer.Read(1)), StreamBytes(30, 1));
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(31, 69));
    EXPECT_EQ(buffer.Available(), 0U);
    Ptr<Packet> empty = buffer.Read(1000);
    ASSERT_NE(empty, nullptr);
    EXPECT_EQ(empty->GetSize(), 0U);
}

TEST_F(ReceiveBuffer, ReadAcrossSeveralSegmentsJoinsTheirBytesInOrder)
{
    ASSERT_EQ(Insert(0, 40), 40U);
    ASSERT_EQ(Insert(40, 25), 25U);
    ASSERT_EQ(Insert(65, 35), 35U);
    EXPECT_EQ(PacketBytes(buffer.Read(10)), StreamBytes(0, 10));
    // Rest of the first, all of the second, part of the third.
    EXPECT_EQ(PacketBytes(buffer.Read(70)), StreamBytes(10, 70));
    EXPECT_EQ(PacketBytes(buffer.Read(70)), StreamBytes(80, 20));
}

TEST_F(ReceiveBuffer, ReadLeavesTheInsertedPacketsUnchanged)
{
    // The segments handed to Insert() are also what the Rx trace sources
    // showed as Ptr<const Packet>: reading must not alter them, and neither
    // must the application altering what it read.
    Ptr<Packet> first = StreamPacket(0, 40);
    Ptr<Packet> second = StreamPacket(40, 25);
    ASSERT_EQ(buffer.Insert(At(0), first), 40U);
    ASSERT_EQ(buffer.Insert(At(40), second), 25U);
    Ptr<Packet> read = buffer.Read(65);
    EXPECT_EQ(PacketBytes(read), StreamBytes(0, 65));
    read->RemoveAtStart(10);
    read->AddAtEnd(Create<Packet>(5));
    EXPECT_EQ(first->GetSize(), 40U);
    EXPECT_EQ(PacketBytes(first), StreamBytes(0, 40));
    EXPECT_EQ(second->GetSize(), 25U);
    EXPECT_EQ(PacketBytes(second), StreamBytes(40, 25));
}

TEST_F(ReceiveBuffer, ChangingWhatWasReadOfOneWholeSegmentLeavesTheSegmentUnchanged)
{
    // The same, when a read returns exactly one queued segment: the
    // application may strip a header from what it read (RemoveHeader /
    // RemoveAtStart) without changing the segment the trace sources showed.
    Ptr<Packet> only = StreamPacket(0, 40);
    ASSERT_EQ(buffer.Insert(At(0), only), 40U);
    Ptr<Packet> read = buffer.Read(40);
    EXPECT_EQ(PacketBytes(read), StreamBytes(0, 40));
    read->RemoveAtStart(10);
    EXPECT_EQ(only->GetSize(), 40U);
    EXPECT_EQ(PacketBytes(only), StreamBytes(0, 40));
}

TEST_F(ReceiveBuffer, ReadOfZeroBytesReturnsAnEmptyPacketAndConsumesNothing)
{
    ASSERT_EQ(Insert(0, 10), 10U);
    Ptr<Packet> p = buffer.Read(0);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->GetSize(), 0U);
    EXPECT_EQ(buffer.Available(), 10U);
}

TEST_F(ReceiveBuffer, OutOfOrderBlockIsHeldUntilTheGapFills)
{
    EXPECT_EQ(Insert(100, 100), 0U);
    EXPECT_EQ(buffer.NextSequence(), At(0));
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 100U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(100), At(200)}}));

    EXPECT_EQ(Insert(0, 100), 200U);
    EXPECT_EQ(buffer.NextSequence(), At(200));
    EXPECT_EQ(buffer.Available(), 200U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_TRUE(buffer.OutOfOrderBlocks().empty());
    EXPECT_EQ(PacketBytes(buffer.Read(200)), StreamBytes(0, 200));
}

TEST_F(ReceiveBuffer, OutOfOrderBlocksAreReportedLowestFirstAndDeliveredAsGapsFill)
{
    EXPECT_EQ(Insert(300, 100), 0U);
    EXPECT_EQ(Insert(100, 100), 0U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(100), At(200)}, {At(300), At(400)}}));
    EXPECT_EQ(buffer.OutOfOrderBytes(), 200U);

    // The first gap fills: the first block follows, the second stays.
    EXPECT_EQ(Insert(0, 100), 200U);
    EXPECT_EQ(buffer.NextSequence(), At(200));
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(300), At(400)}}));
    EXPECT_EQ(buffer.OutOfOrderBytes(), 100U);

    EXPECT_EQ(Insert(200, 100), 200U);
    EXPECT_EQ(buffer.NextSequence(), At(400));
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_EQ(PacketBytes(buffer.Read(400)), StreamBytes(0, 400));
}

TEST_F(ReceiveBuffer, AdjacentOutOfOrderSegmentsAreReportedAsOneBlock)
{
    EXPECT_EQ(Insert(200, 100), 0U);
    EXPECT_EQ(Insert(100, 100), 0U);
    EXPECT_EQ(Insert(300, 50), 0U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(100), At(350)}}));
    EXPECT_EQ(buffer.OutOfOrderBytes(), 250U);
}

TEST_F(ReceiveBuffer, DuplicateOutOfOrderSegmentIsHeldOnce)
{
    EXPECT_EQ(Insert(100, 100), 0U);
    EXPECT_EQ(Insert(100, 100), 0U);
    EXPECT_EQ(Insert(120, 30), 0U); // inside the held block
    EXPECT_EQ(buffer.OutOfOrderBytes(), 100U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(100), At(200)}}));
    EXPECT_EQ(Insert(0, 100), 200U);
    EXPECT_EQ(buffer.Available(), 200U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 200));
}

TEST_F(ReceiveBuffer, OverlappingOutOfOrderSegmentsAddOnlyTheirNewBytes)
{
    EXPECT_EQ(Insert(100, 100), 0U); // [100, 200)
    EXPECT_EQ(Insert(150, 110), 0U); // [150, 260): 60 new at the right
    EXPECT_EQ(buffer.OutOfOrderBytes(), 160U);
    EXPECT_EQ(Insert(50, 70), 0U); // [50, 120): 50 new at the left
    EXPECT_EQ(buffer.OutOfOrderBytes(), 210U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(50), At(260)}}));
    EXPECT_EQ(Insert(40, 300), 0U); // [40, 340): covers everything held
    EXPECT_EQ(buffer.OutOfOrderBytes(), 300U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(40), At(340)}}));

    EXPECT_EQ(Insert(0, 40), 340U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 340));
}

TEST_F(ReceiveBuffer, SegmentBridgingTwoHeldBlocksFillsOnlyTheGaps)
{
    EXPECT_EQ(Insert(100, 50), 0U); // [100, 150)
    EXPECT_EQ(Insert(200, 50), 0U); // [200, 250)
    EXPECT_EQ(Insert(300, 10), 0U); // [300, 310)
    ASSERT_EQ(buffer.OutOfOrderBlocks().size(), 3U);
    EXPECT_EQ(Insert(90, 170), 0U); // [90, 260): gaps [90,100), [150,200), [250,260)
    EXPECT_EQ(buffer.OutOfOrderBytes(), 170U + 10U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(90), At(260)}, {At(300), At(310)}}));
    EXPECT_EQ(Insert(0, 90), 260U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 260));
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(300), At(310)}}));
}

TEST_F(ReceiveBuffer, SegmentStraddlingRcvNxtDeliversOnlyItsNewBytes)
{
    ASSERT_EQ(Insert(0, 100), 100U);
    ASSERT_EQ(PacketBytes(buffer.Read(100)), StreamBytes(0, 100));
    // A retransmission repackaged as [50, 150).
    EXPECT_EQ(Insert(50, 100), 50U);
    EXPECT_EQ(buffer.NextSequence(), At(150));
    EXPECT_EQ(buffer.Available(), 50U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(100, 50));
}

TEST_F(ReceiveBuffer, SegmentStraddlingRcvNxtAlsoReleasesTheBlocksItReaches)
{
    ASSERT_EQ(Insert(0, 100), 100U);
    ASSERT_EQ(Insert(150, 50), 0U); // held [150, 200)
    // [60, 160): 40 old bytes, 50 filling the gap, 10 overlapping the held block.
    EXPECT_EQ(Insert(60, 100), 100U);
    EXPECT_EQ(buffer.NextSequence(), At(200));
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 200));
}

TEST_F(ReceiveBuffer, EntirelyOldSegmentIsIgnored)
{
    ASSERT_EQ(Insert(0, 100), 100U);
    EXPECT_EQ(Insert(20, 60), 0U);
    EXPECT_EQ(Insert(0, 100), 0U);
    EXPECT_EQ(buffer.NextSequence(), At(100));
    EXPECT_EQ(buffer.Available(), 100U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 100));
}

TEST_F(ReceiveBuffer, EmptySegmentAddsNothing)
{
    EXPECT_EQ(buffer.Insert(At(0), Create<Packet>()), 0U);
    EXPECT_EQ(buffer.Insert(At(10), Create<Packet>()), 0U);
    EXPECT_EQ(buffer.NextSequence(), At(0));
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_TRUE(buffer.OutOfOrderBlocks().empty());
}

TEST_F(ReceiveBuffer, SegmentsArrivingInReverseOrderAreReassembled)
{
    for (int i = 9; i >= 1; --i)
    {
        EXPECT_EQ(Insert(static_cast<uint64_t>(i) * 37, 37), 0U);
    }
    EXPECT_EQ(buffer.OutOfOrderBlocks(), (Blocks{{At(37), At(370)}}));
    EXPECT_EQ(Insert(0, 37), 370U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 370));
}

TEST_F(ReceiveBuffer, FreeSpaceIsTheCapacityMinusUnreadInOrderBytes)
{
    buffer.SetCapacity(1000);
    ASSERT_EQ(Insert(0, 300), 300U);
    EXPECT_EQ(buffer.FreeSpace(), 700U);
    ASSERT_EQ(Insert(500, 200), 0U); // held out of order: not counted
    EXPECT_EQ(buffer.FreeSpace(), 700U);
    buffer.Read(100);
    EXPECT_EQ(buffer.FreeSpace(), 800U);
    ASSERT_EQ(Insert(300, 200), 400U);
    EXPECT_EQ(buffer.FreeSpace(), 400U);
    buffer.Read(1000);
    EXPECT_EQ(buffer.FreeSpace(), 1000U);
}

TEST_F(ReceiveBuffer, FreeSpaceIsZeroWhenUnreadBytesExceedTheCapacity)
{
    buffer.SetCapacity(1000);
    ASSERT_EQ(Insert(0, 800), 800U);
    buffer.SetCapacity(500);
    EXPECT_EQ(buffer.FreeSpace(), 0U);
}

TEST_F(ReceiveBuffer, AdvanceOverControlTakesOneSequenceNumberWithoutData)
{
    ASSERT_EQ(Insert(0, 100), 100U);
    buffer.AdvanceOverControl(); // the FIN at 100
    EXPECT_EQ(buffer.NextSequence(), At(101));
    EXPECT_EQ(buffer.Available(), 100U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 100));
    // A retransmission of the data before the FIN is old now.
    EXPECT_EQ(Insert(0, 100), 0U);
    EXPECT_EQ(buffer.Available(), 0U);
}

TEST_F(ReceiveBuffer, ClearDropsAllDataButKeepsRcvNxt)
{
    ASSERT_EQ(Insert(0, 100), 100U);
    ASSERT_EQ(Insert(200, 100), 0U);
    buffer.Clear();
    EXPECT_EQ(buffer.NextSequence(), At(100));
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_TRUE(buffer.OutOfOrderBlocks().empty());
    EXPECT_EQ(buffer.Read(1000)->GetSize(), 0U);
    // The stream continues at RCV.NXT.
    EXPECT_EQ(Insert(100, 10), 10U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(100, 10));
}

TEST_F(ReceiveBuffer, StartAgainDropsEverythingAndRenumbers)
{
    ASSERT_EQ(Insert(0, 100), 100U);
    ASSERT_EQ(Insert(200, 100), 0U);
    buffer.Start(SequenceNumber32(5));
    EXPECT_EQ(buffer.NextSequence(), SequenceNumber32(5));
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_TRUE(buffer.OutOfOrderBlocks().empty());
    EXPECT_EQ(buffer.Insert(SequenceNumber32(5), StreamPacket(0, 10)), 10U);
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 10));
}

TEST_F(ReceiveBuffer, SequenceNumbersWrapAcross2To32)
{
    const uint32_t irs = 0xFFFFFEFF; // data from 0xFFFFFF00
    buffer.Start(SequenceNumber32(irs + 1));
    EXPECT_EQ(buffer.Insert(Seq(irs + 1, 0), StreamPacket(0, 200)), 200U);
    EXPECT_EQ(buffer.NextSequence(), SequenceNumber32(0xFFFFFFC8));

    // Held beyond the wrap while RCV.NXT is below it.
    EXPECT_EQ(buffer.Insert(SequenceNumber32(0x00000010), StreamPacket(0x110, 50)), 0U);
    EXPECT_EQ(buffer.OutOfOrderBlocks(),
              (Blocks{{SequenceNumber32(0x00000010), SequenceNumber32(0x00000042)}}));

    // The segment straddling 2^32 fills the gap.
    EXPECT_EQ(buffer.Insert(SequenceNumber32(0xFFFFFFC8), StreamPacket(200, 72)), 122U);
    EXPECT_EQ(buffer.NextSequence(), SequenceNumber32(0x00000042));
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 0x142));

    // A segment from before the wrap is old now.
    EXPECT_EQ(buffer.Insert(SequenceNumber32(0xFFFFFFF0), StreamPacket(0xF0, 16)), 0U);
    EXPECT_EQ(buffer.Available(), 0U);
}

TEST_F(ReceiveBuffer, SegmentStraddlingRcvNxtAtTheWrapIsTrimmedCorrectly)
{
    buffer.Start(SequenceNumber32(0xFFFFFFF0));
    ASSERT_EQ(buffer.Insert(SequenceNumber32(0xFFFFFFF0), StreamPacket(0, 8)), 8U);
    // [0xFFFFFFF4, 0x00000014): 4 old bytes, 28 new ones across 2^32.
    EXPECT_EQ(buffer.Insert(SequenceNumber32(0xFFFFFFF4), StreamPacket(4, 32)), 28U);
    EXPECT_EQ(buffer.NextSequence(), SequenceNumber32(0x00000014));
    EXPECT_EQ(PacketBytes(buffer.Read(1000)), StreamBytes(0, 36));
}

// Random segments (in order, out of order, overlapping, duplicated, old) and
// random reads, checked against a byte map of what has arrived: RCV.NXT, the
// held bytes and their blocks, and every byte read, across the 2^32 wrap.
TEST_F(ReceiveBuffer, RandomArrivalsMatchAByteMapOfTheStream)
{
    const uint32_t first = 0xFFFFF000; // sequence number of stream offset 0
    const uint32_t total = 20000;
    buffer.SetCapacity(1000000);
    buffer.Start(SequenceNumber32(first));
    std::vector<bool> arrived(total, false);
    uint64_t nxt = 0;  // first offset not yet arrived
    uint64_t read = 0; // bytes read so far
    uint32_t lcg = 2024;
    auto next = [&lcg](uint32_t bound)
    {
        lcg = lcg * 1103515245 + 12345;
        return (lcg >> 8) % bound;
    };
    int steps = 0;
    while (nxt < total)
    {
        ++steps;
        ASSERT_LT(steps, 100000);
        // A segment somewhere near RCV.NXT: some old, most ahead of it.
        uint64_t lo = nxt >= 600 ? nxt - 600 : 0;
        uint64_t from = lo + next(3000);
        uint32_t len = 1 + next(700);
        if (from >= total)
        {
            continue;
        }
        len = static_cast<uint32_t>(std::min<uint64_t>(len, total - from));
        for (uint64_t i = from; i < from + len; ++i)
        {
            arrived[i] = true;
        }
        uint64_t newNxt = nxt;
        while (newNxt < total && arrived[newNxt])
        {
            ++newNxt;
        }
        uint32_t advanced = buffer.Insert(Seq(first, from), StreamPacket(from, len));
        ASSERT_EQ(advanced, newNxt - nxt) << "segment [" << from << ", " << from + len << ")";
        nxt = newNxt;
        ASSERT_EQ(buffer.NextSequence(), Seq(first, nxt));
        ASSERT_EQ(buffer.Available(), nxt - read);

        // What is held: the arrived bytes beyond RCV.NXT, in maximal runs.
        Blocks expected;
        uint32_t held = 0;
        for (uint64_t i = nxt; i < total; ++i)
        {
            if (!arrived[i])
            {
                continue;
            }
            ++held;
            if (!expected.empty() && expected.back().second == Seq(first, i))
            {
                expected.back().second = Seq(first, i + 1);
            }
            else
            {
                expected.emplace_back(Seq(first, i), Seq(first, i + 1));
            }
        }
        ASSERT_EQ(buffer.OutOfOrderBytes(), held);
        ASSERT_EQ(buffer.OutOfOrderBlocks(), expected);

        // The application reads some.
        uint32_t want = next(1200);
        uint32_t got = static_cast<uint32_t>(std::min<uint64_t>(want, nxt - read));
        Ptr<Packet> p = buffer.Read(want);
        ASSERT_EQ(PacketBytes(p), StreamBytes(read, got)) << "read at offset " << read;
        read += got;
    }
    EXPECT_EQ(PacketBytes(buffer.Read(total)),
              StreamBytes(read, static_cast<uint32_t>(total - read)));
    EXPECT_EQ(buffer.OutOfOrderBytes(), 0U);
    EXPECT_EQ(buffer.NextSequence(), Seq(first, total));
}

} // namespace
} // namespace ns3
