/*
 * tcp-lifecycle: RFC 6528 initial sequence numbers with SipHash-2-4.
 */
#include "lifecycle-tcp-isn.h"

namespace ns3
{

namespace
{

inline uint64_t
Rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

inline uint64_t
ReadLe64(const uint8_t* p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
    {
        v = (v << 8) | p[i];
    }
    return v;
}

/// One SipRound over the four state words.
inline void
SipRound(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3)
{
    v0 += v1;
    v1 = Rotl(v1, 13);
    v1 ^= v0;
    v0 = Rotl(v0, 32);
    v2 += v3;
    v3 = Rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = Rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = Rotl(v1, 17);
    v1 ^= v2;
    v2 = Rotl(v2, 32);
}

} // namespace

uint64_t
LifecycleSipHash24(const uint8_t* data, size_t length, const std::array<uint8_t, 16>& key)
{
    uint64_t k0 = ReadLe64(key.data());
    uint64_t k1 = ReadLe64(key.data() + 8);
    uint64_t v0 = 0x736f6d6570736575ULL ^ k0;
    uint64_t v1 = 0x646f72616e646f6dULL ^ k1;
    uint64_t v2 = 0x6c7967656e657261ULL ^ k0;
    uint64_t v3 = 0x7465646279746573ULL ^ k1;

    size_t full = length - (length % 8);
    for (size_t i = 0; i < full; i += 8)
    {
        uint64_t m = ReadLe64(data + i);
        v3 ^= m;
        SipRound(v0, v1, v2, v3);
        SipRound(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t last = static_cast<uint64_t>(length & 0xff) << 56;
    for (size_t i = 0; i < length % 8; ++i)
    {
        last |= static_cast<uint64_t>(data[full + i]) << (8 * i);
    }
    v3 ^= last;
    SipRound(v0, v1, v2, v3);
    SipRound(v0, v1, v2, v3);
    v0 ^= last;
    v2 ^= 0xff;
    for (int i = 0; i < 4; ++i)
    {
        SipRound(v0, v1, v2, v3);
    }
    return v0 ^ v1 ^ v2 ^ v3;
}

void
LifecycleTcpIsnGenerator::SetKey(const std::array<uint8_t, 16>& key)
{
    m_key = key;
}

SequenceNumber32
LifecycleTcpIsnGenerator::Generate(Time now,
                                   Ipv4Address localAddress,
                                   uint16_t localPort,
                                   Ipv4Address remoteAddress,
                                   uint16_t remotePort) const
{
    uint8_t tuple[12];
    localAddress.Serialize(tuple);
    tuple[4] = static_cast<uint8_t>(localPort >> 8);
    tuple[5] = static_cast<uint8_t>(localPort & 0xff);
    remoteAddress.Serialize(tuple + 6);
    tuple[10] = static_cast<uint8_t>(remotePort >> 8);
    tuple[11] = static_cast<uint8_t>(remotePort & 0xff);
    auto f = static_cast<uint32_t>(LifecycleSipHash24(tuple, sizeof(tuple), m_key));
    // M: a timer that ticks every 4 microseconds (RFC 9293 3.4.1).
    auto m = static_cast<uint32_t>(now.GetMicroSeconds() / 4);
    return SequenceNumber32(m + f);
}

} // namespace ns3
