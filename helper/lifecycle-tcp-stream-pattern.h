/*
 * tcp-lifecycle: the bytes the service applications send, a stream anyone
 * can rebuild to check what arrived.
 *
 * Byte i of the stream is byte (i mod 8) of the 64-bit big-endian number
 * floor(i / 8): the stream is the counter 0, 1, 2, ... written in 8-byte
 * words, cut at the length sent. Every 8-byte word says where it belongs,
 * so a lost, repeated, reordered or shifted piece changes the stream's hash.
 * The same stream in Python, for a hash to compare against:
 *
 *   python3 examples/host/pattern.py 10MB | sha256sum
 */
#ifndef LIFECYCLE_TCP_STREAM_PATTERN_H
#define LIFECYCLE_TCP_STREAM_PATTERN_H

#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief Fill \p buffer with bytes \p offset to \p offset + \p length - 1 of the stream.
 * \param offset position of the first byte in the stream
 * \param buffer where the bytes go
 * \param length how many
 */
void LifecycleTcpStreamPattern(uint64_t offset, uint8_t* buffer, size_t length);

/**
 * \ingroup tcp-lifecycle
 * \brief A packet holding bytes \p offset to \p offset + \p length - 1 of the stream.
 * \param offset position of the first byte in the stream
 * \param length how many
 * \return the packet
 */
Ptr<Packet> LifecycleTcpStreamPatternPacket(uint64_t offset, uint32_t length);

} // namespace ns3

#endif /* LIFECYCLE_TCP_STREAM_PATTERN_H */
