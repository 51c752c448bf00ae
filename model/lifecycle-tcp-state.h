/*
 * tcp-lifecycle: the connection states of RFC 9293 3.3.2 and what moves a
 * connection between them.
 *
 * The states are ns-3's own TcpSocket::TcpStates_t, so a State trace of this
 * model and of ns-3's native TCP can be hooked by the same sink. Predicates
 * over groups of states are named (IsSynchronized, ...) instead of comparing
 * positions in the enum.
 */
#ifndef LIFECYCLE_TCP_STATE_H
#define LIFECYCLE_TCP_STATE_H

#include "ns3/nstime.h"
#include "ns3/sequence-number.h"
#include "ns3/tcp-socket.h"

#include <cstdint>
#include <string>

namespace ns3
{

/**
 * \defgroup tcp-lifecycle tcp-lifecycle
 *
 * A TCP model for ns-3 whose connection life (RFC 9293) can be seen, trusted
 * and measured: every state, every transition with its cause, every
 * retransmission.
 */

/// \ingroup tcp-lifecycle
/// The eleven connection states (ns-3's enum, CLOSED .. TIME_WAIT).
using LifecycleTcpState = TcpSocket::TcpStates_t;

/// \ingroup tcp-lifecycle
/// Number of connection states (CLOSED .. TIME_WAIT).
constexpr uint32_t LIFECYCLE_TCP_N_STATES = TcpSocket::LAST_STATE;

/**
 * \ingroup tcp-lifecycle
 * \brief Named groups of states (in the style of Seastar's in_state()).
 */
namespace LifecycleTcpStates
{
/// \return the bit of a state in a state set
constexpr uint32_t
Bit(LifecycleTcpState s)
{
    return 1U << static_cast<uint32_t>(s);
}

/// \return true when \p s is in the set \p mask
constexpr bool
In(LifecycleTcpState s, uint32_t mask)
{
    return (Bit(s) & mask) != 0;
}

/// RFC 9293 3.5: the synchronized states, reached once the handshake completed.
constexpr uint32_t SYNCHRONIZED = Bit(TcpSocket::ESTABLISHED) | Bit(TcpSocket::FIN_WAIT_1)
                                  | Bit(TcpSocket::FIN_WAIT_2) | Bit(TcpSocket::CLOSE_WAIT)
                                  | Bit(TcpSocket::CLOSING) | Bit(TcpSocket::LAST_ACK)
                                  | Bit(TcpSocket::TIME_WAIT);

/// States in which the application may still queue data (RFC 9293 3.10.2).
constexpr uint32_t MAY_SEND = Bit(TcpSocket::SYN_SENT) | Bit(TcpSocket::SYN_RCVD)
                              | Bit(TcpSocket::ESTABLISHED) | Bit(TcpSocket::CLOSE_WAIT);

/// States in which arriving text is delivered (RFC 9293 3.10.7.4, seventh step).
constexpr uint32_t RECEIVES_TEXT =
    Bit(TcpSocket::ESTABLISHED) | Bit(TcpSocket::FIN_WAIT_1) | Bit(TcpSocket::FIN_WAIT_2);

/// States in which our FIN has been queued or sent (the local side closed).
constexpr uint32_t LOCAL_CLOSED = Bit(TcpSocket::FIN_WAIT_1) | Bit(TcpSocket::FIN_WAIT_2)
                                  | Bit(TcpSocket::CLOSING) | Bit(TcpSocket::LAST_ACK)
                                  | Bit(TcpSocket::TIME_WAIT);

/// States in which the peer's FIN has been received.
constexpr uint32_t PEER_CLOSED = Bit(TcpSocket::CLOSE_WAIT) | Bit(TcpSocket::CLOSING)
                                 | Bit(TcpSocket::LAST_ACK) | Bit(TcpSocket::TIME_WAIT);

/// \return the state's name as ns-3 spells it ("SYN_RCVD", "TIME_WAIT", ...)
std::string Name(LifecycleTcpState s);
} // namespace LifecycleTcpStates

/**
 * \ingroup tcp-lifecycle
 * \brief Why a connection changed state: an arriving segment (with its
 * flags), a timer, an application call or the node itself (a crash).
 */
struct LifecycleTcpCause
{
    /// What kind of event caused the transition.
    enum Kind : uint8_t
    {
        SEGMENT, //!< a segment arrived; code holds its TCP flags
        TIMER,   //!< a timer expired; code is a Timer value
        APP,     //!< the application called the socket; code is an App value
        NODE     //!< the node lost its connections (a simulated crash)
    };

    /// Application calls.
    enum App : uint8_t
    {
        APP_CONNECT,       //!< Connect(): active OPEN
        APP_LISTEN,        //!< Listen(): passive OPEN
        APP_CLOSE,         //!< Close()
        APP_SHUTDOWN_SEND, //!< ShutdownSend(): CLOSE in the RFC's simplex sense
        APP_ABORT          //!< Abort(), or Close() with unread data (RFC 9293 SHLD-3)
    };

    /// Timers.
    enum Timer : uint8_t
    {
        TIMER_RETRANSMISSION, //!< retransmission timer: retries exhausted
        TIMER_TIME_WAIT,      //!< TIME_WAIT's 2*MSL ran out
        TIMER_USER            //!< reserved for a user timeout
    };

    Kind kind{APP};  //!< what kind of event
    uint8_t code{0}; //!< flags, App or Timer value depending on kind

    /// \return the cause of a segment arrival with TCP \p flags
    static LifecycleTcpCause Segment(uint8_t flags);
    /// \return the cause of an expired timer
    static LifecycleTcpCause FromTimer(Timer t);
    /// \return the cause of an application call
    static LifecycleTcpCause FromApp(App a);
    /// \return the cause of a simulated crash of the node
    static LifecycleTcpCause NodeCrash();

    /// \return a short text such as "rcv SYN|ACK", "timer 2MSL", "app Close"
    std::string ToString() const;
};

/**
 * \ingroup tcp-lifecycle
 * \brief Kinds of retransmission, as the metrics report them.
 */
enum class LifecycleTcpRetxKind : uint8_t
{
    SYN,         //!< our SYN again (SYN_SENT)
    SYN_ACK,     //!< our SYN,ACK again (SYN_RCVD)
    FIN,         //!< a segment carrying our FIN again
    DATA_RTO,    //!< data resent after a retransmission timeout
    DATA_FAST,   //!< data resent by fast retransmit / fast recovery
    WINDOW_PROBE //!< a zero-window probe (RFC 9293 3.8.6.1)
};

/// Number of LifecycleTcpRetxKind values.
constexpr uint32_t LIFECYCLE_TCP_N_RETX_KINDS = 6;

/// \return "SYN", "SYN_ACK", "FIN", "DATA_RTO", "DATA_FAST" or "WINDOW_PROBE"
std::string LifecycleTcpRetxKindName(LifecycleTcpRetxKind k);

/**
 * \ingroup tcp-lifecycle
 * \brief One retransmission, as reported by the Retransmission trace source.
 */
struct LifecycleTcpRetransmission
{
    LifecycleTcpRetxKind kind; //!< what was resent
    SequenceNumber32 seq;      //!< sequence number of the segment
    uint32_t length;           //!< payload bytes in it
    Time rto;                  //!< retransmission timeout in force when it was sent
    uint32_t backoff;          //!< number of consecutive timeouts (exponent of the backoff)
};

/**
 * \ingroup tcp-lifecycle
 * \brief Why an arriving segment was dropped.
 */
enum class LifecycleTcpDropReason : uint8_t
{
    BAD_CHECKSUM,  //!< checksum verification failed (when ChecksumEnabled)
    OUT_OF_WINDOW, //!< failed the acceptability test of RFC 9293 3.10.7.4
    MALFORMED,     //!< header or options do not parse (RFC 9293 MUST-7)
    NO_CONNECTION, //!< no connection and no listener (answered with RST, 3.10.7.1)
    INVALID,       //!< valid syntax but not acceptable in the state (e.g. bad ACK)
    BACKLOG_FULL   //!< a SYN to a listener whose SYN backlog was full (SynBacklog)
};

/// Number of LifecycleTcpDropReason values.
constexpr uint32_t LIFECYCLE_TCP_N_DROP_REASONS = 6;

/// \return a short name for a drop reason
std::string LifecycleTcpDropReasonName(LifecycleTcpDropReason r);

} // namespace ns3

#endif /* LIFECYCLE_TCP_STATE_H */
