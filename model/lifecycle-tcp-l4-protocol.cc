/*
 * tcp-lifecycle: the TCP layer of one node.
 */
#include "lifecycle-tcp-l4-protocol.h"

#include "lifecycle-tcp-segment.h"
#include "lifecycle-tcp-socket-factory.h"
#include "lifecycle-tcp-socket.h"

#include "ns3/boolean.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/object-map.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpL4Protocol");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpL4Protocol);

#undef NS_LOG_APPEND_CONTEXT
#define NS_LOG_APPEND_CONTEXT                              \
    if (m_node)                                            \
    {                                                      \
        std::clog << " [node " << m_node->GetId() << "] "; \
    }

const uint8_t LifecycleTcpL4Protocol::PROT_NUMBER = 6;

TypeId
LifecycleTcpL4Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleTcpL4Protocol")
            .SetParent<IpL4Protocol>()
            .SetGroupName("TcpLifecycle")
            .AddConstructor<LifecycleTcpL4Protocol>()
            .AddAttribute("SocketList",
                          "The live sockets of this node: bound, listening or connected, "
                          "until they reach CLOSED.",
                          ObjectMapValue(),
                          MakeObjectMapAccessor(&LifecycleTcpL4Protocol::m_sockets),
                          MakeObjectMapChecker<LifecycleTcpSocket>())
            .AddAttribute("EphemeralPortLow",
                          "Lowest local port chosen for Bind() without a port and for "
                          "Connect() on an unbound socket. The default follows IANA's dynamic "
                          "range (RFC 6335); Linux uses 32768-60999.",
                          UintegerValue(49152),
                          MakeUintegerAccessor(&LifecycleTcpL4Protocol::m_portLow),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("EphemeralPortHigh",
                          "Highest ephemeral local port (see EphemeralPortLow).",
                          UintegerValue(65535),
                          MakeUintegerAccessor(&LifecycleTcpL4Protocol::m_portHigh),
                          MakeUintegerChecker<uint16_t>(1))
            .AddTraceSource("SocketCreated",
                            "A socket was created, by the application or by a listener "
                            "forking on a SYN; fired before its first state change.",
                            MakeTraceSourceAccessor(&LifecycleTcpL4Protocol::m_socketCreatedTrace),
                            "ns3::LifecycleTcpL4Protocol::SocketCreatedCallback")
            .AddTraceSource("Tx",
                            "A segment left this TCP layer (payload without header).",
                            MakeTraceSourceAccessor(&LifecycleTcpL4Protocol::m_txTrace),
                            "ns3::LifecycleTcpL4Protocol::SegmentTracedCallback")
            .AddTraceSource("Rx",
                            "A well-formed segment arrived at this TCP layer.",
                            MakeTraceSourceAccessor(&LifecycleTcpL4Protocol::m_rxTrace),
                            "ns3::LifecycleTcpL4Protocol::SegmentTracedCallback")
            .AddTraceSource("Drop",
                            "A segment was dropped before reaching a connection (bad "
                            "checksum, malformed, no connection), or a SYN a listener dropped "
                            "because its SynBacklog was full (backlog full).",
                            MakeTraceSourceAccessor(&LifecycleTcpL4Protocol::m_dropTrace),
                            "ns3::LifecycleTcpL4Protocol::DropTracedCallback");
    return tid;
}

LifecycleTcpL4Protocol::LifecycleTcpL4Protocol()
    : m_rng(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

LifecycleTcpL4Protocol::~LifecycleTcpL4Protocol()
{
    NS_LOG_FUNCTION(this);
}

void
LifecycleTcpL4Protocol::SetNode(Ptr<Node> node)
{
    m_node = node;
}

Ptr<Node>
LifecycleTcpL4Protocol::GetNode() const
{
    return m_node;
}

void
LifecycleTcpL4Protocol::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    Ptr<Node> node = GetObject<Node>();
    Ptr<Ipv4> ipv4 = GetObject<Ipv4>();
    if (!m_node && node && ipv4)
    {
        SetNode(node);
        Ptr<LifecycleTcpSocketFactory> factory = CreateObject<LifecycleTcpSocketFactory>();
        factory->SetTcp(this);
        node->AggregateObject(factory);
    }
    if (ipv4 && m_downTarget.IsNull())
    {
        ipv4->Insert(this);
        SetDownTarget(MakeCallback(&Ipv4::Send, ipv4));
    }
    IpL4Protocol::NotifyNewAggregate();
}

void
LifecycleTcpL4Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_demux.Clear();
    m_sockets.clear();
    m_prototype = nullptr;
    m_ipv4 = nullptr;
    m_node = nullptr;
    m_downTarget.Nullify();
    m_downTarget6.Nullify();
    IpL4Protocol::DoDispose();
}

int
LifecycleTcpL4Protocol::GetProtocolNumber() const
{
    return PROT_NUMBER;
}

Ptr<Socket>
LifecycleTcpL4Protocol::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    if (!m_prototype || !PrototypeIsCurrent())
    {
        m_prototype = CreateObject<LifecycleTcpSocket>();
        m_prototypeDefaults.clear();
        for (TypeId tid = m_prototype->GetInstanceTypeId(); tid != Object::GetTypeId();
             tid = tid.GetParent())
        {
            for (std::size_t i = 0; i < tid.GetAttributeN(); ++i)
            {
                m_prototypeDefaults.push_back(tid.GetAttribute(i).initialValue);
            }
        }
    }
    Ptr<LifecycleTcpSocket> socket = LifecycleTcpSocket::CopyPristine(m_prototype);
    socket->SetNode(m_node);
    socket->SetTcp(this);
    // In SocketList from the start, as with ns-3's native TCP, so that Config
    // paths and observers reach sockets that are not bound yet.
    Track(socket);
    m_socketCreatedTrace(socket);
    return socket;
}

bool
LifecycleTcpL4Protocol::PrototypeIsCurrent() const
{
    std::size_t k = 0;
    for (TypeId tid = m_prototype->GetInstanceTypeId(); tid != Object::GetTypeId();
         tid = tid.GetParent())
    {
        for (std::size_t i = 0; i < tid.GetAttributeN(); ++i, ++k)
        {
            if (k >= m_prototypeDefaults.size()
                || tid.GetAttribute(i).initialValue != m_prototypeDefaults[k])
            {
                return false;
            }
        }
    }
    return k == m_prototypeDefaults.size();
}

void
LifecycleTcpL4Protocol::EnsureKey() const
{
    if (m_keyDrawn)
    {
        return;
    }
    // The secret key of RFC 6528's F(): drawn from ns-3's random streams, so it
    // changes with RngRun and repeats for the same seed and run.
    std::array<uint8_t, 16> key{};
    for (auto& b : key)
    {
        b = static_cast<uint8_t>(m_rng->GetInteger(0, 255));
    }
    m_isn.SetKey(key);
    m_keyDrawn = true;
}

SequenceNumber32
LifecycleTcpL4Protocol::ChooseIss(const LifecycleTcpFourTuple& tuple) const
{
    if (!m_issOverride.IsNull())
    {
        return m_issOverride(tuple);
    }
    EnsureKey();
    return m_isn.Generate(Simulator::Now(),
                          tuple.localAddress,
                          tuple.localPort,
                          tuple.remoteAddress,
                          tuple.remotePort);
}

void
LifecycleTcpL4Protocol::SetIssGenerator(Callback<SequenceNumber32, const LifecycleTcpFourTuple&> cb)
{
    m_issOverride = cb;
}

int64_t
LifecycleTcpL4Protocol::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

const LifecycleTcpProtocolCounters&
LifecycleTcpL4Protocol::GetCounters() const
{
    return m_counters;
}

size_t
LifecycleTcpL4Protocol::GetConnectionCount() const
{
    return m_demux.GetConnectionCount();
}

// ---------------------------------------------------------------------------
// Receiving
// ---------------------------------------------------------------------------

IpL4Protocol::RxStatus
LifecycleTcpL4Protocol::Receive(Ptr<Packet> packet,
                                const Ipv4Header& ipHeader,
                                Ptr<Ipv4Interface> incomingInterface)
{
    Ipv4Address source = ipHeader.GetSource();
    Ipv4Address destination = ipHeader.GetDestination();
    ++m_counters.segmentsReceived;

    // The header is checked as raw bytes before anything parses it (MUST-7).
    TcpHeader header;
    uint32_t headerLength = 0;
    bool checksum = Node::ChecksumEnabled();
    LifecycleTcpHeaderCheck check = checksum
                                        ? LifecycleTcpCheckHeader(packet, &headerLength)
                                        : LifecycleTcpParseHeader(packet, header, &headerLength);
    if (check != LifecycleTcpHeaderCheck::OK)
    {
        NS_LOG_WARN("malformed segment from " << source << ": "
                                              << LifecycleTcpHeaderCheckName(check));
        ++m_counters.malformed;
        Dropped(packet, source, destination, LifecycleTcpDropReason::MALFORMED);
        return IpL4Protocol::RX_OK;
    }
    Ptr<Packet> segmentCopy = m_dropTrace.IsEmpty() ? nullptr : packet->Copy();
    if (checksum)
    {
        // TcpHeader::Deserialize verifies the checksum over the pseudo-header.
        header.EnableChecksums();
        header.InitializeChecksum(source, destination, PROT_NUMBER);
        packet->RemoveHeader(header);
        // TcpHeader does not count padding bytes after an End-of-Option-List.
        uint32_t parsed = header.GetSerializedSize();
        if (parsed < headerLength)
        {
            packet->RemoveAtStart(headerLength - parsed);
        }
    }
    else
    {
        packet->RemoveAtStart(headerLength);
    }

    LifecycleTcpFourTuple tuple{
        destination, header.GetDestinationPort(), source, header.GetSourcePort()};
    LifecycleTcpSocket* connection = m_demux.FindConnection(tuple);

    if (checksum && !header.IsChecksumOk())
    {
        // RFC 9293 3.1 MUST-3: the receiver checks the checksum.
        NS_LOG_INFO("bad checksum from " << source << ":" << header.GetSourcePort());
        ++m_counters.badChecksum;
        if (connection)
        {
            connection->CountDrop(LifecycleTcpDropReason::BAD_CHECKSUM, packet, header);
        }
        Dropped(segmentCopy, source, destination, LifecycleTcpDropReason::BAD_CHECKSUM);
        return IpL4Protocol::RX_CSUM_FAILED;
    }

    m_rxTrace(packet, header, source, destination);

    // MUST-57: an incoming segment addressed to a broadcast or multicast
    // address is dropped silently (a SYN in particular).
    if (destination.IsBroadcast() || destination.IsMulticast()
        || (incomingInterface &&
            [&]
            {
                for (uint32_t i = 0; i < incomingInterface->GetNAddresses(); ++i)
                {
                    if (destination.IsSubnetDirectedBroadcast(
                            incomingInterface->GetAddress(i).GetMask()))
                    {
                        return true;
                    }
                }
                return false;
            }()))
    {
        ++m_counters.broadcastDropped;
        return IpL4Protocol::RX_OK;
    }

    if (connection)
    {
        Ptr<LifecycleTcpSocket> keep(connection); // may reach CLOSED while processing
        connection->ReceiveSegment(packet, header, source, destination);
        return IpL4Protocol::RX_OK;
    }
    LifecycleTcpSocket* listener = m_demux.FindListener(destination, header.GetDestinationPort());
    if (listener)
    {
        Ptr<LifecycleTcpSocket> keep(listener);
        listener->ReceiveSegment(packet, header, source, destination);
        return IpL4Protocol::RX_OK;
    }

    // RFC 9293 3.10.7.1: the connection does not exist (CLOSED).
    NS_LOG_INFO("no connection for " << source << ":" << header.GetSourcePort() << " -> "
                                     << destination << ":" << header.GetDestinationPort()
                                     << " flags " << TcpHeader::FlagsToString(header.GetFlags()));
    ++m_counters.noConnection;
    Dropped(segmentCopy, source, destination, LifecycleTcpDropReason::NO_CONNECTION);
    SendResetFor(header, packet->GetSize(), source, destination);
    return IpL4Protocol::RX_ENDPOINT_CLOSED;
}

IpL4Protocol::RxStatus
LifecycleTcpL4Protocol::Receive(Ptr<Packet> p,
                                const Ipv6Header& header,
                                Ptr<Ipv6Interface> incomingInterface)
{
    NS_LOG_WARN("tcp-lifecycle supports IPv4 only; IPv6 segment dropped");
    return IpL4Protocol::RX_ENDPOINT_UNREACH;
}

void
LifecycleTcpL4Protocol::Dropped(Ptr<const Packet> segment,
                                Ipv4Address source,
                                Ipv4Address destination,
                                LifecycleTcpDropReason reason)
{
    if (segment)
    {
        m_dropTrace(segment, source, destination, reason);
    }
}

void
LifecycleTcpL4Protocol::DroppedBacklogFull(Ptr<const Packet> payload,
                                           const TcpHeader& header,
                                           Ipv4Address source,
                                           Ipv4Address destination)
{
    ++m_counters.backlogFull;
    if (!m_dropTrace.IsEmpty())
    {
        // The trace carries segments as they arrived: header and text.
        Ptr<Packet> segment = payload->Copy();
        segment->AddHeader(header);
        Dropped(segment, source, destination, LifecycleTcpDropReason::BACKLOG_FULL);
    }
}

void
LifecycleTcpL4Protocol::SendResetFor(const TcpHeader& in,
                                     uint32_t payloadSize,
                                     Ipv4Address source,
                                     Ipv4Address destination)
{
    if (in.GetFlags() & TcpHeader::RST)
    {
        return; // never a RST for a RST
    }
    TcpHeader rst;
    rst.SetSourcePort(in.GetDestinationPort());
    rst.SetDestinationPort(in.GetSourcePort());
    if (in.GetFlags() & TcpHeader::ACK)
    {
        // <SEQ=SEG.ACK><CTL=RST>
        rst.SetSequenceNumber(in.GetAckNumber());
        rst.SetFlags(TcpHeader::RST);
    }
    else
    {
        // <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>
        rst.SetSequenceNumber(SequenceNumber32(0));
        rst.SetAckNumber(in.GetSequenceNumber() + LifecycleTcpSegLen(in, payloadSize));
        rst.SetFlags(TcpHeader::RST | TcpHeader::ACK);
    }
    rst.SetWindowSize(0);
    ++m_counters.resetsSent;
    SendSegment(Create<Packet>(), rst, destination, source, nullptr);
}

// ---------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------

bool
LifecycleTcpL4Protocol::RouteSource(Ipv4Address destination,
                                    Ptr<NetDevice> oif,
                                    Ipv4Address& source,
                                    uint32_t& mtu) const
{
    Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr;
    if (!ipv4 || !ipv4->GetRoutingProtocol())
    {
        return false;
    }
    Ipv4Header header;
    header.SetDestination(destination);
    header.SetProtocol(PROT_NUMBER);
    Socket::SocketErrno err;
    Ptr<Ipv4Route> route = ipv4->GetRoutingProtocol()->RouteOutput(nullptr, header, oif, err);
    if (!route)
    {
        return false;
    }
    source = route->GetSource();
    mtu = route->GetOutputDevice() ? route->GetOutputDevice()->GetMtu() : 576;
    return true;
}

void
LifecycleTcpL4Protocol::SendSegment(Ptr<Packet> payload,
                                    TcpHeader& header,
                                    Ipv4Address source,
                                    Ipv4Address destination,
                                    Ptr<NetDevice> oif,
                                    Ptr<Ipv4Route>* cache)
{
    m_txTrace(payload, header, source, destination);
    ++m_counters.segmentsSent;
    if (Node::ChecksumEnabled())
    {
        header.EnableChecksums();
        header.InitializeChecksum(source, destination, PROT_NUMBER);
    }
    payload->AddHeader(header);

    if (!m_ipv4)
    {
        m_ipv4 = m_node->GetObject<Ipv4>();
    }
    Ptr<Ipv4Route> route = cache ? *cache : nullptr;
    if (route)
    {
        // A cached route holds while its interface is up (the connection
        // also drops it after a retransmission timeout).
        int32_t interface = m_ipv4->GetInterfaceForDevice(route->GetOutputDevice());
        if (interface < 0 || !m_ipv4->IsUp(interface))
        {
            route = nullptr;
        }
    }
    if (!route && m_ipv4->GetRoutingProtocol())
    {
        Ipv4Header ipHeader;
        ipHeader.SetSource(source);
        ipHeader.SetDestination(destination);
        ipHeader.SetProtocol(PROT_NUMBER);
        Socket::SocketErrno err;
        route = m_ipv4->GetRoutingProtocol()->RouteOutput(payload, ipHeader, oif, err);
        if (cache)
        {
            *cache = route;
        }
    }
    m_downTarget(payload, source, destination, PROT_NUMBER, route);
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

void
LifecycleTcpL4Protocol::Track(Ptr<LifecycleTcpSocket> s)
{
    m_sockets[s->GetSocketId()] = s;
}

void
LifecycleTcpL4Protocol::Untrack(LifecycleTcpSocket* s)
{
    m_sockets.erase(s->GetSocketId());
}

uint16_t
LifecycleTcpL4Protocol::Bind(LifecycleTcpSocket* s, Ipv4Address address, uint16_t port)
{
    if (port != 0)
    {
        return m_demux.AddBinding(address, port, s) ? port : 0;
    }
    uint32_t range = static_cast<uint32_t>(m_portHigh) - m_portLow + 1;
    if (m_nextPort < m_portLow || m_nextPort > m_portHigh)
    {
        m_nextPort = m_portLow;
    }
    for (uint32_t i = 0; i < range; ++i)
    {
        uint16_t candidate = m_nextPort;
        m_nextPort = (m_nextPort == m_portHigh) ? m_portLow : m_nextPort + 1;
        // Ports are per local address: with several addresses a node has
        // a range of ephemeral ports for each (as Linux's bind(addr, 0)).
        if (!m_demux.IsPortBoundFor(address, candidate)
            && m_demux.AddBinding(address, candidate, s))
        {
            return candidate;
        }
    }
    return 0;
}

void
LifecycleTcpL4Protocol::Unbind(LifecycleTcpSocket* s, uint16_t port)
{
    m_demux.RemoveBinding(port, s);
}

void
LifecycleTcpL4Protocol::SetListening(LifecycleTcpSocket* s, uint16_t port, bool listening)
{
    m_demux.SetListening(port, s, listening);
}

uint16_t
LifecycleTcpL4Protocol::PickConnectPort(Ipv4Address local, Ipv4Address remote, uint16_t remotePort)
{
    uint32_t range = static_cast<uint32_t>(m_portHigh) - m_portLow + 1;
    if (m_nextPort < m_portLow || m_nextPort > m_portHigh)
    {
        m_nextPort = m_portLow;
    }
    for (uint32_t i = 0; i < range; ++i)
    {
        uint16_t candidate = m_nextPort;
        m_nextPort = (m_nextPort == m_portHigh) ? m_portLow : m_nextPort + 1;
        LifecycleTcpFourTuple t{local, candidate, remote, remotePort};
        if (!m_demux.IsPortBoundFor(local, candidate) && !m_demux.FindConnection(t))
        {
            return candidate;
        }
    }
    return 0;
}

Ptr<LifecycleTcpSocket>
LifecycleTcpL4Protocol::FindListener(Ipv4Address address, uint16_t port) const
{
    return m_demux.FindListener(address, port);
}

bool
LifecycleTcpL4Protocol::AddConnection(const LifecycleTcpFourTuple& tuple, LifecycleTcpSocket* s)
{
    return m_demux.AddConnection(tuple, s);
}

void
LifecycleTcpL4Protocol::RemoveConnection(const LifecycleTcpFourTuple& tuple, LifecycleTcpSocket* s)
{
    m_demux.RemoveConnection(tuple, s);
}

void
LifecycleTcpL4Protocol::Crash()
{
    NS_LOG_FUNCTION(this);
    // Copy first: forgetting removes each socket from the tables.
    std::vector<Ptr<LifecycleTcpSocket>> all;
    all.reserve(m_sockets.size());
    for (auto& [id, s] : m_sockets)
    {
        all.push_back(s);
    }
    for (auto& s : all)
    {
        s->ForgetOnCrash();
    }
}

void
LifecycleTcpL4Protocol::SetDownTarget(IpL4Protocol::DownTargetCallback cb)
{
    m_downTarget = cb;
}

void
LifecycleTcpL4Protocol::SetDownTarget6(IpL4Protocol::DownTargetCallback6 cb)
{
    m_downTarget6 = cb;
}

IpL4Protocol::DownTargetCallback
LifecycleTcpL4Protocol::GetDownTarget() const
{
    return m_downTarget;
}

IpL4Protocol::DownTargetCallback6
LifecycleTcpL4Protocol::GetDownTarget6() const
{
    return m_downTarget6;
}

} // namespace ns3
