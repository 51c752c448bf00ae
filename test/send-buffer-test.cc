/*
 * Unit tests of LifecycleTcpSendBuffer: the bytes queued for sending,
 * addressed by sequence number from SND.UNA on (RFC 9293 3.3.1).
 *
 * Every packet is built from real bytes of one reference stream, so each
 * test can check the bytes it gets back, not only how many.
 */
#include "ns3/lifecycle-tcp-send-buffer.h"
#include "ns3/packet.h"
#include "ns3/sequence-number.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace
{

using Bytes = std::vector<uint8_t>;

/// \return the byte at stream offset \p offset of the reference stream
uint8_t
StreamByte(uint64_t offset)
{
    // Not periodic with any packet size used here, and never the same for
    // neighbouring offsets, so a shifted or reordered range is caught.
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
Seq(uint32_t base, uint32_t offset)
{
    return SequenceNumber32(static_cast<uint32_t>(base + offset));
}

/// A buffer started at \p isn holding the stream in packets of \p sizes.
void
Fill(LifecycleTcpSendBuffer& buffer, uint32_t isn, const std::vector<uint32_t>& sizes)
{
    buffer.Start(SequenceNumber32(isn));
    uint64_t offset = 0;
    for (uint32_t size : sizes)
    {
        ASSERT_TRUE(buffer.Append(StreamPacket(offset, size)));
        offset += size;
    }
}

TEST(SendBuffer, StartSetsHeadAndTailToTheFirstSequenceNumber)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(1000);
    buffer.Start(SequenceNumber32(5001));
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(5001));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(5001));
    EXPECT_EQ(buffer.Size(), 0U);
    EXPECT_EQ(buffer.Available(), 1000U);
    EXPECT_EQ(buffer.GetCapacity(), 1000U);
}

TEST(SendBuffer, AppendMovesTheTailByThePacketSizeAndKeepsTheHead)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(1000);
    buffer.Start(SequenceNumber32(100));
    EXPECT_TRUE(buffer.Append(StreamPacket(0, 300)));
    EXPECT_TRUE(buffer.Append(StreamPacket(300, 45)));
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(100));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(445));
    EXPECT_EQ(buffer.Size(), 345U);
    EXPECT_EQ(buffer.Available(), 655U);
}

TEST(SendBuffer, AppendIsRefusedWholeWhenThePacketDoesNotFit)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(100);
    buffer.Start(SequenceNumber32(1));
    ASSERT_TRUE(buffer.Append(StreamPacket(0, 60)));
    // 41 bytes with 40 free: nothing of it is queued.
    EXPECT_FALSE(buffer.Append(StreamPacket(60, 41)));
    EXPECT_EQ(buffer.Size(), 60U);
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(61));
    EXPECT_EQ(buffer.Available(), 40U);
    // Exactly the room left fits.
    EXPECT_TRUE(buffer.Append(StreamPacket(60, 40)));
    EXPECT_EQ(buffer.Size(), 100U);
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_FALSE(buffer.Append(StreamPacket(100, 1)));
    EXPECT_EQ(buffer.Size(), 100U);
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1), 100)), StreamBytes(0, 100));
}

TEST(SendBuffer, PacketLargerThanTheWholeCapacityIsRefusedByAnEmptyBuffer)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(100);
    buffer.Start(SequenceNumber32(1));
    EXPECT_FALSE(buffer.Append(StreamPacket(0, 101)));
    EXPECT_EQ(buffer.Size(), 0U);
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(1));
}

TEST(SendBuffer, CapacityLoweredBelowTheQueuedBytesLeavesNoRoom)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(1000);
    buffer.Start(SequenceNumber32(1));
    ASSERT_TRUE(buffer.Append(StreamPacket(0, 600)));
    buffer.SetCapacity(500);
    EXPECT_EQ(buffer.Available(), 0U);
    EXPECT_FALSE(buffer.Append(StreamPacket(600, 1)));
    EXPECT_EQ(buffer.Size(), 600U);
}

TEST(SendBuffer, AcknowledgedBytesMakeRoomForNewOnes)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(100);
    buffer.Start(SequenceNumber32(1));
    ASSERT_TRUE(buffer.Append(StreamPacket(0, 100)));
    EXPECT_FALSE(buffer.Append(StreamPacket(100, 30)));
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(31)), 30U);
    EXPECT_EQ(buffer.Available(), 30U);
    EXPECT_TRUE(buffer.Append(StreamPacket(100, 30)));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(131));
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(31), 100)), StreamBytes(30, 100));
}

TEST(SendBuffer, CopyOfPartOfOnePacketReturnsExactlyThoseBytes)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1000, {500});
    Ptr<Packet> p = buffer.Copy(SequenceNumber32(1100), 200);
    EXPECT_EQ(p->GetSize(), 200U);
    EXPECT_EQ(PacketBytes(p), StreamBytes(100, 200));
}

TEST(SendBuffer, CopySpanningSeveralAppendedPacketsJoinsTheirBytesInOrder)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1000, {10, 20, 30, 7});
    // From inside the first packet to inside the last one.
    Ptr<Packet> p = buffer.Copy(SequenceNumber32(1005), 58);
    EXPECT_EQ(PacketBytes(p), StreamBytes(5, 58));
    // Exactly the second and third packets.
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1010), 50)), StreamBytes(10, 50));
}

TEST(SendBuffer, CopyOfEveryRangeMatchesTheStream)
{
    LifecycleTcpSendBuffer buffer;
    const std::vector<uint32_t> sizes{1, 9, 16, 3, 24, 1, 6};
    Fill(buffer, 7777, sizes);
    const uint32_t total = 60;
    ASSERT_EQ(buffer.Size(), total);
    for (uint32_t from = 0; from <= total; ++from)
    {
        for (uint32_t length = 0; length <= total + 5; ++length)
        {
            uint32_t expected = std::min(length, total - from);
            Ptr<Packet> p = buffer.Copy(Seq(7777, from), length);
            ASSERT_EQ(p->GetSize(), expected) << "from " << from << " length " << length;
            ASSERT_EQ(PacketBytes(p), StreamBytes(from, expected))
                << "from " << from << " length " << length;
        }
    }
}

TEST(SendBuffer, CopyRunningPastTheTailReturnsOnlyTheBytesHeld)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1, {40, 20});
    Ptr<Packet> p = buffer.Copy(SequenceNumber32(51), 1000);
    EXPECT_EQ(p->GetSize(), 10U);
    EXPECT_EQ(PacketBytes(p), StreamBytes(50, 10));
}

TEST(SendBuffer, CopyAtTheTailReturnsAnEmptyPacket)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1, {40});
    Ptr<Packet> p = buffer.Copy(SequenceNumber32(41), 100);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->GetSize(), 0U);
    EXPECT_EQ(buffer.Copy(SequenceNumber32(1), 0)->GetSize(), 0U);
}

TEST(SendBuffer, CopyLeavesTheBytesInTheBuffer)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1, {100});
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1), 100)), StreamBytes(0, 100));
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1), 100)), StreamBytes(0, 100));
    EXPECT_EQ(buffer.Size(), 100U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(1));
}

TEST(SendBuffer, ChangingACopiedSegmentDoesNotChangeTheQueuedBytes)
{
    LifecycleTcpSendBuffer buffer;
    buffer.Start(SequenceNumber32(1));
    Ptr<Packet> app = StreamPacket(0, 50);
    ASSERT_TRUE(buffer.Append(app));
    ASSERT_TRUE(buffer.Append(StreamPacket(50, 50)));

    // A whole queued packet, then a range across two, each altered as a
    // segment under construction would be.
    Ptr<Packet> whole = buffer.Copy(SequenceNumber32(1), 50);
    whole->RemoveAtStart(10);
    whole->AddAtEnd(Create<Packet>(20));
    Ptr<Packet> across = buffer.Copy(SequenceNumber32(41), 20);
    across->RemoveAtEnd(5);
    across->AddAtEnd(Create<Packet>(7));

    EXPECT_EQ(app->GetSize(), 50U);
    EXPECT_EQ(PacketBytes(app), StreamBytes(0, 50));
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1), 100)), StreamBytes(0, 100));
}

TEST(SendBuffer, DiscardUpToDropsTheAcknowledgedBytesAndMovesTheHead)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1000, {100, 100, 100});
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(1200)), 200U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(1200));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(1300));
    EXPECT_EQ(buffer.Size(), 100U);
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1200), 100)), StreamBytes(200, 100));
}

TEST(SendBuffer, DiscardUpToInsideAPacketKeepsItsUnacknowledgedRest)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1000, {100, 100});
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(1037)), 37U);
    EXPECT_EQ(buffer.Size(), 163U);
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1037), 163)), StreamBytes(37, 163));
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(1150)), 113U);
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1150), 1000)), StreamBytes(150, 50));
}

TEST(SendBuffer, DiscardUpToBeyondTheTailIsClampedToTheTail)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(1000);
    Fill(buffer, 1000, {100, 50});
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(1400)), 150U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(1150));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(1150));
    EXPECT_EQ(buffer.Size(), 0U);
    EXPECT_EQ(buffer.Available(), 1000U);
    // The stream goes on from the old tail, not from the discard point.
    ASSERT_TRUE(buffer.Append(StreamPacket(150, 30)));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(1180));
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1150), 30)), StreamBytes(150, 30));
}

TEST(SendBuffer, DiscardUpToAtOrBeforeTheHeadDropsNothing)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1000, {100});
    ASSERT_EQ(buffer.DiscardUpTo(SequenceNumber32(1020)), 20U);
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(1020)), 0U); // duplicate ACK
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(1005)), 0U); // old ACK
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(1020));
    EXPECT_EQ(buffer.Size(), 80U);
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1020), 80)), StreamBytes(20, 80));
}

TEST(SendBuffer, SizeFromCountsTheBytesAtAndAfterASequenceNumber)
{
    LifecycleTcpSendBuffer buffer;
    Fill(buffer, 1000, {60, 40});
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(1000)), 100U);
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(1075)), 25U);
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(1099)), 1U);
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(1100)), 0U);
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(1500)), 0U);
    // Everything held lies after a sequence number before the head.
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(900)), 100U);
}

TEST(SendBuffer, SequenceNumbersWrapAcross2To32)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(1000);
    Fill(buffer, 0xFFFFFF00, {200, 200, 112});
    EXPECT_EQ(buffer.Size(), 512U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(0xFFFFFF00));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(0x00000100));
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(0xFFFFFFF0)), 272U);
    EXPECT_EQ(buffer.SizeFrom(SequenceNumber32(0x00000010)), 240U);

    // A segment straddling 2^32, inside the first packet and into the second.
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(0xFFFFFFF0), 64)), StreamBytes(0xF0, 64));

    // Acknowledged past the wrap.
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(0x00000020)), 0x120U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(0x00000020));
    EXPECT_EQ(buffer.Size(), 512U - 0x120U);
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(0x00000020), 1000)),
              StreamBytes(0x120, 512 - 0x120));

    // An ACK below the head, on the other side of the wrap, drops nothing.
    EXPECT_EQ(buffer.DiscardUpTo(SequenceNumber32(0xFFFFFFF8)), 0U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(0x00000020));
}

TEST(SendBuffer, ClearDropsEverythingButKeepsTheNumbering)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(500);
    Fill(buffer, 1000, {100, 100});
    buffer.Clear();
    EXPECT_EQ(buffer.Size(), 0U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(1200));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(1200));
    EXPECT_EQ(buffer.Available(), 500U);
    ASSERT_TRUE(buffer.Append(StreamPacket(200, 50)));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(1250));
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1200), 50)), StreamBytes(200, 50));
}

TEST(SendBuffer, StartAgainDropsTheQueuedBytesAndRenumbers)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(500);
    Fill(buffer, 1000, {100, 100});
    buffer.Start(SequenceNumber32(9000));
    EXPECT_EQ(buffer.Size(), 0U);
    EXPECT_EQ(buffer.HeadSequence(), SequenceNumber32(9000));
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(9000));
    EXPECT_EQ(buffer.Available(), 500U);
    ASSERT_TRUE(buffer.Append(StreamPacket(0, 10)));
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(9000), 10)), StreamBytes(0, 10));
}

TEST(SendBuffer, EmptyPacketIsAcceptedAndChangesNothing)
{
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(10);
    Fill(buffer, 1, {10});
    EXPECT_TRUE(buffer.Append(Create<Packet>()));
    EXPECT_EQ(buffer.Size(), 10U);
    EXPECT_EQ(buffer.TailSequence(), SequenceNumber32(11));
    EXPECT_EQ(PacketBytes(buffer.Copy(SequenceNumber32(1), 10)), StreamBytes(0, 10));
}

// A sender's life: the application writes packets of odd sizes, segments of
// one MSS are copied out (and some copied again as retransmissions) and the
// peer acknowledges at arbitrary points, across the 2^32 wrap. Every byte
// copied out must be the stream's byte at that sequence number.
TEST(SendBuffer, LongTransferAcrossTheWrapKeepsEveryByteInPlace)
{
    const uint32_t isn = 0xFFFF0000;
    const uint32_t mss = 536;
    LifecycleTcpSendBuffer buffer;
    buffer.SetCapacity(8000);
    buffer.Start(SequenceNumber32(isn));
    uint64_t written = 0; // stream bytes appended
    uint64_t acked = 0;   // stream bytes acknowledged
    uint64_t sent = 0;    // stream bytes copied out at least once
    uint32_t lcg = 12345;
    auto next = [&lcg](uint32_t bound)
    {
        lcg = lcg * 1103515245 + 12345;
        return (lcg >> 8) % bound;
    };
    while (acked < 300000)
    {
        // The application writes while there is room.
        uint32_t size = 1 + next(1500);
        if (buffer.Append(StreamPacket(written, size)))
        {
            written += size;
        }
        else
        {
            ASSERT_LT(buffer.Available(), size);
        }
        ASSERT_EQ(buffer.Size(), written - acked);
        ASSERT_EQ(buffer.TailSequence(), Seq(isn, static_cast<uint32_t>(written)));

        // New segments go out.
        while (sent < written)
        {
            uint32_t len = static_cast<uint32_t>(std::min<uint64_t>(mss, written - sent));
            Ptr<Packet> seg = buffer.Copy(Seq(isn, static_cast<uint32_t>(sent)), len);
            ASSERT_EQ(PacketBytes(seg), StreamBytes(sent, len)) << "at offset " << sent;
            sent += len;
        }

        // The peer acknowledges part of what was sent.
        uint64_t ack = acked + next(static_cast<uint32_t>(sent - acked) + 1);
        ASSERT_EQ(buffer.DiscardUpTo(Seq(isn, static_cast<uint32_t>(ack))), ack - acked);
        acked = ack;
        ASSERT_EQ(buffer.HeadSequence(), Seq(isn, static_cast<uint32_t>(acked)));

        // A retransmission of the oldest unacknowledged segment.
        if (sent > acked)
        {
            uint32_t len = static_cast<uint32_t>(std::min<uint64_t>(mss, sent - acked));
            Ptr<Packet> seg = buffer.Copy(Seq(isn, static_cast<uint32_t>(acked)), len);
            ASSERT_EQ(PacketBytes(seg), StreamBytes(acked, len)) << "at offset " << acked;
        }
    }
    // The stream did cross 2^32.
    EXPECT_GT(acked, 0x10000U);
}

} // namespace
} // namespace ns3
