/*
 * tcp-lifecycle: watching ns-3's native TCP for the metrics collector.
 *
 * ns-3's TcpL4Protocol (3.37) announces no new socket, and its sockets do not
 * say why they change state or what kind of segment they send again. This
 * observer finds the sockets of one node as they open (from the SYNs the node
 * sends and receives), follows each through its trace sources (State, Tx, Rx,
 * RTO, RTT, CongState, RWND), and feeds LifecycleTcpMetrics with records,
 * transitions with an inferred cause and retransmissions with an inferred
 * kind. The rules are at the top of lifecycle-tcp-native-observer.cc.
 */
#ifndef LIFECYCLE_TCP_NATIVE_OBSERVER_H
#define LIFECYCLE_TCP_NATIVE_OBSERVER_H

#include "lifecycle-tcp-connection-record.h"

#include "ns3/ipv4-address.h"
#include "ns3/lifecycle-tcp-state.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/tcp-socket-state.h"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ns3
{

class Ipv4Header;
class Ipv4L3Protocol;
class LifecycleTcpMetrics;
enum class LifecycleTcpSeriesField : uint8_t;
class Node;
class Packet;
class TcpHeader;
class TcpL4Protocol;
class TcpSocketBase;

/**
 * \ingroup tcp-lifecycle
 * \brief Observes the native TCP (ns3::TcpL4Protocol) of one node for
 * LifecycleTcpMetrics.
 *
 * Every native socket of the node gets a record when it is found: an active
 * opener when it sends its first SYN, a fork when it sends its SYN,ACK, a
 * listener at its first fork (or when it leaves LISTEN). Its transitions (with
 * a cause inferred from the event they happen in) and retransmissions (with a
 * kind inferred from the segment, the congestion state and the peer's window)
 * go to the collector as they happen; its counters when it reaches CLOSED, or
 * through a refresher when the collector writes while it is still open.
 *
 * Like the collector, the observer only listens: it schedules no event, draws
 * no random number and sends nothing. It holds a socket only while its
 * connection is open (or while a bound socket waits to be identified).
 */
class LifecycleTcpNativeObserver : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    LifecycleTcpNativeObserver();
    ~LifecycleTcpNativeObserver() override;

    /**
     * \brief Observe the native TCP of \p node and feed \p metrics. Sockets
     * that exist already are taken as they are (their state and counters so
     * far are not known). Does nothing when the node has no TcpL4Protocol or
     * no Ipv4L3Protocol, or when called a second time.
     * \param metrics the collector; it must outlive the observation (Stop())
     * \param node the node
     */
    void Start(LifecycleTcpMetrics* metrics, Ptr<Node> node);
    /**
     * \brief Stop feeding the collector and unhook. The records still open
     * keep their refreshers, which remain valid. A second call does nothing.
     */
    void Stop();

    /**
     * \brief Follow \p socket from now on, bound or not. A socket handed over
     * this way before it connects is found without reading the node's
     * SocketList (which costs O(number of sockets) per new connection).
     * \param socket a socket of this observer's node
     */
    void Watch(Ptr<TcpSocketBase> socket);

    /**
     * \brief \p socket is gone without a word (its node crashed): its record,
     * if any, goes to CLOSED with the cause "crash" and ends "aborted". Call it
     * before the socket is destroyed; ns-3 itself fires no State change then.
     * \param socket a socket of this observer's node
     */
    void Forget(Ptr<TcpSocketBase> socket);

    /// \return the connections.csv columns ns-3's native TCP does not show
    static const std::vector<std::string>& MissingColumns();

  protected:
    void DoDispose() override;

  private:
    struct Conn;

    /// A connection's addresses and ports, as seen from this node.
    struct Tuple
    {
        Ipv4Address localAddress{
            Ipv4Address::GetAny()}; //!< local address (0.0.0.0 for a wildcard bind)
        uint16_t localPort{0};      //!< local port
        Ipv4Address remoteAddress{
            Ipv4Address::GetAny()}; //!< remote address (0.0.0.0 when not connected)
        uint16_t remotePort{0};     //!< remote port (0 when not connected)
        /// \param o another tuple \return true when all four fields are equal
        bool operator==(const Tuple& o) const;
    };

    /// Hash of a Tuple.
    struct TupleHash
    {
        /// \param t the tuple \return its hash
        size_t operator()(const Tuple& t) const;
    };

    /// Which trace sources a newly found socket still needs.
    enum class Hooks : uint8_t
    {
        ALL,    //!< Tx and Rx as well as the traced values
        VALUES, //!< the traced values only (Tx, Rx inherited from its listener)
        NONE    //!< none: ours are still connected (a socket used again)
    };

    /// What a scan of the SocketList found.
    struct ScanResult
    {
        Ptr<TcpSocketBase> target; //!< the socket of the wanted 4-tuple
        Tuple targetTuple;         //!< its tuple
        Conn* listener{nullptr};   //!< the unconnected socket bound to the wanted port
    };

    // ---- trace sinks (each ignores everything once stopped) ----

    /// Tx of a socket; \p owner is the socket the hook was connected to (a
    /// fork inherits its listener's Tx and Rx hooks).
    void OnTx(const TcpSocketBase* owner,
              Ptr<const Packet> payload,
              const TcpHeader& header,
              Ptr<const TcpSocketBase> socket);
    /// Rx of a socket (see OnTx for \p owner).
    void OnRx(const TcpSocketBase* owner,
              Ptr<const Packet> payload,
              const TcpHeader& header,
              Ptr<const TcpSocketBase> socket);
    /// State of a socket.
    void OnState(const TcpSocketBase* socket,
                 TcpSocket::TcpStates_t from,
                 TcpSocket::TcpStates_t to);
    /// RTO of a socket.
    void OnRto(const TcpSocketBase* socket, Time oldValue, Time newValue);
    /// RTT (the smoothed estimate) of a socket.
    void OnRtt(const TcpSocketBase* socket, Time oldValue, Time newValue);
    /// RWND (the peer's window) of a socket.
    void OnRwnd(const TcpSocketBase* socket, uint32_t oldValue, uint32_t newValue);
    /// \brief CongestionWindow (only hooked when the collector writes series.csv).
    void OnCwnd(const TcpSocketBase* socket, uint32_t oldValue, uint32_t newValue);
    /// \brief SlowStartThreshold (likewise).
    void OnSsThresh(const TcpSocketBase* socket, uint32_t oldValue, uint32_t newValue);
    /// \brief A value of series.csv changed, when the collector writes it.
    void LogSeries(Conn& c, LifecycleTcpSeriesField field, int64_t value);
    /// \brief A segment for segments.csv, when the collector writes it.
    void LogSegment(Conn& c, bool sent, const TcpHeader& header, uint32_t length);
    /// CongState of a socket.
    void OnCongState(const TcpSocketBase* socket,
                     TcpSocketState::TcpCongState_t oldValue,
                     TcpSocketState::TcpCongState_t newValue);
    /// Ipv4L3Protocol SendOutgoing: a SYN or SYN,ACK of an unknown socket.
    void OnSendOutgoing(const Ipv4Header& header, Ptr<const Packet> packet, uint32_t interface);
    /// Ipv4L3Protocol LocalDeliver: a SYN for a port without a known listener.
    void OnLocalDeliver(const Ipv4Header& header, Ptr<const Packet> packet, uint32_t interface);

    // ---- finding sockets ----

    /**
     * \brief Walk the SocketList from its end (new sockets are appended).
     * Unknown sockets passed on the way are taken: unconnected bound ones as
     * candidate listeners, connected ones as connections found late.
     * \param target the 4-tuple wanted (not taken, returned), or null
     * \param listenPort an unconnected socket bound to this port is wanted (0: none)
     * \param listenAddress the local address the listener must accept
     * \param all walk the whole list
     * \return what was found
     */
    ScanResult Scan(const Tuple* target, uint16_t listenPort, Ipv4Address listenAddress, bool all);
    /// \return the conn of \p socket, or null
    Conn* Find(const TcpSocketBase* socket);
    /// \brief Start following \p socket. \return its conn
    Conn& Follow(Ptr<TcpSocketBase> socket, const Tuple& tuple, Hooks hooks);
    /// \brief A socket found in a scan that is not the one sought.
    Conn& Adopt(Ptr<TcpSocketBase> socket, const Tuple& tuple);
    /// \brief A fork found at its first SYN,ACK through its listener's hooks.
    Conn* DiscoverFork(const TcpSocketBase* socket,
                       const TcpSocketBase* listener,
                       const TcpHeader& synAck);
    /// \brief Connect (again) the trace sinks of \p c's socket.
    void Hook(Conn& c, Hooks hooks);
    /// \brief Disconnect them (not for the socket whose trace is running).
    void Unhook(Conn& c);
    /// \brief Disconnect the sinks of \p socket, its Tx/Rx sinks carrying \p hookOwner.
    void Unhook(TcpSocketBase* socket, const TcpSocketBase* hookOwner);
    /// \brief Release (and unhook) the ended sockets but the one running now.
    void ReleaseEnded();
    /// \brief Read the 4-tuple of an IPv4 socket. \return false when not bound over IPv4
    static bool ReadTuple(const TcpSocketBase& socket, Tuple& tuple);

    // ---- records ----

    /**
     * \brief Open the record of \p c.
     * \param c the socket
     * \param initial its state
     * \param known false when its state is not known
     * \param entryKnown false when its state is known but not since when
     */
    void OpenRecord(Conn& c, LifecycleTcpState initial, bool known, bool entryKnown = true);
    /// \brief \p c sends its first SYN: an active opener, still CLOSED.
    void OpenActive(Conn& c);
    /// \brief \p c, connected or not, calls Connect: read its peer again.
    void Reconnect(Conn& c);
    /// \brief \p c is a fork sending its SYN,ACK: LISTEN -> SYN_RCVD.
    void OpenFork(Conn& c, const TcpHeader& synAck);
    /// \brief \p c is a listener, in LISTEN since an unknown time.
    void OpenListener(Conn& c);
    /// \brief Index \p c by 4-tuple (connected) or by port (unconnected).
    void Index(Conn& c);
    /// \brief Remove \p c from both indexes.
    void Unindex(Conn& c);
    /// \return the record of \p c, or null when there is none or once stopped
    LifecycleTcpConnectionRecord* Record(const Conn& c) const;

    // ---- accounting ----

    /// \brief Count a segment \p c sent.
    void CountTx(Conn& c, uint32_t length, const TcpHeader& header);
    /// \brief Count a segment \p c received.
    void CountRx(Conn& c, uint32_t length, const TcpHeader& header);
    /// \brief Count a retransmission (or window probe) of \p c.
    void CountRetransmission(Conn& c,
                             LifecycleTcpRetxKind kind,
                             SequenceNumber32 seq,
                             uint32_t length,
                             bool timerExpired);
    /// \return true when the peer's last known window is zero
    static bool PeerWindowZero(const Conn& c);
    /// \brief Copy the counters of \p c into \p r.
    static void TakeCounters(const Conn& c, LifecycleTcpConnectionRecord& r);
    /// \brief The collector's refresher: counters of a record still open.
    void Refresh(LifecycleTcpConnectionRecord& r);

    // ---- inference and ending ----

    /// \return the cause of \p c's transition \p from -> \p to now
    std::string InferCause(const Conn& c, LifecycleTcpState from, LifecycleTcpState to) const;
    /// \return how \p c ended, reaching CLOSED from \p from now
    LifecycleTcpEnd InferEnd(const Conn& c, LifecycleTcpState from) const;
    /// \brief Record \p c's move to CLOSED that ns-3 did not (or not yet) report, and end it.
    void CloseUnreported(Conn& c, const std::string& cause);
    /// \brief \p c reached CLOSED: final counters, Finish, forget it.
    void End(Conn& c);
    /// \brief Once per event: release ended sockets, look for silently dead ones.
    void NewEvent();
    /// \return true when the socket of \p c has lost its endpoint without reaching CLOSED
    static bool IsDead(const Conn& c);
    /// \return the ConnTimeout of \p c's socket (the RTO of its first SYN or SYN,ACK)
    static Time ConnTimeout(const Conn& c);

    LifecycleTcpMetrics* m_metrics{nullptr}; //!< the collector
    uint32_t m_nodeId{0};                    //!< the node observed
    Ptr<TcpL4Protocol> m_tcp;                //!< its native TCP
    Ptr<Ipv4L3Protocol> m_ipv4;              //!< its IPv4
    bool m_started{false};                   //!< Start() ran
    bool m_stopped{false};                   //!< Stop() ran

    std::unordered_map<const TcpSocketBase*, std::unique_ptr<Conn>> m_conns; //!< sockets followed
    std::unordered_map<Tuple, const TcpSocketBase*, TupleHash> m_byTuple; //!< connected, by tuple
    std::unordered_map<uint16_t, uint32_t> m_ports; //!< unconnected bound sockets per port
    std::unordered_map<const LifecycleTcpConnectionRecord*, const TcpSocketBase*>
        m_byRecord; //!< conns by record (for Refresh)
    std::unordered_set<const TcpSocketBase*>
        m_suspects; //!< backed off: may die silently
                    /// A socket whose connection ended: unhooked and released at the next
    /// event (its own trace may be running now).
    struct Ended
    {
        Ptr<TcpSocketBase> socket;      //!< the socket
        const TcpSocketBase* hookOwner; //!< the owner its Tx/Rx sinks carry
    };
    std::vector<Ended> m_ended; //!< sockets of ended conns

    uint64_t m_event{UINT64_MAX};            //!< event count NewEvent() last ran in
    const TcpSocketBase* m_traceOf{nullptr}; //!< socket whose trace sink is running
    bool m_inIpv4Sink{false};                //!< an Ipv4L3Protocol trace sink is running
};

} // namespace ns3

#endif /* LIFECYCLE_TCP_NATIVE_OBSERVER_H */
