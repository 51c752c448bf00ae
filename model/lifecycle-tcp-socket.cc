/*
 * tcp-lifecycle: user calls (RFC 9293 3.10.1 - 3.10.6), the one place where
 * the state changes, and the socket's attributes.
 */
#include "lifecycle-tcp-socket.h"

#include "lifecycle-tcp-l4-protocol.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/type-id.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSocket");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpSocket);

namespace
{
/// Source of socket ids, unique in the simulation.
uint64_t g_nextSocketId = 0;
} // namespace

namespace States = LifecycleTcpStates;

TypeId
LifecycleTcpSocket::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleTcpSocket")
            .SetParent<TcpSocket>()
            .SetGroupName("TcpLifecycle")
            .AddConstructor<LifecycleTcpSocket>()
            .AddAttribute("Msl",
                          "Maximum Segment Lifetime. TIME_WAIT lasts 2*MSL (RFC 9293 3.6.1, "
                          "MUST-13). The RFC's MSL is 2 minutes (3.4.2), so TIME_WAIT lasts "
                          "4 minutes by default; Linux holds TIME_WAIT for 60 s "
                          "(TCP_TIMEWAIT_LEN), which corresponds to Msl = 30 s.",
                          TimeValue(Seconds(120)),
                          MakeTimeAccessor(&LifecycleTcpSocket::m_msl),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("ChallengeAck",
                          "Apply RFC 5961's mitigations, as RFC 9293 3.10.7.4 describes: a RST "
                          "in the window but not at RCV.NXT, and a SYN in a synchronized state, "
                          "are answered with a challenge ACK instead of acting on them; an ACK "
                          "must lie in [SND.UNA - MAX.SND.WND, SND.NXT]. False gives RFC 793's "
                          "rules: any RST in the window resets, a SYN in the window is "
                          "answered with RST.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LifecycleTcpSocket::m_challengeAck),
                          MakeBooleanChecker())
            .AddAttribute("TimeWaitReuse",
                          "Let a new SYN reopen a connection that is in TIME_WAIT when its "
                          "sequence number is above RCV.NXT and a listener takes it (RFC 9293 "
                          "3.6.1, MAY-2); the new ISS is then above every sequence number of "
                          "the old incarnation. Linux does the same. False keeps TIME_WAIT for "
                          "the full 2*MSL: the SYN draws a challenge ACK, the peer answers it "
                          "with a RST that ends TIME_WAIT, and its SYN succeeds on retry.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LifecycleTcpSocket::m_timeWaitReuse),
                          MakeBooleanChecker())
            .AddAttribute("Rfc1337",
                          "Ignore RSTs in TIME_WAIT (RFC 1337, remedy TW-2), so that a RST "
                          "cannot end TIME_WAIT early (\"TIME-WAIT assassination\"). RFC 9293 "
                          "lets a RST end it; Linux does too unless net.ipv4.tcp_rfc1337 is "
                          "set.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LifecycleTcpSocket::m_rfc1337),
                          MakeBooleanChecker())
            .AddAttribute("InitialRto",
                          "Retransmission timeout before the first RTT sample, for data and "
                          "FIN (RFC 6298 (2.1): 1 s). The SYN and SYN,ACK use ConnTimeout.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LifecycleTcpSocket::m_initialRto),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MinRto",
                          "Lower bound of the retransmission timeout (RFC 6298 (2.4): 1 s; "
                          "Linux uses 200 ms, TCP_RTO_MIN).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&LifecycleTcpSocket::m_minRto),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("MaxRto",
                          "Upper bound of the retransmission timeout, backoff included "
                          "(RFC 6298 (2.5): at least 60 s; Linux uses 120 s, TCP_RTO_MAX).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&LifecycleTcpSocket::m_maxRto),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("ClockGranularity",
                          "Clock granularity G in RTO = SRTT + max(G, 4*RTTVAR) (RFC 6298 "
                          "(2.2)); 1 ms, as Linux with HZ=1000.",
                          TimeValue(MilliSeconds(1)),
                          MakeTimeAccessor(&LifecycleTcpSocket::m_clockGranularity),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("WindowScaling",
                          "Offer the window scale option (RFC 7323 2), used when both SYNs "
                          "carry it; needed for windows above 64 KiB. Linux and ns-3's native "
                          "TCP offer it by default.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LifecycleTcpSocket::m_winScaleEnabled),
                          MakeBooleanChecker())
            .AddAttribute("Timestamps",
                          "Offer the timestamps option (RFC 7323 3), used when both SYNs carry "
                          "it: RTT samples from echoed timestamps (4.1) and protection against "
                          "wrapped sequence numbers, PAWS (5). It costs 12 bytes of every "
                          "segment's text (MUST-16). Linux and ns-3's native TCP offer it.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LifecycleTcpSocket::m_timestampsEnabled),
                          MakeBooleanChecker())
            .AddAttribute("SynBacklog",
                          "Most connections a listening socket keeps half-open: its children "
                          "in SYN_RCVD. A SYN that arrives while that many wait is dropped "
                          "silently -- no connection, no SYN,ACK, no RST -- and counted "
                          "(BACKLOG_FULL); the peer's SYN retransmission tries again. RFC 9293 "
                          "sets no limit and leaves SYN floods to the implementation (7, RFC "
                          "4987). Linux drops such SYNs too when SYN cookies are off "
                          "(net.ipv4.tcp_syncookies=0): its limit is listen()'s backlog capped "
                          "by net.core.somaxconn, and for peers it has not seen before three "
                          "quarters of net.ipv4.tcp_max_syn_backlog. The default 128 is the "
                          "smallest tcp_max_syn_backlog and the somaxconn of Linux before 5.4. "
                          "0: no limit, as ns-3's native TCP. Connections that reached "
                          "ESTABLISHED do not count (ns-3 applications accept them at once).",
                          UintegerValue(128),
                          MakeUintegerAccessor(&LifecycleTcpSocket::m_synBacklog),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("CongestionControl",
                          "Congestion control algorithm (a LifecycleTcpCongestionOps): its "
                          "window growth and its response to loss.",
                          TypeIdValue(LifecycleTcpNewReno::GetTypeId()),
                          MakeTypeIdAccessor(&LifecycleTcpSocket::m_ccTypeId),
                          MakeTypeIdChecker())
            .AddTraceSource("State",
                            "The connection state (old, new), as ns-3's native TCP reports it.",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_state),
                            "ns3::TcpStatesTracedValueCallback")
            .AddTraceSource("Transition",
                            "A state change with its cause: the arriving segment's flags, a "
                            "timer, an application call, or a crash of the node.",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_transitionTrace),
                            "ns3::LifecycleTcpSocket::TransitionTracedCallback")
            .AddTraceSource("Retransmission",
                            "A segment sent again: kind, sequence number, length, RTO in "
                            "force and backoff count.",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_retransmissionTrace),
                            "ns3::LifecycleTcpSocket::RetransmissionTracedCallback")
            .AddTraceSource("Tx",
                            "A segment sent by this connection (payload without header).",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_txTrace),
                            "ns3::LifecycleTcpSocket::SegmentTracedCallback")
            .AddTraceSource("Rx",
                            "A segment that reached this connection (payload without header).",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_rxTrace),
                            "ns3::LifecycleTcpSocket::SegmentTracedCallback")
            .AddTraceSource("Drop",
                            "A segment of this connection dropped, with the reason.",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_dropTrace),
                            "ns3::LifecycleTcpSocket::DropTracedCallback")
            .AddTraceSource("CongestionWindow",
                            "The congestion window cwnd, in bytes.",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_cwndTrace),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("SlowStartThreshold",
                            "The slow start threshold ssthresh, in bytes.",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_ssThreshTrace),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("RTO",
                            "The retransmission timeout in force, backoff included: the "
                            "value the retransmission timer was last started with (as "
                            "ns-3's TcpSocketBase::RTO).",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_rtoTrace),
                            "ns3::TracedValueCallback::Time")
            .AddTraceSource("RTT",
                            "The smoothed round-trip time SRTT after each sample (RFC 6298; "
                            "as ns-3's TcpSocketBase::RTT).",
                            MakeTraceSourceAccessor(&LifecycleTcpSocket::m_srttTrace),
                            "ns3::TracedValueCallback::Time");
    return tid;
}

LifecycleTcpSocket::LifecycleTcpSocket()
    : m_socketId(g_nextSocketId++)
{
    NS_LOG_FUNCTION(this);
    SetTimerFunctions();
}

LifecycleTcpSocket::LifecycleTcpSocket(const LifecycleTcpSocket& listener)
    : LifecycleTcpSocket(listener, LISTEN)
{
}

Ptr<LifecycleTcpSocket>
LifecycleTcpSocket::CopyPristine(Ptr<const LifecycleTcpSocket> prototype)
{
    NS_ASSERT_MSG(prototype->m_state == CLOSED && prototype->m_tcp == nullptr,
                  "a prototype must be a socket that was never used");
    Ptr<LifecycleTcpSocket> s(new LifecycleTcpSocket(*prototype, CLOSED), false);
    return s;
}

LifecycleTcpSocket::LifecycleTcpSocket(const LifecycleTcpSocket& listener, TcpStates_t bornIn)
    : TcpSocket(listener)
    , // the application's callbacks
    m_sndBufSize(listener.m_sndBufSize)
    , m_rcvBufSize(listener.m_rcvBufSize)
    , m_segmentSize(listener.m_segmentSize)
    , m_initialSsThresh(listener.m_initialSsThresh)
    , m_initialCwnd(listener.m_initialCwnd)
    , m_connTimeout(listener.m_connTimeout)
    , m_synRetries(listener.m_synRetries)
    , m_dataRetries(listener.m_dataRetries)
    , m_delAckTimeout(listener.m_delAckTimeout)
    , m_delAckMaxCount(listener.m_delAckMaxCount)
    , m_noDelay(listener.m_noDelay)
    , m_persistTimeout(listener.m_persistTimeout)
    , m_msl(listener.m_msl)
    , m_challengeAck(listener.m_challengeAck)
    , m_timeWaitReuse(listener.m_timeWaitReuse)
    , m_rfc1337(listener.m_rfc1337)
    , m_initialRto(listener.m_initialRto)
    , m_minRto(listener.m_minRto)
    , m_maxRto(listener.m_maxRto)
    , m_clockGranularity(listener.m_clockGranularity)
    , m_winScaleEnabled(listener.m_winScaleEnabled)
    , m_timestampsEnabled(listener.m_timestampsEnabled)
    , m_synBacklog(listener.m_synBacklog)
    , m_ccTypeId(listener.m_ccTypeId)
    , m_node(listener.m_node)
    , m_tcp(listener.m_tcp)
    , m_socketId(g_nextSocketId++)
    , m_state(bornIn)
    , // a listener's "never send" holds for its forks
    m_shutdownSend(bornIn == LISTEN && listener.m_shutdownSend)
{
    NS_LOG_FUNCTION(this);
    SetTimerFunctions();
}

void
LifecycleTcpSocket::SetTimerFunctions()
{
    m_rtxTimer.SetMethod<LifecycleTcpSocket, &LifecycleTcpSocket::OnRetransmissionTimeout>(this);
    m_timeWaitTimer.SetMethod<LifecycleTcpSocket, &LifecycleTcpSocket::OnTimeWaitTimeout>(this);
    m_persistTimer.SetMethod<LifecycleTcpSocket, &LifecycleTcpSocket::OnPersistTimeout>(this);
    m_delAckTimer.SetMethod<LifecycleTcpSocket, &LifecycleTcpSocket::OnDelayedAckTimeout>(this);
}

LifecycleTcpSocket::~LifecycleTcpSocket()
{
    NS_LOG_FUNCTION(this);
}

void
LifecycleTcpSocket::DoDispose()
{
    NS_LOG_FUNCTION(this);
    StopTimers();
    m_listener = nullptr;
    m_pending.clear();
    m_cc = nullptr;
    m_node = nullptr;
    m_tcp = nullptr;
    TcpSocket::DoDispose();
}

void
LifecycleTcpSocket::SetNode(Ptr<Node> node)
{
    m_node = node;
}

void
LifecycleTcpSocket::SetTcp(Ptr<LifecycleTcpL4Protocol> tcp)
{
    m_tcp = tcp;
}

// ---------------------------------------------------------------------------
// The one place where the state changes
// ---------------------------------------------------------------------------

void
LifecycleTcpSocket::SetState(LifecycleTcpState to, LifecycleTcpCause cause)
{
    LifecycleTcpState from = m_state;
    if (from == to)
    {
        return;
    }
    NS_LOG_INFO(this << " " << States::Name(from) << " => " << States::Name(to) << " ("
                     << cause.ToString() << ")");
    m_state = to;
    if (to == ESTABLISHED && m_stats.establishedAt == Time::Max())
    {
        m_stats.establishedAt = Simulator::Now();
    }
    // CLOSED, or a passive child returning to LISTEN (RFC 9293 3.10.7.4,
    // MUST-11): the connection no longer exists. Its counters are final
    // before the Transition trace fires, so that observers can read them.
    bool ended = to == CLOSED || (to == LISTEN && from == SYN_RCVD);
    if (ended)
    {
        if (m_stats.end == LifecycleTcpEnd::OPEN)
        {
            m_stats.end = LifecycleTcpEnd::ABORTED;
        }
        m_stats.closedAt = Simulator::Now();
    }
    m_transitionTrace(from, to, cause);
    if (ended)
    {
        ReleaseResources(); // release what it holds
    }
}

void
LifecycleTcpSocket::EnterClosed(LifecycleTcpCause cause, LifecycleTcpEnd end, bool flush)
{
    if (m_stats.end == LifecycleTcpEnd::OPEN)
    {
        m_stats.end = end;
    }
    if (flush)
    {
        // "All segment queues should be flushed" (RFC 9293 3.10.5, 3.10.7.4).
        m_txBuffer.Clear();
        m_rxBuffer.Clear();
    }
    SetState(CLOSED, cause);
}

void
LifecycleTcpSocket::ReleaseResources()
{
    StopTimers();
    m_route = nullptr;
    Ptr<LifecycleTcpSocket> self(this); // Untrack may drop the last reference
    if (m_inConnectionTable)
    {
        m_tcp->RemoveConnection(m_tuple, this);
        m_inConnectionTable = false;
    }
    if (m_bound)
    {
        m_tcp->Unbind(this, m_tuple.localPort);
        m_bound = false;
    }
    if (m_listener)
    {
        m_listener->ChildResolved(this);
        m_listener = nullptr;
    }
    m_tcp->Untrack(this);
}

void
LifecycleTcpSocket::NotifyAborted()
{
    if (!m_resetNotified)
    {
        m_resetNotified = true;
        NotifyErrorClose();
    }
}

void
LifecycleTcpSocket::OnEstablished(LifecycleTcpCause cause)
{
    // The send MSS is known now: start congestion control (RFC 5681 (3.1)).
    m_ccState.smss = m_snd.mss;
    m_cc->Init(m_ccState, m_initialCwnd, m_initialSsThresh);
    UpdateCongestionTraces();
    SetState(ESTABLISHED, cause);
    Ptr<LifecycleTcpSocket> self(this);
    if (m_ackOwed)
    {
        // (SYN_SENT, rcv SYN,ACK): the third segment of the handshake goes
        // before the application hears of the connection, as in Figure 6
        // line 4 (and as Linux does); its first data follows separately.
        SendAckNow();
    }
    if (m_listener)
    {
        // A passive child: the listener's application accepts it now.
        Ptr<LifecycleTcpSocket> listener = m_listener;
        listener->ChildResolved(this);
        m_listener = nullptr;
        NotifyNewConnectionCreated(this,
                                   InetSocketAddress(m_tuple.remoteAddress, m_tuple.remotePort));
    }
    else
    {
        NotifyConnectionSucceeded();
    }
    if (m_state != ESTABLISHED)
    {
        return; // the application closed or aborted in its callback
    }
    if (m_closeOnEstablished)
    {
        // RFC 9293 3.10.4, SYN-RECEIVED: the CLOSE queued until now.
        m_closeOnEstablished = false;
        QueueFin();
        SetState(FIN_WAIT_1, LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_CLOSE));
        return;
    }
    if (GetTxAvailable() > 0)
    {
        NotifySend(GetTxAvailable());
    }
}

// ---------------------------------------------------------------------------
// Connection set-up
// ---------------------------------------------------------------------------

void
LifecycleTcpSocket::InitializeSend()
{
    m_rtt.Configure(m_initialRto, m_minRto, m_maxRto, m_clockGranularity);
    m_snd = LifecycleTcpSendVars{};
    m_snd.iss = m_tcp->ChooseIss(m_tuple);
    if (m_hasIssFloor && m_snd.iss <= m_issFloor)
    {
        // Reopened from TIME_WAIT: start above the old incarnation (MAY-2 (1)).
        m_snd.iss = m_issFloor + 1;
    }
    m_snd.una = m_snd.iss;
    m_snd.nxt = m_snd.iss;
    m_snd.max = m_snd.iss;
    // Until the peer's MSS option arrives the send MSS is 536 (MUST-15),
    // never more than our own SegmentSize (MUST-16).
    m_snd.mss = std::min<uint32_t>(m_segmentSize, 536);
    m_txBuffer.SetCapacity(m_sndBufSize);
    m_txBuffer.Start(m_snd.iss + 1);
    m_rxBuffer.SetCapacity(m_rcvBufSize);
    m_backoff = 0;
    m_synTransmissions = 0;
    m_rttTiming = false;
    m_persistBackoff = 0;
    m_unackedSegments = 0;
    m_wsOn = false;
    m_tsOn = false;
    m_tsOffset = m_snd.iss.GetValue(); // a per-connection offset (RFC 7323 7.1)
    m_lastAckSent = SequenceNumber32(0);
    m_retxTsValid = false;
    m_dupAcks = 0;
    m_inRecovery = false;
    m_recover = m_snd.iss; // RFC 6582 3.2 (1): "recover" starts at ISS
    ObjectFactory ccFactory;
    ccFactory.SetTypeId(m_ccTypeId);
    m_cc = ccFactory.Create<LifecycleTcpCongestionOps>();
    m_ccState.smss = m_snd.mss;
    m_cc->Init(m_ccState, m_initialCwnd, m_initialSsThresh);
    UpdateCongestionTraces();
    m_finQueued = false;
    m_peerFinSeen = false;
    m_closeOnEstablished = false;
    m_ackOwed = false;
}

void
LifecycleTcpSocket::InitializeReceive(SequenceNumber32 irs)
{
    m_rcv.irs = irs;
    m_rcv.nxt = irs + 1;
    m_rcv.advertisedEdge = m_rcv.nxt;
    m_rcv.wnd = 0;
    m_rxBuffer.Start(m_rcv.nxt);
}

Ptr<LifecycleTcpSocket>
LifecycleTcpSocket::Fork(Ipv4Address local,
                         uint16_t localPort,
                         Ipv4Address remote,
                         uint16_t remotePort)
{
    Ptr<LifecycleTcpSocket> child = CopyObject<LifecycleTcpSocket>(this);
    child->m_tuple = LifecycleTcpFourTuple{local, localPort, remote, remotePort};
    if (!m_tcp->AddConnection(child->m_tuple, PeekPointer(child)))
    {
        return nullptr;
    }
    child->m_inConnectionTable = true;
    child->m_listener = this;
    m_pending.push_back(PeekPointer(child));
    m_tcp->Track(child);
    m_tcp->m_socketCreatedTrace(child);
    return child;
}

void
LifecycleTcpSocket::ChildResolved(LifecycleTcpSocket* child)
{
    m_pending.erase(std::remove(m_pending.begin(), m_pending.end(), child), m_pending.end());
}

bool
LifecycleTcpSocket::SynBacklogFull() const
{
    // m_pending holds the children not yet ESTABLISHED; those in SYN_RCVD are
    // the half-open ones. They are counted only once the list is as long as
    // the backlog.
    return m_synBacklog != 0 && m_pending.size() >= m_synBacklog
           && GetHalfOpenCount() >= m_synBacklog;
}

uint32_t
LifecycleTcpSocket::GetHalfOpenCount() const
{
    return static_cast<uint32_t>(std::count_if(m_pending.begin(),
                                               m_pending.end(),
                                               [](const LifecycleTcpSocket* c)
                                               { return c->m_state == SYN_RCVD; }));
}

// ---------------------------------------------------------------------------
// ns3::Socket API
// ---------------------------------------------------------------------------

enum Socket::SocketErrno
LifecycleTcpSocket::GetErrno() const
{
    return m_errno;
}

enum Socket::SocketType
LifecycleTcpSocket::GetSocketType() const
{
    return NS3_SOCK_STREAM;
}

Ptr<Node>
LifecycleTcpSocket::GetNode() const
{
    return m_node;
}

int
LifecycleTcpSocket::Bind(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (!InetSocketAddress::IsMatchingType(address))
    {
        m_errno = Inet6SocketAddress::IsMatchingType(address) ? ERROR_AFNOSUPPORT : ERROR_INVAL;
        return -1;
    }
    if (m_bound || m_state != CLOSED)
    {
        m_errno = ERROR_INVAL; // already bound
        return -1;
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    Ipv4Address ip = inet.GetIpv4();
    if (!ip.IsAny())
    {
        Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
        if (!ipv4 || ipv4->GetInterfaceForAddress(ip) < 0)
        {
            m_errno = ERROR_ADDRNOTAVAIL;
            return -1;
        }
    }
    uint16_t port = m_tcp->Bind(this, ip, inet.GetPort());
    if (port == 0)
    {
        m_errno = inet.GetPort() == 0 ? ERROR_ADDRNOTAVAIL : ERROR_ADDRINUSE;
        return -1;
    }
    m_tuple.localAddress = ip;
    m_tuple.localPort = port;
    m_bound = true;
    m_tcp->Track(this);
    return 0;
}

int
LifecycleTcpSocket::Bind()
{
    return Bind(InetSocketAddress(Ipv4Address::GetAny(), 0));
}

int
LifecycleTcpSocket::Bind6()
{
    m_errno = ERROR_AFNOSUPPORT; // tcp-lifecycle models TCP over IPv4
    return -1;
}

int
LifecycleTcpSocket::Connect(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (!InetSocketAddress::IsMatchingType(address))
    {
        m_errno = Inet6SocketAddress::IsMatchingType(address) ? ERROR_AFNOSUPPORT : ERROR_INVAL;
        return -1;
    }
    // RFC 9293 3.10.1: OPEN from CLOSED or, changing passive to active, from LISTEN.
    if (m_state != CLOSED && m_state != LISTEN)
    {
        m_errno = ERROR_ISCONN; // "error: connection already exists"
        return -1;
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    Ipv4Address remote = inet.GetIpv4();
    if (remote.IsAny() || remote.IsBroadcast() || remote.IsMulticast() || inet.GetPort() == 0)
    {
        m_errno = ERROR_INVAL; // "error: remote socket unspecified"
        return -1;
    }
    Ipv4Address local = m_tuple.localAddress;
    Ipv4Address routeSource;
    uint32_t mtu = 0;
    if (!m_tcp->RouteSource(remote, m_boundnetdevice, routeSource, mtu))
    {
        m_errno = ERROR_NOROUTETOHOST;
        return -1;
    }
    if (local.IsAny())
    {
        local = routeSource;
    }
    m_mms = mtu - 20; // MMS_S: the largest IP payload the path takes (RFC 9293 3.7.1)
    uint16_t port =
        m_bound ? m_tuple.localPort : m_tcp->PickConnectPort(local, remote, inet.GetPort());
    if (port == 0)
    {
        m_errno = ERROR_ADDRNOTAVAIL; // every ephemeral port is taken
        return -1;
    }
    LifecycleTcpFourTuple tuple{local, port, remote, inet.GetPort()};
    if (!m_tcp->AddConnection(tuple, this))
    {
        m_errno = ERROR_ADDRINUSE;
        return -1;
    }
    if (m_state == LISTEN)
    {
        m_tcp->SetListening(this, m_tuple.localPort, false);
    }
    m_tuple = tuple;
    m_inConnectionTable = true;
    m_tcp->Track(this);
    m_stats = LifecycleTcpConnectionStats{};
    InitializeSend();
    SetState(SYN_SENT, LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_CONNECT));
    SendSyn();
    return 0;
}

int
LifecycleTcpSocket::Listen()
{
    NS_LOG_FUNCTION(this);
    if (m_state != CLOSED)
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    if (!m_bound && Bind() != 0)
    {
        return -1;
    }
    m_tcp->SetListening(this, m_tuple.localPort, true);
    SetState(LISTEN, LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_LISTEN));
    return 0;
}

int
LifecycleTcpSocket::Close()
{
    NS_LOG_FUNCTION(this);
    Ptr<LifecycleTcpSocket> self(this);
    if (m_state == CLOSED)
    {
        if (m_bound)
        {
            ReleaseResources(); // a bound socket that never connected
            return 0;
        }
        m_tcp->Untrack(this);    // the application is done with it
        m_errno = ERROR_NOTCONN; // "error: connection does not exist"
        return -1;
    }
    m_appClosed = true;
    m_shutdownRecv = true;
    if (m_rxBuffer.Available() > 0 && States::In(m_state, States::SYNCHRONIZED))
    {
        // RFC 9293 3.6.1: a host whose CLOSE also ends reading (MAY-1) SHOULD
        // send a RST when received data is still pending (SHLD-3).
        NS_LOG_INFO(this << " Close() with " << m_rxBuffer.Available()
                         << " unread bytes: reset (SHLD-3)");
        return DoAbort(LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_CLOSE));
    }
    return DoClose(LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_CLOSE));
}

int
LifecycleTcpSocket::ShutdownSend()
{
    NS_LOG_FUNCTION(this);
    Ptr<LifecycleTcpSocket> self(this);
    m_shutdownSend = true;
    switch (m_state)
    {
        case CLOSED:
        case LISTEN:
            // No connection yet: it will never send. Connections a listener
            // forks inherit this (as with ns-3's native TCP, which PacketSink
            // relies on) and close their side when the peer's FIN arrives.
            return 0;
        case SYN_SENT:
        case SYN_RCVD:
            // A half-close before the handshake completes: the FIN goes once
            // ESTABLISHED (RFC 9293 3.10.4, SYN-RECEIVED).
            m_closeOnEstablished = true;
            return 0;
        default:
            return DoClose(LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_SHUTDOWN_SEND));
    }
}

int
LifecycleTcpSocket::ShutdownRecv()
{
    NS_LOG_FUNCTION(this);
    m_shutdownRecv = true;
    return 0;
}

int
LifecycleTcpSocket::DoClose(LifecycleTcpCause cause)
{
    m_shutdownSend = true;
    switch (m_state)
    {
        case LISTEN:
        {
            // Delete the TCB; connections still in the handshake go with it.
            std::vector<LifecycleTcpSocket*> children = m_pending;
            for (LifecycleTcpSocket* child : children)
            {
                Ptr<LifecycleTcpSocket> keep(child);
                child->Abort();
            }
            EnterClosed(cause, LifecycleTcpEnd::CLOSED_NORMALLY, true);
            return 0;
        }
        case SYN_SENT:
            // Delete the TCB; queued SENDs get "error: closing".
            EnterClosed(cause, LifecycleTcpEnd::ABORTED, true);
            return 0;
        case SYN_RCVD:
            if (m_txBuffer.Size() == 0)
            {
                QueueFin();
                SetState(FIN_WAIT_1, cause);
                SendPending();
            }
            else
            {
                m_closeOnEstablished = true; // "queue for processing after ESTABLISHED"
            }
            return 0;
        case ESTABLISHED:
            // Queue the FIN after the SENDs so far; "in any case, enter FIN-WAIT-1".
            QueueFin();
            SetState(FIN_WAIT_1, cause);
            SendPending();
            return 0;
        case CLOSE_WAIT:
            QueueFin();
            SetState(LAST_ACK, cause);
            SendPending();
            return 0;
        case FIN_WAIT_1:
        case FIN_WAIT_2:
            return 0; // "ok", as long as no second FIN is emitted
        case CLOSING:
        case LAST_ACK:
        case TIME_WAIT:
        default:
            m_errno = ERROR_SHUTDOWN; // "error: connection closing"
            return -1;
    }
}

void
LifecycleTcpSocket::QueueFin()
{
    m_finQueued = true;
    m_finSeq = m_txBuffer.TailSequence();
}

int
LifecycleTcpSocket::Abort()
{
    NS_LOG_FUNCTION(this);
    return DoAbort(LifecycleTcpCause::FromApp(LifecycleTcpCause::APP_ABORT));
}

int
LifecycleTcpSocket::DoAbort(LifecycleTcpCause cause)
{
    Ptr<LifecycleTcpSocket> self(this);
    switch (m_state)
    {
        case CLOSED:
            m_errno = ERROR_NOTCONN;
            return -1;
        case LISTEN:
        {
            std::vector<LifecycleTcpSocket*> children = m_pending;
            for (LifecycleTcpSocket* child : children)
            {
                Ptr<LifecycleTcpSocket> keep(child);
                child->Abort();
            }
            EnterClosed(cause, LifecycleTcpEnd::ABORTED, true);
            return 0;
        }
        case SYN_SENT:
            EnterClosed(cause, LifecycleTcpEnd::ABORTED, true);
            return 0;
        case SYN_RCVD:
        case ESTABLISHED:
        case FIN_WAIT_1:
        case FIN_WAIT_2:
        case CLOSE_WAIT:
            // RFC 9293 3.10.5: <SEQ=SND.NXT><CTL=RST>, flush, delete the TCB.
            SendReset(m_snd.nxt, SequenceNumber32(0), false);
            EnterClosed(cause, LifecycleTcpEnd::RESET_BY_US, true);
            return 0;
        default: // CLOSING, LAST_ACK, TIME_WAIT: "ok", delete the TCB
            EnterClosed(cause,
                        m_state == TIME_WAIT ? LifecycleTcpEnd::CLOSED_NORMALLY
                                             : LifecycleTcpEnd::ABORTED,
                        true);
            return 0;
    }
}

void
LifecycleTcpSocket::ForgetOnCrash()
{
    NS_LOG_FUNCTION(this);
    Ptr<LifecycleTcpSocket> self(this);
    m_pending.clear(); // the children are forgotten by the same crash
    EnterClosed(LifecycleTcpCause::NodeCrash(), LifecycleTcpEnd::ABORTED, true);
}

uint32_t
LifecycleTcpSocket::GetTxAvailable() const
{
    if (m_shutdownSend || !States::In(m_state, States::MAY_SEND))
    {
        return 0;
    }
    return m_txBuffer.Available();
}

int
LifecycleTcpSocket::Send(Ptr<Packet> p, uint32_t flags)
{
    if (m_shutdownSend)
    {
        m_errno = ERROR_SHUTDOWN; // "error: connection closing"
        return -1;
    }
    if (!States::In(m_state, States::MAY_SEND))
    {
        m_errno = ERROR_NOTCONN; // "error: connection does not exist"
        return -1;
    }
    uint32_t size = p->GetSize();
    if (!m_txBuffer.Append(p))
    {
        m_errno = ERROR_MSGSIZE; // "error: insufficient resources"
        return -1;
    }
    m_stats.bytesFromApp += size;
    if (m_state == ESTABLISHED || m_state == CLOSE_WAIT)
    {
        SendPending();
    }
    return static_cast<int>(size);
}

int
LifecycleTcpSocket::SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress)
{
    return Send(p, flags); // a connected stream ignores the address
}

uint32_t
LifecycleTcpSocket::GetRxAvailable() const
{
    return m_rxBuffer.Available();
}

Ptr<Packet>
LifecycleTcpSocket::Recv(uint32_t maxSize, uint32_t flags)
{
    if (m_rxBuffer.Available() == 0)
    {
        m_errno = States::In(m_state, States::PEER_CLOSED) || m_state == CLOSED ? ERROR_NOTERROR
                                                                                : ERROR_AGAIN;
        return nullptr;
    }
    Ptr<Packet> p = m_rxBuffer.Read(maxSize);
    m_stats.bytesToApp += p->GetSize();
    // Window update. RFC 9293 3.8.6.2.2 (MUST-39): the right edge moves only
    // in steps of min(RCV.BUFF / 2, MSS). A segment just to announce it is
    // worth sending only when the peer may be held back: when the window it
    // knows (RCV.WND left from our last advertisement) is at most half of
    // what we can offer now (the rule of Linux's tcp_cleanup_rbuf). While the
    // window is wide open, the next ACK carries the update for free.
    if (States::In(m_state, States::RECEIVES_TEXT))
    {
        uint32_t threshold = std::min(m_rxBuffer.GetCapacity() / 2, m_segmentSize);
        uint32_t freeSpace = m_rxBuffer.FreeSpace();
        SequenceNumber32 possibleEdge = m_rcv.nxt + freeSpace;
        uint32_t known = m_rcv.advertisedEdge > m_rcv.nxt
                             ? static_cast<uint32_t>(m_rcv.advertisedEdge - m_rcv.nxt)
                             : 0;
        if (possibleEdge > m_rcv.advertisedEdge
            && static_cast<uint32_t>(possibleEdge - m_rcv.advertisedEdge) >= threshold
            && freeSpace >= 2 * static_cast<uint64_t>(known))
        {
            SendAckNow();
        }
    }
    return p;
}

Ptr<Packet>
LifecycleTcpSocket::RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress)
{
    Ptr<Packet> p = Recv(maxSize, flags);
    if (p)
    {
        fromAddress = InetSocketAddress(m_tuple.remoteAddress, m_tuple.remotePort);
    }
    return p;
}

int
LifecycleTcpSocket::GetSockName(Address& address) const
{
    address = InetSocketAddress(m_tuple.localAddress, m_tuple.localPort);
    return 0;
}

int
LifecycleTcpSocket::GetPeerName(Address& address) const
{
    if (m_state == CLOSED || m_state == LISTEN)
    {
        m_errno = ERROR_NOTCONN;
        return -1;
    }
    address = InetSocketAddress(m_tuple.remoteAddress, m_tuple.remotePort);
    return 0;
}

void
LifecycleTcpSocket::BindToNetDevice(Ptr<NetDevice> netdevice)
{
    Socket::BindToNetDevice(netdevice);
}

bool
LifecycleTcpSocket::SetAllowBroadcast(bool allowBroadcast)
{
    return !allowBroadcast; // TCP never sends to broadcast addresses
}

bool
LifecycleTcpSocket::GetAllowBroadcast() const
{
    return false;
}

// ---------------------------------------------------------------------------
// Inspection
// ---------------------------------------------------------------------------

LifecycleTcpState
LifecycleTcpSocket::GetState() const
{
    return m_state;
}

const LifecycleTcpFourTuple&
LifecycleTcpSocket::GetFourTuple() const
{
    return m_tuple;
}

const LifecycleTcpSendVars&
LifecycleTcpSocket::GetSendVars() const
{
    return m_snd;
}

const LifecycleTcpRecvVars&
LifecycleTcpSocket::GetRecvVars() const
{
    return m_rcv;
}

bool
LifecycleTcpSocket::IsPassiveOpen() const
{
    return m_passiveOpen;
}

const LifecycleTcpConnectionStats&
LifecycleTcpSocket::GetStats() const
{
    return m_stats;
}

const LifecycleTcpRttEstimator&
LifecycleTcpSocket::GetRttEstimator() const
{
    return m_rtt;
}

uint64_t
LifecycleTcpSocket::GetSocketId() const
{
    return m_socketId;
}

void
LifecycleTcpSocket::CountDrop(LifecycleTcpDropReason reason)
{
    NS_ASSERT_MSG(m_arrivingHeader, "CountDrop outside ReceiveSegment");
    CountDrop(reason, m_arrivingPayload, *m_arrivingHeader);
}

void
LifecycleTcpSocket::CountDrop(LifecycleTcpDropReason reason,
                              Ptr<const Packet> payload,
                              const TcpHeader& header)
{
    ++m_stats.drops[static_cast<size_t>(reason)];
    m_dropTrace(payload, header, reason);
}

// ---------------------------------------------------------------------------
// ns3::TcpSocket attributes
// ---------------------------------------------------------------------------

void
LifecycleTcpSocket::SetSndBufSize(uint32_t size)
{
    m_sndBufSize = size;
    m_txBuffer.SetCapacity(size);
}

uint32_t
LifecycleTcpSocket::GetSndBufSize() const
{
    return m_sndBufSize;
}

void
LifecycleTcpSocket::SetRcvBufSize(uint32_t size)
{
    m_rcvBufSize = size;
    m_rxBuffer.SetCapacity(size);
}

uint32_t
LifecycleTcpSocket::GetRcvBufSize() const
{
    return m_rcvBufSize;
}

void
LifecycleTcpSocket::SetSegSize(uint32_t size)
{
    NS_ABORT_MSG_IF(size == 0, "SegmentSize must be positive");
    m_segmentSize = size;
}

uint32_t
LifecycleTcpSocket::GetSegSize() const
{
    return m_segmentSize;
}

void
LifecycleTcpSocket::SetInitialSSThresh(uint32_t threshold)
{
    m_initialSsThresh = threshold;
}

uint32_t
LifecycleTcpSocket::GetInitialSSThresh() const
{
    return m_initialSsThresh;
}

void
LifecycleTcpSocket::SetInitialCwnd(uint32_t cwnd)
{
    m_initialCwnd = cwnd;
}

uint32_t
LifecycleTcpSocket::GetInitialCwnd() const
{
    return m_initialCwnd;
}

void
LifecycleTcpSocket::SetConnTimeout(Time timeout)
{
    m_connTimeout = timeout;
}

Time
LifecycleTcpSocket::GetConnTimeout() const
{
    return m_connTimeout;
}

void
LifecycleTcpSocket::SetSynRetries(uint32_t count)
{
    m_synRetries = count;
}

uint32_t
LifecycleTcpSocket::GetSynRetries() const
{
    return m_synRetries;
}

void
LifecycleTcpSocket::SetDataRetries(uint32_t retries)
{
    m_dataRetries = retries;
}

uint32_t
LifecycleTcpSocket::GetDataRetries() const
{
    return m_dataRetries;
}

void
LifecycleTcpSocket::SetDelAckTimeout(Time timeout)
{
    m_delAckTimeout = timeout;
}

Time
LifecycleTcpSocket::GetDelAckTimeout() const
{
    return m_delAckTimeout;
}

void
LifecycleTcpSocket::SetDelAckMaxCount(uint32_t count)
{
    m_delAckMaxCount = count;
}

uint32_t
LifecycleTcpSocket::GetDelAckMaxCount() const
{
    return m_delAckMaxCount;
}

void
LifecycleTcpSocket::SetTcpNoDelay(bool noDelay)
{
    m_noDelay = noDelay;
}

bool
LifecycleTcpSocket::GetTcpNoDelay() const
{
    return m_noDelay;
}

void
LifecycleTcpSocket::SetPersistTimeout(Time timeout)
{
    m_persistTimeout = timeout;
}

Time
LifecycleTcpSocket::GetPersistTimeout() const
{
    return m_persistTimeout;
}

void
LifecycleTcpSocket::UpdateCongestionTraces()
{
    // The threshold first: a sink sees the new window after what explains it.
    m_ssThreshTrace = m_ccState.ssthresh;
    m_cwndTrace = m_ccState.cwnd;
}

} // namespace ns3
