/*
 * tcp-lifecycle: what a connection counts about itself.
 *
 * Plain counters, bumped where the event happens, so that reading them costs
 * nothing when nobody collects and the collector needs no per-packet hooks.
 */
#ifndef LIFECYCLE_TCP_STATS_H
#define LIFECYCLE_TCP_STATS_H

#include "lifecycle-tcp-state.h"

#include "ns3/nstime.h"

#include <array>
#include <cstdint>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief How a connection ended.
 */
enum class LifecycleTcpEnd : uint8_t
{
    OPEN,            //!< still open (not CLOSED yet)
    CLOSED_NORMALLY, //!< FIN handshake completed (LAST_ACK or TIME_WAIT to CLOSED)
    RESET_BY_PEER,   //!< a RST arrived
    RESET_BY_US,     //!< we sent a RST (abort, or close with unread data)
    TIMED_OUT,       //!< retries exhausted (ConnCount or DataRetries)
    ABORTED,         //!< the application closed before synchronization, or a crash
    REFUSED          //!< the connection attempt was refused (RST to our SYN)
};

/// \return "open", "closed", "reset_by_peer", "reset_by_us", "timed_out", "aborted", "refused"
std::string LifecycleTcpEndName(LifecycleTcpEnd e);

/**
 * \ingroup tcp-lifecycle
 * \brief Counters one connection keeps about itself.
 */
struct LifecycleTcpConnectionStats
{
    uint64_t bytesFromApp{0};       //!< bytes the application handed to Send()
    uint64_t bytesAcked{0};         //!< of those, bytes the peer acknowledged
    uint64_t bytesToApp{0};         //!< bytes the application read with Recv()
    uint64_t bytesReceived{0};      //!< in-order bytes received from the peer
    uint64_t bytesRetransmitted{0}; //!< payload bytes sent again
    uint64_t segmentsSent{0};       //!< segments sent, retransmissions included
    uint64_t segmentsReceived{0};   //!< segments that reached the connection
    std::array<uint32_t, LIFECYCLE_TCP_N_RETX_KINDS> retransmissions{}; //!< by LifecycleTcpRetxKind
    uint32_t rtoExpirations{0};                                 //!< retransmission timer expiries
    uint32_t maxBackoff{0};                                     //!< deepest backoff reached
    uint32_t rttSamples{0};                                     //!< RTT samples taken
    Time rttMin{Time::Max()};                                   //!< smallest sample
    Time rttMax{Time(0)};                                       //!< largest sample
    Time rttSum{Time(0)};                                       //!< sum of samples (for the mean)
    std::array<uint32_t, LIFECYCLE_TCP_N_DROP_REASONS> drops{}; //!< by LifecycleTcpDropReason
    uint32_t resetsSent{0};                                     //!< RSTs sent
    uint32_t resetsReceived{0};                                 //!< acceptable RSTs received
    Time firstSynAt{Time::Max()};               //!< first SYN sent (active) or received (passive)
    Time establishedAt{Time::Max()};            //!< ESTABLISHED reached
    Time firstFinAt{Time::Max()};               //!< first FIN sent or received
    Time closedAt{Time::Max()};                 //!< CLOSED reached
    LifecycleTcpEnd end{LifecycleTcpEnd::OPEN}; //!< how it ended
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_STATS_H */
