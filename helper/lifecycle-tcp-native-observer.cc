/*
 * tcp-lifecycle: watching ns-3's native TCP for the metrics collector.
 *
 * What ns-3 3.37's TcpSocketBase does that this file relies on (read in
 * tcp-socket-base.cc and checked on the installed library):
 *  - Tx fires just before the segment goes down to TcpL4Protocol, Rx just
 *    after the header is validated and before the state machine runs; the
 *    State, RTO, RTT, RWND and CongState traces fire inside the same call.
 *  - DoConnect sends the SYN before it sets SYN_SENT. A listener forks with a
 *    copy constructor that copies the Tx and Rx TracedCallbacks (so a fork
 *    inherits the listener's Tx/Rx sinks) but none of the TracedValues; the
 *    fork's CompleteFork runs in a later event (ScheduleNow): it adds the fork
 *    to the SocketList, sets SYN_RCVD and sends the SYN,ACK.
 *  - The RTT trace carries m_rtt->GetEstimate(), the smoothed RTT, not the
 *    sample, and fires only when it changes: its last value is the SRTT.
 *  - SendRST() and exhausted data or LAST_ACK retries deallocate the endpoint
 *    without setting CLOSED (no State trace); exhausted SYN retries do set it.
 *
 * Finding sockets. TcpL4Protocol has no "socket created" trace; its
 * SocketList attribute is copied whole (O(N)) on each read, so it is read
 * only when a socket must be found:
 *  - SendOutgoing (Ipv4L3Protocol) of a SYN or SYN,ACK (never a RST) whose
 *    4-tuple is not followed: the socket is looked for from the end of the
 *    list. A SYN comes from an active opener, still CLOSED (its CLOSED ->
 *    SYN_SENT follows in the same call). A SYN,ACK comes from a fork, in
 *    SYN_RCVD: its record opens in LISTEN (a fork is a copy of its listener),
 *    LISTEN -> SYN_RCVD "rcv SYN" is recorded at once, and the unconnected
 *    socket bound to its port is its listener. That first segment, sent
 *    before the socket was hooked, is counted from the IP packet.
 *  - LocalDeliver of a SYN to a port without a followed unconnected socket:
 *    the list is read before TcpL4Protocol sees the SYN, so the listener is
 *    hooked before it forks and its forks inherit the Tx/Rx sinks: a fork is
 *    then found at its SYN,ACK by those sinks, without reading the list.
 *  - Start() takes every socket already there.
 * Unconnected bound sockets are followed without a record until they show
 * what they are: a fork (their record opens in LISTEN, state not known,
 * opener "listener"), a State change (from CLOSED: known; from LISTEN: a
 * listener), or a SYN (Connect). Connected sockets found otherwise (at
 * Start) are connections found late: state not known, counters partial.
 * Each Tx/Rx sink carries the socket it was connected to; a socket counts
 * the segments of one sink only, so inherited and own sinks never double.
 *
 * Causes (the wording of LifecycleTcpCause::ToString), first rule that fits:
 *  - CLOSED -> LISTEN "app Listen"; -> SYN_SENT "app Connect";
 *    ESTABLISHED or SYN_RCVD -> FIN_WAIT_1 "app Close" (also when a deferred
 *    close goes out with the last data on an ACK); CLOSE_WAIT -> LAST_ACK
 *    "app ShutdownSend" in the event it entered CLOSE_WAIT (ns-3 closes at
 *    once after ShutdownSend), else "app Close";
 *  - -> CLOSED in an event where we sent a RST and received nothing:
 *    "app Close" from SYN_SENT or CLOSING, else "app Abort" (a Close with
 *    unread data);
 *  - the socket received a segment in the same event (same event count):
 *    "rcv <its flags>";
 *  - TIME_WAIT -> CLOSED "timer 2MSL"; LISTEN -> CLOSED "app Close";
 *    SYN_SENT or SYN_RCVD -> CLOSED "timer RTO" (SYN retries exhausted);
 *    other -> CLOSED "timer RTO" after retransmissions, else "app Close";
 *  - else "unknown".
 * A RST we send ends the connection at once (ns-3 deallocates the socket
 * whether or not it reports CLOSED after). A connection that has backed off
 * DataRetries times may lose its endpoint silently at the next expiry (data or
 * LAST_ACK retries exhausted); its endpoint is checked at each new event seen
 * on the node, and when found gone it is closed "timer RTO", timed out -- late
 * by the time since ns-3 dropped it -- or, at the end of the run, marked
 * timed out.
 *
 * Retransmissions: a segment whose sequence range starts below the highest
 * sequence sent so far, of kind SYN (SYN), SYN_ACK (SYN,ACK), FIN (carries
 * our FIN, as this model counts it), DATA_FAST (congestion state CA_RECOVERY)
 * or DATA_RTO. A 1-byte segment while the peer's window (RWND trace, else the
 * last received window) is zero is a WINDOW_PROBE, the first probe included
 * and its byte not counted as retransmitted, as this model does. A timer
 * expiry (rto_expirations, backoff) is a retransmission of kind SYN, SYN_ACK,
 * FIN or DATA_RTO (the last two of SND.UNA) in an event in which the socket
 * received nothing, at most one per event; an exhausted SYN or data retry
 * counts one more. Backoff is the run of expiries since the last new ACK.
 *
 * Counters: segments_sent/received (Tx/Rx), resets, iss/irs (our SYN, the
 * peer's SYN or the fork's SYN,ACK's ACK - 1), bytes_acked (acknowledged
 * sequence space less our SYN and FIN), first FIN sent or received, rto (last
 * RTO trace value) and srtt (last RTT trace value). Missing (MissingColumns):
 * application bytes, drops, RTT samples (the trace carries only the SRTT).
 */
#include "lifecycle-tcp-native-observer.h"

#include "lifecycle-tcp-metrics.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-vector.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-socket-base.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpNativeObserver");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpNativeObserver);

namespace
{

/// No event yet.
constexpr uint64_t NO_EVENT = std::numeric_limits<uint64_t>::max();
/// IP protocol number of TCP.
constexpr uint8_t TCP_PROTOCOL = 6;
/// Bytes of the TCP header read to find a SYN: ports, sequence, ack, offset,
/// flags.
constexpr uint32_t TCP_FIXED_PART = 14;

/// \return an identifier of the event being executed (events executed so far)
uint64_t
CurrentEvent()
{
    return Simulator::GetEventCount();
}

/// \return the accessor of TcpSocketBase's trace source \p name. Looking a
/// trace source up by name is costly (the TypeId's list is searched and its
/// strings copied), so each is looked up once.
Ptr<const TraceSourceAccessor>
Accessor(const std::string& name)
{
    static std::map<std::string, Ptr<const TraceSourceAccessor>> accessors;
    Ptr<const TraceSourceAccessor>& a = accessors[name];
    if (!a)
    {
        a = TcpSocketBase::GetTypeId().LookupTraceSourceByName(name);
        NS_ABORT_MSG_IF(!a, "TcpSocketBase has no trace source " << name);
    }
    return a;
}

/// \return the 16-bit big-endian value at \p b
uint16_t
ReadU16(const uint8_t* b)
{
    return static_cast<uint16_t>((b[0] << 8) | b[1]);
}

} // namespace

/**
 * What the observer knows of one native socket.
 */
struct LifecycleTcpNativeObserver::Conn
{
    const TcpSocketBase* key{nullptr};             //!< the socket, as a key
    Ptr<TcpSocketBase> socket;                     //!< held until the connection ends
    const TcpSocketBase* hookOwner{nullptr};       //!< the Tx/Rx sinks that count for it
    LifecycleTcpConnectionRecord* record{nullptr}; //!< null while not identified
    Tuple tuple;                                   //!< its 4-tuple
    bool byTuple{false};                           //!< in m_byTuple
    bool byPort{false};                            //!< counted in m_ports
    bool partial{false};                           //!< found after it opened
    LifecycleTcpState state{TcpSocket::CLOSED};    //!< its state as last reported

    // Our sequence space, with RFC 9293's names.
    std::optional<SequenceNumber32> iss; //!< ISS: our SYN
    std::optional<SequenceNumber32> irs; //!< IRS: the peer's SYN
    SequenceNumber32 sndUna{0};          //!< SND.UNA: highest ACK received
    bool sndUnaKnown{false};             //!< sndUna holds a value
    SequenceNumber32 sndMax{0};          //!< SND.MAX: highest sequence sent, plus one
    bool sndMaxKnown{false};             //!< sndMax holds a value
    std::optional<SequenceNumber32> fin; //!< sequence number of our FIN
    uint64_t ackedSpace{0};              //!< sequence space acknowledged since ISS

    uint64_t segmentsSent{0};                                           //!< Tx
    uint64_t segmentsReceived{0};                                       //!< Rx
    uint64_t bytesRetransmitted{0};                                     //!< payload sent again
    uint32_t resetsSent{0};                                             //!< Tx with RST
    uint32_t resetsReceived{0};                                         //!< Rx with RST
    std::array<uint32_t, LIFECYCLE_TCP_N_RETX_KINDS> retransmissions{}; //!< by kind
    bool retransmitted{false};        //!< any retransmission but a window probe
    uint32_t rtoExpirations{0};       //!< timer expiries
    uint32_t backoff{0};              //!< expiries since the last new ACK
    uint32_t maxBackoff{0};           //!< deepest backoff
    std::optional<Time> rto;          //!< last RTO trace value
    std::optional<Time> srtt;         //!< last RTT trace value (the smoothed RTT)
    std::optional<uint32_t> rwnd;     //!< last RWND trace value
    std::optional<uint16_t> rxWindow; //!< window field of the last segment received
    TcpSocketState::TcpCongState_t congState{TcpSocketState::CA_OPEN}; //!< last CongState
    std::optional<Time> firstFinAt;                                    //!< first FIN either way

    uint64_t rxEvent{NO_EVENT};                 //!< event of the last segment received
    uint8_t rxFlags{0};                         //!< its flags
    uint64_t rstEvent{NO_EVENT};                //!< event of the last RST sent
    uint64_t expiryEvent{NO_EVENT};             //!< event of the last timer expiry
    uint64_t closeWaitEvent{NO_EVENT};          //!< event it entered CLOSE_WAIT in
    std::optional<uint32_t> dataRetries;        //!< its DataRetries, read at its first expiry
    LifecycleTcpEnd end{LifecycleTcpEnd::OPEN}; //!< how it ended
};

bool
LifecycleTcpNativeObserver::Tuple::operator==(const Tuple& o) const
{
    return localAddress == o.localAddress && localPort == o.localPort
           && remoteAddress == o.remoteAddress && remotePort == o.remotePort;
}

size_t
LifecycleTcpNativeObserver::TupleHash::operator()(const Tuple& t) const
{
    uint64_t a = (static_cast<uint64_t>(t.localAddress.Get()) << 32) | t.remoteAddress.Get();
    uint64_t p = (static_cast<uint64_t>(t.localPort) << 16) | t.remotePort;
    return std::hash<uint64_t>()(a ^ (p * 0x9e3779b97f4a7c15ULL));
}

TypeId
LifecycleTcpNativeObserver::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LifecycleTcpNativeObserver")
                            .SetParent<Object>()
                            .SetGroupName("TcpLifecycle")
                            .AddConstructor<LifecycleTcpNativeObserver>();
    return tid;
}

LifecycleTcpNativeObserver::LifecycleTcpNativeObserver()
{
    NS_LOG_FUNCTION(this);
}

LifecycleTcpNativeObserver::~LifecycleTcpNativeObserver()
{
    NS_LOG_FUNCTION(this);
}

void
LifecycleTcpNativeObserver::DoDispose()
{
    NS_LOG_FUNCTION(this);
    Stop();
    m_byRecord.clear();
    m_byTuple.clear();
    m_ports.clear();
    m_suspects.clear();
    m_conns.clear();
    m_ended.clear();
    m_tcp = nullptr;
    m_ipv4 = nullptr;
    m_metrics = nullptr;
    Object::DoDispose();
}

const std::vector<std::string>&
LifecycleTcpNativeObserver::MissingColumns()
{
    static const std::vector<std::string> columns{"bytes_app_sent",
                                                  "bytes_app_received",
                                                  "bytes_peer_app_received",
                                                  "rtt_samples",
                                                  "rtt_min",
                                                  "rtt_mean",
                                                  "rtt_max",
                                                  "drops_bad_checksum",
                                                  "drops_out_of_window",
                                                  "drops_malformed",
                                                  "drops_no_connection",
                                                  "drops_invalid",
                                                  "drops_backlog_full"};
    return columns;
}

// ---------------------------------------------------------------------------
// Start and stop
// ---------------------------------------------------------------------------

void
LifecycleTcpNativeObserver::Start(LifecycleTcpMetrics* metrics, Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << metrics << node);
    NS_ASSERT(metrics && node);
    if (m_started || m_stopped)
    {
        return;
    }
    m_tcp = node->GetObject<TcpL4Protocol>();
    m_ipv4 = node->GetObject<Ipv4L3Protocol>();
    if (!m_tcp || !m_ipv4)
    {
        NS_LOG_WARN("node " << node->GetId() << " has no native TCP over IPv4: not observed");
        m_tcp = nullptr;
        m_ipv4 = nullptr;
        return;
    }
    m_started = true;
    m_metrics = metrics;
    m_nodeId = node->GetId();
    Ptr<LifecycleTcpNativeObserver> self(this);
    m_ipv4->TraceConnectWithoutContext(
        "SendOutgoing", MakeCallback(&LifecycleTcpNativeObserver::OnSendOutgoing, self));
    m_ipv4->TraceConnectWithoutContext(
        "LocalDeliver", MakeCallback(&LifecycleTcpNativeObserver::OnLocalDeliver, self));
    Scan(nullptr, 0, Ipv4Address::GetAny(), true);
}

void
LifecycleTcpNativeObserver::Stop()
{
    NS_LOG_FUNCTION(this);
    if (m_stopped)
    {
        return;
    }
    m_stopped = true;
    if (!m_started)
    {
        return;
    }
    // A sink must not be removed from the list that is calling it: the one
    // running now (if Stop is called from inside it) stays, and returns at once.
    if (!m_inIpv4Sink)
    {
        Ptr<LifecycleTcpNativeObserver> self(this);
        m_ipv4->TraceDisconnectWithoutContext(
            "SendOutgoing", MakeCallback(&LifecycleTcpNativeObserver::OnSendOutgoing, self));
        m_ipv4->TraceDisconnectWithoutContext(
            "LocalDeliver", MakeCallback(&LifecycleTcpNativeObserver::OnLocalDeliver, self));
    }
    for (auto& [key, c] : m_conns)
    {
        Unhook(*c);
    }
    ReleaseEnded();
    // The conns stay: the collector refreshes the records still open after this.
}

void
LifecycleTcpNativeObserver::Watch(Ptr<TcpSocketBase> socket)
{
    if (!m_started || m_stopped || !socket || Find(PeekPointer(socket)))
    {
        return;
    }
    Tuple t;
    ReadTuple(*socket, t); // zeros while unbound
    Conn& c = Follow(socket, t, Hooks::ALL);
    if (t.remotePort != 0)
    {
        c.partial = true; // connected already: state and counters so far unknown
        OpenRecord(c, TcpSocket::ESTABLISHED, false);
    }
}

void
LifecycleTcpNativeObserver::Forget(Ptr<TcpSocketBase> socket)
{
    if (!m_started || m_stopped || !socket)
    {
        return;
    }
    NewEvent();
    Conn* c = Find(PeekPointer(socket));
    if (!c)
    {
        return;
    }
    if (!c->record)
    {
        End(*c); // followed, never opened: nothing to report
        return;
    }
    c->end = LifecycleTcpEnd::ABORTED;
    CloseUnreported(*c, LifecycleTcpCause::NodeCrash().ToString());
}

// ---------------------------------------------------------------------------
// Trace sinks
// ---------------------------------------------------------------------------

void
LifecycleTcpNativeObserver::OnTx(const TcpSocketBase* owner,
                                 Ptr<const Packet> payload,
                                 const TcpHeader& header,
                                 Ptr<const TcpSocketBase> socket)
{
    if (m_stopped)
    {
        return;
    }
    const TcpSocketBase* s = PeekPointer(socket);
    const TcpSocketBase* outer = m_traceOf;
    m_traceOf = s;
    NewEvent();
    uint8_t flags = header.GetFlags();
    bool syn = flags & TcpHeader::SYN;
    bool ack = flags & TcpHeader::ACK;
    Conn* c = Find(s);
    if (!c && owner != s && syn && ack)
    {
        c = DiscoverFork(s, owner, header); // a fork, through its listener's sinks
    }
    else if (!c && owner == s && syn && !ack)
    {
        // A socket we followed before, connecting again: our sinks are still there.
        Tuple t;
        ReadTuple(*s, t);
        c = &Follow(Ptr<TcpSocketBase>(const_cast<TcpSocketBase*>(s)), t, Hooks::NONE);
    }
    if (c && owner == c->hookOwner && syn && !ack)
    {
        if (!c->record)
        {
            OpenActive(*c); // a bound socket we followed calls Connect
        }
        else if (c->tuple.remotePort == 0)
        {
            Reconnect(*c); // a listener calls Connect (RFC 9293 Figure 5's SEND)
        }
    }
    if (c && owner == c->hookOwner && c->record)
    {
        CountTx(*c, payload->GetSize(), header);
        LogSegment(*c, true, header, payload->GetSize());
        if ((flags & TcpHeader::RST) && c->state != TcpSocket::CLOSED
            && c->state != TcpSocket::LISTEN)
        {
            // SendRST() deallocates the socket, reporting CLOSED or not.
            CloseUnreported(*c, InferCause(*c, c->state, TcpSocket::CLOSED));
        }
    }
    m_traceOf = outer;
}

void
LifecycleTcpNativeObserver::OnRx(const TcpSocketBase* owner,
                                 Ptr<const Packet> payload,
                                 const TcpHeader& header,
                                 Ptr<const TcpSocketBase> socket)
{
    if (m_stopped)
    {
        return;
    }
    const TcpSocketBase* s = PeekPointer(socket);
    const TcpSocketBase* outer = m_traceOf;
    m_traceOf = s;
    NewEvent();
    Conn* c = Find(s);
    if (c && owner == c->hookOwner)
    {
        CountRx(*c, payload->GetSize(), header);
        LogSegment(*c, false, header, payload->GetSize());
    }
    m_traceOf = outer;
}

void
LifecycleTcpNativeObserver::OnState(const TcpSocketBase* s,
                                    TcpSocket::TcpStates_t from,
                                    TcpSocket::TcpStates_t to)
{
    if (m_stopped)
    {
        return;
    }
    const TcpSocketBase* outer = m_traceOf;
    m_traceOf = s;
    NewEvent();
    Conn* c = Find(s);
    if (!c && from == TcpSocket::CLOSED)
    {
        // A socket we followed before, used again (Listen): our sinks are still
        // there.
        Tuple t;
        ReadTuple(*s, t);
        c = &Follow(Ptr<TcpSocketBase>(const_cast<TcpSocketBase*>(s)), t, Hooks::NONE);
    }
    if (c && !c->record)
    {
        if (from == TcpSocket::LISTEN)
        {
            OpenListener(*c);
        }
        else if (from == TcpSocket::CLOSED && to == TcpSocket::SYN_SENT)
        {
            OpenActive(*c);
        }
        else
        {
            OpenRecord(*c, from, from == TcpSocket::CLOSED);
        }
    }
    if (LifecycleTcpConnectionRecord* r = c ? Record(*c) : nullptr)
    {
        NS_LOG_LOGIC("node " << m_nodeId << " socket " << s << " " << LifecycleTcpStates::Name(from)
                             << " -> " << LifecycleTcpStates::Name(to));
        std::string cause = InferCause(*c, from, to);
        m_metrics->RecordTransition(*r, from, to, cause);
        c->state = to;
        if (to == TcpSocket::CLOSE_WAIT)
        {
            c->closeWaitEvent = CurrentEvent();
        }
        if (to == TcpSocket::CLOSED)
        {
            c->end = InferEnd(*c, from);
            if (c->end == LifecycleTcpEnd::TIMED_OUT)
            {
                ++c->rtoExpirations; // the expiry that gave up
            }
            End(*c);
        }
    }
    m_traceOf = outer;
}

void
LifecycleTcpNativeObserver::OnRto(const TcpSocketBase* s, Time oldValue, Time newValue)
{
    if (Conn* c = m_stopped ? nullptr : Find(s))
    {
        c->rto = newValue;
        LogSeries(*c, LifecycleTcpSeriesField::RTO, newValue.GetNanoSeconds());
    }
}

void
LifecycleTcpNativeObserver::OnRtt(const TcpSocketBase* s, Time oldValue, Time newValue)
{
    if (Conn* c = m_stopped ? nullptr : Find(s))
    {
        c->srtt = newValue;
        LogSeries(*c, LifecycleTcpSeriesField::SRTT, newValue.GetNanoSeconds());
    }
}

void
LifecycleTcpNativeObserver::OnCwnd(const TcpSocketBase* s, uint32_t oldValue, uint32_t newValue)
{
    if (Conn* c = m_stopped ? nullptr : Find(s))
    {
        LogSeries(*c, LifecycleTcpSeriesField::CWND, newValue);
    }
}

void
LifecycleTcpNativeObserver::OnSsThresh(const TcpSocketBase* s, uint32_t oldValue, uint32_t newValue)
{
    if (Conn* c = m_stopped ? nullptr : Find(s))
    {
        LogSeries(*c, LifecycleTcpSeriesField::SSTHRESH, newValue);
    }
}

namespace
{
/// Reads a native socket's protected window shifts (ns-3 has no getter):
/// taking the member's address through a derived class is the standard way.
struct NativeWindowShift : TcpSocketBase
{
    /// \return the scale of the windows \p s sends (true) or receives (false)
    static uint8_t Of(const TcpSocketBase& s, bool sent)
    {
        return sent ? s.*(&NativeWindowShift::m_rcvWindShift)
                    : s.*(&NativeWindowShift::m_sndWindShift);
    }
};
} // namespace

void
LifecycleTcpNativeObserver::LogSeries(Conn& c, LifecycleTcpSeriesField field, int64_t value)
{
    // A fork carries copies of its listener's sinks on its traced values:
    // what reaches a listener's key is a fork's, reported under its own too.
    if (m_metrics->SeriesEnabled() && value >= 0 && c.state != TcpSocket::LISTEN)
    {
        if (LifecycleTcpConnectionRecord* r = Record(c))
        {
            m_metrics->RecordSeries(*r, field, static_cast<uint64_t>(value));
        }
    }
}

void
LifecycleTcpNativeObserver::LogSegment(Conn& c, bool sent, const TcpHeader& header, uint32_t length)
{
    if (m_metrics->SegmentsEnabled())
    {
        if (LifecycleTcpConnectionRecord* r = Record(c))
        {
            m_metrics->RecordSegment(
                *r, sent, header, length, NativeWindowShift::Of(*c.socket, sent));
        }
    }
}

void
LifecycleTcpNativeObserver::OnRwnd(const TcpSocketBase* s, uint32_t oldValue, uint32_t newValue)
{
    if (Conn* c = m_stopped ? nullptr : Find(s))
    {
        c->rwnd = newValue;
    }
}

void
LifecycleTcpNativeObserver::OnCongState(const TcpSocketBase* s,
                                        TcpSocketState::TcpCongState_t oldValue,
                                        TcpSocketState::TcpCongState_t newValue)
{
    if (Conn* c = m_stopped ? nullptr : Find(s))
    {
        c->congState = newValue;
    }
}

void
LifecycleTcpNativeObserver::OnSendOutgoing(const Ipv4Header& ip,
                                           Ptr<const Packet> packet,
                                           uint32_t interface)
{
    if (m_stopped || ip.GetProtocol() != TCP_PROTOCOL || packet->GetSize() < 20)
    {
        return;
    }
    uint8_t b[TCP_FIXED_PART];
    packet->CopyData(b, TCP_FIXED_PART);
    uint8_t flags = b[13];
    if (!(flags & TcpHeader::SYN) || (flags & TcpHeader::RST))
    {
        return; // only a SYN or SYN,ACK reveals a new socket
    }
    m_inIpv4Sink = true;
    NewEvent();
    Tuple t{ip.GetSource(), ReadU16(b), ip.GetDestination(), ReadU16(b + 2)};
    if (m_byTuple.count(t) == 0)
    {
        bool synAck = flags & TcpHeader::ACK;
        ScanResult found = Scan(&t, synAck ? t.localPort : 0, t.localAddress, false);
        if (!found.target)
        {
            NS_LOG_LOGIC("node " << m_nodeId << ": no socket of " << t.localAddress << ":"
                                 << t.localPort << " > " << t.remoteAddress << ":" << t.remotePort);
        }
        else
        {
            // Its sinks were not there for this segment: count it from the packet.
            TcpHeader h;
            packet->PeekHeader(h);
            uint32_t length = packet->GetSize() - h.GetSerializedSize();
            Conn& c = Follow(found.target, found.targetTuple, Hooks::ALL);
            if (synAck)
            {
                OpenFork(c, h);
                if (found.listener)
                {
                    OpenListener(*found.listener);
                }
            }
            else
            {
                OpenActive(c);
            }
            CountTx(c, length, h);
        }
    }
    m_inIpv4Sink = false;
}

void
LifecycleTcpNativeObserver::OnLocalDeliver(const Ipv4Header& ip,
                                           Ptr<const Packet> packet,
                                           uint32_t interface)
{
    if (m_stopped || ip.GetProtocol() != TCP_PROTOCOL || packet->GetSize() < 20)
    {
        return;
    }
    uint8_t b[TCP_FIXED_PART];
    packet->CopyData(b, TCP_FIXED_PART);
    uint8_t flags = b[13];
    if ((flags & (TcpHeader::SYN | TcpHeader::ACK | TcpHeader::RST)) != TcpHeader::SYN)
    {
        return;
    }
    m_inIpv4Sink = true;
    NewEvent();
    uint16_t port = ReadU16(b + 2);
    Tuple t{ip.GetDestination(), port, ip.GetSource(), ReadU16(b)};
    if (m_byTuple.count(t) == 0 && m_ports.count(port) == 0)
    {
        // Hook the listener before it forks, so that its forks inherit our sinks.
        Scan(nullptr, port, ip.GetDestination(), false);
    }
    m_inIpv4Sink = false;
}

// ---------------------------------------------------------------------------
// Finding sockets
// ---------------------------------------------------------------------------

LifecycleTcpNativeObserver::ScanResult
LifecycleTcpNativeObserver::Scan(const Tuple* target,
                                 uint16_t listenPort,
                                 Ipv4Address listenAddress,
                                 bool all)
{
    ObjectVectorValue sockets;
    m_tcp->GetAttribute("SocketList", sockets);
    NS_LOG_LOGIC("node " << m_nodeId << ": scan of " << sockets.GetN() << " sockets");
    ScanResult found;
    bool wantTarget = target != nullptr;
    bool wantListener = listenPort != 0;
    auto isListener = [&](const Tuple& t)
    {
        return t.remotePort == 0 && t.localPort == listenPort
               && (t.localAddress == Ipv4Address::GetAny() || t.localAddress == listenAddress);
    };
    for (auto it = sockets.End(); it != sockets.Begin() && (all || wantTarget || wantListener);)
    {
        --it;
        Ptr<TcpSocketBase> s = DynamicCast<TcpSocketBase>(it->second);
        if (!s)
        {
            continue;
        }
        if (Conn* c = Find(PeekPointer(s)))
        {
            if (wantListener && isListener(c->tuple))
            {
                found.listener = c;
                wantListener = false;
            }
            continue;
        }
        Tuple t;
        if (!ReadTuple(*s, t))
        {
            continue; // not bound, or IPv6
        }
        if (wantTarget && t.localPort == target->localPort && t.remotePort == target->remotePort
            && t.remoteAddress == target->remoteAddress
            && (t.localAddress == target->localAddress || t.localAddress == Ipv4Address::GetAny()))
        {
            found.target = s;
            found.targetTuple = t;
            wantTarget = false;
            continue;
        }
        Conn& c = Adopt(s, t);
        if (wantListener && isListener(t))
        {
            found.listener = &c;
            wantListener = false;
        }
    }
    return found;
}

LifecycleTcpNativeObserver::Conn*
LifecycleTcpNativeObserver::Find(const TcpSocketBase* socket)
{
    auto it = m_conns.find(socket);
    return it == m_conns.end() ? nullptr : it->second.get();
}

LifecycleTcpNativeObserver::Conn&
LifecycleTcpNativeObserver::Follow(Ptr<TcpSocketBase> socket, const Tuple& tuple, Hooks hooks)
{
    auto c = std::make_unique<Conn>();
    c->key = PeekPointer(socket);
    c->socket = socket;
    c->hookOwner = c->key;
    c->tuple = tuple;
    Conn& ref = *c;
    m_conns[ref.key] = std::move(c);
    Hook(ref, hooks);
    if (tuple.remotePort == 0)
    {
        Index(ref); // an unconnected bound socket: a listener, perhaps
    }
    return ref;
}

LifecycleTcpNativeObserver::Conn&
LifecycleTcpNativeObserver::Adopt(Ptr<TcpSocketBase> socket, const Tuple& tuple)
{
    Conn& c = Follow(socket, tuple, Hooks::ALL);
    if (tuple.remotePort != 0)
    {
        // Connected before we saw it (it was there at Start): state and
        // counters so far unknown.
        NS_LOG_INFO("node " << m_nodeId << ": connection found late " << tuple.localAddress << ":"
                            << tuple.localPort << " > " << tuple.remoteAddress << ":"
                            << tuple.remotePort);
        c.partial = true;
        OpenRecord(c, TcpSocket::ESTABLISHED, false);
    }
    return c;
}

LifecycleTcpNativeObserver::Conn*
LifecycleTcpNativeObserver::DiscoverFork(const TcpSocketBase* socket,
                                         const TcpSocketBase* listener,
                                         const TcpHeader& synAck)
{
    Tuple t;
    if (!ReadTuple(*socket, t) || t.remotePort == 0)
    {
        return nullptr;
    }
    Conn& c = Follow(Ptr<TcpSocketBase>(const_cast<TcpSocketBase*>(socket)), t, Hooks::VALUES);
    c.hookOwner = listener; // its Tx and Rx sinks are copies of the listener's
    OpenFork(c, synAck);
    if (Conn* l = Find(listener))
    {
        OpenListener(*l);
    }
    return &c;
}

void
LifecycleTcpNativeObserver::Hook(Conn& c, Hooks hooks)
{
    if (hooks == Hooks::NONE)
    {
        return;
    }
    TcpSocketBase* s = PeekPointer(c.socket);
    Ptr<LifecycleTcpNativeObserver> self(this);
    // Ended sockets lose our sinks at the next event; one found again
    // before that must not carry them twice: disconnect first.
    bool again = std::any_of(
        m_ended.begin(), m_ended.end(), [s](const Ended& e) { return PeekPointer(e.socket) == s; });
    auto rehook = [s, again](const char* name, const CallbackBase& cb)
    {
        Ptr<const TraceSourceAccessor> accessor = Accessor(name);
        if (again)
        {
            accessor->DisconnectWithoutContext(s, cb);
        }
        accessor->ConnectWithoutContext(s, cb);
    };
    if (hooks == Hooks::ALL)
    {
        rehook("Tx", MakeCallback(&LifecycleTcpNativeObserver::OnTx, self, c.key));
        rehook("Rx", MakeCallback(&LifecycleTcpNativeObserver::OnRx, self, c.key));
    }
    rehook("State", MakeCallback(&LifecycleTcpNativeObserver::OnState, self, c.key));
    rehook("RTO", MakeCallback(&LifecycleTcpNativeObserver::OnRto, self, c.key));
    rehook("RTT", MakeCallback(&LifecycleTcpNativeObserver::OnRtt, self, c.key));
    rehook("RWND", MakeCallback(&LifecycleTcpNativeObserver::OnRwnd, self, c.key));
    rehook("CongState", MakeCallback(&LifecycleTcpNativeObserver::OnCongState, self, c.key));
    if (m_metrics->SeriesEnabled())
    {
        rehook("CongestionWindow", MakeCallback(&LifecycleTcpNativeObserver::OnCwnd, self, c.key));
        rehook("SlowStartThreshold",
               MakeCallback(&LifecycleTcpNativeObserver::OnSsThresh, self, c.key));
    }
}

void
LifecycleTcpNativeObserver::Unhook(Conn& c)
{
    if (!c.socket || c.key == m_traceOf)
    {
        return;
    }
    Unhook(PeekPointer(c.socket), c.hookOwner);
}

void
LifecycleTcpNativeObserver::Unhook(TcpSocketBase* s, const TcpSocketBase* hookOwner)
{
    Ptr<LifecycleTcpNativeObserver> self(this);
    const TcpSocketBase* key = s;
    Accessor("Tx")->DisconnectWithoutContext(
        s, MakeCallback(&LifecycleTcpNativeObserver::OnTx, self, hookOwner));
    Accessor("Rx")->DisconnectWithoutContext(
        s, MakeCallback(&LifecycleTcpNativeObserver::OnRx, self, hookOwner));
    Accessor("State")->DisconnectWithoutContext(
        s, MakeCallback(&LifecycleTcpNativeObserver::OnState, self, key));
    Accessor("RTO")->DisconnectWithoutContext(
        s, MakeCallback(&LifecycleTcpNativeObserver::OnRto, self, key));
    Accessor("RTT")->DisconnectWithoutContext(
        s, MakeCallback(&LifecycleTcpNativeObserver::OnRtt, self, key));
    Accessor("RWND")->DisconnectWithoutContext(
        s, MakeCallback(&LifecycleTcpNativeObserver::OnRwnd, self, key));
    Accessor("CongState")
        ->DisconnectWithoutContext(
            s, MakeCallback(&LifecycleTcpNativeObserver::OnCongState, self, key));
    if (m_metrics && m_metrics->SeriesEnabled())
    {
        Accessor("CongestionWindow")
            ->DisconnectWithoutContext(
                s, MakeCallback(&LifecycleTcpNativeObserver::OnCwnd, self, key));
        Accessor("SlowStartThreshold")
            ->DisconnectWithoutContext(
                s, MakeCallback(&LifecycleTcpNativeObserver::OnSsThresh, self, key));
    }
}

void
LifecycleTcpNativeObserver::ReleaseEnded()
{
    const TcpSocketBase* running = m_traceOf;
    std::vector<Ended> keep;
    for (Ended& e : m_ended)
    {
        if (PeekPointer(e.socket) == running)
        {
            keep.push_back(e); // its trace is calling us: next time
            continue;
        }
        // Not followed again meanwhile: a closed socket keeps no sinks of ours
        // (if the application connects it again, its SYN finds it anew).
        if (!Find(PeekPointer(e.socket)))
        {
            Unhook(PeekPointer(e.socket), e.hookOwner);
        }
    }
    m_ended.swap(keep);
}

bool
LifecycleTcpNativeObserver::ReadTuple(const TcpSocketBase& socket, Tuple& tuple)
{
    Address local;
    if (socket.GetSockName(local) != 0 || !InetSocketAddress::IsMatchingType(local))
    {
        return false;
    }
    InetSocketAddress l = InetSocketAddress::ConvertFrom(local);
    if (l.GetPort() == 0)
    {
        return false;
    }
    tuple.localAddress = l.GetIpv4();
    tuple.localPort = l.GetPort();
    tuple.remoteAddress = Ipv4Address::GetAny();
    tuple.remotePort = 0;
    Address peer;
    if (socket.GetPeerName(peer) == 0 && InetSocketAddress::IsMatchingType(peer))
    {
        InetSocketAddress p = InetSocketAddress::ConvertFrom(peer);
        tuple.remoteAddress = p.GetIpv4();
        tuple.remotePort = p.GetPort();
    }
    return true;
}

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

LifecycleTcpConnectionRecord*
LifecycleTcpNativeObserver::Record(const Conn& c) const
{
    return m_stopped ? nullptr : c.record; // after Write() the collector has freed them
}

void
LifecycleTcpNativeObserver::OpenRecord(Conn& c,
                                       LifecycleTcpState initial,
                                       bool known,
                                       bool entryKnown)
{
    if (m_stopped || c.record)
    {
        return;
    }
    if (c.tuple.localPort == 0 && c.socket)
    {
        // Watched before it was bound (a listener handed over by Watch).
        Unindex(c);
        ReadTuple(*c.socket, c.tuple);
    }
    c.record = m_metrics->Open(m_nodeId, "ns3", initial, known, entryKnown);
    c.record->localAddress = c.tuple.localAddress;
    c.record->localPort = c.tuple.localPort;
    c.record->remoteAddress = c.tuple.remoteAddress;
    c.record->remotePort = c.tuple.remotePort;
    c.state = initial;
    m_byRecord[c.record] = c.key;
    m_metrics->SetRefresher(
        *c.record,
        MakeCallback(&LifecycleTcpNativeObserver::Refresh, Ptr<LifecycleTcpNativeObserver>(this)));
    Index(c);
}

void
LifecycleTcpNativeObserver::OpenActive(Conn& c)
{
    // The SYN is out before SYN_SENT is set: the socket is still CLOSED.
    Unindex(c);
    ReadTuple(*c.socket, c.tuple);
    OpenRecord(c, TcpSocket::CLOSED, true);
    c.rto = ConnTimeout(c);
}

void
LifecycleTcpNativeObserver::Reconnect(Conn& c)
{
    Unindex(c);
    ReadTuple(*c.socket, c.tuple);
    if (LifecycleTcpConnectionRecord* r = Record(c))
    {
        r->remoteAddress = c.tuple.remoteAddress;
        r->remotePort = c.tuple.remotePort;
    }
    Index(c);
}

void
LifecycleTcpNativeObserver::OpenFork(Conn& c, const TcpHeader& synAck)
{
    OpenRecord(c, TcpSocket::LISTEN, true); // a fork is a copy of its listener
    if (LifecycleTcpConnectionRecord* r = Record(c))
    {
        // CompleteFork set SYN_RCVD (unhooked then) in the event after the SYN.
        uint8_t syn = TcpHeader::SYN;
        if (synAck.GetFlags() & TcpHeader::ECE)
        {
            syn |= TcpHeader::ECE | TcpHeader::CWR; // an ECN setup SYN
        }
        m_metrics->RecordTransition(
            *r, TcpSocket::LISTEN, TcpSocket::SYN_RCVD, "rcv " + TcpHeader::FlagsToString(syn));
    }
    c.state = TcpSocket::SYN_RCVD;
    c.irs = synAck.GetAckNumber() - 1;
    c.rto = ConnTimeout(c);
}

void
LifecycleTcpNativeObserver::OpenListener(Conn& c)
{
    if (c.record || c.tuple.remotePort != 0)
    {
        return;
    }
    // In LISTEN since it is not known when.
    OpenRecord(c, TcpSocket::LISTEN, true, false);
    if (LifecycleTcpConnectionRecord* r = Record(c))
    {
        r->opener = LifecycleTcpOpener::LISTENER;
    }
}

void
LifecycleTcpNativeObserver::Index(Conn& c)
{
    if (c.tuple.remotePort != 0)
    {
        if (!c.byTuple)
        {
            m_byTuple[c.tuple] = c.key;
            c.byTuple = true;
        }
    }
    else if (c.tuple.localPort != 0 && !c.byPort)
    {
        ++m_ports[c.tuple.localPort];
        c.byPort = true;
    }
}

void
LifecycleTcpNativeObserver::Unindex(Conn& c)
{
    if (c.byTuple)
    {
        auto it = m_byTuple.find(c.tuple);
        if (it != m_byTuple.end() && it->second == c.key)
        {
            m_byTuple.erase(it);
        }
        c.byTuple = false;
    }
    if (c.byPort)
    {
        auto it = m_ports.find(c.tuple.localPort);
        if (it != m_ports.end() && --it->second == 0)
        {
            m_ports.erase(it);
        }
        c.byPort = false;
    }
}

// ---------------------------------------------------------------------------
// Accounting
// ---------------------------------------------------------------------------

void
LifecycleTcpNativeObserver::CountTx(Conn& c, uint32_t length, const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    SequenceNumber32 seq = h.GetSequenceNumber();
    bool syn = flags & TcpHeader::SYN;
    bool fin = flags & TcpHeader::FIN;
    ++c.segmentsSent;
    if (flags & TcpHeader::RST)
    {
        ++c.resetsSent;
        c.rstEvent = CurrentEvent();
        return; // a RST occupies no sequence space
    }
    if (syn && !c.iss)
    {
        c.iss = seq;
        c.sndUna = seq;
        c.sndUnaKnown = true;
    }
    if (fin && !c.firstFinAt)
    {
        c.firstFinAt = Simulator::Now();
    }
    if (length == 1 && !syn && !fin && PeerWindowZero(c))
    {
        // PersistTimeout's probe: one octet at SND.NXT, which stays where it is.
        CountRetransmission(c, LifecycleTcpRetxKind::WINDOW_PROBE, seq, 1, false);
        return;
    }
    uint32_t space = length + (syn ? 1 : 0) + (fin ? 1 : 0);
    if (space == 0)
    {
        return;
    }
    if (c.sndMaxKnown && seq < c.sndMax)
    {
        LifecycleTcpRetxKind kind = LifecycleTcpRetxKind::DATA_RTO;
        if (syn)
        {
            kind = (flags & TcpHeader::ACK) ? LifecycleTcpRetxKind::SYN_ACK
                                            : LifecycleTcpRetxKind::SYN;
        }
        else if (fin)
        {
            kind = LifecycleTcpRetxKind::FIN;
        }
        else if (c.congState == TcpSocketState::CA_RECOVERY)
        {
            kind = LifecycleTcpRetxKind::DATA_FAST;
        }
        // A timer expired when the socket resent without receiving anything
        // in this event: the SYN or SYN,ACK, or (ReTxTimeout, LastAckTimeout)
        // the segment at SND.UNA.
        uint64_t now = CurrentEvent();
        bool atUna = syn || !c.sndUnaKnown || seq == c.sndUna;
        bool timer = kind != LifecycleTcpRetxKind::DATA_FAST && c.rxEvent != now
                     && c.expiryEvent != now && atUna;
        c.bytesRetransmitted += length;
        CountRetransmission(c, kind, seq, length, timer);
    }
    if (fin && !c.fin)
    {
        c.fin = seq + SequenceNumber32(length);
    }
    SequenceNumber32 end = seq + SequenceNumber32(space);
    if (!c.sndMaxKnown || end > c.sndMax)
    {
        c.sndMax = end;
        c.sndMaxKnown = true;
    }
}

void
LifecycleTcpNativeObserver::CountRx(Conn& c, uint32_t length, const TcpHeader& h)
{
    uint8_t flags = h.GetFlags();
    ++c.segmentsReceived;
    c.rxEvent = CurrentEvent();
    c.rxFlags = flags;
    c.rxWindow = h.GetWindowSize();
    if (flags & TcpHeader::RST)
    {
        ++c.resetsReceived;
        return; // its ACK field acknowledges nothing
    }
    if ((flags & TcpHeader::SYN) && !c.irs && c.tuple.remotePort != 0)
    {
        c.irs = h.GetSequenceNumber();
    }
    if ((flags & TcpHeader::FIN) && !c.firstFinAt)
    {
        c.firstFinAt = Simulator::Now();
    }
    if (!(flags & TcpHeader::ACK))
    {
        return;
    }
    SequenceNumber32 ack = h.GetAckNumber();
    if (!c.sndUnaKnown)
    {
        c.sndUna = ack; // a connection found late: from here on
        c.sndUnaKnown = true;
    }
    else if (ack > c.sndUna && (!c.sndMaxKnown || ack <= c.sndMax))
    {
        if (c.iss)
        {
            c.ackedSpace += static_cast<uint32_t>(ack - c.sndUna);
        }
        c.sndUna = ack;
        c.backoff = 0; // a new ACK ends the backoff
        m_suspects.erase(c.key);
    }
}

void
LifecycleTcpNativeObserver::CountRetransmission(
    Conn& c, LifecycleTcpRetxKind kind, SequenceNumber32 seq, uint32_t length, bool timerExpired)
{
    if (kind != LifecycleTcpRetxKind::WINDOW_PROBE)
    {
        c.retransmitted = true;
    }
    if (timerExpired)
    {
        ++c.rtoExpirations;
        ++c.backoff;
        c.maxBackoff = std::max(c.maxBackoff, c.backoff);
        c.expiryEvent = CurrentEvent();
        if (!c.dataRetries)
        {
            UintegerValue retries;
            c.socket->GetAttribute("DataRetries", retries);
            c.dataRetries = static_cast<uint32_t>(retries.Get());
        }
        if (c.backoff >= *c.dataRetries)
        {
            // Its data (or LAST_ACK) retries may be spent: the next expiry
            // drops it without a State change.
            m_suspects.insert(c.key);
        }
    }
    ++c.retransmissions[static_cast<size_t>(kind)];
    if (LifecycleTcpConnectionRecord* r = Record(c))
    {
        if (c.iss && !r->iss)
        {
            r->iss = c.iss->GetValue(); // for relative_seq in retransmissions.csv
        }
        m_metrics->RecordRetransmission(*r, kind, seq, length, c.rto.value_or(Time(0)), c.backoff);
    }
}

bool
LifecycleTcpNativeObserver::PeerWindowZero(const Conn& c)
{
    if (c.rwnd)
    {
        return *c.rwnd == 0;
    }
    return c.rxWindow && *c.rxWindow == 0;
}

void
LifecycleTcpNativeObserver::TakeCounters(const Conn& c, LifecycleTcpConnectionRecord& r)
{
    if (c.iss)
    {
        r.iss = c.iss->GetValue();
    }
    if (c.irs)
    {
        r.irs = c.irs->GetValue();
    }
    if (!c.partial)
    {
        r.segmentsSent = c.segmentsSent;
        r.segmentsReceived = c.segmentsReceived;
        r.bytesRetransmitted = c.bytesRetransmitted;
        r.resetsSent = c.resetsSent;
        r.resetsReceived = c.resetsReceived;
        if (c.iss)
        {
            // Sequence space acknowledged, less our SYN and our FIN.
            uint64_t acked = c.ackedSpace;
            if (acked > 0)
            {
                --acked;
            }
            if (c.fin && c.sndUna > *c.fin && acked > 0)
            {
                --acked;
            }
            r.bytesAcked = acked;
        }
    }
    r.retransmissions = c.retransmissions;
    r.rtoExpirations = c.rtoExpirations;
    r.maxBackoff = c.maxBackoff;
    r.rto = c.rto;
    r.srtt = c.srtt;
    if (c.firstFinAt)
    {
        r.firstFinAt = c.firstFinAt;
    }
    r.end = c.end;
}

void
LifecycleTcpNativeObserver::Refresh(LifecycleTcpConnectionRecord& r)
{
    auto it = m_byRecord.find(&r);
    Conn* c = it == m_byRecord.end() ? nullptr : Find(it->second);
    if (!c)
    {
        return;
    }
    TakeCounters(*c, r);
    if (c->state != TcpSocket::LISTEN && c->state != TcpSocket::CLOSED && IsDead(*c))
    {
        // ns-3 dropped it without a State change: its retries ran out at
        // one more expiry.
        if (c->retransmitted)
        {
            r.end = LifecycleTcpEnd::TIMED_OUT;
            r.rtoExpirations = c->rtoExpirations + 1;
        }
        else
        {
            r.end = LifecycleTcpEnd::ABORTED;
        }
    }
}

// ---------------------------------------------------------------------------
// Inference and ending
// ---------------------------------------------------------------------------

std::string
LifecycleTcpNativeObserver::InferCause(const Conn& c,
                                       LifecycleTcpState from,
                                       LifecycleTcpState to) const
{
    uint64_t now = CurrentEvent();
    bool received = c.rxEvent == now;
    bool resetSent = c.rstEvent == now;
    // Transitions only the application makes, whatever else the event did.
    if (from == TcpSocket::CLOSED && to == TcpSocket::LISTEN)
    {
        return "app Listen";
    }
    if (to == TcpSocket::SYN_SENT)
    {
        return "app Connect";
    }
    if (to == TcpSocket::FIN_WAIT_1
        && (from == TcpSocket::ESTABLISHED || from == TcpSocket::SYN_RCVD))
    {
        return "app Close";
    }
    if (from == TcpSocket::CLOSE_WAIT && to == TcpSocket::LAST_ACK)
    {
        // ns-3 closes at once, in the event it entered CLOSE_WAIT, after ShutdownSend.
        return c.closeWaitEvent == now ? "app ShutdownSend" : "app Close";
    }
    if (to == TcpSocket::CLOSED && resetSent && !received)
    {
        return from == TcpSocket::SYN_SENT || from == TcpSocket::CLOSING ? "app Close"
                                                                         : "app Abort";
    }
    // The segment being processed.
    if (received)
    {
        return "rcv " + TcpHeader::FlagsToString(c.rxFlags);
    }
    // Timers, and the application's other calls.
    if (to == TcpSocket::CLOSED)
    {
        switch (from)
        {
            case TcpSocket::TIME_WAIT:
                return "timer 2MSL";
            case TcpSocket::LISTEN:
                return "app Close";
            case TcpSocket::SYN_SENT:
            case TcpSocket::SYN_RCVD:
                return "timer RTO"; // ConnCount SYNs (SYN,ACKs) unanswered
            default:
                return c.retransmitted ? "timer RTO" : "app Close";
        }
    }
    return "unknown";
}

LifecycleTcpEnd
LifecycleTcpNativeObserver::InferEnd(const Conn& c, LifecycleTcpState from) const
{
    uint64_t now = CurrentEvent();
    bool received = c.rxEvent == now;
    if (received && (c.rxFlags & TcpHeader::RST))
    {
        bool activeOpen = c.record && c.record->opener != LifecycleTcpOpener::PASSIVE;
        if (from == TcpSocket::SYN_SENT || (from == TcpSocket::SYN_RCVD && activeOpen))
        {
            return LifecycleTcpEnd::REFUSED;
        }
        return LifecycleTcpEnd::RESET_BY_PEER;
    }
    if (c.rstEvent == now)
    {
        return from == TcpSocket::SYN_SENT && !received ? LifecycleTcpEnd::ABORTED
                                                        : LifecycleTcpEnd::RESET_BY_US;
    }
    switch (from)
    {
        case TcpSocket::LISTEN:
        case TcpSocket::TIME_WAIT:
        case TcpSocket::LAST_ACK:
        case TcpSocket::CLOSING:
            return LifecycleTcpEnd::CLOSED_NORMALLY;
        case TcpSocket::SYN_SENT:
        case TcpSocket::SYN_RCVD:
            return received ? LifecycleTcpEnd::ABORTED : LifecycleTcpEnd::TIMED_OUT;
        default:
            return !received && c.retransmitted ? LifecycleTcpEnd::TIMED_OUT
                                                : LifecycleTcpEnd::ABORTED;
    }
}

void
LifecycleTcpNativeObserver::CloseUnreported(Conn& c, const std::string& cause)
{
    LifecycleTcpState from = c.state;
    if (c.end == LifecycleTcpEnd::OPEN)
    {
        c.end = InferEnd(c, from);
    }
    if (LifecycleTcpConnectionRecord* r = Record(c))
    {
        m_metrics->RecordTransition(*r, from, TcpSocket::CLOSED, cause);
    }
    c.state = TcpSocket::CLOSED;
    End(c);
}

void
LifecycleTcpNativeObserver::End(Conn& c)
{
    LifecycleTcpConnectionRecord* r = Record(c);
    if (r)
    {
        TakeCounters(c, *r);
    }
    Unindex(c);
    m_byRecord.erase(c.record);
    m_suspects.erase(c.key);
    // Unhooked and released at the next event: its trace may be running now.
    m_ended.push_back(Ended{c.socket, c.hookOwner});
    m_conns.erase(c.key); // c is gone
    if (r)
    {
        m_metrics->Finish(*r);
    }
}

void
LifecycleTcpNativeObserver::NewEvent()
{
    uint64_t now = CurrentEvent();
    if (now == m_event)
    {
        return;
    }
    m_event = now;
    if (!m_ended.empty())
    {
        ReleaseEnded();
    }
    if (m_suspects.empty())
    {
        return;
    }
    // Sockets that backed off DataRetries times may have been dropped without a State change
    // (ReTxTimeout or LastAckTimeout out of retries): close them now.
    std::vector<const TcpSocketBase*> dead;
    for (const TcpSocketBase* key : m_suspects)
    {
        Conn* c = Find(key);
        if (c && key != m_traceOf && c->record && IsDead(*c))
        {
            dead.push_back(key);
        }
    }
    for (const TcpSocketBase* key : dead)
    {
        if (Conn* c = Find(key))
        {
            NS_LOG_INFO("node " << m_nodeId << " socket " << key
                                << " was dropped after its retries: closed now");
            ++c->rtoExpirations; // the expiry that gave up
            c->end = LifecycleTcpEnd::TIMED_OUT;
            CloseUnreported(*c, "timer RTO");
        }
    }
}

bool
LifecycleTcpNativeObserver::IsDead(const Conn& c)
{
    Address peer;
    return c.socket && c.socket->GetPeerName(peer) != 0; // no endpoint any more
}

Time
LifecycleTcpNativeObserver::ConnTimeout(const Conn& c)
{
    TimeValue timeout;
    c.socket->GetAttribute("ConnTimeout", timeout);
    return timeout.Get();
}

} // namespace ns3
