/*
 * tcp-lifecycle: initial sequence numbers per RFC 6528 (RFC 9293 3.4.1,
 * MUST-8 and MUST-9):
 *
 *     ISN = M + F(localip, localport, remoteip, remoteport, secretkey)
 *
 * M is a 4-microsecond clock (simulated time) and F is SipHash-2-4, a keyed
 * pseudorandom function, over the 4-tuple. The key comes from an ns-3 random
 * stream, so ISNs differ between runs yet repeat under the same seed and run
 * number.
 */
#ifndef LIFECYCLE_TCP_ISN_H
#define LIFECYCLE_TCP_ISN_H

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/sequence-number.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief SipHash-2-4 (Aumasson and Bernstein, 2012).
 * \param data the message
 * \param length bytes in it
 * \param key the 128-bit key
 * \return the 64-bit hash
 */
uint64_t LifecycleSipHash24(const uint8_t* data, size_t length, const std::array<uint8_t, 16>& key);

/**
 * \ingroup tcp-lifecycle
 * \brief RFC 6528 initial sequence number generator.
 */
class LifecycleTcpIsnGenerator
{
  public:
    /// \param key the secret key of F()
    void SetKey(const std::array<uint8_t, 16>& key);

    /**
     * \brief Choose an ISN for a connection.
     * \param now the current (simulated) time, the clock M
     * \param localAddress local IPv4 address
     * \param localPort local port
     * \param remoteAddress remote IPv4 address
     * \param remotePort remote port
     * \return M + F(4-tuple, key)
     */
    SequenceNumber32 Generate(Time now,
                              Ipv4Address localAddress,
                              uint16_t localPort,
                              Ipv4Address remoteAddress,
                              uint16_t remotePort) const;

  private:
    std::array<uint8_t, 16> m_key{}; //!< secret key
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_ISN_H */
