/*
 * tcp-lifecycle: the record the metrics collector keeps of one connection.
 *
 * One record per socket that left CLOSED: a connection (active, passive or
 * simultaneous opener) or a listener. It is built from the socket's state
 * transitions and retransmissions as they happen and, when the connection
 * ends, from the counters the socket kept; then it becomes one row of
 * connections.csv. Values a stack cannot report are std::nullopt ("missing",
 * an empty CSV field), never zero: ns-3's native TCP, observed through its
 * trace sources, does not show everything this model does.
 */
#ifndef LIFECYCLE_TCP_CONNECTION_RECORD_H
#define LIFECYCLE_TCP_CONNECTION_RECORD_H

#include "ns3/ipv4-address.h"
#include "ns3/lifecycle-tcp-state.h"
#include "ns3/lifecycle-tcp-stats.h"
#include "ns3/nstime.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace ns3
{

/**
 * \ingroup tcp-lifecycle
 * \brief How a connection was opened.
 */
enum class LifecycleTcpOpener : uint8_t
{
    NONE,         //!< not opened (yet)
    ACTIVE,       //!< Connect(): CLOSED -> SYN_SENT
    PASSIVE,      //!< forked by a listener: LISTEN -> SYN_RCVD
    SIMULTANEOUS, //!< SYN_SENT -> SYN_RCVD: both sides sent a SYN
    LISTENER      //!< a listening socket, not a connection
};

/**
 * \ingroup tcp-lifecycle
 * \brief How a connection was closed.
 */
enum class LifecycleTcpCloser : uint8_t
{
    NONE,        //!< no FIN exchange began (reset, timeout, or still open)
    ACTIVE,      //!< we closed first: -> FIN_WAIT_1
    PASSIVE,     //!< the peer closed first: ESTABLISHED -> CLOSE_WAIT
    SIMULTANEOUS //!< both closed at once: FIN_WAIT_1 -> CLOSING
};

/// \return "none", "active", "passive", "simultaneous", "listener"
std::string LifecycleTcpOpenerName(LifecycleTcpOpener o);
/// \return "none", "active", "passive", "simultaneous"
std::string LifecycleTcpCloserName(LifecycleTcpCloser c);

/**
 * \ingroup tcp-lifecycle
 * \brief Time a connection spent in one state.
 */
struct LifecycleTcpStateTime
{
    std::optional<Time> firstEntry; //!< when it first entered (missing: never, or not seen)
    uint32_t entries{0};            //!< separate visits (the state it was born in counts)
    Time total{0};                  //!< time spent in it, all visits
};

/**
 * \ingroup tcp-lifecycle
 * \brief Everything the metrics collector knows of one connection.
 */
struct LifecycleTcpConnectionRecord
{
    // ---- identity ----
    uint64_t id{0};            //!< collector-wide, in order of first observation
    uint32_t node{0};          //!< node id
    std::string stack;         //!< "custom" (this model) or "ns3" (ns-3's native TCP)
    Ipv4Address localAddress;  //!< local address (0.0.0.0 for a wildcard listener)
    uint16_t localPort{0};     //!< local port
    Ipv4Address remoteAddress; //!< remote address (0.0.0.0 for a listener)
    uint16_t remotePort{0};    //!< remote port
    LifecycleTcpOpener opener{LifecycleTcpOpener::NONE}; //!< how it opened
    LifecycleTcpCloser closer{LifecycleTcpCloser::NONE}; //!< how it closed
    std::optional<uint32_t> iss;                         //!< initial send sequence number
    std::optional<uint32_t> irs;                         //!< initial receive sequence number

    // ---- states ----
    std::array<LifecycleTcpStateTime, LIFECYCLE_TCP_N_STATES> states; //!< by LifecycleTcpState
    LifecycleTcpState state{TcpSocket::CLOSED};                       //!< the current state
    bool stateKnown{true};             //!< false while a native socket's state is not known yet
    Time stateSince{0};                //!< when the current state (or the observation) began
    Time createdAt{0};                 //!< when the socket was first seen
    std::optional<Time> openedAt;      //!< it left CLOSED (Connect, Listen, SYN received)
    std::optional<Time> synAt;         //!< first SYN sent (active) or received (passive)
    std::optional<Time> establishedAt; //!< ESTABLISHED first reached
    std::optional<Time> firstFinAt;    //!< first FIN sent or received
    std::optional<Time> closedAt;      //!< CLOSED reached at the end

    // ---- bytes and segments ----
    std::optional<uint64_t> bytesAppSent;         //!< handed to Send() by the application
    std::optional<uint64_t> bytesAcked;           //!< of ours, acknowledged by the peer
    std::optional<uint64_t> bytesAppReceived;     //!< read with Recv() by our application
    std::optional<uint64_t> bytesPeerAppReceived; //!< of ours, read by the peer's application
    std::optional<uint64_t> bytesRetransmitted;   //!< payload bytes sent again
    std::optional<uint64_t> segmentsSent;         //!< retransmissions included
    std::optional<uint64_t> segmentsReceived;     //!< segments that reached the connection

    // ---- retransmission ----
    std::array<uint32_t, LIFECYCLE_TCP_N_RETX_KINDS> retransmissions{}; //!< by LifecycleTcpRetxKind
    uint32_t rtoExpirations{0};         //!< retransmission timer expiries
    uint32_t maxBackoff{0};             //!< deepest backoff reached
    std::optional<uint32_t> rttSamples; //!< RTT samples taken
    std::optional<Time> rttMin;         //!< smallest RTT sample
    std::optional<Time> rttMean;        //!< mean RTT sample
    std::optional<Time> rttMax;         //!< largest RTT sample
    std::optional<Time> srtt;           //!< smoothed RTT at the end
    std::optional<Time> rto;            //!< RTO at the end

    // ---- drops and resets ----
    /// Segments of this connection dropped, by LifecycleTcpDropReason
    /// (BAD_CHECKSUM, OUT_OF_WINDOW, MALFORMED, NO_CONNECTION, INVALID,
    /// BACKLOG_FULL: a listener's SYNs dropped while its SYN backlog was full).
    std::array<std::optional<uint32_t>, LIFECYCLE_TCP_N_DROP_REASONS> drops{};
    std::optional<uint32_t> resetsSent;         //!< RSTs sent
    std::optional<uint32_t> resetsReceived;     //!< acceptable RSTs received
    LifecycleTcpEnd end{LifecycleTcpEnd::OPEN}; //!< how it ended

    /**
     * \brief Start the record of a socket first seen at \p now in \p state.
     * \param now the time
     * \param initial the socket's state then
     * \param known false when the state is not known (native sockets found
     * late): the first transition then says what it was
     * \param entryKnown false when the state is known but not since when
     * (a socket found after it left CLOSED): its first entry and the
     * lifetime are missing, its time counts from \p now
     */
    void Begin(Time now, LifecycleTcpState initial, bool known = true, bool entryKnown = true);
    /**
     * \brief Account a state transition: time in the old state, a visit to
     * the new one, opener and closer roles, handshake and close marks.
     * \param now the time
     * \param from the old state
     * \param to the new state
     */
    void Transition(Time now, LifecycleTcpState from, LifecycleTcpState to);
    /**
     * \brief Close the accounts at \p now: the current state's time up to
     * now (a connection still open at the end of a run).
     * \param now the time
     */
    void Settle(Time now);
    /// \brief Copy the counters of one of this model's sockets.
    void TakeStats(const LifecycleTcpConnectionStats& stats);

    /// \return SYN sent or received to ESTABLISHED (missing if not established)
    std::optional<Time> HandshakeTime() const;
    /// \return first FIN sent or received to CLOSED (missing if either is)
    std::optional<Time> CloseTime() const;
    /// \return time spent in TIME_WAIT (missing if never in it)
    std::optional<Time> TimeWaitTime() const;
    /// \return from leaving CLOSED to CLOSED, or to \p end while open (missing if never opened)
    std::optional<Time> Lifetime(Time end) const;
    /// \return the sum of retransmissions of every kind
    uint32_t TotalRetransmissions() const;
    /// \return true for a connection (a socket with a peer), false for a
    /// listener or a socket that never left CLOSED
    bool IsConnection() const;
    /// \return true when the record says something: a connection or a listener
    bool IsWorthWriting() const;
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_CONNECTION_RECORD_H */
