/*
 * tcp-lifecycle: a SYN flood (RFC 4987), as an ns-3 application.
 */
#include "lifecycle-tcp-syn-flood.h"

#include "ns3/address.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-option-rfc793.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LifecycleTcpSynFlood");
NS_OBJECT_ENSURE_REGISTERED(LifecycleTcpSynFloodApplication);

namespace
{
/// IP protocol number of TCP.
constexpr uint8_t TCP_PROTOCOL = 6;
/// Lowest source port drawn: above the well-known and most registered ports.
constexpr uint32_t FIRST_SOURCE_PORT = 1024;
} // namespace

TypeId
LifecycleTcpSynFloodApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LifecycleTcpSynFloodApplication")
            .SetParent<Application>()
            .SetGroupName("TcpLifecycle")
            .AddConstructor<LifecycleTcpSynFloodApplication>()
            .AddAttribute("Remote",
                          "The victim: an InetSocketAddress, the address and port of a "
                          "listener.",
                          AddressValue(),
                          MakeAddressAccessor(&LifecycleTcpSynFloodApplication::m_remote),
                          MakeAddressChecker())
            .AddAttribute("Rate",
                          "SYNs per second. 100 outruns a SYN backlog of 128 (Linux's "
                          "smallest tcp_max_syn_backlog) in under 2 s, while each half-open "
                          "connection holds its place for minutes.",
                          DoubleValue(100),
                          MakeDoubleAccessor(&LifecycleTcpSynFloodApplication::m_rate),
                          MakeDoubleChecker<double>(1e-9))
            .AddAttribute("Poisson",
                          "Send the SYNs as a Poisson process (exponential gaps of mean "
                          "1/Rate) instead of evenly spaced.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LifecycleTcpSynFloodApplication::m_poisson),
                          MakeBooleanChecker())
            .AddAttribute(
                "SpoofedNetwork",
                "Network the spoofed source addresses are drawn from (with "
                "SpoofedMask). Its addresses should belong to no node, so that the "
                "victim's SYN,ACKs are lost, as in a real flood.",
                Ipv4AddressValue("10.250.0.0"),
                MakeIpv4AddressAccessor(&LifecycleTcpSynFloodApplication::m_spoofedNetwork),
                MakeIpv4AddressChecker())
            .AddAttribute("SpoofedMask",
                          "Mask of SpoofedNetwork; /16 gives 65534 source addresses.",
                          Ipv4MaskValue("255.255.0.0"),
                          MakeIpv4MaskAccessor(&LifecycleTcpSynFloodApplication::m_spoofedMask),
                          MakeIpv4MaskChecker())
            .AddAttribute("MaxSyns",
                          "Stop after this many SYNs; 0: no limit (until StopTime).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&LifecycleTcpSynFloodApplication::m_maxSyns),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MssOption",
                          "MSS option carried by each SYN (RFC 9293 3.7.1), so that the SYNs "
                          "look like a host's; 1460 is Ethernet's. 0: no option, as "
                          "hping3 sends them.",
                          UintegerValue(1460),
                          MakeUintegerAccessor(&LifecycleTcpSynFloodApplication::m_mss),
                          MakeUintegerChecker<uint16_t>())
            .AddTraceSource("Syn",
                            "A SYN was sent: its spoofed source address, source port and ISN.",
                            MakeTraceSourceAccessor(&LifecycleTcpSynFloodApplication::m_synTrace),
                            "ns3::LifecycleTcpSynFloodApplication::SynTracedCallback");
    return tid;
}

LifecycleTcpSynFloodApplication::LifecycleTcpSynFloodApplication()
    : m_uniform(CreateObject<UniformRandomVariable>())
    , m_gaps(CreateObject<ExponentialRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

LifecycleTcpSynFloodApplication::~LifecycleTcpSynFloodApplication()
{
    NS_LOG_FUNCTION(this);
}

void
LifecycleTcpSynFloodApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_next.Cancel();
    Application::DoDispose();
}

int64_t
LifecycleTcpSynFloodApplication::AssignStreams(int64_t stream)
{
    m_uniform->SetStream(stream);
    m_gaps->SetStream(stream + 1);
    return 2;
}

uint64_t
LifecycleTcpSynFloodApplication::GetSent() const
{
    return m_sent;
}

void
LifecycleTcpSynFloodApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_UNLESS(InetSocketAddress::IsMatchingType(m_remote),
                        "LifecycleTcpSynFloodApplication: Remote must be an InetSocketAddress");
    NS_ABORT_MSG_UNLESS(GetNode()->GetObject<Ipv4>(),
                        "LifecycleTcpSynFloodApplication: the node has no IPv4 stack");
    if (m_poisson)
    {
        ScheduleNext(); // a Poisson process: the first arrival one gap in
    }
    else
    {
        m_next = Simulator::ScheduleNow(&LifecycleTcpSynFloodApplication::SendSyn, this);
    }
}

void
LifecycleTcpSynFloodApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_next.Cancel();
}

void
LifecycleTcpSynFloodApplication::ScheduleNext()
{
    if (m_maxSyns != 0 && m_sent >= m_maxSyns)
    {
        return;
    }
    double mean = 1.0 / m_rate;
    Time gap = Seconds(m_poisson ? m_gaps->GetValue(mean, 0) : mean);
    m_next = Simulator::Schedule(gap, &LifecycleTcpSynFloodApplication::SendSyn, this);
}

Ipv4Address
LifecycleTcpSynFloodApplication::DrawSource()
{
    uint32_t network = m_spoofedNetwork.Get() & m_spoofedMask.Get();
    uint32_t hosts = m_spoofedMask.GetInverse(); // highest host part
    uint32_t host = 0;
    if (hosts >= 3)
    {
        host = m_uniform->GetInteger(1, hosts - 1); // not the network, not broadcast
    }
    else if (hosts > 0)
    {
        host = m_uniform->GetInteger(0, hosts); // a /31: either address
    }
    return Ipv4Address(network | host);
}

void
LifecycleTcpSynFloodApplication::SendSyn()
{
    InetSocketAddress remote = InetSocketAddress::ConvertFrom(m_remote);
    Ipv4Address destination = remote.GetIpv4();
    Ipv4Address source = DrawSource();
    auto port = static_cast<uint16_t>(m_uniform->GetInteger(FIRST_SOURCE_PORT, 65535));
    SequenceNumber32 isn(m_uniform->GetInteger(0, UINT32_MAX));

    TcpHeader h;
    h.SetSourcePort(port);
    h.SetDestinationPort(remote.GetPort());
    h.SetSequenceNumber(isn);
    h.SetFlags(TcpHeader::SYN);
    h.SetWindowSize(65535);
    if (m_mss != 0)
    {
        Ptr<TcpOptionMSS> mss = Create<TcpOptionMSS>();
        mss->SetMSS(m_mss);
        h.AppendOption(mss);
    }
    if (Node::ChecksumEnabled())
    {
        // The checksum covers the pseudo-header, with the spoofed source.
        h.EnableChecksums();
        h.InitializeChecksum(source, destination, TCP_PROTOCOL);
    }
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);

    // The route to the victim, looked up by destination as for any packet of
    // the node; the spoofed source goes into the IP header regardless.
    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    Ipv4Header ipHeader;
    ipHeader.SetSource(source);
    ipHeader.SetDestination(destination);
    ipHeader.SetProtocol(TCP_PROTOCOL);
    Socket::SocketErrno error;
    Ptr<Ipv4Route> route =
        ipv4->GetRoutingProtocol()
            ? ipv4->GetRoutingProtocol()->RouteOutput(p, ipHeader, nullptr, error)
            : nullptr;
    if (route)
    {
        NS_LOG_INFO("SYN " << source << ":" << port << " -> " << destination << ":"
                           << remote.GetPort() << " isn " << isn);
        ++m_sent;
        m_synTrace(source, port, isn);
        ipv4->Send(p, source, destination, TCP_PROTOCOL, route);
    }
    else
    {
        NS_LOG_WARN("no route to " << destination << ": SYN not sent");
    }
    ScheduleNext();
}

} // namespace ns3
