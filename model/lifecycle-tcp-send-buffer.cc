/*
 * tcp-lifecycle: the send buffer.
 */
#include "lifecycle-tcp-send-buffer.h"

#include "ns3/assert.h"

#include <algorithm>

namespace ns3
{

void
LifecycleTcpSendBuffer::SetCapacity(uint32_t bytes)
{
    m_capacity = bytes;
}

uint32_t
LifecycleTcpSendBuffer::GetCapacity() const
{
    return m_capacity;
}

void
LifecycleTcpSendBuffer::Start(SequenceNumber32 seq)
{
    m_chunks.clear();
    m_first = 0;
    m_headOffset = 0;
    m_tailOffset = 0;
    m_headSeq = seq;
}

SequenceNumber32
LifecycleTcpSendBuffer::HeadSequence() const
{
    return m_headSeq;
}

SequenceNumber32
LifecycleTcpSendBuffer::TailSequence() const
{
    return m_headSeq + static_cast<uint32_t>(m_tailOffset - m_headOffset);
}

uint32_t
LifecycleTcpSendBuffer::Size() const
{
    return static_cast<uint32_t>(m_tailOffset - m_headOffset);
}

uint32_t
LifecycleTcpSendBuffer::Available() const
{
    return Size() >= m_capacity ? 0 : m_capacity - Size();
}

uint32_t
LifecycleTcpSendBuffer::SizeFrom(SequenceNumber32 seq) const
{
    SequenceNumber32 tail = TailSequence();
    if (seq >= tail)
    {
        return 0;
    }
    if (seq < m_headSeq)
    {
        return Size();
    }
    return static_cast<uint32_t>(tail - seq);
}

bool
LifecycleTcpSendBuffer::Append(Ptr<Packet> p)
{
    uint32_t size = p->GetSize();
    if (size > Available())
    {
        return false;
    }
    if (size == 0)
    {
        return true;
    }
    m_chunks.push_back(Chunk{m_tailOffset, p});
    m_tailOffset += size;
    return true;
}

uint64_t
LifecycleTcpSendBuffer::OffsetOf(SequenceNumber32 seq) const
{
    NS_ASSERT_MSG(seq >= m_headSeq && seq <= TailSequence(),
                  "sequence number " << seq << " outside the send buffer [" << m_headSeq << ", "
                                     << TailSequence() << "]");
    return m_headOffset + static_cast<uint32_t>(seq - m_headSeq);
}

Ptr<Packet>
LifecycleTcpSendBuffer::Copy(SequenceNumber32 seq, uint32_t length) const
{
    uint64_t start = OffsetOf(seq);
    uint64_t end = std::min<uint64_t>(start + length, m_tailOffset);
    Ptr<Packet> out;
    if (start >= end)
    {
        return Create<Packet>();
    }
    // The chunk holding 'start' is the last one whose offset is <= start.
    auto first = m_chunks.begin() + m_first;
    auto it = std::upper_bound(
        first, m_chunks.end(), start, [](uint64_t off, const Chunk& c) { return off < c.offset; });
    NS_ASSERT(it != first);
    --it;
    uint64_t pos = start;
    for (; pos < end && it != m_chunks.end(); ++it)
    {
        uint32_t chunkSize = it->data->GetSize();
        uint32_t from = static_cast<uint32_t>(pos - it->offset);
        uint32_t take = static_cast<uint32_t>(std::min<uint64_t>(chunkSize - from, end - pos));
        Ptr<Packet> piece = (from == 0 && take == chunkSize) ? it->data->Copy()
                                                             : it->data->CreateFragment(from, take);
        if (!out)
        {
            out = piece;
        }
        else
        {
            out->AddAtEnd(piece);
        }
        pos += take;
    }
    return out;
}

uint32_t
LifecycleTcpSendBuffer::DiscardUpTo(SequenceNumber32 seq)
{
    if (seq <= m_headSeq)
    {
        return 0;
    }
    SequenceNumber32 tail = TailSequence();
    if (seq > tail)
    {
        seq = tail;
    }
    uint32_t dropped = static_cast<uint32_t>(seq - m_headSeq);
    m_headOffset += dropped;
    m_headSeq = seq;
    while (m_first < m_chunks.size()
           && m_chunks[m_first].offset + m_chunks[m_first].data->GetSize() <= m_headOffset)
    {
        m_chunks[m_first].data = nullptr; // release the packet now
        ++m_first;
    }
    if (m_first == m_chunks.size())
    {
        m_chunks.clear();
        m_first = 0;
    }
    else if (m_first >= 64 && m_first * 2 >= m_chunks.size())
    {
        // Compact once the released slots outnumber the held ones: amortised O(1).
        m_chunks.erase(m_chunks.begin(), m_chunks.begin() + m_first);
        m_first = 0;
    }
    return dropped;
}

void
LifecycleTcpSendBuffer::Clear()
{
    m_chunks.clear();
    m_chunks.shrink_to_fit();
    m_first = 0;
    m_headSeq = TailSequence();
    m_headOffset = m_tailOffset;
}

} // namespace ns3
