/*
 * tcp-lifecycle: the receive buffer and reassembly queue.
 */
#include "lifecycle-tcp-receive-buffer.h"

#include "ns3/assert.h"

#include <algorithm>

namespace ns3
{

void
LifecycleTcpReceiveBuffer::SetCapacity(uint32_t bytes)
{
    m_capacity = bytes;
}

uint32_t
LifecycleTcpReceiveBuffer::GetCapacity() const
{
    return m_capacity;
}

void
LifecycleTcpReceiveBuffer::Start(SequenceNumber32 rcvNxt)
{
    m_ready.clear();
    m_readyFirst = 0;
    m_readySize = 0;
    m_ooo.clear();
    m_oooSize = 0;
    m_nextOffset = 0;
    m_nextSeq = rcvNxt;
}

SequenceNumber32
LifecycleTcpReceiveBuffer::NextSequence() const
{
    return m_nextSeq;
}

void
LifecycleTcpReceiveBuffer::AdvanceOverControl()
{
    NS_ASSERT_MSG(m_ooo.empty(), "a FIN is processed only once the data before it arrived");
    m_nextSeq = m_nextSeq + 1;
    m_nextOffset += 1;
}

uint32_t
LifecycleTcpReceiveBuffer::Available() const
{
    return m_readySize;
}

uint32_t
LifecycleTcpReceiveBuffer::OutOfOrderBytes() const
{
    return m_oooSize;
}

uint32_t
LifecycleTcpReceiveBuffer::FreeSpace() const
{
    return m_readySize >= m_capacity ? 0 : m_capacity - m_readySize;
}

int64_t
LifecycleTcpReceiveBuffer::OffsetOf(SequenceNumber32 seq) const
{
    // Signed distance from RCV.NXT: correct across the 2^32 wrap for any
    // segment within 2^31 of RCV.NXT, which the window check guarantees.
    return static_cast<int64_t>(m_nextOffset) + static_cast<int32_t>(seq - m_nextSeq);
}

uint32_t
LifecycleTcpReceiveBuffer::Insert(SequenceNumber32 seq, Ptr<Packet> data)
{
    uint32_t size = data->GetSize();
    if (size == 0)
    {
        return 0;
    }
    int64_t start = OffsetOf(seq);
    int64_t end = start + size;
    if (end <= static_cast<int64_t>(m_nextOffset))
    {
        return 0; // entirely old
    }
    if (start < static_cast<int64_t>(m_nextOffset))
    {
        uint32_t cut = static_cast<uint32_t>(static_cast<int64_t>(m_nextOffset) - start);
        data = data->CreateFragment(cut, size - cut);
        start = static_cast<int64_t>(m_nextOffset);
    }
    if (static_cast<uint64_t>(start) == m_nextOffset && m_ooo.empty())
    {
        // The common case: in order, nothing held behind it.
        uint32_t len = data->GetSize();
        m_ready.push_back(data);
        m_readySize += len;
        m_nextOffset += len;
        m_nextSeq = m_nextSeq + len;
        return len;
    }
    StoreOutOfOrder(static_cast<uint64_t>(start), data);
    return Drain();
}

void
LifecycleTcpReceiveBuffer::StoreOutOfOrder(uint64_t offset, Ptr<Packet> piece)
{
    uint64_t end = offset + piece->GetSize();
    // Walk the held blocks that could overlap [offset, end) and store only the gaps.
    auto it = m_ooo.upper_bound(offset);
    if (it != m_ooo.begin())
    {
        auto prev = std::prev(it);
        uint64_t prevEnd = prev->first + prev->second->GetSize();
        if (prevEnd > offset)
        {
            it = prev;
        }
    }
    uint64_t pos = offset;
    while (pos < end)
    {
        uint64_t gapEnd = end;
        if (it != m_ooo.end())
        {
            uint64_t blockStart = it->first;
            uint64_t blockEnd = blockStart + it->second->GetSize();
            if (blockStart <= pos)
            {
                pos = std::max(pos, blockEnd);
                ++it;
                continue;
            }
            gapEnd = std::min(end, blockStart);
        }
        uint32_t from = static_cast<uint32_t>(pos - offset);
        uint32_t len = static_cast<uint32_t>(gapEnd - pos);
        Ptr<Packet> part =
            (from == 0 && len == piece->GetSize()) ? piece : piece->CreateFragment(from, len);
        m_ooo.emplace_hint(it, pos, part);
        m_oooSize += len;
        pos = gapEnd;
    }
}

uint32_t
LifecycleTcpReceiveBuffer::Drain()
{
    uint32_t advanced = 0;
    while (!m_ooo.empty())
    {
        auto it = m_ooo.begin();
        uint64_t blockStart = it->first;
        uint32_t blockSize = it->second->GetSize();
        if (blockStart > m_nextOffset)
        {
            break;
        }
        Ptr<Packet> block = it->second;
        m_ooo.erase(it);
        m_oooSize -= blockSize;
        uint64_t blockEnd = blockStart + blockSize;
        if (blockEnd <= m_nextOffset)
        {
            continue; // already covered
        }
        uint32_t cut = static_cast<uint32_t>(m_nextOffset - blockStart);
        if (cut > 0)
        {
            block = block->CreateFragment(cut, blockSize - cut);
        }
        uint32_t len = block->GetSize();
        m_ready.push_back(block);
        m_readySize += len;
        m_nextOffset += len;
        m_nextSeq = m_nextSeq + len;
        advanced += len;
    }
    return advanced;
}

Ptr<Packet>
LifecycleTcpReceiveBuffer::Read(uint32_t maxSize)
{
    Ptr<Packet> out;
    uint32_t want = std::min(maxSize, m_readySize);
    while (want > 0)
    {
        Ptr<Packet>& front = m_ready[m_readyFirst];
        uint32_t size = front->GetSize();
        Ptr<Packet> piece;
        bool whole = size <= want;
        if (whole)
        {
            piece = front;
            front = nullptr;
            ++m_readyFirst;
        }
        else
        {
            piece = front->CreateFragment(0, want);
            front = front->CreateFragment(want, size - want);
        }
        uint32_t got = piece->GetSize();
        m_readySize -= got;
        want -= got;
        if (!out)
        {
            // A stored packet may be held elsewhere too (the Rx trace saw it):
            // hand out a (copy-on-write) copy, never the packet itself.
            out = whole ? piece->Copy() : piece;
        }
        else
        {
            out->AddAtEnd(piece);
        }
    }
    if (m_readyFirst == m_ready.size())
    {
        m_ready.clear();
        m_readyFirst = 0;
    }
    else if (m_readyFirst >= 64 && m_readyFirst * 2 >= m_ready.size())
    {
        m_ready.erase(m_ready.begin(), m_ready.begin() + m_readyFirst);
        m_readyFirst = 0;
    }
    return out ? out : Create<Packet>();
}

std::vector<std::pair<SequenceNumber32, SequenceNumber32>>
LifecycleTcpReceiveBuffer::OutOfOrderBlocks() const
{
    std::vector<std::pair<SequenceNumber32, SequenceNumber32>> blocks;
    for (const auto& [offset, data] : m_ooo)
    {
        SequenceNumber32 left = m_nextSeq + static_cast<uint32_t>(offset - m_nextOffset);
        SequenceNumber32 right = left + data->GetSize();
        if (!blocks.empty() && blocks.back().second == left)
        {
            blocks.back().second = right; // adjacent pieces form one block
        }
        else
        {
            blocks.emplace_back(left, right);
        }
    }
    return blocks;
}

void
LifecycleTcpReceiveBuffer::Clear()
{
    m_ready.clear();
    m_ready.shrink_to_fit();
    m_readyFirst = 0;
    m_readySize = 0;
    m_ooo.clear();
    m_oooSize = 0;
}

} // namespace ns3
