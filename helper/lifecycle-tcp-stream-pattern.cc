/*
 * tcp-lifecycle: the bytes the service applications send.
 */
#include "lifecycle-tcp-stream-pattern.h"

#include <vector>

namespace ns3
{

void
LifecycleTcpStreamPattern(uint64_t offset, uint8_t* buffer, size_t length)
{
    for (size_t k = 0; k < length; ++k)
    {
        uint64_t i = offset + k;
        uint64_t word = i / 8;
        buffer[k] = static_cast<uint8_t>(word >> (8 * (7 - i % 8)));
    }
}

Ptr<Packet>
LifecycleTcpStreamPatternPacket(uint64_t offset, uint32_t length)
{
    std::vector<uint8_t> bytes(length);
    LifecycleTcpStreamPattern(offset, bytes.data(), bytes.size());
    return Create<Packet>(bytes.data(), length);
}

} // namespace ns3
