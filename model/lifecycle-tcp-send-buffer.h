/*
 * tcp-lifecycle: the send buffer.
 *
 * Holds the bytes the application handed to Send() that the peer has not yet
 * acknowledged, from SND.UNA onwards (RFC 9293 3.3.1, regions 2 and 3 of
 * Figure 3 plus what is not yet sent). Any range can be copied out for a
 * (re)transmission; nothing is copied on the way in: the application's
 * packets are kept and segments are built as fragments of them.
 */
#ifndef LIFECYCLE_TCP_SEND_BUFFER_H
#define LIFECYCLE_TCP_SEND_BUFFER_H

#include "ns3/packet.h"
#include "ns3/ptr.h"
#include "ns3/sequence-number.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Bytes queued for sending, addressed by sequence number.
 */
class LifecycleTcpSendBuffer
{
  public:
    /// \param bytes the most bytes the buffer holds (SndBufSize)
    void SetCapacity(uint32_t bytes);
    /// \return the most bytes the buffer holds
    uint32_t GetCapacity() const;

    /**
     * \brief Set the sequence number of the first byte of the stream.
     * \param seq ISS + 1 (the SYN takes ISS)
     *
     * Resets the buffer: any queued bytes are dropped.
     */
    void Start(SequenceNumber32 seq);

    /// \return the sequence number of the oldest byte held (SND.UNA once the SYN is acked)
    SequenceNumber32 HeadSequence() const;
    /// \return one past the sequence number of the newest byte held
    SequenceNumber32 TailSequence() const;
    /// \return bytes held
    uint32_t Size() const;
    /// \return room left for Append()
    uint32_t Available() const;
    /// \return bytes held at and after \p seq (0 if \p seq is at or beyond the tail)
    uint32_t SizeFrom(SequenceNumber32 seq) const;

    /**
     * \brief Queue an application packet, all of it or nothing.
     * \param p the packet
     * \return false when it does not fit
     */
    bool Append(Ptr<Packet> p);

    /**
     * \brief Copy bytes out for transmission.
     * \param seq first byte, at or after HeadSequence()
     * \param length bytes wanted; fewer are returned if the buffer ends first
     * \return a packet holding the bytes (fragments of the queued packets)
     */
    Ptr<Packet> Copy(SequenceNumber32 seq, uint32_t length) const;

    /**
     * \brief Drop the bytes before \p seq (they were acknowledged).
     * \param seq the new head; clamped to the tail
     * \return bytes dropped
     */
    uint32_t DiscardUpTo(SequenceNumber32 seq);

    /// \brief Drop everything, keeping the sequence numbering.
    void Clear();

  private:
    /// One application packet and its position in the stream.
    struct Chunk
    {
        uint64_t offset;  //!< stream offset of its first byte
        Ptr<Packet> data; //!< the bytes
    };

    /// \return the stream offset of \p seq, which must lie within [head, tail]
    uint64_t OffsetOf(SequenceNumber32 seq) const;

    std::vector<Chunk> m_chunks;   //!< queued packets, oldest first, from m_first on
    size_t m_first{0};             //!< index of the oldest chunk still held
    uint64_t m_headOffset{0};      //!< stream offset of the head byte
    uint64_t m_tailOffset{0};      //!< stream offset one past the last byte
    SequenceNumber32 m_headSeq{0}; //!< sequence number of the head byte
    uint32_t m_capacity{131072};   //!< SndBufSize
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_SEND_BUFFER_H */
