/*
 * tcp-lifecycle: the receive buffer and reassembly queue.
 *
 * In-order bytes wait here until the application reads them; bytes that
 * arrive ahead of RCV.NXT are held, without overlaps, until the gap before
 * them fills (RFC 9293 3.10.7.4: "Segments with higher beginning sequence
 * numbers SHOULD be held for later processing", SHLD-31). Positions are kept
 * as 64-bit stream offsets, so the 2^32 wrap of sequence numbers only matters
 * at the boundary where a sequence number comes in.
 */
#ifndef LIFECYCLE_TCP_RECEIVE_BUFFER_H
#define LIFECYCLE_TCP_RECEIVE_BUFFER_H

#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/sequence-number.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Receive buffer with out-of-order reassembly.
 */
class LifecycleTcpReceiveBuffer
{
  public:
    /// \param bytes the most bytes held, read or not (RcvBufSize)
    void SetCapacity(uint32_t bytes);
    /// \return the capacity
    uint32_t GetCapacity() const;

    /**
     * \brief Start the stream and drop anything held.
     * \param rcvNxt the first sequence number expected (IRS + 1)
     */
    void Start(SequenceNumber32 rcvNxt);

    /// \return RCV.NXT: the next in-order sequence number expected
    SequenceNumber32 NextSequence() const;

    /**
     * \brief Account for a control octet (the FIN) at RCV.NXT.
     *
     * Advances RCV.NXT by one without adding data.
     */
    void AdvanceOverControl();

    /// \return in-order bytes the application can read
    uint32_t Available() const;
    /// \return bytes held out of order
    uint32_t OutOfOrderBytes() const;
    /// \return free space: what RCV.WND may be (capacity minus unread in-order bytes)
    uint32_t FreeSpace() const;

    /**
     * \brief Add segment text.
     * \param seq sequence number of its first byte
     * \param data the bytes; parts before RCV.NXT or already held are ignored
     * \return bytes by which RCV.NXT advanced
     */
    uint32_t Insert(SequenceNumber32 seq, Ptr<Packet> data);

    /**
     * \brief Hand in-order bytes to the application.
     * \param maxSize most bytes to return
     * \return a packet, empty when nothing is available
     */
    Ptr<Packet> Read(uint32_t maxSize);

    /**
     * \return the out-of-order blocks held, as [left, right) sequence number
     * pairs, lowest first (what SACK blocks report, RFC 2018)
     */
    std::vector<std::pair<SequenceNumber32, SequenceNumber32>> OutOfOrderBlocks() const;

    /// \brief Drop all data, read or not; RCV.NXT stays.
    void Clear();

  private:
    /// \return the stream offset of \p seq, relative to RCV.NXT
    int64_t OffsetOf(SequenceNumber32 seq) const;
    /// \brief Store [offset, offset + size of piece) out of order.
    void StoreOutOfOrder(uint64_t offset, Ptr<Packet> piece);
    /// \brief Move out-of-order blocks that now start at RCV.NXT to the ready queue.
    uint32_t Drain();

    std::vector<Ptr<Packet>> m_ready;      //!< in-order bytes not yet read, from m_readyFirst on
    size_t m_readyFirst{0};                //!< index of the oldest unread packet
    uint32_t m_readySize{0};               //!< bytes in m_ready
    std::map<uint64_t, Ptr<Packet>> m_ooo; //!< out-of-order blocks by stream offset
    uint32_t m_oooSize{0};                 //!< bytes in m_ooo
    uint64_t m_nextOffset{0};              //!< stream offset of RCV.NXT
    SequenceNumber32 m_nextSeq{0};         //!< RCV.NXT
    uint32_t m_capacity{131072};           //!< RcvBufSize
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_RECEIVE_BUFFER_H */
