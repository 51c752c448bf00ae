/*
 * tcp-lifecycle tests: the two-node network.
 */
#include "lifecycle-test-network.h"

#include <sstream>

namespace ns3
{
namespace lifecycle_test
{

std::string
CtlString(uint8_t flags)
{
    // The order RFC 9293's figures use: SYN,ACK / FIN,ACK / RST,ACK.
    static const std::pair<uint8_t, const char*> names[] = {{TcpHeader::FIN, "FIN"},
                                                            {TcpHeader::SYN, "SYN"},
                                                            {TcpHeader::RST, "RST"},
                                                            {TcpHeader::PSH, "PSH"},
                                                            {TcpHeader::ACK, "ACK"},
                                                            {TcpHeader::URG, "URG"}};
    std::string out;
    for (const auto& [bit, name] : names)
    {
        if (flags & bit)
        {
            out += out.empty() ? "" : ",";
            out += name;
        }
    }
    return out;
}

std::string
WireSegment::Rfc() const
{
    std::ostringstream s;
    s << from << " <SEQ=" << seq << ">";
    if (flags & TcpHeader::ACK)
    {
        s << "<ACK=" << ack << ">";
    }
    s << "<CTL=" << CtlString(flags) << ">";
    if (length > 0)
    {
        s << "<DATA=" << length << ">";
    }
    return s.str();
}

void
SimulationTest::SetUp()
{
    Config::Reset();
    RngSeedManager::SetSeed(1);
    RngSeedManager::SetRun(1);
}

void
SimulationTest::TearDown()
{
    Simulator::Destroy();
    Config::Reset();
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(false));
}

TwoNodeNetwork::TwoNodeNetwork()
{
    Build(Options{});
}

TwoNodeNetwork::TwoNodeNetwork(Options options)
{
    Build(options);
}

void
TwoNodeNetwork::Build(Options options)
{
    m_nodes.Create(2);
    LifecycleImpairedLinkHelper link;
    link.SetDataRate(DataRate(options.rate));
    link.SetDelay(options.delay);
    link.SetQueueSize(1); // the buffer is the queue disc below
    link.SetLoss(options.lossAToB, options.lossBToA);
    link.SetReordering(options.reorder, options.reorderDelay);
    link.SetDuplication(options.duplicate, MicroSeconds(100));
    m_devices = link.Install(m_nodes.Get(0), m_nodes.Get(1));
    link.AssignStreams(options.stream);
    LifecycleTcpStackHelper lifecycle;
    if (options.nativeB)
    {
        lifecycle.Install(m_nodes.Get(0));
        InternetStackHelper native;
        native.Install(m_nodes.Get(1));
    }
    else
    {
        lifecycle.Install(m_nodes);
    }
    Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
    m_interfaces = addresses.Assign(m_devices);
    // The bottleneck buffer is a pfifo_fast queue disc of queuePackets over a
    // one-packet device queue: a host never drops its own packets silently
    // (with flow control and no queue disc, ns-3's traffic-control layer does),
    // and drops happen at the tail of the buffer, where its Drop trace sees
    // them. Not the FqCoDel that Assign() installs: it hashes flows by parsing
    // TCP headers with ns-3's TcpHeader, which aborts on a malformed option
    // (an MSS option of length 6) before the segment reaches the receiver
    // under test.
    TrafficControlHelper().Uninstall(m_devices);
    TrafficControlHelper fifo;
    fifo.SetRootQueueDisc("ns3::PfifoFastQueueDisc",
                          "MaxSize",
                          QueueSizeValue(QueueSize(QueueSizeUnit::PACKETS, options.queuePackets)));
    fifo.Install(m_devices);

    for (char n : {'A', 'B'})
    {
        Ptr<NetDevice> dev = m_devices.Get(n == 'A' ? 0 : 1);
        dev->TraceConnectWithoutContext("MacTx",
                                        Callback<void, Ptr<const Packet>>(
                                            [this, n](Ptr<const Packet> p)
                                            {
                                                LifecycleTcpPeekedSegment seg;
                                                if (LifecycleTcpPeekSegment(p, seg))
                                                {
                                                    m_wire.push_back(WireSegment{Simulator::Now(),
                                                                                 n,
                                                                                 seg.flags,
                                                                                 seg.seq,
                                                                                 seg.ack,
                                                                                 seg.window,
                                                                                 seg.payloadBytes});
                                                }
                                            }));
        dev->TraceConnectWithoutContext(
            "PhyRxDrop",
            Callback<void, Ptr<const Packet>>([this](Ptr<const Packet>) { ++m_linkDrops; }));
        Ptr<LifecycleTcpL4Protocol> tcp = Tcp(n);
        if (!tcp)
        {
            continue;
        }
        tcp->TraceConnectWithoutContext("SocketCreated",
                                        Callback<void, Ptr<LifecycleTcpSocket>>(
                                            [this, n](Ptr<LifecycleTcpSocket> s) { Watch(n, s); }));
        if (options.realIss)
        {
            continue;
        }
        tcp->SetIssGenerator(Callback<SequenceNumber32, const LifecycleTcpFourTuple&>(
            [this, n](const LifecycleTcpFourTuple& t)
            {
                auto& q = m_iss[n];
                NS_ABORT_MSG_IF(q.empty(), "test did not give node " << n << " enough ISS values");
                uint32_t v = q.front();
                q.pop_front();
                return SequenceNumber32(v);
            }));
    }
    // Until a test says otherwise, ISSs are far apart and easy to read.
    m_iss['A'] = {1000, 11000, 21000, 31000};
    m_iss['B'] = {5000, 15000, 25000, 35000};
}

void
TwoNodeNetwork::Watch(char n, Ptr<LifecycleTcpSocket> s)
{
    size_t index = m_sockets.size();
    m_sockets.push_back(SocketRecord{s, s->GetState(), {}, {}, {}});
    m_byNode[n].push_back(index);
    s->TraceConnectWithoutContext(
        "Transition",
        Callback<void, LifecycleTcpState, LifecycleTcpState, LifecycleTcpCause>(
            [this, index](LifecycleTcpState from, LifecycleTcpState to, LifecycleTcpCause c) {
                m_sockets[index].changes.push_back(StateChange{Simulator::Now(), from, to, c});
            }));
    s->TraceConnectWithoutContext("Retransmission",
                                  Callback<void, const LifecycleTcpRetransmission&>(
                                      [this, index](const LifecycleTcpRetransmission& r)
                                      {
                                          m_sockets[index].retx.push_back(r);
                                          m_sockets[index].retxTimes.push_back(Simulator::Now());
                                      }));
}

Ptr<Node>
TwoNodeNetwork::GetNode(char n) const
{
    return m_nodes.Get(n == 'A' ? 0 : 1);
}

Ipv4Address
TwoNodeNetwork::Addr(char n) const
{
    return m_interfaces.GetAddress(n == 'A' ? 0 : 1);
}

Ptr<LifecycleTcpL4Protocol>
TwoNodeNetwork::Tcp(char n) const
{
    return LifecycleTcpStackHelper::GetTcp(GetNode(n));
}

Ptr<PointToPointNetDevice>
TwoNodeNetwork::Device(char n) const
{
    return DynamicCast<PointToPointNetDevice>(m_devices.Get(n == 'A' ? 0 : 1));
}

void
TwoNodeNetwork::SetIss(char n, std::vector<uint32_t> values)
{
    m_iss[n] = std::deque<uint32_t>(values.begin(), values.end());
}

Ptr<LifecycleTcpSocket>
TwoNodeNetwork::NewSocket(char n)
{
    Ptr<Socket> s = Socket::CreateSocket(GetNode(n), TcpSocketFactory::GetTypeId());
    Ptr<LifecycleTcpSocket> l = DynamicCast<LifecycleTcpSocket>(s);
    NS_ABORT_MSG_IF(!l, "node " << n << " does not run the tcp-lifecycle TCP");
    return l;
}

Ptr<LifecycleTcpSocket>
TwoNodeNetwork::Listen(char n, uint16_t port)
{
    Ptr<LifecycleTcpSocket> s = NewSocket(n);
    NS_ABORT_IF(s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port)) != 0);
    NS_ABORT_IF(s->Listen() != 0);
    return s;
}

Ptr<LifecycleTcpSocket>
TwoNodeNetwork::ConnectAt(Time at, char n, uint16_t port, uint16_t localPort)
{
    Ptr<LifecycleTcpSocket> s = NewSocket(n);
    Ipv4Address peer = Addr(n == 'A' ? 'B' : 'A');
    Simulator::Schedule(
        at - Simulator::Now(),
        [s, peer, port, localPort]()
        {
            if (localPort != 0)
            {
                NS_ABORT_IF(s->Bind(InetSocketAddress(Ipv4Address::GetAny(), localPort)) != 0);
            }
            s->Connect(InetSocketAddress(peer, port));
        });
    return s;
}

Ptr<LifecycleTcpSegmentErrorModel>
TwoNodeNetwork::DropAt(char receiver)
{
    Ptr<LifecycleTcpSegmentErrorModel>& em = m_drops[receiver];
    if (!em)
    {
        em = CreateObject<LifecycleTcpSegmentErrorModel>();
        Device(receiver)->SetReceiveErrorModel(em);
    }
    return em;
}

void
TwoNodeNetwork::InjectAt(Time at, char n, TcpHeader header, uint32_t payloadBytes)
{
    Simulator::Schedule(at - Simulator::Now(),
                        [this, n, header, payloadBytes]() { InjectNow(n, header, payloadBytes); });
}

void
TwoNodeNetwork::InjectNow(char n, TcpHeader header, uint32_t payloadBytes)
{
    Ipv4Address src = Addr(n);
    Ipv4Address dst = Addr(n == 'A' ? 'B' : 'A');
    Ptr<Packet> p = Create<Packet>(payloadBytes);
    if (Node::ChecksumEnabled())
    {
        header.EnableChecksums();
        header.InitializeChecksum(src, dst, 6);
    }
    p->AddHeader(header);
    GetNode(n)->GetObject<Ipv4>()->Send(p, src, dst, 6, nullptr);
}

void
TwoNodeNetwork::InjectRawAt(Time at, char n, std::vector<uint8_t> segment)
{
    Simulator::Schedule(at - Simulator::Now(),
                        [this, n, segment]()
                        {
                            Ptr<Packet> p = Create<Packet>(segment.data(), segment.size());
                            GetNode(n)->GetObject<Ipv4>()->Send(
                                p, Addr(n), Addr(n == 'A' ? 'B' : 'A'), 6, nullptr);
                        });
}

TcpHeader
TwoNodeNetwork::Header(
    uint16_t port, uint16_t peerPort, uint32_t seq, uint8_t flags, uint32_t ack, uint16_t window)
{
    TcpHeader h;
    h.SetSourcePort(port);
    h.SetDestinationPort(peerPort);
    h.SetSequenceNumber(SequenceNumber32(seq));
    h.SetAckNumber(SequenceNumber32(ack));
    h.SetFlags(flags);
    h.SetWindowSize(window);
    return h;
}

std::vector<std::string>
TwoNodeNetwork::Wire() const
{
    std::vector<std::string> out;
    for (const auto& s : m_wire)
    {
        out.push_back(s.Rfc());
    }
    return out;
}

const std::vector<WireSegment>&
TwoNodeNetwork::Segments() const
{
    return m_wire;
}

std::vector<WireSegment>
TwoNodeNetwork::SegmentsFrom(char n) const
{
    std::vector<WireSegment> out;
    for (const auto& s : m_wire)
    {
        if (s.from == n)
        {
            out.push_back(s);
        }
    }
    return out;
}

std::vector<Ptr<LifecycleTcpSocket>>
TwoNodeNetwork::Sockets(char n) const
{
    std::vector<Ptr<LifecycleTcpSocket>> out;
    auto it = m_byNode.find(n);
    if (it != m_byNode.end())
    {
        for (size_t i : it->second)
        {
            out.push_back(m_sockets[i].socket);
        }
    }
    return out;
}

const TwoNodeNetwork::SocketRecord*
TwoNodeNetwork::Find(Ptr<LifecycleTcpSocket> s) const
{
    for (const auto& r : m_sockets)
    {
        if (r.socket == s)
        {
            return &r;
        }
    }
    return nullptr;
}

std::vector<std::string>
TwoNodeNetwork::States(Ptr<LifecycleTcpSocket> s) const
{
    const SocketRecord* r = Find(s);
    std::vector<std::string> out;
    if (!r)
    {
        return out;
    }
    out.push_back(LifecycleTcpStates::Name(r->first));
    for (const auto& c : r->changes)
    {
        out.push_back(LifecycleTcpStates::Name(c.to));
    }
    return out;
}

std::vector<StateChange>
TwoNodeNetwork::Changes(Ptr<LifecycleTcpSocket> s) const
{
    const SocketRecord* r = Find(s);
    return r ? r->changes : std::vector<StateChange>{};
}

std::vector<LifecycleTcpRetransmission>
TwoNodeNetwork::Retransmissions(Ptr<LifecycleTcpSocket> s) const
{
    const SocketRecord* r = Find(s);
    return r ? r->retx : std::vector<LifecycleTcpRetransmission>{};
}

std::vector<Time>
TwoNodeNetwork::RetransmissionTimes(Ptr<LifecycleTcpSocket> s) const
{
    const SocketRecord* r = Find(s);
    return r ? r->retxTimes : std::vector<Time>{};
}

TwoNodeNetwork::Connection
TwoNodeNetwork::Establish(Time at)
{
    Connection c;
    c.listener = Listen('B', 80);
    c.a = ConnectAt(at, 'A', 80, 1000);
    RunUntil(at + Seconds(1));
    auto onB = Sockets('B');
    NS_ABORT_MSG_IF(onB.size() < 2, "no connection was accepted on B");
    c.b = onB.back();
    NS_ABORT_MSG_IF(c.a->GetState() != TcpSocket::ESTABLISHED
                        || c.b->GetState() != TcpSocket::ESTABLISHED,
                    "connection did not establish");
    return c;
}

uint64_t
TwoNodeNetwork::LinkDrops() const
{
    return m_linkDrops;
}

void
TwoNodeNetwork::RunUntil(Time until)
{
    Simulator::Stop(until - Simulator::Now());
    Simulator::Run();
}

} // namespace lifecycle_test
} // namespace ns3
